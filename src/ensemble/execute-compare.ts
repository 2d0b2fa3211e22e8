/**
 * A comparison, end to end: check every regime of the request (before anything is written), run
 * each (regime, seed) member on the worker pool, compute each regime's mean and interval and the
 * paired differences from the first regime, and store the comparison, its members (each a run with
 * all its rows) and its statistics in one transaction.
 */
import {
  ResultStore,
  codeVersion,
  exportComparison,
  newId,
  comparisonExportPaths,
  unpackRows,
} from '../store/index.ts';
import { claimOutputs } from '../shared/output-files.ts';
import type { ComparisonParams, ComparisonRecord, IndicatorRow, RunRecord, StatRow } from '../store/index.ts';
import type { EnsembleBackend, WorkerTally } from '../distributed/backend.ts';
import type { UserDocumentFile } from './documents.ts';
import type { MemberJob, MemberPlan } from './member.ts';
import { loadRunner, memberRunRecord } from './member.ts';
import { memoryBudget } from './options.ts';
import { runEnsemble } from './pool.ts';
import { INTERVAL_METHOD, compareEnsembles } from './stats.ts';
import { parameterEnsemble } from '../sim/index.ts';
import type { ParameterEnsembleSource } from '../sim/index.ts';

/** Most seeds a comparison uses when `--seeds` is not given (the scenario may ask for more). */
export const COMPARE_DEFAULT_SEEDS_MAX = 5;

/** How to compare. */
export interface CompareOptions {
  scenario: string;
  /** The user's document files loaded with the built-ins (`--file`). */
  documents?: UserDocumentFile[];
  /** Two or more regimes; the first is the reference of the differences. */
  regimes: string[];
  /** Number of seeds (seeds 1…N); default: the scenario's, at most `COMPARE_DEFAULT_SEEDS_MAX`. */
  seeds?: number;
  scale?: number;
  from?: number;
  to?: number;
  /** Worker threads (each runs one member at a time, single-threaded). */
  threads: number;
  storeFile: string;
  outDir?: string;
  /** Overwrite files in `outDir` the program did not write (`--force`). */
  force?: boolean;
  commandLine: string;
  runnerModule: URL;
  /** Once every member is checked, before the first starts. */
  onPlanned?(jobs: readonly MemberJob[], plan: MemberPlan): void;
  /** When the store is found held by another process and the comparison waits to store its result. */
  onStoreWait?(message: string): void;
  onYear?(member: number, year: number): void;
  onDone?(member: number): void;
  /** Where the members run (src/distributed: `--backend`); default: `threads` worker threads here. */
  backend?: EnsembleBackend;
  /** Jobs done and running per worker (from the backend). */
  onWorkers?(tallies: readonly WorkerTally[]): void;
  /** What the backend wants the user to know while waiting. */
  onNote?(line: string): void;
  /**
   * Draw the engine's parameters of seed i from member i of the parameter ensemble
   * (src/sim/parameter-ensemble.ts), the same for every regime, so the intervals carry parameter
   * uncertainty as well as the seeds' noise and the differences stay paired.
   */
  parameterUncertainty?: boolean | ParameterEnsembleSource;
}

/** What `regimes compare --json` prints. */
export interface ComparisonSummary extends Omit<ComparisonParams, 'commandLine'> {
  comparisonId: string;
  store: string;
  wallMs: number;
  /** The parameter ensemble the members drew from (`parameterUncertainty`), or null. */
  parameterEnsemble: { source: string; names: readonly string[] } | null;
  members: { regime: string; seed: number; runId: string; outputDigest: string; engineDigest: string }[];
  /** World totals (`WLD`): each regime's mean and interval, and the differences from the first regime, per indicator and year. */
  stats: StatRow[];
  /** Files written under `--out`. */
  outputs: string[];
}

