/**
 * A leaf-by-leaf difference of two documents: every dotted path whose value differs, with both
 * values. Lists are compared by position, except lists of objects with an `id` (rules, criteria,
 * components), which are compared by id.
 */

/** One difference: the value at `path` in A and in B (`undefined` where absent). */
export interface LeafDifference {
  path: string;
  a: unknown;
  b: unknown;
}

/** Every leaf that differs between `a` and `b`, in path order. */
export function diffDocuments(a: unknown, b: unknown, ignore: readonly string[] = []): LeafDifference[] {
  const out: LeafDifference[] = [];
  walk(a, b, '', out, new Set(ignore));
  return out.sort((x, y) => x.path.localeCompare(y.path));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const keyed = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.id === 'string');

function walk(a: unknown, b: unknown, path: string, out: LeafDifference[], ignore: Set<string>): void {
  if (ignore.has(path)) return;
  const join = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], join(k), out, ignore);
    return;
  }
  if (keyed(a) && keyed(b)) {
    const byId = (l: { id: string }[]) => new Map(l.map((x) => [x.id, x]));
    const ma = byId(a);
    const mb = byId(b);
    for (const k of new Set([...ma.keys(), ...mb.keys()])) walk(ma.get(k), mb.get(k), join(k), out, ignore);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.every((x) => !isObject(x)) && b.every((x) => !isObject(x))) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], join(i), out, ignore);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b });
}
