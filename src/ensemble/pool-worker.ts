/**
 * Entry of an ensemble worker thread: loads the runner module named in `workerData`, then runs the
 * jobs the pool posts, one at a time, posting back progress, the result (typed arrays transferred,
 * not copied), or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../shared/errors.ts';
import { transferablesOf } from '../store/rows.ts';
import type { MemberJob } from './member.ts';
import { loadRunner } from './member.ts';
import type { FromWorker, ToWorker } from './pool.ts';

const port = parentPort!;
const { runnerModule } = workerData as { runnerModule: string };
const runner = (await loadRunner(new URL(runnerModule))).runMember;

port.on('message', async (msg: ToWorker) => {
  const { index, job } = msg as { index: number; job: MemberJob };
  try {
    const output = await runner(job, {
      onYear: (year) => port.postMessage({ type: 'year', index, year } satisfies FromWorker),
    });
    port.postMessage({ type: 'done', index, output } satisfies FromWorker, transferablesOf(output.rows));
  } catch (err) {
    const error =
      err instanceof UserError
        ? { message: err.message, diagnostics: err.diagnostics }
        : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    port.postMessage({ type: 'error', index, error } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
