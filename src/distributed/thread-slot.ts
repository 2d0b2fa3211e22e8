/**
 * One member at a time on a worker thread of its own, speaking the ensemble pool's protocol
 * (src/ensemble/pool-worker.ts). A `regimes worker` runs its jobs on these so that its event loop
 * stays free while a member simulates: BullMQ renews the job's lock and reports progress from it.
 * The thread is kept between jobs of the same runner module (a runner may keep compiled tables);
 * a job of another runner, or a thread that died, gets a fresh thread.
 */
import type { Worker } from 'node:worker_threads';
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';
import type { FromWorker, ToWorker } from '../ensemble/pool.ts';
import { siblingModule, spawnWorker } from '../shared/spawn-worker.ts';
import type { Diagnostic } from '../shared/errors.ts';

/** A job that threw in its runner (not a thread that died): user errors keep their diagnostics. */
export class MemberFailed extends Error {
  constructor(
    message: string,
    readonly diagnostics?: Diagnostic[],
  ) {
    super(message);
    this.name = 'MemberFailed';
  }
}

/** The thread stopped (crashed, ran out of memory, or was stopped) while it held a job. */
export class ThreadLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThreadLost';
  }
}

const POOL_WORKER = siblingModule('../ensemble/pool-worker', import.meta.url);

/** A worker thread that runs one member at a time. */
export class ThreadSlot {
  private worker?: Worker;
  private ready?: Promise<void>;
  /** The runner module of the thread running now. */
  private runner?: string;
  private pending?: {
    resolve(out: MemberOutput): void;
    reject(err: Error): void;
    onYear?(year: number): void;
  };

  private start(runnerModule: URL): Promise<void> {
    const worker = spawnWorker(POOL_WORKER, { workerData: { runnerModule: runnerModule.href } });
    this.worker = worker;
    this.runner = runnerModule.href;
    this.ready = new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          started = true;
          resolve();
        } else if (msg.type === 'year') this.pending?.onYear?.(msg.year);
        else if (msg.type === 'done') this.settle((p) => p.resolve(msg.output));
        else this.settle((p) => p.reject(new MemberFailed(msg.error.message, msg.error.diagnostics)));
      });
      const lost = (why: string) => {
        // a thread stopped while starting leaves no one waiting for it
        if (!started) reject(new ThreadLost(`worker thread stopped before it was ready: ${why}`));
        if (this.worker !== worker) return; // stopped on purpose: stop() has settled its job
        this.worker = undefined;
        this.ready = undefined;
        this.settle((p) => p.reject(new ThreadLost(why)));
      };
      worker.on('error', (err) => lost(err.stack ?? err.message));
      worker.on('exit', (code) => lost(`worker thread exited with code ${code}`));
    });
    return this.ready;
  }

  private settle(fn: (p: NonNullable<ThreadSlot['pending']>) => void): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) fn(p);
  }

  private running = false;

  /** Whether a member is running (or its thread is starting). */
  get busy(): boolean {
    return this.running;
  }

  /** Starts the thread now (a job would start it anyway); rejects with `ThreadLost` if it cannot start. */
  warm(runnerModule: URL): Promise<void> {
    return this.ready ?? this.start(runnerModule);
  }

  /** Runs one member; rejects with `MemberFailed` (it threw) or `ThreadLost` (the thread died). */
  async run(job: MemberJob, runnerModule: URL, onYear?: (year: number) => void): Promise<MemberOutput> {
    if (this.running) throw new Error('thread slot is busy');
    this.running = true;
    try {
      if (this.worker && this.runner !== runnerModule.href) await this.stop('another runner module');
      await (this.ready ?? this.start(runnerModule));
      const worker = this.worker;
      if (!worker) throw new ThreadLost('worker thread stopped before the job started');
      return await new Promise<MemberOutput>((resolve, reject) => {
        this.pending = { resolve, reject, onYear };
        worker.postMessage({ index: 0, job } satisfies ToWorker);
      });
    } finally {
      this.running = false;
    }
  }

  /** Stops the thread; a member running on it is rejected with `ThreadLost(why)`. */
  async stop(why = 'stopped'): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.settle((p) => p.reject(new ThreadLost(why)));
    if (worker) await worker.terminate();
  }
}
