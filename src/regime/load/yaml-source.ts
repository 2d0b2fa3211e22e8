/**
 * Turns the bytes of a file into YAML documents with source positions, refusing hostile input
 * quickly and plainly: oversized files, binary data, alias bombs, absurd nesting and key counts.
 * Every step is linear in the size of the text, and nothing recursive runs before the shape limits
 * have been checked (src/regime/load/yaml-shape.ts).
 */
import {
  Composer,
  Lexer,
  LineCounter,
  Parser,
  isMap,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type Node,
} from 'yaml';
import { UserError, type Diagnostic } from '../../shared/errors.ts';
import { LexemeGauge, shapeBreach, type ShapeBreach } from './yaml-shape.ts';

/** Limits on one file of documents; each refusal says which limit was hit. */
export const LIMITS = {
  /** Largest file accepted, in bytes (the biggest built-in file is 12 kB). */
  maxBytes: 1_000_000,
  /** Deepest nesting of mappings and lists accepted (the built-ins reach 11). */
  maxDepth: 64,
  /** Most mapping keys in one file (the built-ins have at most 308). */
  maxKeys: 10_000,
  /** Most values (collections and scalars) in one file (the built-ins have at most 815). */
  maxNodes: 50_000,
  /** Most alias expansions allowed while building a document (yaml's guard against "billion laughs"). */
  maxAliasCount: 100,
  /** Most documents in one file. */
  maxDocuments: 500,
} as const;

/** One YAML document of a file: its plain value and a way to find where a path is. */
export interface SourceDocument {
  file: string;
  /** 0-based index of the document inside its file. */
  index: number;
  value: unknown;
  /** Line and column (1-based) of a path inside this document, or of its nearest existing parent. */
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

export type ParsedSource =
  { ok: true; documents: SourceDocument[] } | { ok: false; diagnostics: Diagnostic[] };

/** The YAML documents of a text within the limits, or every problem of the text. */
export type ParsedYaml =
  | { ok: true; documents: Document.Parsed[]; lineCounter: LineCounter }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses the text of a file (already known to be text) into documents, or all its errors. */
export function parseSource(file: string, bytes: Uint8Array): ParsedSource {
  const text = decodeText(file, bytes);
  if (typeof text !== 'string') return { ok: false, diagnostics: [text] };
  const parsed = parseYamlText(file, text);
  if (!parsed.ok) return parsed;
  const { lineCounter } = parsed;

  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  parsed.documents.forEach((doc, index) => {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const aliasBomb = /alias/i.test(msg);
      const { line, col } = lineCounter.linePos(doc.range?.[0] ?? 0);
      diagnostics.push({
        code: aliasBomb ? 'E_ALIAS_LIMIT' : 'E_YAML_SYNTAX',
        message: aliasBomb
          ? `too many alias expansions (limit ${LIMITS.maxAliasCount}): refusing a possible alias bomb`
          : firstLine(msg),
        file,
        line,
        col,
      });
      return;
    }
    if (value === null || value === undefined) return; // an empty document between `---` markers
    documents.push({ file, index, value, locate: locator(doc, lineCounter) });
  });
  if (!diagnostics.length && !documents.length)
    diagnostics.push({
      code: 'E_EMPTY_FILE',
      message: 'the file holds no document (empty, or only comments and `---`): expected a YAML document',
      file,
    });
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, documents };
}

/** The bytes of a file as text, or why they are not a YAML text (size, NUL bytes, encoding). */
export function decodeText(file: string, bytes: Uint8Array): string | Diagnostic {
  if (bytes.byteLength > LIMITS.maxBytes) {
    return {
      code: 'E_FILE_TOO_LARGE',
      message: `file is ${bytes.byteLength} bytes; documents are limited to ${LIMITS.maxBytes} bytes`,
      file,
    };
  }
  if (bytes.includes(0))
    return { code: 'E_BINARY_FILE', message: 'file contains NUL bytes: expected a YAML text file', file };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 'E_NOT_UTF8', message: 'file is not valid UTF-8 text: expected a YAML text file', file };
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses a YAML text into documents: the CST first (iterative), its shape checked against the
 * limits, and only then the documents composed. Duplicate keys are found with one set per mapping
 * (yaml's own check compares each key with every earlier one: 6.6 s for 20,000 keys).
 */
export function parseYamlText(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (code: string, message: string, offset: number): Diagnostic => ({
    code,
    message,
    file,
    ...lineCounter.linePos(offset),
  });
  if (text.length > LIMITS.maxBytes)
    return {
      ok: false,
      diagnostics: [
        {
          code: 'E_FILE_TOO_LARGE',
          message: `text is ${text.length} characters; documents are limited to ${LIMITS.maxBytes}`,
          file,
        },
      ],
    };
  const tokens = tokenize(text, lineCounter);
  const breach = Array.isArray(tokens) ? shapeBreach(tokens, LIMITS) : tokens;
  if (breach) return { ok: false, diagnostics: [at(breach.code, breach.message, breach.offset)] };

  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true });
  const documents = Array.from(composer.compose(tokens as CST.Token[], true, text.length));
  if (documents.length > LIMITS.maxDocuments)
    return {
      ok: false,
      diagnostics: [at('E_TOO_MANY_DOCUMENTS', `file has more than ${LIMITS.maxDocuments} documents`, 0)],
    };
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    for (const e of doc.errors) diagnostics.push(at('E_YAML_SYNTAX', firstLine(e.message), e.pos[0]));
    for (const offset of duplicateKeys(doc.contents))
      diagnostics.push(at('E_DUPLICATE_KEY', 'Map keys must be unique', offset));
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, documents, lineCounter };
}

