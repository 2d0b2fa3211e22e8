import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ResultStore } from './result-store.ts';
import { isId, newId } from './ids.ts';
import { resolveStoreFile } from './location.ts';
import type { RunRecord } from './records.ts';
import { exportRun } from './export.ts';
import { digestRows } from './rows.ts';
import type { IndicatorRow } from './rows.ts';
import { tempDirs } from '../../test/support/temp-dirs.ts';

const tempDir = tempDirs('regimes-store-');

const rows: IndicatorRow[] = [
  { year: 1991, indicator: 'migrant_stock', country: 'WLD', value: 155e6 },
  { year: 1990, indicator: 'migrant_stock', country: 'USA', value: 23.25e6 },
  { year: 1990, indicator: 'migrant_stock', country: 'WLD', value: 153.9e6 },
  { year: 1990, indicator: 'rights_index', country: 'WLD', value: 0.1 + 0.2 },
  { year: 1990, indicator: 'protection_gap', country: 'AFG', value: NaN },
];

function runRecord(id = newId('run')): Omit<RunRecord, 'rowCount'> {
  return {
    id,
    createdAt: new Date().toISOString(),
    scenario: 'world-1990-2020',
    regime: 'neoliberal',
    seed: 7,
    scale: 100000,
    from: 1990,
    to: 1991,
    threads: 1,
    codeVersion: 'mobility-regimes@0.1.0',
    commandLine: 'regimes run world-1990-2020 --seed 7',
    engineDigest: 'sha256:engine',
    outputDigest: digestRows(rows),
    agents: 1234,
    wallMs: 5,
    comparisonId: null,
  };
}

describe('results store', () => {
  it('takes the store file from the option, then REGIMES_STORE, then .regimes/results.duckdb', () => {
    expect(resolveStoreFile('a.duckdb', {}, '/w')).toBe('/w/a.duckdb');
    expect(resolveStoreFile(undefined, { REGIMES_STORE: '/x/b.duckdb' }, '/w')).toBe('/x/b.duckdb');
    expect(resolveStoreFile(undefined, {}, '/w')).toBe('/w/.regimes/results.duckdb');
  });

  it('makes ids of a fixed shape', () => {
    const id = newId('run', new Date('2026-11-28T14:23:01Z'));
    expect(id).toMatch(/^run-20261128-142301-[0-9a-f]{6}$/);
    expect(isId(id)).toBe(true);
    expect(isId("run-1'; DROP TABLE runs; --")).toBe(false);
  });

  it('stores a run with its parameters and gives back the same rows, NaN included', async () => {
    const file = join(tempDir(), 'sub', 'results.duckdb');
    const store = await ResultStore.open(file, 'write');
    const run = await store.addRun(runRecord(), rows);
    expect(run.rowCount).toBe(5);
    const listed = await store.listRuns();
    expect(listed).toEqual([run]);
    expect(await store.getRun('latest')).toEqual(run);
    const back = await store.readRows(run.id);
    expect(back.map((r) => [r.year, r.indicator, r.country])).toEqual([
      [1990, 'migrant_stock', 'USA'],
      [1990, 'migrant_stock', 'WLD'],
      [1990, 'protection_gap', 'AFG'],
      [1990, 'rights_index', 'WLD'],
      [1991, 'migrant_stock', 'WLD'],
    ]);
    expect(digestRows(back)).toBe(run.outputDigest);
    store.close();
  });

  it('rolls back a run whose rows cannot be stored, leaving the store as it was', async () => {
    const file = join(tempDir(), 'results.duckdb');
    const store = await ResultStore.open(file, 'write');
    await store.addRun(runRecord(), rows);
    const bad = [...rows, { year: 99999, indicator: 'x', country: 'WLD', value: 1 }];
    await expect(store.addRun(runRecord(), bad)).rejects.toThrow();
    expect(await store.counts()).toEqual({ runs: 1, indicatorRows: 5, comparisons: 0 });
    const fractional = [...rows, { year: 1990.5, indicator: 'x', country: 'WLD', value: 1 }];
    await expect(store.addRun(runRecord(), fractional)).rejects.toThrow(
      'indicator row 5: year 1990.5 is not an integer',
    );
    expect(await store.counts()).toEqual({ runs: 1, indicatorRows: 5, comparisons: 0 });
    store.close();
  });

  it('says which run is unknown', async () => {
    const store = await ResultStore.open(join(tempDir(), 'r.duckdb'), 'write');
    await expect(store.getRun('run-20260101-000000-abcdef')).rejects.toThrow(
      'unknown run: run-20260101-000000-abcdef (see `regimes runs`) [E_STORE_RUN]',
    );
    store.close();
  });

  it('refuses to read a store that does not exist, without creating it', async () => {
    const file = join(tempDir(), 'none.duckdb');
    await expect(ResultStore.open(file, 'read')).rejects.toThrow(
      /no results store at .*none\.duckdb.*\[E_STORE_MISSING\]/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('exports a run as long-form CSV and Parquet that read back the same', async () => {
    const dir = tempDir();
    const store = await ResultStore.open(join(dir, 'r.duckdb'), 'write');
    const run = await store.addRun(runRecord(), rows);
    const [csv, parquet, json] = await exportRun(store, run, join(dir, 'out'));
    store.close();
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('year,indicator,country,value');
    expect(lines[1]).toBe('1990,migrant_stock,USA,23250000.0');
    expect(lines[3]).toBe('1990,protection_gap,AFG,');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(readFileSync(json, 'utf8')).seed).toBe(7);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const back = (await db.runAndReadAll(`SELECT * FROM read_parquet('${parquet}')`)).getRowObjectsJS();
    expect(back).toHaveLength(5);
    expect(back[3]).toEqual({ year: 1990, indicator: 'rights_index', country: 'WLD', value: 0.1 + 0.2 });
    db.closeSync();
  });
});
