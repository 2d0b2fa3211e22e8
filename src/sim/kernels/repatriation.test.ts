import { describe, expect, it } from 'vitest';
import { parameters } from '../parameters.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import {
  exileWeights,
  exileWeightsByOrigin,
  firstReturnYear,
  repatriationByPair,
  repatriationRates,
  yearsBeforeFall,
} from './repatriation.ts';
import { DURATION_STEPS } from './return.ts';

describe('repatriation when the conflict ends', () => {
  const p = parameters();
  const peace = new Uint8Array(6).fill(1);
  const war = tinyWorld({ battleDeaths: 20000 });
  it('stays at repatriationInConflict while the violence goes on at its worst, and rises to repatriationRate as it ends', () => {
    // the same deaths a year in a population growing by 1% a year: nearly the worst, nearly no calm
    const going = repatriationRates(war, 1995, p, true, peace)[3];
    expect(going).toBeGreaterThan(p.repatriationInConflict);
    expect(going).toBeLessThan(
      p.repatriationInConflict + 0.1 * (p.repatriationRate - p.repatriationInConflict),
    );
    // from 1996 on no deaths: the worst of the last ten years is 20,000 a year, calm is complete
    const d = Float64Array.from(war.deathsStateBased);
    const n = war.iso3.length;
    for (let t = 6; t <= 10; t++) d[t * n + 3] = 0;
    const ended = { ...war, deathsStateBased: d };
    expect(repatriationRates(ended, 1997, p, true, peace)[3]).toBeCloseTo(p.repatriationRate, 12);
    // half the deaths: about half-way (per inhabitant, and the population grew since the worst year)
    for (let t = 6; t <= 10; t++) d[t * n + 3] = 10000;
    const half = repatriationRates(ended, 1997, p, true, peace)[3];
    const span = p.repatriationRate - p.repatriationInConflict;
    expect(Math.abs(half - (p.repatriationRate + p.repatriationInConflict) / 2)).toBeLessThan(0.05 * span);
  });
  it('falls with the years in exile; without the mechanism it follows peace at home alone', () => {
    const w = exileWeights(p, true);
    expect(w[0]).toBe(1);
    expect(w[15]).toBeCloseTo(Math.exp(-15 / p.repatriationExileYears), 12);
    expect(exileWeights(p, false)[30]).toBe(1);
    const atWar = Uint8Array.of(1, 1, 1, 0, 1, 1);
    expect(repatriationRates(war, 1995, p, false, atWar)[3]).toBe(p.repatriationInConflict);
    expect(repatriationRates(war, 1995, p, false, atWar)[2]).toBe(p.repatriationRate);
  });
  it("keeps the refugees of an expelled group in its kin state at repatriationInConflict, the rest at their origin's rate", () => {
    const expelled = { homeland: 2, origin: 3, population: 1e5, from: 1990, until: 2005, flees: true };
    const world = { ...tinyWorld(), coEthnic: [{ ...expelled, expelled: true }] };
    const lines = world.iso3.length + 2;
    const rates = Float64Array.from({ length: lines }, (_, o) => 0.1 + o / 100);
    const pair = repatriationByPair(world, rates, p, true);
    expect(pair[2 * lines + 3]).toBe(p.repatriationInConflict);
    expect(pair[1 * lines + 3]).toBe(rates[3]);
    expect(pair[3 * lines + 2]).toBe(rates[2]);
    expect(repatriationByPair(world, rates, p, false)[2 * lines + 3]).toBe(rates[3]);
    const fleeing = { ...world, coEthnic: [expelled] };
    expect(repatriationByPair(fleeing, rates, p, true)[2 * lines + 3]).toBe(rates[3]);
  });

  describe('after the fall of a government its refugees had fled (fall-return)', () => {
    const p = parameters({ fallReturnShare: 0.3, fallReturnYears: 2 });
    const base = tinyWorld();
    const lines = base.iso3.length + 2;
    const rates = Float64Array.from({ length: lines }, () => 0.02);
    const world = { ...base, governmentFalls: [{ origin: 3, year: 1992, month: 4, day: 28, retreat: -1 }] };
    const on = { repatriation: true, fallReturn: true };
    const at = (w: Float64Array, o: number, years: number) => w[o * DURATION_STEPS + years];

    it('begin in the year of a fall of the first half, the next year otherwise', () => {
      expect(firstReturnYear({ origin: 3, year: 1992, month: 4, day: 28, retreat: -1 })).toBe(1992);
      expect(firstReturnYear({ origin: 3, year: 2001, month: 11, day: 13, retreat: -1 })).toBe(2002);
      // an agent that arrived in 1991 reads 2 years in 1992, one that arrived in 1992 reads 1
      expect(yearsBeforeFall(1992, 1992)).toBe(2);
      expect(yearsBeforeFall(1993, 1992)).toBe(3);
    });

    it('send home fallReturnShare a year of those who arrived before it, however long their exile, for fallReturnYears', () => {
      const w = exileWeightsByOrigin(world, 1992, p, rates, on);
      // rate × weight: at least fallReturnShare for 20 years in exile, where the exile factor alone gives far less
      expect(rates[3] * at(w, 3, 20)).toBeCloseTo(0.3, 12);
      expect(rates[3] * exileWeights(p, true)[20]).toBeLessThan(0.01);
      expect(rates[3] * at(w, 3, 2)).toBeCloseTo(0.3, 12);
      // those who arrived in the year of the fall did not flee the fallen government
      expect(at(w, 3, 1)).toBe(exileWeights(p, true)[1]);
      // other origins keep the exile factor
      expect(at(w, 2, 20)).toBe(exileWeights(p, true)[20]);
      // the second year: those who arrived before 1992 (3 years or more in 1993)
      const second = exileWeightsByOrigin(world, 1993, p, rates, on);
      expect(rates[3] * at(second, 3, 3)).toBeCloseTo(0.3, 12);
      expect(at(second, 3, 2)).toBe(exileWeights(p, true)[2]);
      // before and after the wave: the exile factor alone
      for (const year of [1991, 1994])
        expect(at(exileWeightsByOrigin(world, year, p, rates, on), 3, 20)).toBe(exileWeights(p, true)[20]);
    });

    it('never lower a rate that is already higher, and do nothing without the mechanism', () => {
      const high = Float64Array.from({ length: lines }, () => 0.5);
      expect(at(exileWeightsByOrigin(world, 1992, p, high, on), 3, 0)).toBe(1);
      expect(at(exileWeightsByOrigin(world, 1992, p, high, on), 3, 5)).toBe(exileWeights(p, true)[5]);
      const off = exileWeightsByOrigin(world, 1992, p, rates, { repatriation: true, fallReturn: false });
      expect(at(off, 3, 20)).toBe(exileWeights(p, true)[20]);
    });
  });
});
