/** `regimes worker --redis URL`: runs ensemble members submitted with `--backend bullmq`, until stopped. */
import type { Command } from 'commander';
import { DEFAULT_QUEUE, parseQueueName, parseRedisUrl, redactUrl } from '../../distributed/connection.ts';
import { startWorker } from '../../distributed/worker.ts';
import type { RunningWorker, WorkerEvent } from '../../distributed/worker.ts';
import { formatDuration } from '../../ensemble/format.ts';
import { defaultThreads, parseThreads } from '../../ensemble/options.ts';
import { userError } from '../../shared/errors.ts';
import type { CommonOptions } from '../output.ts';
import { note } from '../output.ts';
import { ENGINE_DEPS } from './run.ts';
import type { SimulationDeps } from './run.ts';

interface WorkerCliOptions extends CommonOptions {
  redis?: string;
  queue?: string;
  concurrency?: string;
  grace: string;
}

/** `--grace S`: seconds, 0 … 86,400. */
function parseGrace(text: string): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > 86_400)
    throw userError('E_RUN_OPTION', `--grace: expected seconds from 0 to 86400, got ${JSON.stringify(text)}`);
  return Number(t);
}

const member = (e: { job: { regime: string; seed: number; scale: number; from: number; to: number } }) =>
  `${e.job.regime} seed ${e.job.seed} (scale ${e.job.scale}, ${e.job.from}–${e.job.to})`;

function describe(e: WorkerEvent): string {
  switch (e.type) {
    case 'ready':
      return `worker ${e.worker} listening on queue ${e.queue}, ${e.concurrency} member${e.concurrency === 1 ? '' : 's'} at a time (SIGTERM or Ctrl-C stops it)`;
    case 'start':
      return `started ${member(e)}${e.attempt > 1 ? `, attempt ${e.attempt}` : ''}`;
    case 'done':
      return `done ${member(e)} in ${formatDuration(e.wallMs)}`;
    case 'failed':
      return `failed ${member(e)}: ${e.error.split('\n', 1)[0]}${e.willRetry ? ' (will be retried)' : ''}`;
    case 'handed-back':
      return `handed ${member(e)} back to the queue`;
    case 'error':
      return `error: ${e.error}`;
    case 'closed':
      return `worker ${e.worker} stopped after ${e.done} member${e.done === 1 ? '' : 's'}`;
  }
}

/** Registers `worker`. */
export function registerWorker(program: Command, deps: SimulationDeps = ENGINE_DEPS): void {
  program
    .command('worker')
    .description(
      'run ensemble members for `compare`/`experiment --backend bullmq`, taken from Redis, on this machine until stopped',
    )
    .option(
      '--redis <url>',
      'Redis the ensembles are submitted to, e.g. redis://host:6379 (default: $REGIMES_REDIS)',
    )
    .option('--queue <name>', `queue to take members from (default: ${DEFAULT_QUEUE})`)
    .option('--concurrency <n>', 'members run at once, each on its own thread (default: the cores)')
    .option(
      '--grace <seconds>',
      'on SIGTERM or Ctrl-C, let running members finish this long, then hand them back to the queue (a second signal hands back at once)',
      '60',
    )
    .option(
      '--json',
      'print each event (ready, start, done, failed, handed-back, closed) as one JSON line on stdout',
    )
    .option('--quiet', 'no chatter on stderr')
    .action(async (opts: WorkerCliOptions) => {
      const url = opts.redis ?? (process.env.REGIMES_REDIS?.trim() || undefined);
      if (!url)
        throw userError(
          'E_DIST_BACKEND',
          'regimes worker needs --redis redis://host:port (or REGIMES_REDIS)',
        );
      const redisUrl = parseRedisUrl(url);
      const queue = opts.queue === undefined ? undefined : parseQueueName(opts.queue);
      const concurrency = opts.concurrency === undefined ? defaultThreads() : parseThreads(opts.concurrency);
      const graceMs = parseGrace(opts.grace) * 1000;
      // signals are caught from the start: one during start-up stops the worker once it is up
      let worker: RunningWorker | undefined;
      let signals = 0;
      const stop = () => {
        signals++;
        void worker?.close(signals === 1 ? graceMs : 0);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      try {
        worker = await startWorker({
          redisUrl,
          queue,
          concurrency,
          runnerModule: deps.runnerModule,
          onEvent: (e) => {
            if (opts.json) printJson1(e);
            note(opts, e.type === 'ready' ? `${describe(e)}\n  Redis ${redactUrl(redisUrl)}` : describe(e));
          },
        });
        if (signals) void worker.close(graceMs);
        await worker.closed;
      } finally {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
      }
    });
}

/** One event as one line of JSON (`--json`: a stream, not one document). */
function printJson1(e: WorkerEvent): void {
  process.stdout.write(`${JSON.stringify(e)}\n`);
}
