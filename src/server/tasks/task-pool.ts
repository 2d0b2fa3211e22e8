/**
 * The server's task workers: a few worker threads that do the library's work (loading and
 * checking documents, deciding cases, scoring compliance), so that the server's own thread only
 * reads requests and writes answers (issue 24, finding 3: one validation held every request for
 * 16.7 s). Tasks wait in a bounded queue; a task that runs too long has its worker stopped and
 * replaced, and a worker that dies (out of memory, a crash) fails only its own task.
 */
import type { Worker } from 'node:worker_threads';
import { UserError } from '../../shared/errors.ts';
import { siblingModule, spawnWorker } from '../../shared/spawn-worker.ts';
import { apiError, HttpError } from '../http-error.ts';
import type { TaskAnswer, TaskFailure, TaskOrder, TaskRequest } from './task-message.ts';

const WORKER = siblingModule('./task-worker', import.meta.url);

/** The server's tasks: the handlers of the document, rules and world routes. */
export const LIBRARY_TASKS = siblingModule('./library-tasks', import.meta.url);

export interface TaskPoolOptions {
  /** The module whose `TASKS` the workers answer (default `LIBRARY_TASKS`). */
  tasks?: URL;
  /** Worker threads (default 2). */
  size?: number;
  /** Tasks allowed to wait for a worker (default 64); more are refused with 503 `E_BUSY`. */
  maxQueued?: number;
  /** Longest a task may run, ms (default 60 s); then 503 `E_TASK_TIMEOUT` and a fresh worker. */
  timeoutMs?: number;
  /** Heap limit of each worker, MB (default 2048): a runaway task fails alone. */
  maxHeapMb?: number;
}

/** An error that is a fault of the server, with what the log should keep. */
export class InternalError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'InternalError';
  }
}

interface Pending {
  order: TaskOrder;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Pending;
  timer?: NodeJS.Timeout;
}

export class TaskPool {
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly tasks: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: TaskPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.maxQueued = Math.max(0, options.maxQueued ?? 64);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 2048;
    this.tasks = options.tasks ?? LIBRARY_TASKS;
    for (let i = 0; i < this.size; i++) this.start();
  }

  /**
   * Runs task `name` on a worker.
   * @throws the task's own `HttpError` or `UserError`; 503 `E_BUSY` when the queue is full;
   *   503 `E_TASK_TIMEOUT`; `InternalError` for a fault (the worker's stack in `detail`)
   */
  run(name: string, request: TaskRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(apiError('E_SHUTTING_DOWN', 'the server is shutting down'));
    if (this.queue.length >= this.maxQueued)
      return Promise.reject(
        apiError('E_BUSY', `${this.queue.length} requests are waiting for a worker: try again shortly`),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({ order: { id: this.nextId++, name, request }, resolve, reject });
      this.pump();
    });
  }

  /** Counts for `/api/health`. */
  counts(): { workers: number; busy: number; queued: number } {
    let busy = 0;
    for (const s of this.slots) if (s.task) busy++;
    return { workers: this.slots.size, busy, queued: this.queue.length };
  }

  /** Stops the workers; waiting tasks fail with `E_SHUTTING_DOWN`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0))
      p.reject(apiError('E_SHUTTING_DOWN', 'the server is shutting down'));
    await Promise.all([...this.slots].map((s) => this.stop(s)));
  }

  private start(): void {
    const worker = spawnWorker(WORKER, {
      workerData: { tasks: this.tasks.href },
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, stackSizeMb: 4 },
    });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on('message', (m: TaskAnswer) => {
      if (m.type === 'ready') {
        slot.ready = true;
        return this.pump();
      }
      const task = slot.task;
      if (!task || task.order.id !== m.id) return;
      this.release(slot);
      if (m.type === 'done') task.resolve(m.value);
      else task.reject(errorOf(m.failure));
      this.pump();
    });
    const lost = (why: string) => {
      if (!this.slots.has(slot)) return;
      this.slots.delete(slot);
      const task = slot.task;
      this.release(slot);
      task?.reject(new InternalError(`the worker doing this request stopped (${why})`));
      if (!this.closed) this.start();
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task || !this.queue.length) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
      slot.worker.postMessage(task.order);
    }
  }

  private timeOut(slot: Slot): void {
    const task = slot.task;
    if (!task) return;
    this.release(slot);
    this.slots.delete(slot);
    task.reject(
      apiError(
        'E_TASK_TIMEOUT',
        `the request took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`,
      ),
    );
    void this.stop(slot);
    if (!this.closed) this.start();
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
  }

  private async stop(slot: Slot): Promise<void> {
    this.slots.delete(slot);
    slot.worker.removeAllListeners('exit');
    slot.worker.removeAllListeners('error');
    await slot.worker.terminate();
  }
}

function errorOf(f: TaskFailure): Error {
  if (f.kind === 'http') return new HttpError(f.statusCode, f.code, f.message, f.diagnostics);
  if (f.kind === 'user') return new UserError(f.diagnostics);
  return new InternalError(f.message, f.stack);
}
