import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Library, Tier } from '../regime/index.ts';
import { compilePolicyTables } from '../rules/tables.ts';
import { fixtureLibrary } from '../../test/support/rules/fixtures.ts';
import {
  TABLES_CACHE_ENV,
  defaultTablesCache,
  deserializeTables,
  pruneTablesCache,
  serializeTables,
  tablesCacheDir,
  withTablesCache,
} from './tables-cache.ts';

const lib = fixtureLibrary();
const COUNTRIES = ['NLD', 'DEU', 'TUR', 'MAR', 'SOM', 'KEN'];
const TIERS: Tier[] = ['core', 'core', 'semi_periphery', 'semi_periphery', 'periphery', 'periphery'];
const root = mkdtempSync(join(tmpdir(), 'regimes-tables-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The compiler, counting its calls. */
function counting() {
  const calls = { n: 0 };
  const compile = (
    lib: Library,
    regimeId: string,
    date: string,
    countries: readonly string[],
    tiers: readonly Tier[],
  ) => {
    calls.n++;
    return compilePolicyTables(lib, regimeId, date, [...countries], [...tiers]);
  };
  return { compile, calls };
}

describe('the compiled tables cache', () => {
  it('reads back tables equal to the compiled ones, field by field', () => {
    const t = compilePolicyTables(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    const back = deserializeTables(serializeTables(t));
    expect(Object.keys(back).sort()).toEqual(Object.keys(t).sort());
    for (const [k, v] of Object.entries(t))
      expect((back as unknown as Record<string, unknown>)[k], k).toEqual(v);
    expect(back.yearsToLongTermResidence).toBeInstanceOf(Float64Array);
    expect(back.open).toBeInstanceOf(Uint8Array);
  });

  it('refuses to write a kind of typed array it cannot read back', () => {
    const t = compilePolicyTables(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    const odd = { ...t, extra: new Int32Array(3) } as unknown as typeof t;
    expect(() => serializeTables(odd)).toThrow(/Int32Array/);
  });

  it('compiles once: a later command reads the file instead', () => {
    const dir = join(root, 'once');
    const first = counting();
    const a = withTablesCache(first.compile, dir)(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    const second = counting();
    const b = withTablesCache(second.compile, dir)(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    expect([first.calls.n, second.calls.n]).toEqual([1, 0]);
    expect(b.protection).toEqual(a.protection);
    expect(b.rightsIndex).toEqual(a.rightsIndex);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('misses for another regime, date, tier or library', () => {
    const dir = join(root, 'keys');
    const c = counting();
    const cached = withTablesCache(c.compile, dir);
    cached(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    cached(lib, 'fixture-framework', '2000-07-01', COUNTRIES, TIERS);
    cached(lib, 'fixture-neoliberal', '2001-07-01', COUNTRIES, TIERS);
    cached(
      lib,
      'fixture-neoliberal',
      '2000-07-01',
      COUNTRIES,
      TIERS.map((t, i) => (i === 2 ? 'core' : t)),
    );
    // the same documents with one more: another library
    const other = fixtureLibrary({
      'extra.yaml': `kind: Instrument
id: extra-instrument
title: Extra (fixture)
sources: [{ note: fixture }]
valid_from: 1990-01-01
instrument_type: convention
binding: false
adopted: 1990-01-01
`,
    });
    cached(other, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    expect(c.calls.n).toBe(5);
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('compiles again over a damaged file, and writes it again', () => {
    const dir = join(root, 'damaged');
    const first = counting();
    withTablesCache(first.compile, dir)(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), 'not a tables file');
    const second = counting();
    const t = withTablesCache(second.compile, dir)(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    expect(second.calls.n).toBe(1);
    expect(t.countries).toEqual(COUNTRIES);
    const third = counting();
    withTablesCache(third.compile, dir)(lib, 'fixture-neoliberal', '2000-07-01', COUNTRIES, TIERS);
    expect(third.calls.n).toBe(0);
  });

  it('keeps the newest files and drops leftovers of interrupted writes', () => {
    const dir = join(root, 'prune');
    mkdirSync(dir);
    const now = Date.now() / 1000;
    for (let i = 0; i < 4; i++) {
      const f = join(dir, `${i}.tables.gz`);
      writeFileSync(f, 'x');
      utimesSync(f, now - 100 * i, now - 100 * i);
    }
    const stale = join(dir, 'old.tables.gz.1.abc.tmp');
    writeFileSync(stale, 'x');
    utimesSync(stale, now - 7200, now - 7200);
    pruneTablesCache(dir, 2);
    expect(readdirSync(dir).sort()).toEqual(['0.tables.gz', '1.tables.gz']);
  });

  it('is placed beside the results store unless the environment chose a directory or off', () => {
    const env: NodeJS.ProcessEnv = {};
    defaultTablesCache(join('work', '.regimes', 'results.duckdb'), env);
    expect(tablesCacheDir(env)).toBe(join('work', '.regimes', 'cache', 'tables'));
    const chosen: NodeJS.ProcessEnv = { [TABLES_CACHE_ENV]: 'mine' };
    defaultTablesCache(join('work', '.regimes', 'results.duckdb'), chosen);
    expect(tablesCacheDir(chosen)).toBe('mine');
    const off: NodeJS.ProcessEnv = { [TABLES_CACHE_ENV]: 'off' };
    defaultTablesCache(join('work', '.regimes', 'results.duckdb'), off);
    expect(tablesCacheDir(off)).toBeUndefined();
  });
});
