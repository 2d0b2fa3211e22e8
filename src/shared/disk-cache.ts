/**
 * What the caches on disk share (compiled tables, src/sim/tables-cache.ts; checked documents,
 * src/regime/load/library-cache.ts): where they live, how an entry is written so that no reader
 * sees half of it, how old entries go, and the digest of the code that made them, so that a change
 * to the code is a miss, never a stale result.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cache directory an environment variable names, or undefined when it is unset or `off`. */
export function cacheDirFromEnv(variable: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[variable];
  return dir && dir !== 'off' ? dir : undefined;
}

/** Points `variable` at `cache/NAME` beside the results store `storeFile`, unless the environment already chose. */
export function defaultCacheDir(
  variable: string,
  name: string,
  storeFile: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (!env[variable]) env[variable] = join(dirname(storeFile), 'cache', name);
}

/** Writes `bytes` to a temporary name beside `path` and renames it, so readers see all of it or nothing. */
export function writeFileAtomic(path: string, bytes: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

const pruned = new Set<string>();

/**
 * Keeps the newest `keep` entries (names ending in `suffix`) of `dir` and drops leftovers of
 * interrupted writes older than an hour; once per process and directory.
 */
export function pruneCache(dir: string, suffix: string, keep: number): void {
  if (pruned.has(dir)) return;
  pruned.add(dir);
  try {
    const hourAgo = Date.now() - 3_600_000;
    const entries: { path: string; mtime: number }[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const mtime = statSync(path).mtimeMs;
      if (name.endsWith(suffix)) entries.push({ path, mtime });
      else if (name.endsWith('.tmp') && mtime < hourAgo) rmSync(path, { force: true });
    }
    entries.sort((a, b) => b.mtime - a.mtime);
    for (const e of entries.slice(keep)) rmSync(e.path, { force: true });
  } catch {
    // pruning is housekeeping: a failure costs disk space, not results
  }
}

let codeDigest: string | undefined;

/** SHA-256 over the path and bytes of every non-test `.ts` file under `src/`, in path order (once per process). */
export function sourceCodeDigest(): string {
  if (codeDigest) return codeDigest;
  const src = fileURLToPath(new URL('../', import.meta.url));
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
        h.update(p.slice(src.length)).update(readFileSync(p));
    }
  };
  walk(src);
  return (codeDigest = h.digest('hex'));
}
