/**
 * A digest of the package's source code (every non-test `.ts` file under `src/`), for the caches
 * that keep what the code computed (compiled tables, the checked built-in library): a change to the
 * code is a miss, never a stale result.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
