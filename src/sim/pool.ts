/**
 * Worker threads for the agent pass. Groups of agents are dealt to threads round-robin; the main
 * thread takes a share too. Synchronous on purpose (`simulate` is synchronous): the main thread
 * posts a job on each worker's port, wakes the workers through an Atomics counter, runs its own
 * groups, then waits on the counter. Workers read their job with `receiveMessageOnPort`.
 * Which thread runs a group never changes a result: each group sums into its own slice.
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort, Worker } from 'node:worker_threads';
import { siblingModule, spawnWorker } from '../shared/spawn-worker.ts';
import type { AgentStepContext } from './context.ts';
import type { StoreBuffers } from './state.ts';

/** Control words in the shared Int32Array. */
export const CTRL = { epoch: 0, done: 1, ready: 2, stop: 3, failed: 4 } as const;

export interface AgentJob {
  buffers: StoreBuffers;
  ctx: AgentStepContext;
  acc: SharedArrayBuffer;
  sliceLength: number;
  groupSize: number;
  groups: number[];
  /** One bilateral tally per thread, back to back (bilateral-tally.ts, `bilateralTallyOf`). */
  bilateral: SharedArrayBuffer;
  /** This job's thread (0 = main): which tally of `bilateral` it counts into. */
  thread: number;
}

const READY_TIMEOUT_MS = 60_000;

export class AgentPool {
  readonly threads: number;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(32));
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private started = false;

  constructor(threads: number) {
    this.threads = threads;
    for (let w = 0; w < threads - 1; w++) {
      const channel = new MessageChannel();
      // tsx (for a .ts worker) is resolved from this package, not from the working directory
      const worker = spawnWorker(siblingModule('./agent-worker', import.meta.url), {
        workerData: { ctrl: this.ctrl.buffer, port: channel.port2 },
        transferList: [channel.port2],
      });
      worker.unref();
      this.workers.push(worker);
      this.ports.push(channel.port1);
    }
  }

  /**
   * Waits until every worker has started (once, before the first job): the workers boot — load
   * the TypeScript loader and the kernels, ≈ 0.5 s — while the caller builds its first year.
   */
  private awaitWorkers(): void {
    if (this.started) return;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const ready = Atomics.load(this.ctrl, CTRL.ready);
      if (ready >= this.threads - 1) break;
      if (Date.now() > deadline) {
        this.close();
        throw new Error(`worker threads did not start within ${READY_TIMEOUT_MS / 1000} s`);
      }
      Atomics.wait(this.ctrl, CTRL.ready, ready, 200);
    }
    this.started = true;
  }

  /**
   * Runs `local` on the main thread for group set 0 and the job on the workers for the others.
   * @param groupsOf the groups of thread t (0 = main)
   */
  run(
    job: Omit<AgentJob, 'groups' | 'thread'>,
    groupsOf: (t: number) => number[],
    local: (groups: number[]) => void,
  ): void {
    this.awaitWorkers();
    Atomics.store(this.ctrl, CTRL.done, 0);
    for (let w = 0; w < this.workers.length; w++)
      this.ports[w].postMessage({ ...job, groups: groupsOf(w + 1), thread: w + 1 });
    Atomics.add(this.ctrl, CTRL.epoch, 1);
    Atomics.notify(this.ctrl, CTRL.epoch);
    local(groupsOf(0));
    for (;;) {
      const done = Atomics.load(this.ctrl, CTRL.done);
      if (done >= this.workers.length) break;
      Atomics.wait(this.ctrl, CTRL.done, done, 1000);
    }
    if (Atomics.load(this.ctrl, CTRL.failed)) {
      const messages = this.ports.map((p) => receiveMessageOnPort(p)?.message).filter(Boolean);
      throw new Error(
        `a worker thread failed: ${messages.map((m) => (m as { error: string }).error).join('; ')}`,
      );
    }
  }

  close(): void {
    Atomics.store(this.ctrl, CTRL.stop, 1);
    Atomics.add(this.ctrl, CTRL.epoch, 1);
    Atomics.notify(this.ctrl, CTRL.epoch);
    for (const w of this.workers) void w.terminate();
    for (const p of this.ports) p.close();
  }
}
