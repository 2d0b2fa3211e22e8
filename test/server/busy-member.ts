/**
 * TEST DOUBLE: the ensemble's engine double (test/support/ensemble/double-member.ts) made to keep
 * its thread busy, as the engine does: each simulated year spins the CPU for
 * `REGIMES_TEST_BUSY_MS` ms (default 300) without yielding. A server that ran it on its own thread
 * could answer nothing meanwhile.
 */
import { planMember, runMember as runDouble } from '../support/ensemble/double-member.ts';
import type { MemberHooks, MemberJob, MemberOutput } from '../../src/ensemble/member.ts';

export { planMember };

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

export function runMember(job: MemberJob, hooks: MemberHooks): MemberOutput {
  const ms = Number(process.env.REGIMES_TEST_BUSY_MS ?? 300);
  return runDouble(job, {
    onYear: (year) => {
      spin(ms);
      hooks.onYear?.(year);
    },
  });
}
