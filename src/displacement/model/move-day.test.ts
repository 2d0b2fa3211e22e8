import { describe, expect, it } from 'vitest';
import { tinyState } from '../../../test/support/displacement/tiny-scenario.ts';
import { updateScores } from './conflicts.ts';
import { advanceTravellers, departDue } from './move-day.ts';

const ALPHA = 0;

describe("a day's movement", () => {
  it('lets only the agents due today decide, once each, skipping stale entries', () => {
    const m = tinyState();
    updateScores(m, 0);
    m.agents.count = 3;
    for (let i = 0; i < 3; i++) {
      m.agents.loc[i] = ALPHA;
      m.places.occupants[ALPHA]++;
    }
    m.agents.wake.set([2, 2, 7]);
    m.agents.buckets[2] = [1, 0, 2, 1]; // agent 2's entry is stale (its day is 7), agent 1's is doubled
    expect(departDue(m, 2)).toBe(2);
    expect(Array.from(m.movers.subarray(0, 2))).toEqual([0, 1]);
    expect(m.agents.loc[2]).toBe(ALPHA);
    expect(m.agents.buckets[2]).toEqual([]);
  });

  it('advances yesterday’s travellers and today’s movers together in agent order', () => {
    const m = tinyState({ settings: 'move_rules:\n  max_move_speed: 10.0\n' });
    updateScores(m, 0);
    m.agents.count = 4;
    m.agents.link.set([0, 0, 0, 0]);
    m.agents.travelling = Int32Array.of(0, 3);
    m.agents.travellingCount = 2;
    m.movers.set([1, 2]);
    advanceTravellers(m, 0, 2);
    expect(Array.from(m.agents.travelling.subarray(0, m.agents.travellingCount))).toEqual([0, 1, 2, 3]);
    expect(Array.from(m.agents.dist.subarray(0, 4))).toEqual([10, 10, 10, 10]);
  });
});