/** Runs the comparison and stores it. */
export async function executeComparison(o: CompareOptions): Promise<ComparisonSummary> {
  const runner = await loadRunner(o.runnerModule);
  const budget = memoryBudget();
  const base = { scenario: o.scenario, from: o.from, to: o.to, threads: 1, documents: o.documents };
  // First the scenario's defaults (its scale and seeds).
  const probe = await runner.planMember({ ...base, regime: o.regimes[0], scale: o.scale }, budget);
  const scale = o.scale ?? probe.job.scale;
  const seedCount = o.seeds ?? Math.min(probe.scenarioSeeds, COMPARE_DEFAULT_SEEDS_MAX);
  const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
  // Members run `concurrent` at a time: each must fit in its share of the memory.
  const concurrent = Math.min(o.threads, seedCount * o.regimes.length);
  const plans: MemberPlan[] = [];
  for (const regime of o.regimes)
    plans.push(await runner.planMember({ ...base, regime, scale }, Math.floor(budget / concurrent)));
  const first = plans[0];
  const ensemble = o.parameterUncertainty
    ? parameterEnsemble(undefined, o.parameterUncertainty === true ? undefined : o.parameterUncertainty)
    : undefined;
  const jobs: MemberJob[] = seeds.flatMap((seed) => {
    const parameters = ensemble?.member(seed) as Record<string, number> | undefined;
    return plans.map((p) => ({ ...p.job, seed, threads: 1, ...(parameters ? { parameters } : {}) }));
  });
  const intervalMethod = ensemble
    ? `${INTERVAL_METHOD}; seed i runs with member i of the parameter ensemble (${ensemble.source}: ${ensemble.names.join(', ')}), so the intervals carry parameter uncertainty too`
    : INTERVAL_METHOD;
  // outputs are checked before the work: a user's file in the way stops the comparison at once
  if (o.outDir) claimOutputs(comparisonExportPaths(o.outDir), { force: o.force });
  // The store is held only while the result is appended: other processes use it meanwhile.
  await ResultStore.preflight(o.storeFile);
  o.onPlanned?.(jobs, first);
  const started = performance.now();
  const outputs = o.backend
    ? await o.backend.run(jobs, {
        ensemble: 'compare',
        runnerModule: o.runnerModule,
        onYear: o.onYear,
        onDone: (i) => o.onDone?.(i),
        onWorkers: o.onWorkers,
        onNote: o.onNote,
      })
    : await runEnsemble(jobs, {
        threads: o.threads,
        runnerModule: o.runnerModule,
        affinity: (job) => job.regime,
        onYear: o.onYear,
        onDone: (i) => o.onDone?.(i),
      });
  const wallMs = Math.round(performance.now() - started);
  const now = new Date();
  const taken = new Set<string>();
  const id = newId('cmp', now, taken);
  const createdAt = now.toISOString();
  const version = codeVersion();
  const runs: { run: Omit<RunRecord, 'rowCount'>; rows: IndicatorRow[] }[] = outputs.map((out, i) => {
    const job = jobs[i];
    const rows = unpackRows(out.rows);
    return {
      rows,
      run: memberRunRecord(job, out, rows, {
        newRunId: () => newId('run', now, taken),
        createdAt,
        codeVersion: version,
        commandLine: o.commandLine,
        comparisonId: id,
      }),
    };
  });
  const stats = compareEnsembles(
    runs.map((r) => ({ regime: r.run.regime, seed: r.run.seed, rows: r.rows })),
    o.regimes,
    seeds,
  );
  const comparison: ComparisonRecord = {
    id,
    createdAt,
    scenario: o.scenario,
    regimes: o.regimes,
    seeds,
    scale,
    from: first.job.from,
    to: first.job.to,
    threads: o.threads,
    codeVersion: version,
    commandLine: o.commandLine,
    intervalMethod,
    wallMs,
    members: runs.map((r) => ({ regime: r.run.regime, seed: r.run.seed, runId: r.run.id })),
  };
  const files = await ResultStore.using(
    o.storeFile,
    'write',
    async (store) => {
      await store.addComparison(comparison, runs, stats);
      return o.outDir ? await exportComparison(store, comparison, o.outDir, { force: o.force }) : [];
    },
    { onWait: o.onStoreWait },
  );
  return {
    comparisonId: id,
    store: o.storeFile,
    scenario: o.scenario,
    regimes: o.regimes,
    seeds,
    scale,
    from: comparison.from,
    to: comparison.to,
    threads: o.threads,
    wallMs,
    codeVersion: version,
    intervalMethod,
    parameterEnsemble: ensemble ? { source: ensemble.source, names: ensemble.names } : null,
    members: runs.map((r) => ({
      regime: r.run.regime,
      seed: r.run.seed,
      runId: r.run.id,
      outputDigest: r.run.outputDigest,
      engineDigest: r.run.engineDigest,
    })),
    stats,
    outputs: files,
  };
}
