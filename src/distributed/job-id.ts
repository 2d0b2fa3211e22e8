/**
 * The id of a member's job: the same ensemble, member and code always give the same id, so a job
 * submitted twice (a restarted submitter, a second `compare` of the same ensemble) is one job, and
 * its result is made and kept once.
 */
import { createHash } from 'node:crypto';
import type { MemberJob } from '../ensemble/member.ts';

/** A part of an id: BullMQ forbids `:` in job ids, and a dot separates the parts. */
const part = (s: string) => encodeURIComponent(s).replaceAll('.', '%2E');

/** JSON with object keys sorted, so equal jobs give equal text whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * A hash of everything that decides a member's result: the job (whatever fields its kind adds, e.g.
 * an experiment's arm and sensitivity point) except the engine's thread count, the runner module
 * and the code version.
 */
export function memberHash(job: MemberJob, runner: string, codeVersion: string): string {
  const { threads: _threads, ...decides } = job;
  return createHash('sha256')
    .update(canonical({ job: decides, runner, codeVersion }))
    .digest('hex')
    .slice(0, 16);
}

/** `ENSEMBLE.REGIME.seedN.scaleK.FROM-TO.HASH`: readable in Redis, unique through the hash. */
export function memberJobId(ensemble: string, job: MemberJob, runner: string, codeVersion: string): string {
  return [
    part(ensemble),
    part(job.regime),
    `seed${job.seed}`,
    `scale${job.scale}`,
    `${job.from}-${job.to}`,
    memberHash(job, runner, codeVersion),
  ].join('.');
}
