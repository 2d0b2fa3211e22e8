/**
 * `--backend local|bullmq`, `--redis URL` and `--queue NAME` for every ensemble command (compare,
 * experiment): the options added in one call, checked once, and turned into an `EnsembleBackend`.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { userError } from '../shared/errors.ts';
import type { BackendKind, EnsembleBackend, WorkerTally } from './backend.ts';
import { BACKEND_KINDS } from './backend.ts';
import { bullmqBackend } from './bullmq-backend.ts';
import { DEFAULT_QUEUE, parseQueueName, parseRedisUrl } from './connection.ts';
import { localBackend } from './local-backend.ts';

/** The options as commander gives them. */
export interface BackendCliOptions {
  backend?: string;
  redis?: string;
  queue?: string;
}

/** `--backend local|bullmq`. */
export const backendOption = () =>
  new Option(
    '--backend <kind>',
    'where the members run: local (worker threads here) or bullmq (`regimes worker` processes on any machine, through Redis)',
  ).default('local');

/** `--redis URL` (for `--backend bullmq`). */
export const redisOption = () =>
  new Option('--redis <url>', 'Redis for --backend bullmq, e.g. redis://host:6379 (default: $REGIMES_REDIS)');

/** `--queue NAME` (for `--backend bullmq`). */
export const queueOption = () =>
  new Option('--queue <name>', `BullMQ queue the workers listen on (default: ${DEFAULT_QUEUE})`);

/** Adds `--backend`, `--redis` and `--queue` to a command. */
export function addBackendOptions(cmd: Command): Command {
  return cmd.addOption(backendOption()).addOption(redisOption()).addOption(queueOption());
}

/** `--backend`: one of `BACKEND_KINDS`. */
export function parseBackendKind(text: string): BackendKind {
  const t = text.trim();
  if (!(BACKEND_KINDS as readonly string[]).includes(t))
    throw userError(
      'E_DIST_BACKEND',
      `--backend: expected ${BACKEND_KINDS.join(' or ')}, got ${JSON.stringify(text)}`,
    );
  return t as BackendKind;
}

/**
 * The backend the options ask for: `threads` worker threads here, or BullMQ at `--redis` (or
 * `$REGIMES_REDIS`).
 * @throws user errors `E_DIST_BACKEND` (unknown kind, bullmq without Redis), `E_DIST_REDIS_URL`, `E_DIST_QUEUE`
 */
export function backendFromOptions(
  opts: BackendCliOptions,
  threads: number,
  env: NodeJS.ProcessEnv = process.env,
): EnsembleBackend {
  const kind = parseBackendKind(opts.backend ?? 'local');
  if (kind === 'local') return localBackend({ threads });
  const url = opts.redis ?? (env.REGIMES_REDIS?.trim() || undefined);
  if (!url)
    throw userError('E_DIST_BACKEND', '--backend bullmq needs --redis redis://host:port (or REGIMES_REDIS)');
  return bullmqBackend({
    redisUrl: parseRedisUrl(url),
    queue: opts.queue === undefined ? undefined : parseQueueName(opts.queue),
  });
}

/** `host-a:123 3 done, 1 running · host-b:456 2 done, 1 running`: the jobs per worker, for a progress bar. */
export function formatTallies(tallies: readonly WorkerTally[]): string {
  return tallies.map((t) => `${t.worker} ${t.done} done, ${t.running} running`).join(' · ');
}
