/**
 * Where the members of an ensemble run: one interface, two implementations.
 *
 * - `local`: worker threads of this process (src/ensemble/pool.ts), the default.
 * - `bullmq`: one BullMQ job per member in Redis, run by `regimes worker` processes on any number of
 *   machines; results travel back to the submitting process.
 *
 * Either way the submitting process alone writes the results store, and the outputs come back in job
 * order, so a comparison or an experiment does not depend on where its members ran.
 */
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';

/** The backends `--backend` accepts. */
export const BACKEND_KINDS = ['local', 'bullmq'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** Jobs done and running on one worker (a process on some machine, or this process's threads). */
export interface WorkerTally {
  /** The worker's name: `host:pid` for a `regimes worker`, `local` for threads. */
  worker: string;
  done: number;
  running: number;
}

/** One ensemble to run, and who wants to hear about it. */
export interface EnsembleRun {
  /**
   * Names the ensemble in member job ids (an experiment's name, or `compare`). The same ensemble name
   * and the same member give the same job id, so resubmitting picks up what is already done.
   */
  ensemble: string;
  /** Module exporting `runMember` (the engine's, in the shipped commands). */
  runnerModule: URL;
  /** After a member finishes a simulated year: once per member and year, whatever the retries. */
  onYear?(index: number, year: number): void;
  /** When a member's output arrives (once per member, whatever the retries). */
  onDone?(index: number, output: MemberOutput): void;
  /** Whenever the jobs done or running on a worker change. */
  onWorkers?(tallies: readonly WorkerTally[]): void;
  /** Things the user should know while waiting (no workers yet, a job retried). */
  onNote?(line: string): void;
}

/** Runs the members of ensembles. */
export interface EnsembleBackend {
  readonly kind: BackendKind;
  /** Where the members run, in words (for notes and summaries). */
  describe(): string;
  /**
   * Runs every job and returns the outputs in job order.
   * @throws a user error `E_ENSEMBLE_INCOMPLETE` naming every member that failed (with its error)
   *   when some did: an ensemble is never summarised over fewer members than asked for
   */
  run(jobs: readonly MemberJob[], run: EnsembleRun): Promise<MemberOutput[]>;
  /** Lets go of threads and connections. */
  close(): Promise<void>;
}

/** A member that did not finish, and why. */
export interface MissingMember {
  index: number;
  job: MemberJob;
  error: string;
  attempts: number;
}