/** yaml's CST of a text, its lexemes counted on the way: the tokens, or the first limit broken. */
function tokenize(text: string, lineCounter: LineCounter): CST.Token[] | ShapeBreach {
  const gauge = new LexemeGauge(LIMITS);
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  lineCounter.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    const breach = gauge.count(lexeme, parser.offset);
    if (breach) return breach;
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

/** The codes of the limits: a file over one keeps the code whatever reads it. */
const LIMIT_CODES = new Set([
  'E_FILE_TOO_LARGE',
  'E_TOO_DEEP',
  'E_TOO_MANY_KEYS',
  'E_TOO_MANY_NODES',
  'E_TOO_MANY_DOCUMENTS',
]);

/**
 * The one YAML document of a text (null when empty) within the limits, for readers of other YAML
 * files (Flee's simsetting.yml, levers files).
 * @throws the first problem: a limit under its own code, anything else as `syntaxCode` ("invalid YAML: …")
 */
export function parseLimitedDocument(
  file: string,
  text: string,
  syntaxCode: string,
): { doc: Document.Parsed | null; lineCounter: LineCounter } {
  const parsed = parseYamlText(file, text);
  if (!parsed.ok) {
    const d = parsed.diagnostics[0];
    const limit = LIMIT_CODES.has(d.code);
    throw new UserError({
      ...d,
      code: limit ? d.code : syntaxCode,
      message: limit ? d.message : `invalid YAML: ${d.message}`,
    });
  }
  return { doc: parsed.documents[0] ?? null, lineCounter: parsed.lineCounter };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

/** Offsets of the keys that repeat an earlier key of their mapping (a key is never silently dropped). */
function duplicateKeys(root: unknown): number[] {
  const found: number[] = [];
  for (const node of nodesOf(root)) {
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      if (seen.has(pair.key.value)) found.push(pair.key.range?.[0] ?? 0);
      seen.add(pair.key.value);
    }
  }
  return found;
}

/** Every node of a composed document, without recursion. */
function* nodesOf(root: unknown): Generator<Node> {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      yield node;
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      yield node;
      stack.push(...node.items);
    } else if (isScalar(node)) yield node;
  }
}

/**
 * Where each path of a document starts: a field at its key (editors jump to the key line), a list
 * item at its value. Built once per document on the first lookup, so that reporting n problems
 * costs O(n + size), not O(n × size).
 */
function locator(doc: Document, lc: LineCounter): SourceDocument['locate'] {
  let index: Map<string, number> | undefined;
  return (path) => {
    index ??= pathOffsets(doc);
    for (let n = path.length; n >= 0; n--) {
      const offset = index.get(pathKey(path.slice(0, n)));
      if (offset !== undefined) return lc.linePos(offset);
    }
    return lc.linePos(0);
  };
}

const pathKey = (path: readonly (string | number)[]) => path.map(String).join('\u0000');

function pathOffsets(doc: Document): Map<string, number> {
  const offsets = new Map<string, number>();
  const stack: [unknown, (string | number)[]][] = [[doc.contents, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    const start = (node as Node | null)?.range?.[0];
    if (start !== undefined && !offsets.has(pathKey(path))) offsets.set(pathKey(path), start);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const p = [...path, String(pair.key.value)];
        const keyStart = pair.key.range?.[0];
        if (keyStart !== undefined && !offsets.has(pathKey(p))) offsets.set(pathKey(p), keyStart);
        stack.push([pair.value, p]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push([item, [...path, i]]));
    }
  }
  return offsets;
}
