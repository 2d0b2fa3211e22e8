/**
 * The messages between the server and a job's child process: the order (a run or a comparison,
 * the store to write, the engine module), the progress the child reports, and how it ended.
 */
import type { Diagnostic } from '../../shared/errors.ts';
import type { ComparisonRequest, RunRequest } from '../engine.ts';

/** What a child process is asked to do. */
export type JobOrder = {
  storeFile: string;
  /** Module exporting `planMember` and `runMember` (href). */
  runnerModule: string;
  /** Worker threads for the members of a comparison. */
  threads: number;
} & ({ kind: 'run'; request: RunRequest } | { kind: 'comparison'; request: ComparisonRequest });

/** What a child process says. */
export type JobMessage =
  | { type: 'progress'; done: number; total: number; message: string }
  | { type: 'done'; resultId: string }
  | { type: 'failed'; error: { code: string; message: string; diagnostics?: Diagnostic[] } };
