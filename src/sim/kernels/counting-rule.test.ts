import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { initialPopulation } from '../init.ts';
import { parameters } from '../parameters.ts';
import { ST, yearsInStatus } from '../state.ts';
import { countedAsRefugee, estimateYears, toleratedCounted } from './counting-rule.ts';
import { fieldStarts, groupSliceLength } from '../accumulators.ts';
import { compileAgentYear, runAgentYear } from '../agent-year.ts';
import { newBilateralTally } from '../bilateral-tally.ts';
import { allocateStore, makeTraits } from '../state.ts';
import { tinyEngine, tinyStepContext } from '../../../test/support/sim/tiny-engine.ts';

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

/** The refugees and the non-returnable counted at AAA after a year of 20,000 tolerated (rejected non-returnable) from WAR there, AAA counting its tolerated or not. */
function tallyOfTolerated(counted: boolean) {
  const world = tinyWorld();
  const n = world.iso3.length;
  const engine = tinyEngine(world, { seed: 3, scale: 1000 });
  const ctx = tinyStepContext(engine, world, 1991);
  engine.close();
  ctx.toleratedCounted = Uint8Array.from({ length: n }, (_, d) => (counted && d === 0 ? 1 : 0));
  const agents = 20_000;
  const s = allocateStore(agents);
  s.used = agents;
  s.clock = 1;
  s.status.fill(ST.rejected_non_returnable);
  s.location.fill(0);
  s.origin.fill(3); // WAR: a rejected applicant from a country at war stays tolerated
  s.traits.fill(makeTraits(0, 0, false));
  const lines = n + 2;
  const acc = new Float64Array(groupSliceLength(lines));
  runAgentYear(s, 0, agents, compileAgentYear(ctx), acc, 0, newBilateralTally(n));
  const at = fieldStarts(0, lines);
  return {
    refugees: acc[at.refugees],
    ofOrigin: acc[at.refugeesByOrigin + 3],
    tolerated: acc[at.nonReturnable],
  };
}

describe("the tolerated in a register's count", () => {
  it('counts the tolerated as refugees of Germany only, and nowhere when switched off', () => {
    expect(Array.from(toleratedCounted(['USA', 'GBR', 'DEU', 'PAK'], true))).toEqual([0, 0, 1, 0]);
    expect(Array.from(toleratedCounted(['USA', 'GBR', 'DEU', 'PAK'], false))).toEqual([0, 0, 0, 0]);
  });

  it('adds the tolerated where they live to its refugees, and to those of their origin', () => {
    const counted = tallyOfTolerated(true);
    const apart = tallyOfTolerated(false);
    expect(counted.tolerated).toBeGreaterThan(15_000);
    expect(counted.refugees).toBe(counted.tolerated);
    expect(counted.ofOrigin).toBe(counted.tolerated);
    expect(apart.refugees).toBe(0);
    expect(apart.tolerated).toBe(counted.tolerated);
  });
});
