/**
 * The ensemble pool: runs member jobs on a fixed number of worker threads and brings every result
 * back to the calling (main) thread, which alone writes the store.
 *
 * - Jobs are handed out one at a time to whichever worker is free; results are returned in job
 *   order whatever order they finish in, so the outcome does not depend on the thread count.
 * - With `threads: 1` the jobs run in the calling thread (same runner, same results, no start-up).
 * - A worker that dies (crash, out of memory) loses no finished result: its current job is given
 *   to a fresh worker, up to `maxAttempts` times in all. A job that throws is not retried: its error
 *   (a `UserError` keeps its diagnostics) fails the whole ensemble and the workers are stopped.
 */
import type { Worker } from 'node:worker_threads';
import { UserError } from '../shared/errors.ts';
import type { Diagnostic } from '../shared/errors.ts';
import type { MemberJob, MemberOutput } from './member.ts';
import { loadRunner } from './member.ts';
import { siblingModule, spawnWorker } from '../shared/spawn-worker.ts';

/** A message to a worker: run this job. */
export interface ToWorker {
  index: number;
  job: MemberJob;
}

/** A message from a worker. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'year'; index: number; year: number }
  | { type: 'done'; index: number; output: MemberOutput }
  | { type: 'error'; index: number; error: { message: string; diagnostics?: Diagnostic[] } };

/** How to run an ensemble. */
export interface PoolOptions {
  /** Worker threads (1 runs in the calling thread). */
  threads: number;
  /** Module exporting `runMember: MemberRunner`. */
  runnerModule: URL;
  /** After a member finishes a simulated year. */
  onYear?(index: number, year: number): void;
  /** When a member's output arrives. */
  onDone?(index: number, output: MemberOutput): void;
  /** Attempts per job when workers die (default 2). */
  maxAttempts?: number;
  /**
   * Jobs with the same key share work a worker can keep (e.g. a regime's compiled tables): a free
   * worker takes the next job with the key of its last job if there is one. Scheduling only: the
   * outputs do not depend on it.
   */
  affinity?(job: MemberJob): string;
}

/** Runs every job and returns their outputs in job order. */
export async function runEnsemble(jobs: readonly MemberJob[], options: PoolOptions): Promise<MemberOutput[]> {
  if (!Number.isInteger(options.threads) || options.threads < 1)
    throw new Error(`threads must be a positive integer, got ${options.threads}`);
  if (jobs.length === 0) return [];
  if (options.threads === 1) return runInThisThread(jobs, options);
  return runOnWorkers(jobs, options);
}

async function runInThisThread(jobs: readonly MemberJob[], options: PoolOptions): Promise<MemberOutput[]> {
  const runner = (await loadRunner(options.runnerModule)).runMember;
  const out: MemberOutput[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const output = await runner(jobs[i], { onYear: (year) => options.onYear?.(i, year) });
    options.onDone?.(i, output);
    out.push(output);
  }
  return out;
}

function runOnWorkers(jobs: readonly MemberJob[], options: PoolOptions): Promise<MemberOutput[]> {
  const maxAttempts = options.maxAttempts ?? 2;
  const results: (MemberOutput | undefined)[] = new Array(jobs.length);
  const attempts = new Array<number>(jobs.length).fill(0);
  const queue = jobs.map((_, i) => i);
  const workers = new Set<Worker>();
  let finished = 0;
  let settled = false;
  const workerUrl = siblingModule('./pool-worker', import.meta.url);

  return new Promise<MemberOutput[]>((resolve, reject) => {
    const stopAll = () => {
      settled = true;
      for (const w of workers) void w.terminate();
      workers.clear();
    };
    const fail = (err: Error) => {
      if (settled) return;
      stopAll();
      reject(err);
    };

    const start = () => {
      const worker = spawnWorker(workerUrl, { workerData: { runnerModule: options.runnerModule.href } });
      workers.add(worker);
      let current: number | undefined;
      let ready = false;
      let lastKey: string | undefined;
      const next = () => {
        const k =
          lastKey === undefined || !options.affinity
            ? -1
            : queue.findIndex((i) => options.affinity!(jobs[i]) === lastKey);
        current = queue.splice(Math.max(k, 0), 1)[0];
        if (current === undefined) {
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        attempts[current]++;
        lastKey = options.affinity?.(jobs[current]);
        worker.postMessage({ index: current, job: jobs[current] } satisfies ToWorker);
      };
      worker.on('message', (msg: FromWorker) => {
        if (settled) return;
        if (msg.type === 'ready') {
          ready = true;
          next();
        } else if (msg.type === 'year') options.onYear?.(msg.index, msg.year);
        else if (msg.type === 'done') {
          results[msg.index] = msg.output;
          finished++;
          options.onDone?.(msg.index, msg.output);
          if (finished === jobs.length) {
            stopAll();
            resolve(results as MemberOutput[]);
          } else next();
        } else {
          const e = msg.error;
          fail(
            e.diagnostics
              ? new UserError(e.diagnostics)
              : new Error(`ensemble member ${msg.index} failed: ${e.message}`),
          );
        }
      });
      // A crash or an exit while holding a job: give the job to a fresh worker.
      const lost = (why: string) => {
        if (settled || !workers.has(worker)) return;
        workers.delete(worker);
        if (!ready) {
          fail(new Error(`ensemble worker failed to start: ${why}`));
          return;
        }
        const index = current;
        current = undefined;
        if (index === undefined || results[index]) return;
        if (attempts[index] >= maxAttempts) {
          fail(
            new Error(
              `ensemble member ${index} (${jobs[index].regime}, seed ${jobs[index].seed}) lost its worker ${attempts[index]} times: ${why}`,
            ),
          );
          return;
        }
        queue.unshift(index);
        start();
      };
      worker.on('error', (err) => lost(err.message));
      worker.on('exit', (code) => lost(`worker exited with code ${code}`));
    };

    const n = Math.min(options.threads, jobs.length);
    for (let i = 0; i < n; i++) start();
  });
}
