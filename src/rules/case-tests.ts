/**
 * Case tests, as OpenFisca's YAML tests: a Case with `expect` is decided and each expected field
 * compared with the decision.
 *
 * - `expect` holds any subset of the decision's fields (`protection`, `status`, `removable`,
 *   `non_refoulement`, `channels`, `rights`, `outcome`, `missing`, `transitions`…). Mappings compare
 *   key by key (a subset), lists compare as sets, everything else by equality.
 * - `<list>_include` / `<list>_exclude` (e.g. `rights_include: [dual_citizenship]`) check that
 *   the list holds / lacks the items, whatever else it holds.
 * - The regime comes from `--regime`, else from the nearest folder on the case's path named after a
 *   Regime of the library (`cases/<regime-id>/…`).
 */
import type { Case, Library } from '../regime/index.ts';
import type { Decision } from './decide.ts';

/** One difference between an expectation and a decision. */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface CaseTestResult {
  case: string;
  file: string;
  regime: string | null;
  pass: boolean;
  differences: Difference[];
  /** Set when the case could not be decided at all (no regime, unknown tier, user error). */
  error?: string;
}

/** Compares an expectation with a decision. */
export function compareExpectation(expect: Record<string, unknown>, decision: Decision): Difference[] {
  const actual = decision as unknown as Record<string, unknown>;
  const diffs: Difference[] = [];
  for (const [key, want] of Object.entries(expect)) {
    const m = /^(.*)_(include|exclude)$/.exec(key);
    if (m && Array.isArray(actual[m[1]]) && Array.isArray(want)) {
      const have = new Set(actual[m[1]] as unknown[]);
      const bad = (want as unknown[]).filter((x) => (m[2] === 'include' ? !have.has(x) : have.has(x)));
      if (bad.length) diffs.push({ path: key, expected: want, actual: actual[m[1]] });
      continue;
    }
    diffs.push(...compare(key, want, actual[key]));
  }
  return diffs;
}

function compare(path: string, want: unknown, got: unknown): Difference[] {
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return [{ path, expected: want, actual: got }];
    const a = new Set(want.map((x) => JSON.stringify(x)));
    const b = new Set(got.map((x) => JSON.stringify(x)));
    return a.size === b.size && [...a].every((x) => b.has(x)) ? [] : [{ path, expected: want, actual: got }];
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got))
      return [{ path, expected: want, actual: got }];
    return Object.entries(want).flatMap(([k, v]) =>
      compare(`${path}.${k}`, v, (got as Record<string, unknown>)[k]),
    );
  }
  if (typeof want === 'number' && typeof got === 'number')
    return Math.abs(want - got) < 1e-9 ? [] : [{ path, expected: want, actual: got }];
  return want === got ? [] : [{ path, expected: want, actual: got === undefined ? '(absent)' : got }];
}

/** The regime a case file names by its folder (the nearest folder that is a Regime id), or null. */
export function regimeFromPath(lib: Library, file: string): string | null {
  const parts = file.split(/[\\/]/).slice(0, -1).reverse();
  for (const p of parts) if (lib.get(p)?.doc.kind === 'Regime') return p;
  return null;
}

/** Formats a difference for a terminal. */
export function formatDifference(d: Difference): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`;
}

/** Cases of a library that came from the given files and carry an expectation. */
export function casesWithExpect(lib: Library, files: ReadonlySet<string>): { doc: Case; file: string }[] {
  return lib
    .ofKind('Case')
    .filter((d) => files.has(d.file) && d.doc.expect !== undefined)
    .map((d) => ({ doc: d.doc, file: d.file }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.doc.id.localeCompare(b.doc.id));
}
