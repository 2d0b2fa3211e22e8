import { describe, expect, it } from 'vitest';
import { fieldStarts, groupSliceLength } from './accumulators.ts';
import { compileAgentYear, tallyPass } from './agent-year.ts';
import { newBilateralTally } from './bilateral-tally.ts';
import { NO_COHORT, cohortKeys, storeOfCohorts } from './cohorts.ts';
import type { AgentStore } from './state.ts';
import { tinyWorldIn1995 } from '../../test/support/sim/tiny-year.ts';

/** The tiny world after five years (1990–94), seed 7, 2,000 persons per agent, and the tally of 1995 over any store. */
function worldAfterFiveYears() {
  const { store, ctx, n } = tinyWorldIn1995({ seed: 7, scale: 2000 });
  const year = compileAgentYear(ctx);
  const tally = (s: AgentStore, weight?: ArrayLike<number>) => {
    const acc = new Float64Array(groupSliceLength(n + 2));
    const bilateral = newBilateralTally(n);
    tallyPass(s, 0, s.used, year, acc, 0, bilateral, weight);
    return { acc, bilateral };
  };
  return { store, lines: n + 2, tally };
}

/** The world's remittances sent in a tally slice. */
function remittancesSent(acc: Float64Array, lines: number): number {
  const from = fieldStarts(0, lines).remittancesSent;
  return acc.subarray(from, from + lines).reduce((x, v) => x + v, 0);
}

/** Each cohort's key and its number of agents. */
function cohortCounts(keys: Float64Array): { keys: number[]; counts: number[] } {
  const count = new Map<number, number>();
  for (const k of keys) if (k !== NO_COHORT) count.set(k, (count.get(k) ?? 0) + 1);
  return { keys: [...count.keys()], counts: [...count.values()] };
}

describe('cohorts of the tally', () => {
  it('hold every field the tally reads: one agent per cohort, weighted by its count, gives the same tally', () => {
    const { store, lines, tally } = worldAfterFiveYears();
    const { keys, counts } = cohortCounts(cohortKeys(store, lines));
    const cohorts = storeOfCohorts(keys, lines, store.clock);
    const before = tally(store);
    const after = tally(cohorts, counts);
    // whole agents: exact in any order
    expect(after.bilateral.stock).toEqual(before.bilateral.stock);
    expect(after.bilateral.protected).toEqual(before.bilateral.protected);
    expect(after.bilateral.nonSponsors).toEqual(before.bilateral.nonSponsors);
    // sums of doubles in another order: equal to rounding
    for (let j = 0; j < before.acc.length; j++)
      expect(Math.abs(after.acc[j] - before.acc[j])).toBeLessThanOrEqual(1e-9 * Math.abs(before.acc[j]));
    // the sums that depend on more than the cell are there to compare
    expect(remittancesSent(before.acc, lines)).toBeGreaterThan(0);
    // fewer cohorts than agents: the point of counting by cohort
    expect(keys.length).toBeLessThan(counts.reduce((x, c) => x + c, 0));
  });

  it('need the year of residence: a year more in the country changes the remittances', () => {
    const { store, lines, tally } = worldAfterFiveYears();
    const keys = cohortKeys(store, lines);
    // the same agents with every residence one year older: another cohort, another tally
    const older = Float64Array.from(keys, (k) => (k === NO_COHORT || k % 256 === 0 ? k : k - 1));
    const a = cohortCounts(keys);
    const b = cohortCounts(older);
    const sent = (t: ReturnType<typeof tally>) => remittancesSent(t.acc, lines);
    expect(sent(tally(storeOfCohorts(b.keys, lines, store.clock), b.counts))).not.toBe(
      sent(tally(storeOfCohorts(a.keys, lines, store.clock), a.counts)),
    );
  });
});
