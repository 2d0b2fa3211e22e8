import { describe, expect, it } from 'vitest';
import { mechanismSwitches } from '../mechanisms.ts';
import { parameters } from '../parameters.ts';
import { simulate } from '../simulate.ts';
import { SlotAllocator } from '../slots.ts';
import { ST, allocateStore, yearsInStatus } from '../state.ts';
import { standinInput } from '../../../test/support/sim/standin-input.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import {
  blockRegisteredReturn,
  registeredCorridors,
  registeredRefugeeBirths,
  settleRegisteredRefugees,
} from './registered-refugees.ts';

// the tiny world with Jordan (0) hosting 2 M born in Palestine (2)
const world = { ...tinyWorld(), iso3: ['JOR', 'BBB', 'PSE', 'WAR'] };
const lines = world.iso3.length + 2;

describe('registered refugees', () => {
  it('are those born in Palestine in UNRWA’s fields outside it, at the status the host gives them', () => {
    expect(registeredCorridors(world)).toEqual([{ host: 0, origin: 2, status: ST.naturalised }]);
    expect(registeredCorridors(tinyWorld())).toEqual([]);
  });

  it('take the host’s status at the start; other corridors keep theirs', () => {
    const store = allocateStore(8);
    const put = (i: number, location: number, origin: number, status: number) => {
      store.location[i] = location;
      store.origin[i] = origin;
      store.status[i] = status;
      store.statusSince[i] = (store.clock - 5) & 255;
    };
    put(0, 0, 2, ST.irregular);
    put(1, 0, 2, ST.temporary_worker);
    put(2, 1, 2, ST.irregular);
    put(3, 0, 3, ST.irregular);
    store.used = 4;
    expect(settleRegisteredRefugees(store, registeredCorridors(world))).toBe(2);
    expect([...store.status.subarray(0, 4)]).toEqual([
      ST.naturalised,
      ST.naturalised,
      ST.irregular,
      ST.irregular,
    ]);
    expect(yearsInStatus(store, 0)).toBe(0);
    expect(yearsInStatus(store, 2)).toBe(5);
  });

  it('do not return home: their corridor’s return hazard is pushed below any draw', () => {
    const add = new Float64Array(world.iso3.length * lines).fill(0.01);
    blockRegisteredReturn(add, lines, registeredCorridors(world));
    expect(add[0 * lines + 2]).toBe(-1);
    expect(add[1 * lines + 2]).toBe(0.01);
  });

  it('grow by births at registeredRefugeeGrowth, born into the host’s status, counted as no inflow', () => {
    const p = parameters();
    const stock = new Float64Array(world.iso3.length * lines);
    stock[0 * lines + 2] = 5000;
    const slots = new SlotAllocator(allocateStore(1024));
    const added = registeredRefugeeBirths(world, 1995, p, registeredCorridors(world), stock, 11, slots);
    expect(Math.abs(added - 5000 * p.registeredRefugeeGrowth)).toBeLessThanOrEqual(1);
    expect(slots.store.used).toBe(added);
    for (let i = 0; i < added; i++) {
      expect(slots.store.location[i]).toBe(0);
      expect(slots.store.origin[i]).toBe(2);
      expect(slots.store.status[i]).toBe(ST.naturalised);
    }
    const none = new SlotAllocator(allocateStore(16));
    expect(registeredRefugeeBirths(world, 1995, p, [], stock, 11, none)).toBe(0);
  });

  it('keep the host’s stock of those born in Palestine growing, where without the mechanism it falls', () => {
    const pse = (off: string[]) => {
      const rows = simulate(
        standinInput(world, { seed: 4, scale: 500, toYear: 1995, mechanisms: mechanismSwitches(off) }),
      ).rows;
      const at = (year: number) =>
        rows.find((r) => r.indicator === 'corridor_stock:PSE' && r.country === 'JOR' && r.year === year)!
          .value;
      return at(1995) / at(1990);
    };
    const on = pse([]);
    const off = pse(['registered-refugees']);
    expect(on).toBeGreaterThan(1 + 4 * (parameters().registeredRefugeeGrowth - 0.02));
    expect(off).toBeLessThan(on - 0.1);
  });
});
