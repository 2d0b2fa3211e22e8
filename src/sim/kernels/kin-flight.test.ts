import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { mechanismSwitches } from '../mechanisms.ts';
import { parameters } from '../parameters.ts';
import { simulate } from '../simulate.ts';
import { SlotAllocator } from '../slots.ts';
import { CH } from '../policy-tables.ts';
import { standinTablesForYear } from '../standin-tables.ts';
import { ST, TRAIT, allocateStore } from '../state.ts';
import { at } from '../world-input.ts';
import { coEthnicPools, coEthnicRates } from './co-ethnic.ts';
import { groupFleeing, kinFledByOrigin, kinFlight, kinFlightMovers } from './kin-flight.ts';
import { forcedMovers } from './move/origin-pool.ts';
import { newMoveOutcome } from './move/move-year.ts';

describe('flight to a kin state', () => {
  // 1 M of WAR's people (3) have their kin state in NBR (2), which receives them 1991–1999
  const base = tinyWorld();
  const world = {
    ...base,
    coEthnic: [{ homeland: 2, origin: 3, population: 1e6, from: 1991, until: 1999, flees: true }],
  };
  const p = parameters();
  const on = { on: true, allViolence: true, expulsion: true };

  it("takes the group's share of those the violence forces to flee, while the kin state receives them", () => {
    const pool = coEthnicPools(world);
    const po = at(world, 1993, 3);
    const expected = (forcedMovers(world, po, p, true) * pool[0]) / world.population[po];
    expect(expected).toBeGreaterThan(0);
    expect(kinFlight(world, 1993, p, pool, on)[0]).toBeCloseTo(expected, 6);
    expect(kinFlight(world, 1990, p, pool, on)[0]).toBe(0);
    expect(kinFlight(world, 1993, p, pool, { ...on, on: false })[0]).toBe(0);
    expect(kinFledByOrigin(world, Float64Array.of(5))[3]).toBe(5);
  });

  it('never moves a group that only flees as settlers, nor one at peace', () => {
    expect(coEthnicRates(world, 1993, p, true)[0]).toBe(0);
    const peace = { ...tinyWorld({ battleDeaths: 0 }), coEthnic: world.coEthnic };
    expect(kinFlight(peace, 1993, p, coEthnicPools(peace), on)[0]).toBe(0);
  });

  it('drive an expelled group out at forcedMaxShare a year while there is violence, its share without `expulsion`', () => {
    const expelled = { ...world, coEthnic: [{ ...world.coEthnic[0], population: 2e5, expelled: true }] };
    const pool = coEthnicPools(expelled);
    expect(pool[0]).toBe(2e5);
    const po = at(expelled, 1993, 3);
    const share = (forcedMovers(expelled, po, p, true) * 2e5) / expelled.population[po];
    expect(share).toBeLessThan(0.05 * 2e5);
    expect(kinFlight(expelled, 1993, p, pool, on)[0]).toBeCloseTo(2e5 * p.forcedMaxShare, 6);
    expect(kinFlight(expelled, 1993, p, pool, { ...on, expulsion: false })[0]).toBeCloseTo(share, 6);
    const peace = { ...tinyWorld({ battleDeaths: 0 }), coEthnic: expelled.coEthnic };
    expect(groupFleeing(peace, at(peace, 1993, 3), p, 2e5, true, true)).toBe(0);
  });

  it("keep an expelled group's whole census count as its pool, but net the homeland-born out of the others", () => {
    const lines = world.iso3.length + 2;
    const initialStock = Float64Array.from(world.initialStock);
    initialStock[3 * lines + 2] = 5e4; // NBR-born counted in WAR
    const entry = { ...world.coEthnic[0], population: 2e5 };
    const w = { ...world, initialStock, coEthnic: [entry, { ...entry, expelled: true }] };
    expect(Array.from(coEthnicPools(w))).toEqual([1.5e5, 2e5]);
    expect(Array.from(coEthnicPools(w, false))).toEqual([1.5e5, 1.5e5]);
  });

  it('arrive in the kin state through the asylum channel, refugees where it recognises them, and deplete the group', () => {
    const pool = Float64Array.of(1e6);
    const slots = new SlotAllocator(allocateStore(1024));
    const out = newMoveOutcome(world.iso3.length);
    kinFlightMovers(world, 1993, 100, Float64Array.of(20000), pool, () => true, 7, slots, out);
    expect(pool[0]).toBe(1e6 - 20000);
    const s = slots.store;
    expect(s.used).toBe(200);
    for (let i = 0; i < s.used; i++) {
      expect([s.origin[i], s.location[i], s.channel[i]]).toEqual([3, 2, CH.asylum]);
      expect(s.status[i]).toBe(ST.recognised_refugee);
      expect(s.traits[i] & TRAIT.violence).toBeTruthy();
    }
    expect(out.emigration[3]).toBe(20000);
    expect(out.asylumApplications[2]).toBe(0);
    const seekers = new SlotAllocator(allocateStore(1024));
    const out2 = newMoveOutcome(world.iso3.length);
    kinFlightMovers(
      world,
      1993,
      100,
      Float64Array.of(20000),
      Float64Array.of(1e6),
      () => false,
      7,
      seekers,
      out2,
    );
    expect(seekers.store.status[0]).toBe(ST.asylum_seeker);
    expect(out2.asylumApplications[2]).toBe(20000);
  });

  it('send more of those fleeing WAR to the kin state than they would choose by themselves', () => {
    const inNbr = (off: string[]) =>
      simulate({
        world,
        tablesForYear: standinTablesForYear(world),
        regimeId: 'test',
        seed: 3,
        scale: 200,
        fromYear: 1990,
        toYear: 1993,
        mechanisms: mechanismSwitches(off),
      }).rows.find((r) => r.indicator === 'corridor_stock:WAR' && r.country === 'NBR' && r.year === 1993)!
        .value;
    expect(inNbr([])).toBeGreaterThan(inNbr(['kin-flight']));
  });
});
