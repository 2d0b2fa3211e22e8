import { describe, expect, it } from 'vitest';
import { diasporaShares, greatCircleKm } from './geography.ts';
import { loadWorld } from './load-world.ts';

describe('greatCircleKm', () => {
  it('gives the great-circle distance (Paris–London ≈ 344 km, a quarter meridian ≈ 10,008 km)', () => {
    expect(greatCircleKm(48.8566, 2.3522, 51.5072, -0.1276)).toBeCloseTo(343.5, 0);
    expect(greatCircleKm(0, 0, 90, 0)).toBeCloseTo(10007.6, 0);
    expect(greatCircleKm(10, 20, 10, 20)).toBe(0);
  });
});

describe('the shipped geography', () => {
  const world = loadWorld({ first: 1995, last: 1995 });
  const n = world.countries.countries.length;
  const i = (iso3: string) => world.countries.index.get(iso3)!;

  it('has a symmetric distance matrix with a zero diagonal', () => {
    const d = world.distanceKm;
    expect(d[i('USA') * n + i('MEX')]).toBe(d[i('MEX') * n + i('USA')]);
    expect(d[i('FRA') * n + i('FRA')]).toBe(0);
    // representative points, not capitals: Mexico–USA centroids are ~2,000 km apart
    expect(d[i('USA') * n + i('MEX')]).toBeGreaterThan(1500);
    expect(d[i('USA') * n + i('MEX')]).toBeLessThan(2500);
  });

  it('has land borders only (GBR borders IRL and nothing else; ESP–MAR through Ceuta and Melilla)', () => {
    const neighbours = (iso3: string) =>
      world.countries.countries.filter((_, j) => world.landBorder[i(iso3) * n + j] === 1).map((c) => c.iso3);
    expect(neighbours('GBR')).toEqual(['IRL']);
    expect(neighbours('ESP')).toContain('MAR');
    expect(neighbours('USA')).toEqual(['CAN', 'MEX']);
    expect(neighbours('XKX').sort()).toEqual(['ALB', 'MKD', 'MNE', 'SRB']);
  });

  it('derives diaspora links as shares of each origin’s emigrants (rows sum to 1)', () => {
    const shares = diasporaShares(world.bilateral, world.bilateral.years.indexOf(1995));
    let sum = 0;
    for (let d = 0; d < n; d++) sum += shares[i('MEX') * n + d];
    expect(sum).toBeCloseTo(1, 12);
    expect(shares[i('MEX') * n + i('USA')]).toBeGreaterThan(0.95);
    expect(shares[i('TUR') * n + i('DEU')]).toBeGreaterThan(0.5);
  });
});
