import { describe, expect, it } from 'vitest';
import { parameters } from '../../parameters.ts';
import { tinyWorld } from '../../../../test/support/sim/tiny-world.ts';
import { candidateDestinations, evolvingChoiceSets, largestDiasporas } from './choice-set.ts';

describe('choice sets', () => {
  const world = tinyWorld();
  const n = world.iso3.length;
  const lines = n + 2;
  // a labour-demand weight of the calibration's starting value, fixed so the test does not follow the calibration
  const p = parameters({ betaLabourDemand: 0.3, choiceSetDiasporas: 0 });
  const inputs = (stock: Float64Array, demand = new Float64Array(n)) => ({
    world,
    params: p,
    destAsc: new Float64Array(n),
    stock,
    scale: 1,
    wageLow: Float64Array.of(20000, 20000, 1000, 500),
    labourDemand: demand,
  });

  it('keep the land neighbours and rank the rest by pull, from the simulated diaspora and labour demand', () => {
    const out = new Int32Array(n * 2);
    // WAR (3): its neighbour NBR first, then the more pulling of AAA and BBB
    evolvingChoiceSets(inputs(new Float64Array(n * lines)), 2, out);
    expect(out[3 * 2]).toBe(2);
    // a diaspora of 1 M in BBB makes BBB, not AAA (nearer), the second candidate
    const stock = new Float64Array(n * lines);
    stock[1 * lines + 3] = 1e6;
    evolvingChoiceSets(inputs(stock), 2, out);
    expect(out[3 * 2 + 1]).toBe(1);
    // labour demand in AAA wins it back
    evolvingChoiceSets(inputs(stock, Float64Array.of(0.15, 0, 0, 0)), 2, out);
    expect(out[3 * 2 + 1]).toBe(0);
  });

  it("keep the origin's largest simulated diasporas ahead of a more pulling destination", () => {
    const out = new Int32Array(n * 2);
    const stock = new Float64Array(n * lines);
    // a diaspora of 10 in BBB, far less pull than AAA's labour demand: in only with a diaspora slot
    stock[1 * lines + 3] = 10;
    const demand = Float64Array.of(0.15, 0, 0, 0);
    evolvingChoiceSets(inputs(stock, demand), 2, out);
    expect(out[3 * 2 + 1]).toBe(0);
    evolvingChoiceSets({ ...inputs(stock, demand), params: { ...p, choiceSetDiasporas: 1 } }, 2, out);
    expect(out[3 * 2 + 1]).toBe(1);
  });

  it('rank the largest diasporas by size, the lower index first among equals, and skip the origin', () => {
    const lines5 = 5;
    const stock = new Float64Array(4 * lines5);
    // origin 0: 5 in destination 1, 9 in 2, 5 in 3, and 100 "at home" (never a destination)
    stock[0 * lines5 + 0] = 100;
    stock[1 * lines5 + 0] = 5;
    stock[2 * lines5 + 0] = 9;
    stock[3 * lines5 + 0] = 5;
    expect(largestDiasporas(stock, lines5, 0, 4, 2)).toEqual([2, 1]);
    expect(largestDiasporas(stock, lines5, 0, 4, 5)).toEqual([2, 1, 3]);
    expect(largestDiasporas(stock, lines5, 0, 4, 0)).toEqual([]);
  });

  it('frozen, are the largest diasporas of the starting stock and the neighbours', () => {
    const d = candidateDestinations(world, 3);
    expect([...d.subarray(3 * 3, 4 * 3)].sort()).toEqual([0, 1, 2]);
  });
});
