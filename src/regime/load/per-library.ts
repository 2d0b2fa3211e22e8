import type { Library } from './library.ts';

/**
 * A cache of values computed from a library, by key. A loaded library never changes, so a value
 * stays good while its library object lives, and is dropped with it (a WeakMap).
 */
export function perLibrary<T>(): (lib: Library, key: string, make: () => T) => T {
  const caches = new WeakMap<Library, Map<string, T>>();
  return (lib, key, make) => {
    let byKey = caches.get(lib);
    if (!byKey) caches.set(lib, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = make()));
    return value;
  };
}
