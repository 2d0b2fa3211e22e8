/**
 * The id of a member's job: the same ensemble, member and code always give the same id, so a job
 * submitted twice (a restarted submitter, a second `compare` of the same ensemble) is one job, and
 * its result is made and kept once.
 */
import { createHash } from 'node:crypto';
import type { MemberJob } from '../ensemble/member.ts';

/** A part of an id: BullMQ forbids `:` in job ids, and a dot separates the parts. */
const part = (s: string) => encodeURIComponent(s).replaceAll('.', '%2E');

/** Short hash of the code version (results of other code are other jobs). */
export function versionTag(codeVersion: string): string {
  return createHash('sha256').update(codeVersion).digest('hex').slice(0, 10);
}

/**
 * `ENSEMBLE.SCENARIO.REGIME.seedN.scaleK.FROM-TO.vHASH`: what decides a member's result (the
 * engine's thread count does not) and the code version.
 */
export function memberJobId(ensemble: string, job: MemberJob, codeVersion: string): string {
  return [
    part(ensemble),
    part(job.scenario),
    part(job.regime),
    `seed${job.seed}`,
    `scale${job.scale}`,
    `${job.from}-${job.to}`,
    `v${versionTag(codeVersion)}`,
  ].join('.');
}
