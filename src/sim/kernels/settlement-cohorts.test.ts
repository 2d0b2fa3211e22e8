import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { initialPopulation } from '../init.ts';
import { parameters } from '../parameters.ts';
import { ST, ageOf, yearsInStatus } from '../state.ts';
import type { WorldInput } from '../world-input.ts';
import { bandOfAge, closedEpisodeRoutes, cohortAgeShares, cohortStarts } from './settlement-cohorts.ts';

const noDeaths = { ...parameters(), mortality0: 0, mortality1: 0, mortality2: 0, mortality3: 0 };

/** The tiny world with its corridor BBB → AAA (500 k) settled in one episode, 1947–1951. */
function withCohort(): WorldInput {
  const cohort = { destination: 0, origin: 1, firstArrival: 1947, lastArrival: 1951, naturalised: true };
  return { ...tinyWorld(), settlementCohorts: [cohort] };
}

describe('settlement cohorts', () => {
  it('age the arrivals of an episode to the start year, evenly over their ages on arrival', () => {
    expect([29, 30, 44, 45, 64, 65].map(bandOfAge)).toEqual([0, 1, 1, 2, 2, 3]);
    // all arrived in 1950 aged 0–39: in 1990 aged 40–79, five years in band 1, twenty in 2, fifteen in 3
    expect(cohortAgeShares(1950, 1950, 1990, noDeaths)).toEqual([0, 5 / 40, 20 / 40, 15 / 40]);
  });

  it('leave fewer of the old where the old die faster, and none under 30 forty years on', () => {
    const p = parameters();
    const partition = cohortAgeShares(1947, 1951, 1990, p);
    expect(partition[0]).toBe(0);
    expect(partition.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(partition[3]).toBeLessThan(cohortAgeShares(1947, 1951, 1990, noDeaths)[3]);
    expect(partition[3]).toBeGreaterThan(0.2);
    // the same episode seen from a later start is older
    expect(cohortAgeShares(1947, 1951, 2000, p)[3]).toBeGreaterThan(partition[3]);
  });

  it('apply to the corridors whose arrivals ended before the start, and to none when switched off', () => {
    const world = withCohort();
    const m = world.iso3.length + 2;
    expect([...cohortStarts(world, 1990, parameters(), true).keys()]).toEqual([0 * m + 1]);
    expect(cohortStarts(world, 1990, parameters(), false).size).toBe(0);
    expect(cohortStarts(world, 1951, parameters(), true).size).toBe(0);
  });

  it("start a settled corridor's agents old, settled and in the country since the episode", () => {
    const world = withCohort();
    const p = parameters();
    const start = (on: boolean) =>
      initialPopulation(world, 1990, 1, 200, p, 1e5, undefined, cohortStarts(world, 1990, p, on));
    const of = (on: boolean) => {
      const s = start(on);
      const agents = [];
      for (let i = 0; i < s.used; i++)
        if (s.location[i] === 0 && s.origin[i] === 1)
          agents.push({ status: s.status[i], age: ageOf(s.traits[i]), years: yearsInStatus(s, i) });
      return agents;
    };
    const settled = of(true);
    expect(settled.length).toBeGreaterThan(2000);
    expect(settled.every((a) => a.status === ST.naturalised && a.age > 0)).toBe(true);
    expect(settled.every((a) => a.years >= 1989 - 1951 && a.years <= 1989 - 1947)).toBe(true);
    expect(settled.filter((a) => a.age === 3).length / settled.length).toBeCloseTo(
      cohortAgeShares(1947, 1951, 1990, p)[3],
      1,
    );
    // without the mechanism the corridor has the common mix: some irregular, some young
    const common = of(false);
    expect(common.length).toBe(settled.length);
    expect(common.some((a) => a.status === ST.irregular)).toBe(true);
    expect(common.some((a) => a.age === 0)).toBe(true);
  });

  it('close the family route of a corridor once its episode has ended, one way, and none when off', () => {
    const world = withCohort();
    const n = world.iso3.length;
    const closed = closedEpisodeRoutes(world, 1990, true);
    expect(closed[0 * n + 1]).toBe(1);
    // the other way (AAA-born in BBB) was not settled in the episode
    expect(closed[1 * n + 0]).toBe(0);
    expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
    // while the episode lasts the route is open, and nothing is closed with the mechanism off
    expect(closedEpisodeRoutes(world, 1950, true).every((v) => v === 0)).toBe(true);
    expect(closedEpisodeRoutes(world, 1990, false).every((v) => v === 0)).toBe(true);
  });
});
