/**
 * Redis for BullMQ: the `--redis URL` option checked once, at the boundary, and connections made
 * the way BullMQ needs them (`maxRetriesPerRequest: null`, which BullMQ requires of a worker's connection).
 */
import { Redis } from 'ioredis';
import { userError } from '../shared/errors.ts';

/** The queue that member jobs go to unless `--queue` names another. */
export const DEFAULT_QUEUE = 'regimes-ensemble';

/** Key prefix of every BullMQ key this project writes. */
export const KEY_PREFIX = 'regimes';

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * `--redis URL`: `redis://[user:password@]host[:port][/db]` or `rediss://` (TLS).
 * @throws a user error `E_DIST_REDIS_URL` for anything else
 */
export function parseRedisUrl(text: string): string {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw userError('E_DIST_REDIS_URL', `--redis: expected redis://host:port, got ${JSON.stringify(text)}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw userError(
      'E_DIST_REDIS_URL',
      `--redis: expected a redis:// or rediss:// URL, got ${JSON.stringify(text)}`,
    );
  if (!u.hostname) throw userError('E_DIST_REDIS_URL', `--redis: no host in ${JSON.stringify(text)}`);
  return u.toString();
}

/** `--queue NAME`: letters, digits, `-`, `_` and `.` (BullMQ forbids `:`). */
export function parseQueueName(text: string): string {
  const t = text.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(t))
    throw userError(
      'E_DIST_QUEUE',
      `--queue: expected letters, digits, '.', '-' or '_', got ${JSON.stringify(text)}`,
    );
  return t;
}

/** A connection for BullMQ (queues, workers, queue events). */
export function connect(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * Checks that Redis answers before anything is submitted or awaited.
 * @throws a user error `E_DIST_REDIS` when it does not within `timeoutMs`
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw userError(
      'E_DIST_REDIS',
      `cannot reach Redis at ${redactUrl(url)}: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    probe.disconnect();
  }
}
