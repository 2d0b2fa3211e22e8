import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';
import { fileTempDirs } from '../../../test/support/temp-dirs.ts';

const tmp = fileTempDirs('regimes-exp-cli-')();

describe('regimes experiment and report', () => {
  it('exits 2 without a name or with a name and --all', async () => {
    expect((await runInProcess(['experiment'])).code).toBe(2);
    const both = await runInProcess(['experiment', 'prohibition', '--all']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  });
  it('exits 1 naming the known experiments for an unknown one, before any run', async () => {
    const r = await runInProcess(['experiment', 'prohibitoin', '--store', join(tmp, 's.duckdb')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_EXPERIMENT_UNKNOWN/);
    expect(r.stderr).toMatch(/prohibition/);
  });
  it('exits 1 on a bad --seeds before any run', async () => {
    const r = await runInProcess(['experiment', 'prohibition', '--seeds', 'many']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--seeds/);
  });
  it('report exits 1 without a store, and on an output that is not .html', async () => {
    const missing = await runInProcess([
      'report',
      'prohibition',
      '--out',
      join(tmp, 'r.html'),
      '--store',
      join(tmp, 'none.duckdb'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/E_STORE_MISSING/);
    const txt = await runInProcess(['report', 'prohibition', '--out', join(tmp, 'r.txt')]);
    expect(txt.code).toBe(1);
    expect(txt.stderr).toMatch(/E_REPORT_OUT/);
  });
});
