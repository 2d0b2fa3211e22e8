/** Ids of stored results: `run-…`, `cmp-…`, `exp-…`, made from the time and a random part. */
import { randomBytes } from 'node:crypto';

/**
 * A new id: `PREFIX-YYYYMMDD-HHMMSS-xxxxxx` (UTC time, 6 random hex digits).
 * @param taken ids already handed out in this batch; the new one is added to it and differs from all
 */
export function newId(prefix: 'run' | 'cmp' | 'exp', now = new Date(), taken?: Set<string>): string {
  const t = now.toISOString().replace(/[-:]/g, '').slice(0, 15).replace('T', '-');
  for (;;) {
    const id = `${prefix}-${t}-${randomBytes(3).toString('hex')}`;
    if (!taken) return id;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const ID_PATTERN = /^(run|cmp|exp)-\d{8}-\d{6}-[0-9a-f]{6}$/;

/** Whether a string has the shape of a run or comparison id. */
export function isId(s: string): boolean {
  return ID_PATTERN.test(s);
}
