import { describe, expect, it } from 'vitest';
import { loadWorld } from './load-world.ts';
import { fillWageProxy } from './wage.ts';
import { seriesValue } from './world.ts';

describe('fillWageProxy', () => {
  // two countries × three years, year-major: [A, B] per year
  const span = { first: 2000, last: 2002 };
  const measured = Float64Array.from([10, NaN, 20, NaN, NaN, NaN]);
  const gdp = Float64Array.from([20, 10, 40, 30, 50, NaN]);
  const { filled, pooledRatio } = fillWageProxy(measured, gdp, span, 2);

  it('keeps measured values and takes the pooled median of wage / GDP per capita', () => {
    expect(pooledRatio).toBe(0.5);
    expect(filled[0]).toBe(10);
    expect(filled[2]).toBe(20);
  });

  it('carries the nearest measured year by GDP-per-capita growth', () => {
    expect(filled[4]).toBe((20 * 50) / 40); // A in 2002 from 2001
  });

  it('imputes a never-measured country from its GDP per capita, and leaves NaN without GDP', () => {
    expect(filled[1]).toBe(5);
    expect(filled[3]).toBe(15);
    expect(filled[5]).toBeNaN();
  });
});

describe('the shipped wage proxy', () => {
  const world = loadWorld({ first: 1995, last: 2023 });
  it('is measured by PWT for Germany to 2019 and carried forward after', () => {
    const w2019 = seriesValue(world, 'wageProxyPpp', 'DEU', 2019);
    expect(seriesValue(world, 'wageProxyFilledPpp', 'DEU', 2019)).toBe(w2019);
    expect(seriesValue(world, 'wageProxyFilledPpp', 'DEU', 2023)).toBeGreaterThan(0.9 * w2019);
  });

  it('gives countries PWT lacks a value (Pakistan, Bangladesh, Viet Nam) below Mexico and far below Germany', () => {
    for (const iso3 of ['PAK', 'BGD', 'VNM']) {
      expect(seriesValue(world, 'wageProxyPpp', iso3, 1995)).toBeNaN();
      const w = seriesValue(world, 'wageProxyFilledPpp', iso3, 1995);
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThan(seriesValue(world, 'wageProxyFilledPpp', 'MEX', 1995));
    }
  });
});
