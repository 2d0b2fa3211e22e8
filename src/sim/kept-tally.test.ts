import { describe, expect, it } from 'vitest';
import { ACC, groupSliceLength } from './accumulators.ts';
import { runTally } from './agent-pass.ts';
import { compileAgentYear } from './agent-year.ts';
import { newBilateralTally } from './bilateral-tally.ts';
import { NO_COHORT, cohortKeyAt } from './cohorts.ts';
import { Engine } from './engine.ts';
import { KeptTally, KeyCounts, countChanges, groupFields, takeFields } from './kept-tally.ts';
import { parameters } from './parameters.ts';
import { standinTablesForYear } from './standin-tables.ts';
import { FREE, ST, allocateStore, makeTraits } from './state.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

/** The tiny world run 1990–1999 at 500 persons per agent in groups of 1,024 agents, on `threads` threads. */
function tenYears(threads: number): Engine {
  const world = tinyWorld();
  const engine = new Engine({
    world,
    tablesForYear: standinTablesForYear(world),
    seed: 11,
    scale: 500,
    fromYear: 1990,
    threads,
    params: parameters(),
    groupSize: 1024,
  });
  try {
    for (let y = 1990; y <= 1999; y++) engine.step(y);
  } finally {
    engine.close();
  }
  return engine;
}

/** Changes by key of cohorts the tally does not hold. */
const fresh = (keys: number[], deltas: number[]) => ({
  keys: Float64Array.from(keys),
  deltas: Int32Array.from(deltas),
});

