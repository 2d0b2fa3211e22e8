/**
 * The messages between the server's thread and its task workers: a task by name with its request
 * (parameters, query, body), and its answer or the error it ended with, as plain data.
 */
import type { Diagnostic } from '../../shared/errors.ts';

/** The task that checks a run or comparison request before it is queued (check-job.ts). */
export const CHECK_JOB = 'check job request';

/** What a task handler is given: the parts of the HTTP request it needs. */
export interface TaskRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** A task handler: runs in a worker thread, returns the JSON answer or throws. */
export type TaskHandler = (req: TaskRequest) => unknown;

/** A task sent to a worker. */
export interface TaskOrder {
  id: number;
  name: string;
  request: TaskRequest;
}

/** An error as it crosses to the server's thread. */
export type TaskFailure =
  | { kind: 'http'; statusCode: number; code: string; message: string; diagnostics?: Diagnostic[] }
  | { kind: 'user'; diagnostics: Diagnostic[] }
  | { kind: 'internal'; message: string; stack?: string };

/** A worker's answer. */
export type TaskAnswer =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; failure: TaskFailure };
