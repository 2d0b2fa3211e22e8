/**
 * Limits on the shape of a YAML text, checked while it is tokenized and again on yaml's concrete
 * syntax tree, before any document is composed. yaml's lexer and CST parser keep their own stacks
 * (no recursion), but its composer and everything after it (toJS, schema validation, stringify)
 * recurse once per nesting level: a 2 kB text of 1,000 `[` overflowed the stack there and left V8
 * unable to compile a regular expression afterwards (issue 24, finding 1). So depth and size are
 * measured here, iteratively, and a text over a limit is refused before the recursive code ever
 * sees it.
 */
import { CST } from 'yaml';

/** Shape limits of one file. */
export interface ShapeLimits {
  /** Deepest nesting of mappings and lists (the document's top mapping is level 1). */
  maxDepth: number;
  /** Most mapping keys in the whole file. */
  maxKeys: number;
  /** Most nodes (collections, scalars, aliases) in the whole file. */
  maxNodes: number;
  /** Most documents in one file. */
  maxDocuments: number;
}

/** The first limit a text breaks, and where. */
export interface ShapeBreach {
  code: 'E_TOO_DEEP' | 'E_TOO_MANY_KEYS' | 'E_TOO_MANY_NODES' | 'E_TOO_MANY_DOCUMENTS';
  message: string;
  /** Character offset of the node that broke the limit. */
  offset: number;
}

/**
 * Counts the lexemes of a text as the lexer yields them, so that a text far over a limit is refused
 * after the first lexeme over it instead of after the whole CST is built (yaml's CST parser needs
 * about 2 s for 400,000 `[`; its lexer reaches the 65th in microseconds). It counts flow nesting,
 * `:` indicators, `---` markers and scalar, alias and flow-collection nodes: never more than the CST check below
 * counts, so it refuses nothing that check would accept.
 */
export class LexemeGauge {
  private flowDepth = 0;
  private keys = 0;
  private nodes = 0;
  private documents = 0;
  constructor(private readonly limits: ShapeLimits) {}

  /** Counts one lexeme that starts at `offset`; the limit it breaks, if any. */
  count(lexeme: string, offset: number): ShapeBreach | undefined {
    switch (CST.tokenType(lexeme)) {
      case 'flow-seq-start':
      case 'flow-map-start':
        if (++this.flowDepth > this.limits.maxDepth) return tooDeep(this.limits, offset);
        return this.node(offset);
      case 'flow-seq-end':
      case 'flow-map-end':
        this.flowDepth = Math.max(0, this.flowDepth - 1);
        return undefined;
      case 'doc-start':
        return ++this.documents > this.limits.maxDocuments
          ? {
              code: 'E_TOO_MANY_DOCUMENTS',
              message: `file has more than ${this.limits.maxDocuments} documents`,
              offset,
            }
          : undefined;
      case 'map-value-ind':
        return ++this.keys > this.limits.maxKeys ? tooManyKeys(this.limits, offset) : undefined;
      case 'scalar': // the marker before a plain scalar
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar-header':
      case 'alias':
        return this.node(offset);
      default:
        return undefined;
    }
  }

  private node(offset: number): ShapeBreach | undefined {
    return ++this.nodes > this.limits.maxNodes ? tooManyNodes(this.limits, offset) : undefined;
  }
}

const tooDeep = (limits: ShapeLimits, offset: number): ShapeBreach => ({
  code: 'E_TOO_DEEP',
  message: `nesting deeper than ${limits.maxDepth} levels`,
  offset,
});
const tooManyKeys = (limits: ShapeLimits, offset: number): ShapeBreach => ({
  code: 'E_TOO_MANY_KEYS',
  message: `more than ${limits.maxKeys} mapping keys in one file`,
  offset,
});
const tooManyNodes = (limits: ShapeLimits, offset: number): ShapeBreach => ({
  code: 'E_TOO_MANY_NODES',
  message: `more than ${limits.maxNodes} values in one file`,
  offset,
});

/** Counts depth, keys and nodes of a file's CST tokens; the first limit broken, if any. */
export function shapeBreach(tokens: readonly CST.Token[], limits: ShapeLimits): ShapeBreach | undefined {
  let keys = 0;
  let nodes = 0;
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  stack.reverse();
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (!isNode(token)) continue;
    if (++nodes > limits.maxNodes) return tooManyNodes(limits, token.offset);
    if (!isCollection(token)) continue;
    const level = depth + 1;
    if (level > limits.maxDepth) return tooDeep(limits, token.offset);
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i] as CST.CollectionItem;
      const isPair = token.type !== 'block-seq' && (item.key !== undefined || item.sep !== undefined);
      if (isPair && ++keys > limits.maxKeys) return tooManyKeys(limits, item.key?.offset ?? token.offset);
      if (item.value) stack.push([item.value, level]);
      if (item.key) stack.push([item.key, level]);
    }
  }
  return undefined;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

function isCollection(t: CST.Token): t is Collection {
  return t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
}

function isNode(t: CST.Token): boolean {
  switch (t.type) {
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
    case 'alias':
      return true;
    default:
      return false;
  }
}
