import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProgram } from '../program.ts';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';
import { ResultStore } from '../../store/index.ts';
import { registerCompare } from './compare.ts';
import { registerExport } from './export.ts';
import { registerRun } from './run.ts';
import { registerRuns } from './runs.ts';
import { parameterEnsemble } from '../../sim/index.ts';

// The simulation commands with the engine replaced by the test double (test/support/ensemble).
const deps = { runnerModule: new URL('../../../test/support/ensemble/double-member.ts', import.meta.url) };

/** Runs the commands like `runCli` does (exit 0/1/2) and captures what they write. */
function cli(args: string[]) {
  const program = new Command('regimes').exitOverride();
  registerRun(program, deps);
  registerRuns(program);
  registerExport(program);
  registerCompare(program, deps);
  program.commands.forEach((c) => c.exitOverride());
  return runInProcess(args, (argv) => runProgram(program, argv));
}

let dir: string;
let store: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regimes-cli-'));
  store = join(dir, 'results.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('regimes run / runs / export (engine test double)', () => {
  it('runs, stores the parameters, prints a JSON summary and writes CSV and Parquet', async () => {
    const out = join(dir, 'out');
    const r = await cli([
      'run',
      'test-scenario',
      '--regime',
      'b',
      '--seed',
      '7',
      '--to',
      '1993',
      '--threads',
      '2',
      '--store',
      store,
      '--out',
      out,
      '--json',
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      scenario: 'test-scenario',
      regime: 'b',
      seed: 7,
      scale: 1000,
      from: 1990,
      to: 1993,
      threads: 2,
      rows: 16,
      store,
    });
    expect(s.runId).toMatch(/^run-\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(s.outputDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(s.headline.values)).toEqual(['migrant_stock', 'refugees']);
    expect(s.headline.year).toBe(1993);
    const csv = readFileSync(join(out, 'indicators.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('year,indicator,country,value');
    expect(csv).toHaveLength(18); // header, 16 rows, final newline
    expect(existsSync(join(out, 'indicators.parquet'))).toBe(true);
    const db = await ResultStore.open(store, 'read');
    const [run] = await db.listRuns();
    db.close();
    expect(run).toMatchObject({
      id: s.runId,
      regime: 'b',
      seed: 7,
      threads: 2,
      commandLine: expect.stringMatching(/^regimes run test-scenario --regime b --seed 7 /),
    });
    expect(run.codeVersion).toMatch(/^mobility-regimes@0\.1\.0/);
  });

  it('gives the same digest for the same scenario, seed and scale, and a different one for another seed', async () => {
    const digest = async (args: string[]) =>
      JSON.parse((await cli(['run', 'test-scenario', ...args, '--store', store, '--json', '--quiet'])).stdout)
        .outputDigest;
    const a = await digest(['--seed', '3', '--threads', '1']);
    expect(await digest(['--seed', '3', '--threads', '4'])).toBe(a);
    expect(await digest(['--seed', '4'])).not.toBe(a);
  });

  it('lists stored runs and exports one again, byte for byte the same CSV', async () => {
    const out1 = join(dir, 'a');
    const first = JSON.parse(
      (await cli(['run', 'test-scenario', '--store', store, '--out', out1, '--json', '--quiet'])).stdout,
    );
    const list = await cli(['runs', '--store', store, '--json']);
    expect(JSON.parse(list.stdout).runs.map((r: { id: string }) => r.id)).toEqual([first.runId]);
    const text = await cli(['runs', '--store', store]);
    expect(text.stdout).toMatch(/1 run, 0 comparisons/);
    const out2 = join(dir, 'b');
    const ex = await cli(['export', first.runId, '--out', out2, '--store', store]);
    expect(ex.code).toBe(0);
    expect(readFileSync(join(out2, 'indicators.csv'), 'utf8')).toBe(
      readFileSync(join(out1, 'indicators.csv'), 'utf8'),
    );
    expect((await cli(['export', 'latest', '--out', join(dir, 'c'), '--store', store])).code).toBe(0);
  });

  it("writes its own files again, refuses a user's file in their place, and overwrites it with --force", async () => {
    const out = join(dir, 'again');
    const run = JSON.parse(
      (await cli(['run', 'test-scenario', '--store', store, '--out', out, '--json', '--quiet'])).stdout,
    );
    const exportTo = (...more: string[]) =>
      cli(['export', run.runId, '--out', out, '--store', store, ...more]);
    expect((await exportTo()).code).toBe(0);
    writeFileSync(join(out, 'run.json'), 'my notes\n');
    const refused = await exportTo();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/run\.json: exists and was not written by regimes.*\[E_OUT_EXISTS\]/);
    expect(readFileSync(join(out, 'run.json'), 'utf8')).toBe('my notes\n');
    expect((await exportTo('--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).id).toBe(run.runId);
  });
});

describe('regimes compare (engine test double)', () => {
  it('runs every (regime, seed) member on worker threads and reports means, intervals and paired differences', async () => {
    const out = join(dir, 'cmp');
    const r = await cli([
      'compare',
      'test-scenario',
      '--regimes',
      'a,b',
      '--seeds',
      '3',
      '--to',
      '1992',
      '--threads',
      '2',
      '--store',
      store,
      '--out',
      out,
      '--json',
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.seeds).toEqual([1, 2, 3]);
    expect(c.scale).toBe(1000); // the scenario's scale by default
    expect(c.members).toHaveLength(6);
    const d = c.stats.find(
      (s: { year: number; indicator: string; label: string }) =>
        s.year === 1992 && s.indicator === 'refugees' && s.label === 'b-a',
    );
    expect(d.mean).toBeCloseTo(30 * 1e4, 6); // b's level is 130, a's 100; the seed noise is shared
    expect(d.hi - d.lo).toBeLessThan(1e-6);
    const db = await ResultStore.open(store, 'read');
    const stored = await db.getComparison(c.comparisonId);
    expect(stored.members.map((m) => `${m.regime}:${m.seed}`)).toEqual([
      'a:1',
      'a:2',
      'a:3',
      'b:1',
      'b:2',
      'b:3',
    ]);
    expect((await db.readStats(c.comparisonId)).length).toBe(c.stats.length);
    expect(await db.counts()).toEqual({ runs: 6, indicatorRows: 6 * 12, comparisons: 1 });
    db.close();
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n')[0]).toBe(
      'year,indicator,country,kind,label,mean,lo,hi,n',
    );
  });

  it('with --parameter-uncertainty gives seed i member i of the parameter ensemble and says so', async () => {
    const args = ['compare', 'test-scenario', '--regimes', 'a,b', '--seeds', '2', '--to', '1991'];
    const common = ['--threads', '1', '--store', store, '--json', '--quiet'];
    const r = await cli([...args, ...common, '--parameter-uncertainty']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    const ensemble = parameterEnsemble();
    expect(c.parameterEnsemble).toEqual({ source: ensemble.source, names: [...ensemble.names] });
    expect(c.intervalMethod).toMatch(/member i of the parameter ensemble/);
    const plain = JSON.parse((await cli([...args, ...common])).stdout);
    expect(plain.parameterEnsemble).toBeNull();
    // the documented ranges stay available by name; an unknown source is refused
    const ranges = JSON.parse(
      (await cli([...args, ...common, '--parameter-uncertainty', 'documented-ranges'])).stdout,
    );
    expect(ranges.parameterEnsemble.source).toBe('documented-ranges');
    const bad = await cli([...args, ...common, '--parameter-uncertainty', 'guesses']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/guesses/);
  });

  it('prints a table with the years and where the outputs are', async () => {
    const r = await cli([
      'compare',
      'test-scenario',
      '--regimes',
      'a,b,c',
      '--seeds',
      '2',
      '--threads',
      '1',
      '--store',
      store,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^comparison cmp-\d{8}-\d{6}-[0-9a-f]{6} stored in /);
    expect(r.stdout).toMatch(/\nmigrant_stock\n +year +a +b +c +b-a +c-a\n +1990 /);
    expect(r.stdout).toMatch(/regimes export cmp-/);
  });
});

describe('bad input: a clear error before any work, and no store change', () => {
  const cases: [string, string[], string][] = [
    [
      'an unknown regime',
      ['run', 'test-scenario', '--regime', 'nope'],
      'regimes: unknown regime: nope [E_UNKNOWN_ID]\n',
    ],
    [
      'an unknown scenario',
      ['run', 'no-such-scenario'],
      'regimes: unknown scenario: no-such-scenario [E_UNKNOWN_ID]\n',
    ],
    [
      'a year outside the data',
      ['run', 'test-scenario', '--to', '2030'],
      'regimes: years 1990–2030 outside the world data (1990–2023) [E_WORLD_YEAR]\n',
    ],
    [
      'a year that is not a year',
      ['run', 'test-scenario', '--from', '19x0'],
      'regimes: --from: not a year: "19x0" (expected e.g. 1995) [E_WORLD_YEAR]\n',
    ],
    ['a scale that would not fit in memory', ['run', 'test-scenario', '--scale', '1'], ''],
    [
      'a scale of zero',
      ['run', 'test-scenario', '--scale', '0'],
      'regimes: --scale: expected persons per agent, an integer ≥ 1, got 0 [E_RUN_OPTION]\n',
    ],
    [
      'a negative seed',
      ['run', 'test-scenario', '--seed', '-1'],
      'regimes: --seed: expected an integer from 0 to 4294967295, got "-1" [E_RUN_OPTION]\n',
    ],
    [
      'an unknown regime in a comparison',
      ['compare', 'test-scenario', '--regimes', 'a,nope'],
      'regimes: unknown regime: nope [E_UNKNOWN_ID]\n',
    ],
    [
      'one regime only',
      ['compare', 'test-scenario', '--regimes', 'a'],
      'regimes: --regimes: expected at least two regimes to compare, got 1 [E_RUN_OPTION]\n',
    ],
    [
      'a regime twice',
      ['compare', 'test-scenario', '--regimes', 'a,b,a'],
      'regimes: --regimes: a is listed twice [E_RUN_OPTION]\n',
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} with exit 1`, async () => {
      const r = await cli([...args, '--store', store, '--quiet']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      if (message) expect(r.stderr).toBe(message);
      else
        expect(r.stderr).toMatch(
          /^regimes: scale 1 needs \d+ bytes, over the budget of \d+ \[E_SIM_MEMORY\]\n$/,
        );
      expect(existsSync(store)).toBe(false);
    });
  }

  it('leaves an existing store unchanged', async () => {
    await cli(['run', 'test-scenario', '--store', store, '--quiet']);
    const before = readFileSync(store);
    expect((await cli(['run', 'test-scenario', '--regime', 'nope', '--store', store, '--quiet'])).code).toBe(
      1,
    );
    expect(readFileSync(store).equals(before)).toBe(true);
  });

  it('says when the store or a run does not exist', async () => {
    const r = await cli(['runs', '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /no results store at .*results\.duckdb \(run `regimes run` first\) \[E_STORE_MISSING\]/,
    );
    await cli(['run', 'test-scenario', '--store', store, '--quiet']);
    const e = await cli(['export', 'run-20200101-000000-abcdef', '--out', join(dir, 'x'), '--store', store]);
    expect(e.stderr).toBe(
      'regimes: unknown run: run-20200101-000000-abcdef (see `regimes runs`) [E_STORE_RUN]\n',
    );
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
