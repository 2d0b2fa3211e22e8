/**
 * Starting a worker thread on a module that may be TypeScript: on Node 20, a Worker cannot load a
 * `.ts` URL directly (not even with `--import tsx`), so a `.ts` module is loaded through an eval'd
 * bootstrap that registers tsx first. A compiled `.js` module is started directly.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/** Starts a worker on `url` (`.ts` through tsx, anything else directly). */
export function spawnWorker(url: URL, opts: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, opts);
  // tsx is resolved from this package, not from the working directory the eval'd code runs in.
  const tsx = import.meta.resolve('tsx/esm/api');
  const src = `import(${JSON.stringify(tsx)}).then(m => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(src, { ...opts, eval: true });
}

/** The module `base` next to `from`, with `from`'s own extension (`.ts` from sources, `.js` once compiled). */
export function siblingModule(base: string, from: string): URL {
  return new URL(`${base}${from.slice(from.lastIndexOf('.'))}`, from);
}
