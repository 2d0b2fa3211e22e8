import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { holdStore as holdElsewhere } from '../../test/support/hold-store.ts';
import { testRunRecord } from '../../test/support/run-record.ts';
import { tempDirs } from '../../test/support/temp-dirs.ts';
import { ResultStore } from './result-store.ts';
import { defaultWaitMs } from './open.ts';

const tempDir = tempDirs('regimes-lock-');
const storeFile = () => join(tempDir(), 'results.duckdb');

describe('one writer at a time', () => {
  it('waits for another process to release the store, then reads it', async () => {
    const file = storeFile();
    (await ResultStore.open(file, 'write')).close();
    const holder = await holdElsewhere(file, 1200);
    const told: string[] = [];
    const started = Date.now();
    const runs = await ResultStore.using(file, 'read', (s) => s.listRuns(), { onWait: (m) => told.push(m) });
    expect(runs).toEqual([]);
    expect(Date.now() - started).toBeGreaterThan(500);
    expect(told).toEqual([expect.stringContaining(`PID ${holder.pid}`)]);
    await holder.released;
  });

  it('waits to write too, so that two writers queue instead of failing', async () => {
    const file = storeFile();
    (await ResultStore.open(file, 'write')).close();
    const holder = await holdElsewhere(file, 800);
    const store = await ResultStore.open(file, 'write');
    expect(await store.counts()).toEqual({ runs: 0, indicatorRows: 0, comparisons: 0 });
    store.close();
    await holder.released;
  });

  it('gives up after its wait with E_STORE_BUSY naming the process that holds the store', async () => {
    const file = storeFile();
    (await ResultStore.open(file, 'write')).close();
    const holder = await holdElsewhere(file, 3000);
    await expect(ResultStore.open(file, 'read', { waitMs: 200 })).rejects.toMatchObject({
      code: 'E_STORE_BUSY',
      message: expect.stringContaining(`PID ${holder.pid}`),
    });
    await holder.released;
  });

  it('takes its waits from REGIMES_STORE_WAIT (seconds), else 30 s to read and 10 min to write', () => {
    expect(defaultWaitMs('read', {})).toBe(30_000);
    expect(defaultWaitMs('write', {})).toBe(600_000);
    expect(defaultWaitMs('write', { REGIMES_STORE_WAIT: '2.5' })).toBe(2500);
    expect(defaultWaitMs('read', { REGIMES_STORE_WAIT: 'soon' })).toBe(30_000);
  });

  it('says E_STORE_OPEN for a truncated store, whether opened to read or to write', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = storeFile();
    const store = await ResultStore.open(file, 'write');
    const rows = Array.from({ length: 200_000 }, (_, i) => ({
      year: 1990 + (i % 30),
      indicator: `i${i % 50}`,
      country: `C${i % 97}`,
      value: i,
    }));
    await store.addRun(testRunRecord({ id: 'run-20260101-000000-abcdef' }), rows);
    store.close();
    const bytes = readFileSync(file);
    // cut at different places: before, inside and after the tables' blocks (DuckDB failed in
    // different calls: opening, or the first statement after it)
    for (const share of [0.05, 0.3, 0.6, 0.9]) {
      const cut = file.replace('results', `cut-${share}`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * share)));
      for (const mode of ['read', 'write'] as const)
        await expect(ResultStore.open(cut, mode), `${mode} ${share}`).rejects.toMatchObject({
          code: 'E_STORE_OPEN',
        });
    }
  });
});
