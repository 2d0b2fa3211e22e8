/**
 * The job queue behind runs and comparisons: at most `concurrency` jobs work at once, at most
 * `maxQueued` wait behind them, and anything beyond that is refused (429) rather than piling up.
 * Each job keeps its progress and its last events, so a client that connects late (server-sent
 * events) first gets the job's current state, then what happens next.
 *
 * The work itself is a function handed in with the job: the server passes the real engine, tests
 * may pass a small double.
 */
import { randomBytes } from 'node:crypto';
import { apiError } from './http-error.ts';

/** A new job id: `job-YYYYMMDD-HHMMSS-xxxxxx` (UTC, 6 random hex digits); see `JOB_ID` in paths.ts. */
export function newJobId(now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').slice(0, 15).replace('T', '-');
  return `job-${t}-${randomBytes(3).toString('hex')}`;
}

export type JobKind = 'run' | 'comparison';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** What a job has done so far. */
export interface JobProgress {
  /** Steps done (e.g. simulated years, summed over the members of a comparison). */
  done: number;
  /** Steps in all (0 while unknown). */
  total: number;
  /** A short note on the current step, e.g. `neoliberal seed 2: 1998`. */
  message: string;
}

/** A job as clients see it. */
export interface JobView {
  id: string;
  kind: JobKind;
  state: JobState;
  /** What the job was asked to do. */
  params: unknown;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: JobProgress;
  /** Place in the queue (1 = next) while queued. */
  position?: number;
  /** The stored result when done: a run id (`run-…`) or a comparison id (`cmp-…`). */
  resultId?: string;
  /** Why it failed. */
  error?: { code: string; message: string };
}

/** One event of a job, as sent over server-sent events. */
export interface JobEvent {
  type: 'state' | 'progress' | 'done' | 'failed';
  job: JobView;
}

/** What the work function is given. */
export interface JobContext {
  /** Reports progress (cheap: call it as often as you like). */
  progress(done: number, total: number, message?: string): void;
  /** Aborted when the server closes. */
  signal: AbortSignal;
}

/** The work of a job. Resolves with the id of its stored result once it is stored. */
export type JobWork = (ctx: JobContext) => Promise<string>;

interface Job {
  view: JobView;
  work: JobWork;
  listeners: Set<(e: JobEvent) => void>;
}

export interface RunQueueOptions {
  /** Jobs working at once (default 1). */
  concurrency?: number;
  /** Jobs allowed to wait (default 8). */
  maxQueued?: number;
  /** Finished jobs remembered for listing and late subscribers (default 200). */
  keepFinished?: number;
}

/** A bounded queue of jobs with progress and subscribers. */
export class RunQueue {
  readonly concurrency: number;
  readonly maxQueued: number;
  private readonly keepFinished: number;
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private readonly abort = new AbortController();
  private readonly active = new Set<Promise<void>>();

  constructor(options: RunQueueOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.maxQueued = Math.max(0, options.maxQueued ?? 8);
    this.keepFinished = Math.max(1, options.keepFinished ?? 200);
  }

  /**
   * Adds a job; it starts when a slot is free.
   * @throws 429 `E_QUEUE_FULL` when `maxQueued` jobs are already waiting; 503 `E_SHUTTING_DOWN` after `close()`
   */
  submit(kind: JobKind, params: unknown, work: JobWork): JobView {
    if (this.abort.signal.aborted) throw apiError('E_SHUTTING_DOWN', 'the server is shutting down');
    const free = this.running < this.concurrency;
    if (!free && this.waiting.length >= this.maxQueued) {
      throw apiError(
        'E_QUEUE_FULL',
        `${this.running} jobs are running and ${this.waiting.length} waiting (the limit); try again when one has finished`,
      );
    }
    const id = newJobId();
    const job: Job = {
      view: {
        id,
        kind,
        state: 'queued',
        params,
        createdAt: new Date().toISOString(),
        progress: { done: 0, total: 0, message: 'queued' },
      },
      work,
      listeners: new Set(),
    };
    this.jobs.set(id, job);
    this.waiting.push(job);
    this.pump();
    return this.view(job);
  }

