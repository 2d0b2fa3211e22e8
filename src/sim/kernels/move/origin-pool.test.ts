import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../../test/support/sim/tiny-world.ts';
import { ALL_MECHANISMS } from '../../mechanisms.ts';
import { parameters } from '../../parameters.ts';
import { at } from '../../world-input.ts';
import { forcedAtHome, forcedMovers, interstateWeightOf, violenceDeaths } from './origin-pool.ts';

describe('the deaths that drive flight', () => {
  // WAR (3) loses 20,000 a year in state-based conflict; here half of them at a front of an interstate war
  const base = tinyWorld({ battleDeaths: 20000 });
  const world = { ...base, interstateShare: base.interstateShare.map(() => 0.5) };
  const p = parameters({ interstateFlightWeight: 0.1 });
  const po = at(world, 1994, 3);

  it('weigh the deaths of interstate war by interstateFlightWeight with interstate-fronts, alike without', () => {
    expect(violenceDeaths(world, po, true)).toBe(20000);
    expect(violenceDeaths(world, po, true, interstateWeightOf(p, true))).toBeCloseTo(10000 + 1000, 9);
    expect(interstateWeightOf(p, false)).toBe(1);
    expect(violenceDeaths(base, po, true, 0.1)).toBe(20000);
  });

  it('drive fewer abroad from a war between states than from a civil war of the same deaths', () => {
    expect(forcedMovers(world, po, p, true, 0.1)).toBeLessThan(forcedMovers(base, po, p, true, 0.1));
    expect(forcedMovers(world, po, p, true, 1)).toBe(forcedMovers(base, po, p, true, 1));
  });
});

describe('the forced at home', () => {
  const world = tinyWorld({ battleDeaths: 20000 });
  const p = parameters();
  const po = at(world, 1994, 3);
  const on = ALL_MECHANISMS;

  it('are the flight function, or the rest outside the conflict regions, less those fled to a kin state', () => {
    const all = forcedMovers(world, po, p, true, interstateWeightOf(p, true));
    expect(forcedAtHome(world, po, p, on, NaN, 0)).toBe(all);
    expect(forcedAtHome(world, po, p, on, NaN, 100)).toBe(all - 100);
    expect(forcedAtHome(world, po, p, on, 500, 100)).toBe(400);
    expect(forcedAtHome(world, po, p, on, 50, 100)).toBe(0);
  });
});
