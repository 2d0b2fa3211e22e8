/**
 * An ensemble member: one (regime, seed) simulation, described by a plain job that can be posted to
 * a worker, and what comes back from it (rows packed as typed arrays).
 */
import type { PrepareOptions } from '../sim/index.ts';
import type { UserDocumentFile } from './documents.ts';
import { libraryOf } from './documents.ts';
import type { IndicatorRow, PackedRows, RunParams, RunRecord } from '../store/index.ts';
import { digestRows } from '../store/rows.ts';

/**
 * What one member runs: the stored run parameters without their provenance (`threads`: those the
 * engine itself may use, 1 inside an ensemble worker). Plain data: it crosses thread boundaries.
 */
export type MemberJob = Omit<RunParams, 'codeVersion' | 'commandLine'> & {
  /** The user's document files loaded with the built-ins (`--file`); absent: the built-ins alone. */
  documents?: UserDocumentFile[];
  /** Parameter values replacing the engine's (a member of the parameter ensemble: `compare --parameter-uncertainty`). */
  parameters?: Record<string, number>;
  /** Mechanisms switched off (an ablation: `fit --without`; src/sim/mechanisms.ts). */
  without?: string[];
};

/** The engine's preparation options for a job or a request (whose missing fields the scenario fills). */
export function prepareOptionsOf(job: MemberJob | MemberRequest): PrepareOptions {
  return {
    scenario: job.scenario,
    regime: job.regime,
    seed: job.seed,
    scale: job.scale,
    fromYear: job.from,
    toYear: job.to,
    threads: job.threads,
    library: libraryOf(job.documents),
  };
}

/** What one member gives back. */
export interface MemberOutput {
  /** The engine's digest of its final state. */
  engineDigest: string;
  agents: number;
  rows: PackedRows;
  /** Wall time of the simulation in its thread, ms. */
  wallMs: number;
}

/** Hooks a runner calls while it works. */
export interface MemberHooks {
  /** After each simulated year. */
  onYear?(year: number): void;
}

/**
 * Runs one member. A runner module (given to the pool by URL) exports one of these as `runMember`.
 * It must be deterministic: the same job gives the same output in any thread.
 */
export type MemberRunner = (job: MemberJob, hooks: MemberHooks) => MemberOutput | Promise<MemberOutput>;

/** What the user asked for; unset fields come from the scenario document. */
export type MemberRequest = Partial<MemberJob> & Pick<MemberJob, 'scenario' | 'threads'>;

/** A checked job, known before any work starts. */
export interface MemberPlan {
  job: MemberJob;
  /** Seeds the scenario asks for by default (for ensembles). */
  scenarioSeeds: number;
  /** The data year of the starting migrant stock (the latest stock year at or before `job.from`). */
  startingStockYear?: number;
}

/** A note for the user when the starting migrant stock is from an earlier year than the run's start. */
export function startingStockNote(plan: MemberPlan): string | undefined {
  const y = plan.startingStockYear;
  return y !== undefined && y !== plan.job.from
    ? `starting migrant stock: UN DESA ${y}, the latest stock year at or before ${plan.job.from} (refugees and the other series are those of ${plan.job.from})`
    : undefined;
}

/**
 * Checks a request and fills its defaults from the scenario, without simulating: unknown scenario,
 * regime or country, years outside the data, a malformed scenario or a scale whose simulation
 * would not fit in `memoryBudget` bytes are user errors here. A runner module exports one as `planMember`.
 */
export type MemberPlanner = (
  request: MemberRequest,
  memoryBudget: number,
) => MemberPlan | Promise<MemberPlan>;

/** What a runner module exports. */
export interface RunnerModule {
  planMember: MemberPlanner;
  runMember: MemberRunner;
}

/** Loads a runner module by URL. */
export async function loadRunner(url: URL): Promise<RunnerModule> {
  return (await import(url.href)) as RunnerModule;
}

/** What the store keeps of an ensemble that every member's run record shares. */
export interface MemberRunContext {
  /** A fresh run id for each call. */
  newRunId(): string;
  createdAt: string;
  codeVersion: string;
  commandLine: string;
  /** The comparison the members belong to; null for a lone run. */
  comparisonId: string | null;
}

/** The stored record of one ensemble member's run (rows digested here, once). */
export function memberRunRecord(
  job: MemberJob,
  out: Pick<MemberOutput, 'engineDigest' | 'agents' | 'wallMs'>,
  rows: IndicatorRow[],
  ctx: MemberRunContext,
): Omit<RunRecord, 'rowCount'> {
  return {
    id: ctx.newRunId(),
    createdAt: ctx.createdAt,
    scenario: job.scenario,
    regime: job.regime,
    seed: job.seed,
    scale: job.scale,
    from: job.from,
    to: job.to,
    threads: 1,
    codeVersion: ctx.codeVersion,
    commandLine: ctx.commandLine,
    engineDigest: out.engineDigest,
    outputDigest: digestRows(rows),
    agents: out.agents,
    wallMs: Math.round(out.wallMs),
    comparisonId: ctx.comparisonId,
  };
}
