/**
 * What a stored result was made with: the package version and, when the code runs from a git work
 * tree, the commit (with `-dirty` when tracked files differ from it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: string | undefined;

/** `mobility-regimes@VERSION` plus `+COMMIT[-dirty]` when a git work tree is found; computed once. */
export function codeVersion(): string {
  if (cached !== undefined) return cached;
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    // not fatal: the version stays unknown
  }
  cached = `mobility-regimes@${version}${gitSuffix()}`;
  return cached;
}

function gitSuffix(): string {
  try {
    const opts = {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8' as const,
      stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    };
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], opts).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], opts).trim() !== '';
    return `+${commit}${dirty ? '-dirty' : ''}`;
  } catch {
    return '';
  }
}
