/**
 * A library is a set of documents loaded together: every file parsed, every document validated,
 * ids unique, every reference pointing at a document of the right kind, no circles. Either all of
 * it loads or none of it does: the result is a library or the complete list of diagnostics.
 */
import type { Diagnostic } from '../../shared/errors.ts';
import { UserError } from '../../shared/errors.ts';
import type { DocumentKind, RegimeDocument } from '../schema/kinds.ts';
import { isLever } from '../schema/levers.ts';
import { parseSource, type SourceDocument } from './yaml-source.ts';
import { KIND_SCHEMAS, checkSetPaths, validateDocument } from './validate-document.ts';
import { referencesOf, type Reference } from './references.ts';
import type { PathIssue } from './zod-issues.ts';
import { documentCache, type DocumentCache } from './library-cache.ts';
import type { LoadedDocument, SourceFile } from './loaded-document.ts';

export type { LoadedDocument, SourceFile };

/** Every document of a library, by id. */
export interface Library {
  readonly documents: ReadonlyMap<string, LoadedDocument>;
  /** The document with this id, or undefined. */
  get(id: string): LoadedDocument | undefined;
  /** The document with this id, of one of these kinds, or a user error naming what exists. */
  require<K extends DocumentKind>(
    id: string,
    ...kinds: K[]
  ): LoadedDocument<Extract<RegimeDocument, { kind: K }>>;
  /** Every document of a kind, in id order. */
  ofKind<K extends DocumentKind>(kind: K): LoadedDocument<Extract<RegimeDocument, { kind: K }>>[];
}

export type LibraryCheck = { ok: true; library: Library } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Loads files into a library, or returns every diagnostic found (nothing half-loaded). A file's
 * parse and schema check come from `cache` when it kept them (library-cache.ts; by default the one
 * the environment names, none in the tests); what depends on the other files is checked here.
 */
export function checkLibrary(
  files: readonly SourceFile[],
  cache: DocumentCache | undefined = documentCache(),
): LibraryCheck {
  const diagnostics: Diagnostic[] = [];
  const loaded: LoadedDocument[] = [];
  // Ids of documents that failed validation: references to them are not reported again as dangling.
  const brokenIds = new Set<string>();
  const at = (d: SourceDocument | LoadedDocument, issue: PathIssue): Diagnostic => {
    const { line, col } = d.locate(issue.path);
    return { code: issue.code, message: issue.message, file: d.file, line, col, path: issue.path };
  };

  for (const f of files) {
    const kept = cache?.get(f);
    if (kept) {
      loaded.push(...kept);
      continue;
    }
    const parsed = parseSource(f.file, f.bytes);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const before = diagnostics.length;
    const ofFile: LoadedDocument[] = [];
    for (const sd of parsed.documents) {
      const checked = validateDocument(sd.value);
      if (!checked.ok) {
        diagnostics.push(...checked.issues.map((i) => at(sd, i)));
        const id = (sd.value as { id?: unknown } | null)?.id;
        if (typeof id === 'string') brokenIds.add(id);
      } else ofFile.push({ doc: checked.doc, file: sd.file, index: sd.index, locate: sd.locate });
    }
    loaded.push(...ofFile);
    if (diagnostics.length === before) cache?.put(f, ofFile);
  }

  // Ids are unique across the library.
  const byId = new Map<string, LoadedDocument>();
  for (const d of loaded) {
    const first = byId.get(d.doc.id);
    if (first) {
      const p = first.locate(['id']);
      diagnostics.push(
        at(d, {
          code: 'E_DUPLICATE_ID',
          path: ['id'],
          message: `duplicate id '${d.doc.id}': first defined at ${first.file}:${p.line}:${p.col}`,
        }),
      );
    } else byId.set(d.doc.id, d);
  }

  // References point at existing documents of the right kind.
  const edges = new Map<string, { ref: Reference; from: LoadedDocument }[]>();
  for (const d of byId.values()) {
    for (const ref of referencesOf(d.doc)) {
      const target = byId.get(ref.id);
      if (!target) {
        if (brokenIds.has(ref.id)) continue;
        diagnostics.push(
          at(d, {
            code: 'E_DANGLING_REFERENCE',
            path: ref.path,
            message: `'${ref.id}' names no document${suggest(ref.id, byId)}`,
          }),
        );
        continue;
      }
      if (ref.kinds && !ref.kinds.includes(target.doc.kind)) {
        diagnostics.push(
          at(d, {
            code: 'E_WRONG_REFERENCE_KIND',
            path: ref.path,
            message: `'${ref.id}' is a ${target.doc.kind}; expected ${ref.kinds.join(' or ')}`,
          }),
        );
        continue;
      }
      if (ref.member) {
        const missing = memberMissing(target.doc, ref.member);
        if (missing)
          diagnostics.push(at(d, { code: 'E_DANGLING_REFERENCE', path: ref.path, message: missing }));
      }
      const list = edges.get(d.doc.id) ?? [];
      list.push({ ref, from: d });
      edges.set(d.doc.id, list);
    }
  }

  for (const cycle of findCycles(edges)) {
    const { ref, from } = cycle.first;
    const code = from.doc.kind === 'Amendment' ? 'E_CIRCULAR_AMENDMENT' : 'E_CIRCULAR_REFERENCE';
    diagnostics.push(
      at(from, { code, path: ref.path, message: `circular reference: ${cycle.ids.join(' → ')}` }),
    );
  }

  // Amendments change fields and rules that exist in their target, with values that fit.
  for (const d of byId.values()) {
    const amendment = d.doc;
    if (amendment.kind !== 'Amendment') continue;
    const target = byId.get(amendment.amends)?.doc;
    if (!target) continue;
    if (target.kind === 'Amendment' || target.kind === 'Case') {
      diagnostics.push(
        at(d, {
          code: 'E_WRONG_REFERENCE_KIND',
          path: ['amends'],
          message: `an amendment changes a document in force, not a ${target.kind}`,
        }),
      );
      continue;
    }
    const ruleIds = new Set(('rules' in target ? (target.rules ?? []) : []).map((r) => r.id));
    amendment.changes.forEach((c, i) => {
      if (c.set)
        diagnostics.push(
          ...checkSetPaths(KIND_SCHEMAS[target.kind], c.set, ['changes', i, 'set']).map((x) => at(d, x)),
        );
      const named = c.repeal_rule ?? c.replace_rule?.id;
      if (named && !ruleIds.has(named)) {
        const field = c.repeal_rule ? 'repeal_rule' : 'replace_rule';
        diagnostics.push(
          at(d, {
            code: 'E_DANGLING_REFERENCE',
            path: ['changes', i, field],
            message: `'${amendment.amends}' has no rule '${named}'`,
          }),
        );
      }
      if (c.add_rule && !('rules' in target)) {
        diagnostics.push(
          at(d, {
            code: 'E_WRONG_REFERENCE_KIND',
            path: ['changes', i, 'add_rule'],
            message: `a ${target.kind} has no rules to add to`,
          }),
        );
      }
      if (c.add_rule) ruleIds.add(c.add_rule.id);
    });
  }
  // Scenario interventions set fields that exist in their target.
  for (const d of byId.values()) {
    if (d.doc.kind !== 'Scenario') continue;
    d.doc.interventions?.forEach((iv, i) => {
      if (isLever(iv)) return;
      const target = byId.get(iv.target)?.doc;
      if (target)
        diagnostics.push(
          ...checkSetPaths(KIND_SCHEMAS[target.kind], iv.set, ['interventions', i, 'set']).map((x) =>
            at(d, x),
          ),
        );
    });
  }

  if (diagnostics.length) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return { ok: true, library: makeLibrary(byId) };
}

