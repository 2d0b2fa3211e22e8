/**
 * Runs a job in a child process (job-child.ts) and relays what it says: progress to the job's
 * context, and its end as the job's result or error. The server's thread stays free for requests
 * while the child simulates (issue 24, finding 2), and a job that crashes takes only its own
 * process down. When the server closes, running children are stopped (SIGTERM, then SIGKILL).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../shared/errors.ts';
import { siblingModule } from '../../shared/spawn-worker.ts';
import type { JobContext } from '../run-queue.ts';
import type { JobMessage, JobOrder } from './job-order.ts';

const CHILD = siblingModule('./job-child', import.meta.url);
const TSX = import.meta.resolve('tsx');

/** How long a child is given to stop after SIGTERM before it is killed, ms. */
const STOP_GRACE_MS = 5_000;

/** An error a job ended with: its code, message and diagnostics. */
export class JobError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly diagnostics?: UserError['diagnostics'],
  ) {
    super(message);
    this.name = 'JobError';
  }
}

/** Lines a child wrote on stderr (kept for the log when it fails). */
export type ChildLog = (line: string) => void;

/** Runs `order` in a fresh child process; resolves with the stored result's id. */
export function runInChild(order: JobOrder, ctx: JobContext, log: ChildLog = () => {}): Promise<string> {
  const path = fileURLToPath(CHILD);
  const child = fork(path, [], {
    execArgv: path.endsWith('.ts') ? ['--import', TSX] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let tail = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (tail + chunk).split('\n');
    tail = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) log(line);
  });
  return new Promise<string>((resolve, reject) => {
    let outcome: { id: string } | { error: JobError } | undefined;
    const stop = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
    };
    if (ctx.signal.aborted) stop();
    ctx.signal.addEventListener('abort', stop, { once: true });
    child.on('message', (m: JobMessage) => {
      if (m.type === 'progress') ctx.progress(m.done, m.total, m.message);
      else if (m.type === 'done') outcome = { id: m.resultId };
      else outcome = { error: new JobError(m.error.code, m.error.message, m.error.diagnostics) };
    });
    child.on('error', (err) => {
      outcome ??= {
        error: new JobError('E_JOB_FAILED', `the job's process could not start: ${err.message}`),
      };
    });
    child.on('exit', (code, signal) => {
      ctx.signal.removeEventListener('abort', stop);
      if (tail.trim()) log(tail);
      if (outcome && 'id' in outcome) return resolve(outcome.id);
      if (outcome) return reject(outcome.error);
      reject(
        ctx.signal.aborted
          ? new JobError('E_SHUTTING_DOWN', 'the server stopped while the job was running')
          : new JobError(
              'E_JOB_FAILED',
              `the job's process ended without a result (${signal ? `signal ${signal}` : `exit code ${code}`}; the server log has its output)`,
            ),
      );
    });
    child.send(order);
  });
}
