/**
 * Benchmark of the results store's write lock (not a test): how long a writer holds the store
 * file, which is how long readers and other writers wait (src/store/open.ts). A writer opens the
 * file only to append a finished result, so the figures are: open + migrate + one transaction +
 * close, for a run and for a comparison, into an empty store and into one that already holds
 * many runs; and the wait a reader sees while a comparison is appended by another process.
 *
 *   npx tsx bench/store.bench.ts [--rows 230000] [--members 10] [--runs 20]
 *
 * `--rows`: rows of one run (a 1990–2020 run of the world model gives about 7,300 rows a year:
 * 21,933 for 1990–1992, measured with `regimes runs --json`, so about 230,000 for 31 years).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResultStore, newId } from '../src/store/index.ts';
import type { ComparisonRecord, IndicatorRow, RunRecord, StatRow } from '../src/store/index.ts';
import { numberOptions } from './options.ts';

const args = process.argv.slice(2);
const { rows: ROWS, members: MEMBERS, runs: RUNS } = numberOptions({ rows: 230_000, members: 10, runs: 20 });
const YEARS = 31;
const PAIRS = Math.ceil(ROWS / YEARS);

function rowsOf(seed: number): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (let y = 0; y < YEARS && rows.length < ROWS; y++)
    for (let p = 0; p < PAIRS && rows.length < ROWS; p++)
      rows.push({
        year: 1990 + y,
        indicator: `indicator_${p % 40}`,
        country: `C${Math.floor(p / 40)}`,
        value: seed + p * 0.5,
      });
  return rows;
}

function runRecord(seed: number, comparisonId: string | null = null): Omit<RunRecord, 'rowCount'> {
  return {
    id: newId('run'),
    createdAt: new Date().toISOString(),
    scenario: 'world-1990-2020',
    regime: seed % 2 ? 'neoliberal' : 'framework-convention',
    seed,
    scale: 1000,
    from: 1990,
    to: 2020,
    threads: 1,
    codeVersion: 'bench',
    commandLine: 'bench',
    engineDigest: 'bench',
    outputDigest: 'bench',
    agents: 1,
    wallMs: 1,
    comparisonId,
  };
}

function comparison(): {
  record: ComparisonRecord;
  runs: { run: Omit<RunRecord, 'rowCount'>; rows: IndicatorRow[] }[];
  stats: StatRow[];
} {
  const id = newId('cmp');
  const runs = Array.from({ length: MEMBERS }, (_, i) => ({
    run: runRecord(i + 1, id),
    rows: rowsOf(i + 1),
  }));
  const stats: StatRow[] = [];
  for (let y = 0; y < YEARS; y++)
    for (let p = 0; p < 40 * 3; p++)
      stats.push({
        year: 1990 + y,
        indicator: `indicator_${p % 40}`,
        country: 'WLD',
        kind: 'regime',
        label: `r${p}`,
        mean: 1,
        lo: 0,
        hi: 2,
        n: 5,
      });
  const record: ComparisonRecord = {
    id,
    createdAt: new Date().toISOString(),
    scenario: 'world-1990-2020',
    regimes: ['neoliberal', 'framework-convention'],
    seeds: [1, 2, 3, 4, 5],
    scale: 1000,
    from: 1990,
    to: 2020,
    threads: 2,
    codeVersion: 'bench',
    commandLine: 'bench',
    intervalMethod: 'bench',
    wallMs: 1,
    members: runs.map((r) => ({ regime: r.run.regime, seed: r.run.seed, runId: r.run.id })),
  };
  return { record, runs, stats };
}

async function held(file: string, write: (s: ResultStore) => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await ResultStore.using(file, 'write', write);
  return performance.now() - t;
}

/** Another process appends a comparison; this one opens the store to read meanwhile and reports its wait. */
async function readerWait(file: string): Promise<{ waitMs: number; writerMs: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('holding')) resolve();
    });
    void exited.then(() => reject(new Error(`the writer exited: ${out}`)));
  });
  const t = performance.now();
  await ResultStore.using(file, 'read', (s) => s.counts());
  const waitMs = performance.now() - t;
  await exited;
  return { waitMs, writerMs: Number(/released ([\d.]+)/.exec(out)?.[1]) };
}

/** The writer of `readerWait`: appends one comparison to the file given after `--child`. */
async function childWriter(file: string): Promise<void> {
  const c = comparison();
  const t = performance.now();
  await ResultStore.using(file, 'write', async (s) => {
    console.log('holding');
    await s.addComparison(c.record, c.runs, c.stats);
  });
  console.log(`released ${performance.now() - t}`);
}

if (args.includes('--child')) await childWriter(args[args.indexOf('--child') + 1]);
else {
  const dir = mkdtempSync(join(tmpdir(), 'regimes-store-bench-'));
  const file = join(dir, 'results.duckdb');
  const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    `${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; ${ROWS} rows a run, ${MEMBERS} members a comparison`,
  );
  console.log(
    `run into an empty store:          held ${ms(await held(file, (s) => s.addRun(runRecord(1), rowsOf(1))))}`,
  );
  const c = comparison();
  console.log(
    `comparison (${MEMBERS} runs):            held ${ms(await held(file, (s) => s.addComparison(c.record, c.runs, c.stats)))}`,
  );
  for (let i = 0; i < RUNS; i++) await held(file, (s) => s.addRun(runRecord(100 + i), rowsOf(100 + i)));
  const size = statSync(file).size;
  console.log(
    `run into a store of ${RUNS + MEMBERS + 1} runs (${(size / 1e6).toFixed(0)} MB): held ${ms(await held(file, (s) => s.addRun(runRecord(2), rowsOf(2))))}`,
  );
  const open = performance.now();
  await ResultStore.using(file, 'read', (s) => s.listRuns());
  console.log(`a read (open read-only, list runs, close): ${ms(performance.now() - open)}`);
  const w = await readerWait(file);
  console.log(
    `a reader while another process appends a comparison: waited ${ms(w.waitMs)} (the writer held it ${ms(w.writerMs)})`,
  );
  rmSync(dir, { recursive: true, force: true });
}
