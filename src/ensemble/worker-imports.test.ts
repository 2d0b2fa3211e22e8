import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// An ensemble's worker threads must not load DuckDB's native addon: a worker thread that is
// terminated (a crashed member, the pool closing) with the addon loaded can abort the whole process
// with "terminate called after throwing an instance of 'Napi::Error'" (seen in CI on pool.test.ts).
const workerModules = ['./member.ts', './engine-member.ts', '../../test/support/ensemble/double-member.ts'];

describe('the modules an ensemble worker thread loads', () => {
  it.skipIf(!existsSync('/proc/self/maps'))(
    'leave the DuckDB addon unloaded',
    () => {
      const urls = workerModules.map((m) => new URL(m, import.meta.url).href);
      const script =
        `for (const u of ${JSON.stringify(urls)}) await import(u);` +
        `const maps = (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8');` +
        `console.log(maps.includes('duckdb') ? 'loaded' : 'unloaded');`;
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      });
      expect(out.trim()).toBe('unloaded');
    },
    60_000,
  );
});