  /** A job by id, or undefined. */
  get(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job && this.view(job);
  }

  /** Every job known, newest first. */
  list(): JobView[] {
    return [...this.jobs.values()].map((j) => this.view(j)).reverse();
  }

  /** Counts by state. */
  counts(): Record<JobState, number> {
    const n = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const j of this.jobs.values()) n[j.view.state]++;
    return n;
  }

  /**
   * Calls `listener` with the job's current state now, then with every later event until the job
   * ends. Returns an unsubscribe function; returns undefined for an unknown job.
   */
  subscribe(id: string, listener: (e: JobEvent) => void): (() => void) | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const view = this.view(job);
    listener({
      type: view.state === 'done' ? 'done' : view.state === 'failed' ? 'failed' : 'state',
      job: view,
    });
    if (view.state === 'done' || view.state === 'failed') return () => {};
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Stops taking jobs, aborts the running ones and waits for them to settle. */
  async close(): Promise<void> {
    this.abort.abort();
    for (const job of this.waiting.splice(0))
      this.finish(job, { code: 'E_SHUTTING_DOWN', message: 'the server shut down before the job started' });
    await Promise.allSettled([...this.active]);
  }

  private view(job: Job): JobView {
    const v = { ...job.view, progress: { ...job.view.progress } };
    if (v.state === 'queued') v.position = this.waiting.indexOf(job) + 1;
    return v;
  }

  private emit(job: Job, type: JobEvent['type']): void {
    const e = { type, job: this.view(job) };
    for (const l of job.listeners) l(e);
    if (type === 'done' || type === 'failed') job.listeners.clear();
    // Waiting jobs moved up a place.
    if (type === 'state' && job.view.state === 'running') {
      for (const w of this.waiting) for (const l of w.listeners) l({ type: 'state', job: this.view(w) });
    }
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running++;
      const p = this.start(job).finally(() => {
        this.running--;
        this.active.delete(p);
        this.forget();
        this.pump();
      });
      this.active.add(p);
    }
  }

  private async start(job: Job): Promise<void> {
    job.view.state = 'running';
    job.view.startedAt = new Date().toISOString();
    job.view.progress.message = 'started';
    this.emit(job, 'state');
    let last = 0;
    const ctx: JobContext = {
      signal: this.abort.signal,
      progress: (done, total, message) => {
        job.view.progress = { done, total, message: message ?? job.view.progress.message };
        const now = Date.now();
        if (now - last >= 100 || done >= total) {
          last = now;
          this.emit(job, 'progress');
        }
      },
    };
    try {
      job.view.resultId = await job.work(ctx);
      this.finish(job);
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      this.finish(job, {
        code: typeof e.code === 'string' && e.code.startsWith('E_') ? e.code : 'E_JOB_FAILED',
        message: String(e.message ?? err),
      });
    }
  }

  private finish(job: Job, error?: { code: string; message: string }): void {
    job.view.finishedAt = new Date().toISOString();
    if (error) {
      job.view.state = 'failed';
      job.view.error = error;
      job.view.progress.message = 'failed';
      this.emit(job, 'failed');
    } else {
      job.view.state = 'done';
      job.view.progress = {
        done: job.view.progress.total || job.view.progress.done,
        total: job.view.progress.total,
        message: 'done',
      };
      this.emit(job, 'done');
    }
  }

  /** Drops the oldest finished jobs beyond `keepFinished`. */
  private forget(): void {
    const finished = [...this.jobs.values()].filter(
      (j) => j.view.state === 'done' || j.view.state === 'failed',
    );
    for (const j of finished.slice(0, Math.max(0, finished.length - this.keepFinished)))
      this.jobs.delete(j.view.id);
  }
}