describe('the tally kept on change', () => {
  const one = tenYears(1);
  const two = tenYears(2);

  it('holds after ten years exactly the counts a recount of the agents gives, on 1 and 2 threads', () => {
    for (const engine of [one, two]) {
      const lines = engine.n + 2;
      const kept = new KeptTally(lines, engine.cohorts).countsByKey();
      const recount = KeptTally.recount(engine.store, lines).countsByKey();
      expect(kept.size).toBeGreaterThan(100);
      expect(kept).toEqual(recount);
    }
    // and the same cohorts in the same order, so the same sums, whatever the threads
    const { size } = one.cohorts;
    expect(two.cohorts.size).toBe(size);
    expect(two.cohorts.keys.subarray(0, size)).toEqual(one.cohorts.keys.subarray(0, size));
    expect(two.cohorts.counts.subarray(0, size)).toEqual(one.cohorts.counts.subarray(0, size));
    // evaluated in groups of 1,024 cohorts dealt over the threads: the same sums, bit for bit
    expect(size).toBeGreaterThan(2 * 1024);
    expect(two['totals']).toEqual(one['totals']);
    expect(two.bilateral).toEqual(one.bilateral);
  });

  it('gives the tally a recount over every agent gives: whole numbers exactly, sums to rounding', () => {
    const engine = one;
    const lines = engine.n + 2;
    const ctx = engine.stepContext(
      1999,
      standinTablesForYear(engine.world)(1999),
      new Float64Array(engine.n).fill(40000),
      new Float64Array(engine.n).fill(15000),
      new Float64Array(engine.n).fill(0.9),
    );
    const bilateral = newBilateralTally(engine.n);
    const kept = {
      acc: new KeptTally(lines, engine.cohorts).evaluate(
        compileAgentYear(ctx),
        engine.store.clock,
        groupSliceLength(lines),
        1024,
        bilateral,
      ),
      bilateral,
    };
    const recount = {
      acc: new Float64Array(groupSliceLength(lines)),
      bilateral: newBilateralTally(engine.n),
    };
    runTally(engine.store, ctx, recount.acc, recount.bilateral);
    expect(kept.bilateral).toEqual(recount.bilateral);
    for (const field of ['stock', 'emigrants', 'refugees', 'irregular', 'temporary', 'citizens'] as const) {
      const at = ACC[field] * lines;
      expect(kept.acc.subarray(at, at + lines)).toEqual(recount.acc.subarray(at, at + lines));
    }
    let largest = 0;
    for (let k = 0; k < kept.acc.length; k++) {
      largest = Math.max(largest, Math.abs(recount.acc[k]));
      expect(kept.acc[k]).toBeCloseTo(recount.acc[k], 6);
    }
    expect(largest).toBeGreaterThan(1e6); // the wages and remittances were summed
    // the engine's own end-of-year stock is the recount's
    const at = ACC.stock * lines;
    const endStock = Array.from(engine['totals'].subarray(at, at + lines));
    const agents = new Array<number>(lines).fill(0);
    for (let i = 0; i < engine.store.used; i++) {
      const st = engine.store.status[i];
      if (st !== FREE && st !== ST.returnee) agents[engine.store.location[i]]++;
    }
    expect(endStock).toEqual(agents);
  });

  it('refuses a change it did not count: an agent leaving a cohort it does not hold', () => {
    const kept = new KeptTally(6);
    kept.add(1234, 2);
    expect(() => kept.add(1234, -3)).toThrow(/cohort 1234 would hold -1 agents/);
    expect(() => kept.merge([{ byIndex: Int32Array.of(-3), fresh: fresh([], []) }])).toThrow(
      /cohort 1234 would hold -1 agents/,
    );
    expect(() => new KeptTally(6).merge([{ byIndex: new Int32Array(0), fresh: fresh([99], [-1]) }])).toThrow(
      /cohort 99 would hold -1/,
    );
  });

  it('appends new cohorts in the order of their keys, however the changes were split', () => {
    const a = new KeptTally(6);
    a.merge([
      { byIndex: new Int32Array(0), fresh: fresh([50, 7], [1, 2]) },
      { byIndex: new Int32Array(0), fresh: fresh([7, 3], [1, 1]) },
    ]);
    const b = new KeptTally(6);
    b.merge([{ byIndex: new Int32Array(0), fresh: fresh([3, 50, 7], [1, 1, 3]) }]);
    for (const kept of [a, b]) {
      expect(Array.from(kept.cohorts.keys.subarray(0, 3))).toEqual([3, 7, 50]);
      expect(Array.from(kept.cohorts.counts.subarray(0, 3))).toEqual([1, 3, 1]);
    }
  });

  it('drops emptied cohorts once they are more than a quarter, keeping the order of the others', () => {
    const kept = new KeptTally(6);
    for (const key of [10, 20, 30, 40, 50]) kept.add(key, 1);
    kept.add(20, -1);
    kept.compact(); // one of five empty: kept
    expect(kept.cohorts.size).toBe(5);
    kept.add(40, -1);
    kept.compact();
    expect(Array.from(kept.cohorts.keys.subarray(0, kept.cohorts.size))).toEqual([10, 30, 50]);
    kept.add(40, 2); // found again after the table was rebuilt
    expect(kept.countsByKey()).toEqual(
      new Map([
        [10, 1],
        [30, 1],
        [50, 1],
        [40, 2],
      ]),
    );
  });

  it('counts a group’s changes from a copy of its fields: deaths, new statuses, arrivals', () => {
    const s = allocateStore(4);
    s.used = 4;
    const lines = 6;
    for (let i = 0; i < 3; i++) {
      s.status[i] = ST.irregular;
      s.location[i] = 1;
      s.origin[i] = 2;
      s.traits[i] = makeTraits(1, 1, false);
    }
    const before = groupFields(4);
    takeFields(s, 0, 4, before);
    const key = (i: number) => cohortKeyAt(s, i, lines);
    const irregular = key(0);
    s.status[0] = FREE; // died
    s.status[1] = ST.asylum_seeker; // claimed asylum
    s.traits[2] = makeTraits(1, 2, false); // aged, in a band the tally does not tell apart
    // the tally holds the irregular cohort (index 0), not yet the asylum seekers'
    const index = new KeyCounts();
    index.set(irregular, 0);
    const counter = { index, byIndex: new Int32Array(1), fresh: new KeyCounts() };
    countChanges(s, before, 0, 4, lines, counter);
    expect(key(0)).toBe(NO_COHORT);
    expect(Array.from(counter.byIndex)).toEqual([-2]);
    const { keys, deltas } = counter.fresh.nonZero();
    expect(Array.from(keys)).toEqual([key(1)]);
    expect(Array.from(deltas)).toEqual([1]);
  });

  it('keeps every value when its table grows', () => {
    const counts = new KeyCounts();
    for (let k = 0; k < 5000; k++) counts.add(k * 7919 + 0.0, k + 1);
    for (let k = 0; k < 5000; k++) counts.add(k * 7919, 1);
    const { keys, deltas } = counts.nonZero();
    expect(keys.length).toBe(5000);
    for (let m = 0; m < keys.length; m++) expect(deltas[m]).toBe(keys[m] / 7919 + 2);
  });
});
