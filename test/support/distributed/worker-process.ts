/**
 * TEST HELPER: a worker process on the slow engine double, for the fault tests and the benchmark.
 * `tsx worker-process.ts REDIS_URL QUEUE CONCURRENCY` prints each worker event as one JSON line on
 * stdout; SIGTERM closes it gracefully (running jobs finish). Locks are short (1 s, checked every
 * 500 ms) so that a killed worker's job returns to the queue quickly. The code version is
 * `REGIMES_TEST_CODE_VERSION` (so that a commit between starts cannot split submitter and workers).
 */
import { startWorker } from '../../../src/distributed/worker.ts';
import type { RunningWorker } from '../../../src/distributed/worker.ts';

const [redisUrl, queue, concurrency = '1'] = process.argv.slice(2);
const grace = Number(process.env.REGIMES_TEST_GRACE_MS ?? 10_000);
const started: { worker?: RunningWorker } = {};
let stopping = false;
const stop = () => {
  stopping = true;
  void started.worker?.close(grace);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
const worker = (started.worker = await startWorker({
  redisUrl,
  queue,
  concurrency: Number(concurrency),
  runnerModule: new URL('./slow-member.ts', import.meta.url),
  codeVersion: process.env.REGIMES_TEST_CODE_VERSION ?? 'test',
  lockDurationMs: 1000,
  stalledIntervalMs: 500,
  onEvent: (e) => process.stdout.write(`${JSON.stringify(e)}\n`),
}));
if (stopping) void worker.close(grace);
await worker.closed;
