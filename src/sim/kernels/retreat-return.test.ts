import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { parameters } from '../parameters.ts';
import { at } from '../world-input.ts';
import { repatriationByPair } from './repatriation.ts';
import { hostAtWar, retreatReturnTest } from './retreat-return.ts';

describe('return from the retreat of a fallen government when the war reaches it', () => {
  it('asks for an armed conflict at the host that kills more per inhabitant than at home', () => {
    expect(hostAtWar(true, 0.8e-3, 0.1e-3)).toBe(true);
    expect(hostAtWar(true, 0.1e-3, 0.8e-3)).toBe(false);
    expect(hostAtWar(false, 0.8e-3, 0)).toBe(false);
  });

  // AAA's (0) government fell in 1992 into WAR (3), a country at war; NBR's (2) into AAA, at peace
  const base = tinyWorld();
  const world = {
    ...base,
    governmentFalls: [
      { origin: 0, year: 1992, month: 4, day: 28, retreat: 3 },
      { origin: 2, year: 1992, month: 4, day: 28, retreat: 0 },
    ],
  };
  const n = world.iso3.length;

  it('holds for the retreat at war after the fall’s year, for its origin alone', () => {
    expect(world.deathsStateBased[at(world, 1995, 3)]).toBeGreaterThan(0);
    const test = retreatReturnTest(world, 1995, 1);
    expect(test(3, 0)).toBe(true);
    expect(test(3, 1)).toBe(false); // BBB did not retreat there
    expect(test(0, 2)).toBe(false); // AAA is at peace
    expect(retreatReturnTest(world, 1992, 1)(3, 0)).toBe(false); // the fall's own year
  });

  it('raises the pair’s repatriation rate to hostWarReturnShare, the others unchanged', () => {
    const p = parameters({ hostWarReturnShare: 0.6 });
    const rates = Float64Array.from({ length: n + 2 }, () => 0.05);
    const pairs = repatriationByPair(world, rates, p, true, retreatReturnTest(world, 1995, 1));
    const lines = n + 2;
    expect(pairs[3 * lines + 0]).toBe(0.6);
    expect(pairs[3 * lines + 1]).toBe(0.05);
    expect(pairs[0 * lines + 2]).toBe(0.05);
    expect([...repatriationByPair(world, rates, p, true)]).toEqual(
      [...pairs].map((r) => (r === 0.6 ? 0.05 : r)),
    );
  });
});
