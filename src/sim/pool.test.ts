import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const child = fileURLToPath(new URL('../../test/support/sim/pool-child.ts', import.meta.url));
const tsx = pathToFileURL(require.resolve('tsx/esm')).href;

function digestFrom(cwd: string, threads: number): string {
  return execFileSync(process.execPath, ['--import', tsx, child, String(threads)], {
    cwd,
    encoding: 'utf8',
    timeout: 90_000,
  }).trim();
}

describe('agent pool', () => {
  it('starts its worker threads from a working directory outside the repository', () => {
    const outside = digestFrom(tmpdir(), 2);
    expect(outside).toMatch(/^[0-9a-f]{64}$/);
    expect(outside).toBe(digestFrom(tmpdir(), 1));
  }, 120_000);
});
