/**
 * One run, end to end: check the request (before anything is written), simulate, store the rows
 * with the run's parameters, export them when asked, and summarise.
 */
import { ResultStore, codeVersion, exportRun, newId, runExportPaths, unpackRows } from '../store/index.ts';
import { worldValues } from './headline.ts';
import type { MemberJob, MemberOutput, MemberPlan, MemberRequest } from './member.ts';
import { loadRunner, memberRunRecord } from './member.ts';
import { claimOutputs } from '../shared/output-files.ts';
import { memoryBudget } from './options.ts';
import { runEnsemble } from './pool.ts';

/** How to run. */
export interface RunOptions {
  request: MemberRequest;
  /** Store file (absolute). */
  storeFile: string;
  /** Folder for indicators.csv / indicators.parquet / run.json, if wanted. */
  outDir?: string;
  /** Overwrite files in `outDir` the program did not write (`--force`). */
  force?: boolean;
  /** The command line, as typed, stored with the run. */
  commandLine: string;
  /** Module exporting `planMember` and `runMember` (the engine's, in the shipped commands). */
  runnerModule: URL;
  /** Once the request is checked, before the simulation starts. */
  onPlanned?(plan: MemberPlan): void;
  /** After each simulated year. */
  onYear?(year: number): void;
  /** When the store is found held by another process and the run waits to store its result. */
  onStoreWait?(message: string): void;
  /** The run's id, when it must be known before the run ends (checkpoints); default: a new one. */
  runId?: string;
  /** Runs the member instead of the pool (a checkpointed or resumed run, src/distributed/checkpoint-run.ts). */
  member?(job: MemberJob, onYear: (year: number) => void): Promise<MemberOutput>;
}

/** What `regimes run --json` prints. */
export interface RunSummary extends MemberJob {
  runId: string;
  store: string;
  agents: number;
  rows: number;
  engineDigest: string;
  /** Digest of every output row (the same rows the CSV and Parquet files hold). */
  outputDigest: string;
  wallMs: number;
  codeVersion: string;
  /** World totals of the final year. */
  headline: { year: number; values: Record<string, number> };
  /** Files written under `--out`. */
  outputs: string[];
}

/** Runs one simulation and stores it. */
export async function executeRun(o: RunOptions): Promise<RunSummary> {
  const runner = await loadRunner(o.runnerModule);
  const plan = await runner.planMember(o.request, memoryBudget());
  // outputs are checked before the work: a user's file in the way stops the run at once
  if (o.outDir) claimOutputs(runExportPaths(o.outDir), { force: o.force });
  // The store is held only while the result is appended: other processes use it meanwhile.
  await ResultStore.preflight(o.storeFile);
  o.onPlanned?.(plan);
  const started = performance.now();
  const [out] = o.member
    ? [await o.member(plan.job, (y) => o.onYear?.(y))]
    : await runEnsemble([plan.job], {
        threads: 1,
        runnerModule: o.runnerModule,
        onYear: (_, y) => o.onYear?.(y),
      });
  const wallMs = performance.now() - started;
  const rows = unpackRows(out.rows);
  const { job } = plan;
  // A lone run is stored as an ensemble of one, but with the threads it ran on.
  const context = {
    newRunId: () => o.runId ?? newId('run'),
    createdAt: new Date().toISOString(),
    codeVersion: codeVersion(),
    commandLine: o.commandLine,
    comparisonId: null,
  };
  const member = { engineDigest: out.engineDigest, agents: out.agents, wallMs };
  const record = { ...memberRunRecord(job, member, rows, context), threads: job.threads };
  const { run, outputs, file } = await ResultStore.using(
    o.storeFile,
    'write',
    async (store) => {
      const run = await store.addRun(record, rows);
      return {
        run,
        outputs: o.outDir ? await exportRun(store, run, o.outDir, { force: o.force }) : [],
        file: store.file,
      };
    },
    { onWait: o.onStoreWait },
  );
  return {
    runId: run.id,
    store: file,
    scenario: run.scenario,
    regime: run.regime,
    seed: run.seed,
    scale: run.scale,
    from: run.from,
    to: run.to,
    threads: run.threads,
    agents: run.agents,
    rows: run.rowCount,
    engineDigest: run.engineDigest,
    outputDigest: run.outputDigest,
    wallMs: run.wallMs,
    codeVersion: run.codeVersion,
    headline: { year: run.to, values: worldValues(rows, run.to) },
    outputs,
  };
}
