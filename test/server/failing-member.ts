/**
 * TEST DOUBLE: the ensemble's engine double (test/support/ensemble/double-member.ts) whose members
 * plan well and then fail while they run, with a coded error: a job that fails after it was accepted.
 */
import { planMember } from '../support/ensemble/double-member.ts';
import type { MemberJob, MemberOutput } from '../../src/ensemble/member.ts';
import { userError } from '../../src/shared/errors.ts';

export { planMember };

export function runMember(job: MemberJob): MemberOutput {
  throw userError('E_SIM_PARAMETER', `the member of seed ${job.seed} failed on purpose`);
}
