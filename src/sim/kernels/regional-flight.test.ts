import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { parameters } from '../parameters.ts';
import { CH } from '../policy-tables.ts';
import { SlotAllocator } from '../slots.ts';
import { ST, TRAIT, allocateStore } from '../state.ts';
import { at } from '../world-input.ts';
import { flightDeaths, flightOf, forcedMovers } from './move/origin-pool.ts';
import { newMoveOutcome } from './move/move-year.ts';
import { regionalFlight, regionalFlightMovers } from './regional-flight.ts';

describe('flight from where the violence was', () => {
  // a tenth of WAR's people (3) live in a region where 90% of its deaths fell 1993–1995; they flee to NBR (2)
  const base = tinyWorld({ battleDeaths: 2000 });
  const region = { origin: 3, asylum: 2, populationShare: 0.1, deathsShare: 0.9, from: 1993, until: 1995 };
  const world = { ...base, conflictRegions: [region] };
  const p = parameters();

  it('reads the deaths per inhabitant of the region for those fleeing it, and of the rest for the others', () => {
    const po = at(world, 1994, 3);
    const pop = world.population[po];
    const national = forcedMovers(world, po, p, true);
    const deaths = flightDeaths(world, po, true);
    const { fleeing, outside } = regionalFlight(world, 1994, p, true, true);
    expect(fleeing[0]).toBeCloseTo(flightOf(0.1 * pop, 0.9 * deaths, p), 6);
    expect(outside[3]).toBeCloseTo(flightOf(0.9 * pop, 0.1 * deaths, p), 6);
    // with an elasticity above 1 the same deaths drive more abroad where they are concentrated
    expect(fleeing[0] + outside[3]).toBeGreaterThan(national);
    expect(outside[2]).toBeNaN();
  });

  it('does nothing outside its years or without the mechanism', () => {
    for (const [year, on] of [
      [1992, true],
      [1996, true],
      [1994, false],
    ] as const) {
      const { fleeing, outside } = regionalFlight(world, year, p, on, true);
      expect(fleeing[0]).toBe(0);
      expect(outside[3]).toBeNaN();
    }
  });

  it('sends those fleeing the region to its neighbour through the asylum channel, refugees where it recognises them', () => {
    const slots = new SlotAllocator(allocateStore(1024));
    const out = newMoveOutcome(world.iso3.length);
    regionalFlightMovers(world, 1994, 100, Float64Array.of(30000), () => true, 11, slots, out);
    const s = slots.store;
    expect(s.used).toBe(300);
    for (let i = 0; i < s.used; i++) {
      expect([s.origin[i], s.location[i], s.channel[i], s.status[i]]).toEqual([
        3,
        2,
        CH.asylum,
        ST.recognised_refugee,
      ]);
      expect(s.traits[i] & TRAIT.violence).toBeTruthy();
    }
    expect(out.emigration[3]).toBe(30000);
    const seekers = new SlotAllocator(allocateStore(1024));
    const out2 = newMoveOutcome(world.iso3.length);
    regionalFlightMovers(world, 1994, 100, Float64Array.of(30000), () => false, 11, seekers, out2);
    expect(seekers.store.status[0]).toBe(ST.asylum_seeker);
    expect(out2.asylumApplications[2]).toBe(30000);
  });
});
