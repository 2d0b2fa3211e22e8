/**
 * Turns the bytes of a file into YAML documents with source positions, refusing hostile input
 * quickly and plainly: oversized files, binary data, alias bombs and absurd nesting.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic } from '../../shared/errors.ts';

/** Limits on one file of documents; each refusal says which limit was hit. */
export const LIMITS = {
  /** Largest file accepted, in bytes (the biggest built-in file is well under 100 kB). */
  maxBytes: 1_000_000,
  /** Deepest nesting of mappings and lists accepted. */
  maxDepth: 64,
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

/** Parses the text of a file (already known to be text) into documents, or all its errors. */
export function parseSource(file: string, bytes: Uint8Array): ParsedSource {
  const fail = (code: string, message: string, line?: number, col?: number): ParsedSource => ({
    ok: false,
    diagnostics: [{ code, message, file, line, col }],
  });
  if (bytes.byteLength > LIMITS.maxBytes) {
    return fail(
      'E_FILE_TOO_LARGE',
      `file is ${bytes.byteLength} bytes; documents are limited to ${LIMITS.maxBytes} bytes`,
    );
  }
  if (bytes.includes(0)) return fail('E_BINARY_FILE', 'file contains NUL bytes: expected a YAML text file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('E_NOT_UTF8', 'file is not valid UTF-8 text: expected a YAML text file');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) return fail('E_YAML_SYNTAX', 'empty stream');
  if (list.length > LIMITS.maxDocuments)
    return fail('E_TOO_MANY_DOCUMENTS', `file has more than ${LIMITS.maxDocuments} documents`);

  const diagnostics: Diagnostic[] = [];
  const pos = (offset: number) => lineCounter.linePos(offset);
  for (const doc of list) {
    for (const e of doc.errors) {
      const { line, col } = pos(e.pos[0]);
      const code = e.code === 'DUPLICATE_KEY' ? 'E_DUPLICATE_KEY' : 'E_YAML_SYNTAX';
      diagnostics.push({ code, message: firstLine(e.message), file, line, col });
    }
  }
  if (diagnostics.length) return { ok: false, diagnostics };

  const documents: SourceDocument[] = [];
  list.forEach((doc, index) => {
    const tooDeep = deepestPoint(doc.contents as Node | null, LIMITS.maxDepth);
    if (tooDeep !== undefined) {
      const { line, col } = pos(tooDeep);
      diagnostics.push({
        code: 'E_TOO_DEEP',
        message: `nesting deeper than ${LIMITS.maxDepth} levels`,
        file,
        line,
        col,
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const aliasBomb = /alias/i.test(msg);
      const { line, col } = pos(doc.range?.[0] ?? 0);
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
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, documents };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

/** Offset of the first node nested deeper than `max`, if any (iterative: no stack overflow on hostile input). */
function deepestPoint(root: Node | null, max: number): number | undefined {
  const stack: [Node, number][] = root ? [[root, 1]] : [];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return node.range?.[0] ?? 0;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.value && !isScalar(pair.value) && !isAlias(pair.value))
          stack.push([pair.value as Node, depth + 1]);
        if (pair.key && !isScalar(pair.key) && !isAlias(pair.key)) stack.push([pair.key as Node, depth + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items)
        if (item && !isScalar(item) && !isAlias(item)) stack.push([item as Node, depth + 1]);
    }
  }
  return undefined;
}

function locator(doc: Document, lc: LineCounter): SourceDocument['locate'] {
  return (path) => {
    // Walk up to the nearest node that exists: a missing field is reported at its parent mapping.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && node.range) {
        // For a pair's value, point at the key when the path names a field: editors jump to the key line.
        const keyRange = n > 0 ? keyRangeOf(doc, path.slice(0, n)) : undefined;
        const { line, col } = lc.linePos(keyRange ?? node.range[0]);
        return { line, col };
      }
    }
    const { line, col } = lc.linePos(doc.range?.[0] ?? 0);
    return { line, col };
  };
}

function keyRangeOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (!parent || !isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}
