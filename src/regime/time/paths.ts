/** Reading and writing values at dotted paths of plain documents. */

/** The value at a dotted path, or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let v = obj;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Sets the value at a dotted path in place, creating the mappings on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let v: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    if (v[k] === null || typeof v[k] !== 'object') v[k] = {};
    v = v[k] as Record<string, unknown>;
  }
  v[keys[keys.length - 1]] = structuredClone(value);
}

/** Every leaf path under a value (lists are leaves: they are compared as sets). */
export function leafPaths(value: unknown, prefix: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) out.push(...leafPaths(v, prefix ? `${prefix}.${k}` : k));
  return out.length ? out : [prefix];
}
