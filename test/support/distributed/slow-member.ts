/**
 * TEST DOUBLE (tests and benchmarks only): the ensemble's engine double (test/support/ensemble)
 * made slow enough to kill a worker in the middle of a job. Each simulated year sleeps
 * `REGIMES_TEST_YEAR_MS` ms (default 0) on its thread. Regime `always-fails` throws a plain error
 * (retried, then reported missing); everything else is the double's.
 */
import { planMember, runMember as runDouble } from '../ensemble/double-member.ts';
import type { MemberHooks, MemberJob, MemberOutput } from '../../../src/ensemble/member.ts';

export { planMember };

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps on this thread (a member's thread: the worker's event loop is elsewhere). */
function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(pause, 0, 0, ms);
}

export function runMember(job: MemberJob, hooks: MemberHooks): MemberOutput {
  if (job.regime === 'always-fails') throw new Error(`the ${job.regime} double failed on purpose`);
  const ms = Number(process.env.REGIMES_TEST_YEAR_MS ?? 0);
  return runDouble(job, {
    onYear: (year) => {
      sleep(ms);
      hooks.onYear?.(year);
    },
  });
}
