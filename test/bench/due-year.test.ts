import { describe, expect, it } from 'vitest';
import { everyYearChance, knownAheadNow, rareEventChance } from '../../bench/due-year.ts';
import { groupSliceLength } from '../../src/sim/accumulators.ts';
import { agentYearPass, compileAgentYear } from '../../src/sim/agent-year.ts';
import { FREE, ST, clockOf, growStore } from '../../src/sim/state.ts';
import type { AgentStore } from '../../src/sim/state.ts';
import { tinyWorldIn1995 } from '../support/sim/tiny-year.ts';

/** The tiny world after five years (1990–94), seed 7, 200 persons per agent, and the numbers of 1995. */
function worldAfterFiveYears() {
  const { store, ctx } = tinyWorldIn1995({ seed: 7, scale: 200 });
  return { store, year: compileAgentYear(ctx) };
}

/** Whether the pass changed agent i: died or left the store, or another status, place or age band. */
function changed(before: AgentStore, after: AgentStore, i: number): boolean {
  return (
    after.status[i] === FREE ||
    after.status[i] !== before.status[i] ||
    after.location[i] !== before.location[i] ||
    after.traits[i] !== before.traits[i]
  );
}

const EVERY_YEAR = new Set<number>([ST.returnee, ST.asylum_seeker, ST.irregular, ST.rejected_returnable]);

describe('the due-year benchmark’s event chances', () => {
  it('follow the agent pass: the agents it changes in a year number the sum of their chances', () => {
    const { store, year } = worldAfterFiveYears();
    const clock = clockOf(1995);
    const after = growStore(store, store.capacity);
    after.clock = clock;
    agentYearPass(after, 0, after.used, year, new Float64Array(groupSliceLength(year.ctx.n + 2)), 0);
    // agents of the statuses visited every year, and the others but those with an event due this
    // year at a known date (whose chance is that of the thinned events)
    const groups = {
      thinned: { expected: 0, variance: 0, observed: 0 },
      everyYear: { expected: 0, variance: 0, observed: 0 },
    };
    for (let i = 0; i < store.used; i++) {
      const st = store.status[i];
      if (st === FREE) continue;
      const every = EVERY_YEAR.has(st);
      if (!every && knownAheadNow(store, i, year, clock)) continue;
      const p = every ? everyYearChance(store, i, year, clock) : rareEventChance(store, i, year, clock);
      const g = every ? groups.everyYear : groups.thinned;
      g.expected += p;
      g.variance += p * (1 - p);
      if (changed(store, after, i)) g.observed++;
    }
    for (const g of Object.values(groups)) {
      expect(g.expected).toBeGreaterThan(50);
      expect(Math.abs(g.observed - g.expected)).toBeLessThan(4 * Math.sqrt(g.variance));
    }
  });
});
