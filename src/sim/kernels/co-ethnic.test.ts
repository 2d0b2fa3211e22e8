import { describe, expect, it } from 'vitest';
import { newMoveOutcome } from './move/move-year.ts';
import { parameters } from '../parameters.ts';
import { SlotAllocator } from '../slots.ts';
import { ST, allocateStore } from '../state.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { coEthnicMovers, coEthnicPools, coEthnicRates, coEthnicReturns } from './co-ethnic.ts';

describe('co-ethnic movements', () => {
  // 1 M co-ethnics of AAA (0) in NBR (2), admitted 1991–1995; NBR's stock of AAA-born is 0
  const world = {
    ...tinyWorld(),
    coEthnic: [{ homeland: 0, origin: 2, population: 1e6, from: 1991, until: 1995 }],
  };
  const p = parameters();
  it('move at coEthnicRate per log point of the homeland’s income over the origin’s, while the law admits them', () => {
    const gap = Math.log(35000 / 4000);
    expect(coEthnicRates(world, 1993, p, true)[0]).toBeCloseTo(p.coEthnicRate * gap, 12);
    expect(coEthnicRates(world, 1990, p, true)[0]).toBe(0);
    expect(coEthnicRates(world, 1996, p, true)[0]).toBe(0);
    expect(coEthnicRates(world, 1993, p, false)[0]).toBe(0);
  });
  it('arrive as citizens of the homeland born in the origin, and deplete the pool', () => {
    const pool = coEthnicPools(world);
    expect(pool[0]).toBe(1e6);
    const slots = new SlotAllocator(allocateStore(1024));
    const out = newMoveOutcome(world.iso3.length);
    const rate = coEthnicRates(world, 1993, p, true);
    coEthnicMovers(world, 1993, 100, rate, pool, 7, slots, out);
    const moved = rate[0] * 1e6;
    expect(pool[0]).toBeCloseTo(1e6 - moved, 6);
    const s = slots.store;
    expect(Math.abs(s.used * 100 - moved)).toBeLessThanOrEqual(100);
    for (let i = 0; i < s.used; i++) {
      expect(s.origin[i]).toBe(2);
      expect(s.location[i]).toBe(0);
      expect(s.status[i]).toBe(ST.naturalised);
    }
    expect(out.emigration[2]).toBe(s.used * 100);
  });
  it('send home the homeland-born living in the origin at the same rate', () => {
    const rate = coEthnicRates(world, 1993, p, true);
    const r = coEthnicReturns(world, rate);
    expect(r[2 * (world.iso3.length + 2) + 0]).toBe(rate[0]);
  });
});
