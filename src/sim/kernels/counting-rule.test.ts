import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { initialPopulation } from '../init.ts';
import { parameters } from '../parameters.ts';
import { ST, yearsInStatus } from '../state.ts';
import { countedAsRefugee, estimateYears } from './counting-rule.ts';

describe("UNHCR's counting rule", () => {
  it('counts the refugees of an estimating country for its years after recognition only', () => {
    expect([0, 4, 5].map((y) => countedAsRefugee(y, 5))).toEqual([true, true, false]);
    expect([0, 9, 10].map((y) => countedAsRefugee(y, 10))).toEqual([true, true, false]);
    // a country with a register counts every refugee
    expect(countedAsRefugee(40, 0)).toBe(true);
  });

  it('applies to the countries of UNHCR’s list, and to none when switched off', () => {
    expect(Array.from(estimateYears(['USA', 'GBR', 'DEU', 'PAK'], true))).toEqual([5, 10, 0, 0]);
    expect(Array.from(estimateYears(['USA', 'GBR', 'DEU', 'PAK'], false))).toEqual([0, 0, 0, 0]);
  });

  it("starts an estimating country's refugees within the rule's years", () => {
    const world = tinyWorld();
    const years = Uint8Array.of(5, 0, 0, 0);
    const s = initialPopulation(world, 1990, 1, 200, parameters(), 1e5, years);
    const ofAAA: number[] = [];
    const ofBBB: number[] = [];
    for (let i = 0; i < s.used; i++) {
      if (s.status[i] !== ST.recognised_refugee) continue;
      // the years after the store's clock advances to the first simulated year
      const y = yearsInStatus({ ...s, clock: s.clock + 1 }, i);
      (s.location[i] === 0 ? ofAAA : s.location[i] === 1 ? ofBBB : []).push(y);
    }
    expect(ofAAA.length).toBeGreaterThan(500);
    expect(Math.max(...ofAAA)).toBeLessThanOrEqual(5);
    expect(Math.max(...ofBBB)).toBeGreaterThan(20);
  });
});