/** Loads files into a library or throws a UserError listing every diagnostic. */
export function buildLibrary(files: readonly SourceFile[]): Library {
  const r = checkLibrary(files);
  if (!r.ok) throw new UserError(r.diagnostics);
  return r.library;
}

function makeLibrary(byId: Map<string, LoadedDocument>): Library {
  const sorted = new Map([...byId.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return {
    documents: sorted,
    get: (id) => sorted.get(id),
    require(id, ...kinds) {
      const d = sorted.get(id);
      if (!d)
        throw new UserError({
          code: 'E_UNKNOWN_ID',
          message: `no document '${id}'${suggest(id, sorted)}; 'regimes list' shows them all`,
        });
      if (kinds.length && !(kinds as string[]).includes(d.doc.kind)) {
        throw new UserError({
          code: 'E_WRONG_REFERENCE_KIND',
          message: `'${id}' is a ${d.doc.kind}; expected ${kinds.join(' or ')}`,
        });
      }
      return d as never;
    },
    ofKind: (kind) => [...sorted.values()].filter((d) => d.doc.kind === kind) as never,
  };
}

function memberMissing(doc: RegimeDocument, member: NonNullable<Reference['member']>): string | undefined {
  if (member.kind === 'parameter') {
    const params = 'parameters' in doc ? doc.parameters : undefined;
    return params && member.name in params ? undefined : `'${doc.id}' has no parameter '${member.name}'`;
  }
  const rules = 'rules' in doc ? (doc.rules ?? []) : [];
  return rules.some((r) => r.id === member.name || r.label === member.name)
    ? undefined
    : `'${doc.id}' has no rule or label '${member.name}'`;
}

/** Each elementary cycle of the reference graph, reported once. */
function findCycles(edges: Map<string, { ref: Reference; from: LoadedDocument }[]>) {
  const cycles: { ids: string[]; first: { ref: Reference; from: LoadedDocument } }[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: { id: string; via?: { ref: Reference; from: LoadedDocument } }[] = [];
  const visit = (id: string) => {
    state.set(id, 'active');
    for (const e of edges.get(id) ?? []) {
      const next = e.ref.id;
      if (state.get(next) === 'active') {
        const start = stack.findIndex((s) => s.id === next);
        const ids = [...stack.slice(start).map((s) => s.id), id, next].filter(
          (x, i, a) => i === 0 || x !== a[i - 1],
        );
        cycles.push({ ids, first: e });
      } else if (!state.has(next) && edges.has(next)) {
        stack.push({ id, via: e });
        visit(next);
        stack.pop();
      }
    }
    state.set(id, 'done');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

function suggest(id: string, known: Map<string, unknown>): string {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known.keys()) {
    const s = distance(id, k);
    if (s < bestScore) [best, bestScore] = [k, s];
  }
  return best && bestScore <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean '${best}'?)` : '';
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}

/** A library that also holds these documents (one with the id of a document of the base takes its place). */
export function overlayLibrary(base: Library, extra: readonly LoadedDocument[]): Library {
  const docs = new Map(base.documents);
  for (const d of extra) docs.set(d.doc.id, d);
  const sorted = new Map([...docs.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return {
    documents: sorted,
    get: (id) => sorted.get(id),
    require(id, ...kinds) {
      const d = sorted.get(id);
      if (!d) return base.require(id, ...kinds);
      if (kinds.length && !(kinds as string[]).includes(d.doc.kind)) return base.require(id, ...kinds);
      return d as never;
    },
    ofKind: (kind) => [...sorted.values()].filter((d) => d.doc.kind === kind) as never,
  };
}
