import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { CH } from '../policy-tables.ts';
import { SlotAllocator } from '../slots.ts';
import { ST, TRAIT, allocateStore } from '../state.ts';
import {
  fallFledByOrigin,
  fallFlight,
  fallFlightMovers,
  retreatsIn,
  shareOfYearAfter,
} from './fall-flight.ts';
import { newMoveOutcome } from './move/move-year.ts';

describe('the flight of a falling government’s side', () => {
  // WAR's (3) government falls on 4 July 1994 and withdraws into NBR (2); AAA's falls without a retreat
  const falls = [
    { origin: 3, year: 1994, month: 7, day: 4, retreat: 2 },
    { origin: 0, year: 1994, month: 7, day: 4, retreat: -1 },
  ];
  const world = { ...tinyWorld(), governmentFalls: falls };

  it('takes the share of the year after the fall, by its days', () => {
    expect(shareOfYearAfter({ year: 1994, month: 1, day: 1 })).toBe(1);
    expect(shareOfYearAfter({ year: 1994, month: 7, day: 4 })).toBeCloseTo(181 / 365, 12);
    expect(shareOfYearAfter({ year: 1996, month: 12, day: 31 })).toBeCloseTo(1 / 366, 12);
  });

  it('sends that share of the year’s forced into the retreat in the year of the fall only', () => {
    const forced = (o: number) => [1000, 0, 0, 73000][o];
    const fleeing = fallFlight(world, 1994, forced, true);
    expect(fleeing[0]).toBeCloseTo(73000 * (181 / 365), 6);
    expect(fleeing[1]).toBe(0);
    expect(fallFledByOrigin(world, fleeing)[3]).toBeCloseTo(fleeing[0], 9);
    expect(retreatsIn(falls[0], 1995)).toBe(false);
    expect(retreatsIn(falls[1], 1994)).toBe(false);
    for (const [year, on] of [
      [1993, true],
      [1995, true],
      [1994, false],
    ] as const)
      expect([...fallFlight(world, year, forced, on)]).toEqual([0, 0]);
  });

  it('never sends more than the forced, nor a negative number', () => {
    expect(fallFlight(world, 1994, () => -5, true)[0]).toBe(0);
  });

  it('lands them in the retreat through the asylum channel, refugees where it recognises them', () => {
    const slots = new SlotAllocator(allocateStore(1024));
    const out = newMoveOutcome(world.iso3.length);
    fallFlightMovers(
      { world, year: 1994, scale: 100, key: 5, slots, out },
      Float64Array.of(20000, 0),
      () => true,
    );
    const s = slots.store;
    expect(s.used).toBe(200);
    for (let i = 0; i < s.used; i++) {
      expect([s.origin[i], s.location[i], s.channel[i], s.status[i]]).toEqual([
        3,
        2,
        CH.asylum,
        ST.recognised_refugee,
      ]);
      expect(s.traits[i] & TRAIT.violence).toBeTruthy();
    }
    expect(out.emigration[3]).toBe(20000);
    const seekers = new SlotAllocator(allocateStore(1024));
    const out2 = newMoveOutcome(world.iso3.length);
    fallFlightMovers(
      { world, year: 1994, scale: 100, key: 5, slots: seekers, out: out2 },
      Float64Array.of(20000, 0),
      () => false,
    );
    expect(seekers.store.status[0]).toBe(ST.asylum_seeker);
    expect(out2.asylumApplications[2]).toBe(20000);
  });
});
