/**
 * A BullMQ worker for ensemble members: takes member jobs from the queue, runs each on a worker
 * thread of its own (thread-slot.ts) and returns the output to Redis, where the submitter collects
 * it. `regimes worker` is a shell around it; tests and benchmarks start it directly.
 *
 * - A job whose runner throws a user error (bad input) fails at once, without retries; any other
 *   error, or a thread that dies, fails the attempt and BullMQ retries it.
 * - A job submitted by other code (another code version) is refused without retries.
 * - `close(graceMs)` stops taking jobs and lets the running ones finish; those still running after
 *   `graceMs` are handed back to the queue (moved to waiting, not counted as an attempt).
 * - A worker killed outright (SIGKILL, a lost machine) stops renewing its jobs' locks; after
 *   `lockDurationMs` another worker's stalled-job check puts them back in the queue.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { MemberJob } from '../ensemble/member.ts';
import { codeVersion as currentCodeVersion } from '../store/index.ts';
import type { JobProgressData } from './bullmq-backend.ts';
import type { EncodedOutput, JobData } from './codec.ts';
import { encodeOutput } from './codec.ts';
import { DEFAULT_QUEUE, KEY_PREFIX, checkRedis, connect } from './connection.ts';
import { runnerModuleOf } from './runner-path.ts';
import { MemberFailed, ThreadLost, ThreadSlot } from './thread-slot.ts';

/** What a worker tells its owner. */
export type WorkerEvent =
  | { type: 'ready'; worker: string; queue: string; concurrency: number }
  | { type: 'start'; id: string; job: MemberJob; attempt: number }
  | { type: 'done'; id: string; job: MemberJob; wallMs: number }
  | { type: 'failed'; id: string; job: MemberJob; error: string; willRetry: boolean }
  | { type: 'handed-back'; id: string; job: MemberJob }
  | { type: 'error'; error: string }
  | { type: 'closed'; worker: string; done: number };

/** Options of a worker. */
export interface WorkerOptions {
  redisUrl: string;
  /** Queue to take jobs from (default `regimes-ensemble`). */
  queue?: string;
  /** Members run at once, each on its own thread (default 1). */
  concurrency?: number;
  /**
   * The runner module the threads start with (the engine's for `regimes worker`); each job names
   * its own (an experiment's, the engine's), and a thread switches when they differ.
   */
  runnerModule: URL;
  /** The code version jobs must come from (default: this process's `codeVersion()`). */
  codeVersion?: string;
  /** Name in progress reports (default `host:pid`). */
  name?: string;
  /** How long a job's lock lasts without renewal, ms (default 30 s); a dead worker's jobs return after it. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs, ms (default 30 s). */
  stalledIntervalMs?: number;
  /** Stalls a job may have before it fails (default 2). */
  maxStalledCount?: number;
  onEvent?(event: WorkerEvent): void;
}

/** A started worker. */
export interface RunningWorker {
  readonly name: string;
  /** Stops taking jobs; running jobs finish, or are handed back after `graceMs` (default: wait for them). */
  close(graceMs?: number): Promise<void>;
  /** Settles once the worker has closed. */
  readonly closed: Promise<void>;
}

/**
 * Starts a worker.
 * @throws a user error `E_DIST_REDIS` when Redis cannot be reached
 */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  await checkRedis(o.redisUrl);
  const name = o.name ?? `${hostname()}:${process.pid}`;
  const queue = o.queue ?? DEFAULT_QUEUE;
  const concurrency = o.concurrency ?? 1;
  const version = o.codeVersion ?? currentCodeVersion();
  const emit = (e: WorkerEvent) => o.onEvent?.(e);
  const free: ThreadSlot[] = Array.from({ length: concurrency }, () => new ThreadSlot());
  const all = [...free];
  let handingBack = false;
  let done = 0;

  const processor = async (job: Job<JobData>, token?: string): Promise<EncodedOutput> => {
    const { job: member, codeVersion, runner } = job.data;
    const id = job.id ?? '?';
    if (codeVersion !== version)
      throw new UnrecoverableError(
        `[E_DIST_VERSION] worker ${name} runs ${version}, the ensemble was submitted by ${codeVersion}`,
      );
    let runnerModule: URL;
    try {
      runnerModule = runnerModuleOf(runner);
    } catch (err) {
      throw new UnrecoverableError((err as Error).message);
    }
    const slot = free.pop();
    if (!slot) throw new Error('no free thread (concurrency exceeded)');
    emit({ type: 'start', id, job: member, attempt: job.attemptsMade + 1 });
    // progress reports in order, and all of them before the result
    let reported = Promise.resolve();
    const progress = (year: number | null) =>
      (reported = reported.then(() =>
        job.updateProgress({ worker: name, year } satisfies JobProgressData as never).catch(() => {}),
      ));
    try {
      await progress(null);
      const started = performance.now();
      const out = await slot.run(member, runnerModule, (year) => void progress(year));
      await reported;
      done++;
      emit({ type: 'done', id, job: member, wallMs: performance.now() - started });
      return encodeOutput(out, name);
    } catch (err) {
      if (err instanceof ThreadLost && handingBack) {
        await job.moveToWait(token);
        emit({ type: 'handed-back', id, job: member });
        throw new WaitingError();
      }
      if (err instanceof MemberFailed && err.diagnostics) throw new UnrecoverableError(err.message);
      throw err;
    } finally {
      free.push(slot);
    }
  };

  // threads first: a worker is ready when it can run a member at once
  try {
    await Promise.all(all.map((s) => s.warm(o.runnerModule)));
  } catch (err) {
    await Promise.all(all.map((s) => s.stop()));
    throw err;
  }
  const connection = connect(o.redisUrl);
  const worker = new Worker<JobData, EncodedOutput>(queue, processor, {
    connection,
    prefix: KEY_PREFIX,
    concurrency,
    name,
    lockDuration: o.lockDurationMs ?? 30_000,
    stalledInterval: o.stalledIntervalMs ?? 30_000,
    maxStalledCount: o.maxStalledCount ?? 2,
  });
  worker.on('failed', (job, err) => {
    if (!job || err instanceof WaitingError || err.name === 'WaitingError') return;
    const attempts = job.opts.attempts ?? 1;
    const willRetry = !(err instanceof UnrecoverableError) && job.attemptsMade < attempts;
    emit({ type: 'failed', id: job.id ?? '?', job: job.data.job, error: err.message, willRetry });
  });
  worker.on('error', (err) => emit({ type: 'error', error: err.message }));
  await worker.waitUntilReady();
  emit({ type: 'ready', worker: name, queue, concurrency });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  const handBack = () => {
    handingBack = true;
    for (const s of all) if (s.busy) void s.stop('handed back at shutdown');
  };
  const close = (graceMs?: number): Promise<void> => {
    if (graceMs !== undefined && closing) {
      // a second request with a deadline (a second signal): hand back sooner
      setTimeout(() => handBack(), graceMs).unref();
      return closing;
    }
    if (closing) return closing;
    const timer = graceMs === undefined ? undefined : setTimeout(handBack, graceMs);
    closing = (async () => {
      try {
        await worker.close();
      } finally {
        if (timer) clearTimeout(timer);
        await Promise.all(all.map((s) => s.stop()));
        connection.disconnect();
        emit({ type: 'closed', worker: name, done });
        resolveClosed();
      }
    })();
    return closing;
  };
  return { name, close, closed };
}
