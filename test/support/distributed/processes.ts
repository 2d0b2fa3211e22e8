/**
 * TEST HELPER: worker processes (worker-process.ts beside it) started and, whatever happens, stopped.
 * Each process's JSON event lines are collected; `waitFor` resolves on the first matching one.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { WorkerEvent } from '../../../src/distributed/worker.ts';

const ENTRY = new URL('./worker-process.ts', import.meta.url);
const TSX = import.meta.resolve('tsx');

/** A worker process and what it has said. */
export interface WorkerProcess {
  child: ChildProcess;
  events: WorkerEvent[];
  /** Resolves with the first event (past or future) that matches. */
  waitFor(match: (e: WorkerEvent) => boolean, ms?: number): Promise<WorkerEvent>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts a worker process on `queue`. */
export function startWorkerProcess(
  redisUrl: string,
  queue: string,
  options: { concurrency?: number; env?: Record<string, string> } = {},
): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--import', TSX, ENTRY.pathname, redisUrl, queue, String(options.concurrency ?? 1)],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } },
  );
  const events: WorkerEvent[] = [];
  const waiters: { match: (e: WorkerEvent) => boolean; resolve: (e: WorkerEvent) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let e: WorkerEvent;
    try {
      e = JSON.parse(line) as WorkerEvent;
    } catch {
      return;
    }
    events.push(e);
    for (const w of [...waiters]) {
      if (!w.match(e)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    events,
    exited,
    waitFor(match, ms = 20_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(
              new Error(
                `worker ${child.pid}: no matching event within ${ms} ms; saw ${JSON.stringify(events)}`,
              ),
            ),
          ms,
        );
        waiters.push({ match, resolve: (e) => (clearTimeout(t), resolve(e)) });
      });
    },
  };
}

/** Kills every process still running (SIGKILL) and waits for them to go. */
export async function killAll(procs: readonly WorkerProcess[]): Promise<void> {
  await Promise.all(
    procs.map(async (p) => {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await p.exited;
    }),
  );
}
