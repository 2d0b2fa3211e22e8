/**
 * What the server asks of the simulation: make a run, or a comparison, store it in the results
 * store, and report progress on the way. The shipped server uses the real engine
 * (`jobs/engine-real.ts`); tests may hand `buildApp` a small double.
 */
import type { LeverIntervention } from '../regime/index.ts';
import type { JobContext } from './run-queue.ts';

/** A run asked for through the API. Unset fields take the scenario's values. */
export interface RunRequest {
  /** Scenario document id. */
  scenario: string;
  /** Regime to run under instead of the scenario's. */
  regime?: string;
  seed: number;
  /** Persons per agent. */
  scale?: number;
  /** First and last simulated year. */
  from?: number;
  to?: number;
  /** Root-cause levers added to the scenario's interventions (src/rootcauses/levered-scenario.ts). */
  levers?: LeverIntervention[];
}

/** A comparison asked for through the API: two or more regimes, each over the same seeds. */
export interface ComparisonRequest {
  scenario: string;
  regimes: string[];
  /** Number of seeds (1, 2, … n). */
  seeds: number;
  scale?: number;
  from?: number;
  to?: number;
  levers?: LeverIntervention[];
}

/** The simulation, as the server sees it. */
export interface Engine {
  /** The module that plans and runs members (`planMember`, `runMember`): requests are planned with it before they are queued. */
  readonly runnerModule?: URL;
  /** Whether the engine can run here (false while the simulation is not built in). */
  readonly available: boolean;
  /** Runs and stores one run in the store file; resolves with the stored run's id. */
  run(req: RunRequest, ctx: JobContext, storeFile: string): Promise<string>;
  /** Runs every member and stores the comparison in the store file; resolves with its id. */
  compare(req: ComparisonRequest, ctx: JobContext, storeFile: string): Promise<string>;
}
