import { describe, expect, it } from 'vitest';
import { parameters } from '../parameters.ts';
import { smugglingRoute, wagePriceFactor } from './smuggling.ts';

describe('the smugglers’ price by the wage the crossing opens', () => {
  const p = parameters({ smugglingReferenceWage: 18000, smugglingPriceWageElasticity: 0.5 });

  it('keep the full price into labour markets paying the reference wage or more', () => {
    expect(wagePriceFactor(p, 18000)).toBe(1);
    expect(wagePriceFactor(p, 40000)).toBe(1);
  });

  it('fall with the square root of the wage ratio below it, to nothing where nothing is paid', () => {
    // a wage of 1/9 of the reference: a third of the price
    expect(wagePriceFactor(p, 2000)).toBeCloseTo(1 / 3, 12);
    expect(wagePriceFactor(p, 0)).toBe(0);
    expect(wagePriceFactor({ ...p, smugglingPriceWageElasticity: 1 }, 2000)).toBeCloseTo(1 / 9, 12);
    expect(wagePriceFactor({ ...p, smugglingPriceWageElasticity: 0 }, 2000)).toBe(1);
  });

  it('scale the route’s price alone, not its risks', () => {
    const full = smugglingRoute(p, 0.25, 800, true);
    const cheap = smugglingRoute(p, 0.25, 800, true, wagePriceFactor(p, 2000));
    expect(cheap.price).toBeCloseTo(full.price / 3, 9);
    expect(cheap.interception).toBe(full.interception);
    expect(cheap.death).toBe(full.death);
    expect(cheap.organisedCrime).toBe(full.organisedCrime);
  });
});
