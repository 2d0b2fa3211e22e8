import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../store/index.ts';
import { loadWorld } from '../world/index.ts';
import { AIM_GROUPS, ASYLUM_FLOOR, aimPoints, aimScore, aimsMarkdown, aimsReport } from './aims.ts';
import type { AimPoint } from './aims.ts';

const world = loadWorld({ first: 1990, last: 2005 });

/** Rows that say exactly what the data say at every point of the aims (× factor). */
function rowsOfData(factor = 1): IndicatorRow[] {
  const points = aimPoints(world);
  const rows: IndicatorRow[] = [];
  for (const id of AIM_GROUPS)
    for (const p of points[id]) {
      const indicator =
        id === 'corridors'
          ? `corridor_stock:${p.origin}`
          : id === 'refugees' || id === 'asylum'
            ? 'refugees'
            : 'migrant_stock';
      rows.push({ year: p.year, indicator, country: p.country, value: p.observed * factor });
    }
  return rows;
}

const point = (observed: number, model: number, extra: Partial<AimPoint> = {}): AimPoint => ({
  country: 'AAA',
  year: 2000,
  observed,
  model,
  persistence: null,
  growth: null,
  gravity: null,
  ...extra,
});

describe('the aims of the world model per country', () => {
  it('scores the 30 largest destinations, the 100 largest corridors and the 10 largest countries of asylum of each year', () => {
    const points = aimPoints(world);
    expect(new Set(points.destinations.map((p) => p.country)).size).toBe(30);
    expect(points.destinations.filter((p) => p.country === 'HKG').map((p) => p.year)).toEqual([
      1995, 2000, 2005,
    ]);
    expect(new Set(points.corridors.map((p) => `${p.origin}>${p.country}`)).size).toBe(100);
    expect(points.asylum).toHaveLength(16 * 10);
    expect(points.asylum.filter((p) => p.year === 1994).map((p) => p.country)).toContain('COD');
    expect(points.refugees.map((p) => p.year)).toEqual(Array.from({ length: 15 }, (_, i) => 1991 + i));
  });

  it('gives a model that says what the data say a score of 0 and meets every aim; a model 20% high misses them', () => {
    const exact = aimsReport(world, rowsOfData());
    for (const g of exact) {
      expect(g.model).toBeCloseTo(0, 9);
      expect(g.met).toBe(true);
    }
    const high = aimsReport(world, rowsOfData(1.2));
    const byId = Object.fromEntries(high.map((g) => [g.id, g]));
    expect(byId.destinations.model).toBeCloseTo(Math.log(1.2), 9);
    expect(byId.corridors.model).toBeCloseTo(20, 6);
    expect(byId['world-stock'].model).toBeCloseTo(20, 6);
    expect(byId.destinations.met).toBe(false);
    expect(aimsMarkdown(high)).toContain('(missed)');
  });

  it('persistence holds the 1990 values: no error in 1990, and growth scales them by the world stock', () => {
    const points = aimPoints(world);
    const usa = points.destinations.filter((p) => p.country === 'USA');
    expect(new Set(usa.map((p) => p.persistence)).size).toBe(1);
    const w = points['world-stock'];
    expect(w[0]).toMatchObject({ year: 1990, persistence: w[0].observed });
    expect(usa[2].growth! / usa[2].persistence!).toBeCloseTo(w[3].observed / w[0].observed, 9);
  });

  it('floors a country of asylum the model leaves empty at 1,000 persons, and takes the median over corridors', () => {
    expect(aimScore('asylum', [point(1e6, 0)], 'model')).toBeCloseTo(Math.log(1e6 / ASYLUM_FLOOR), 9);
    const corridor = (origin: string, observed: number, model: number) => point(observed, model, { origin });
    // three corridors with errors 10%, 50% (mean of 0 and 100%) and 300%: the median is 50%
    const corridors = [
      corridor('A', 100, 110),
      corridor('B', 100, 100),
      corridor('B', 100, 200),
      corridor('C', 100, 400),
    ];
    expect(aimScore('corridors', corridors, 'model')).toBeCloseTo(50, 9);
    expect(aimScore('corridors', corridors, 'gravity')).toBeNull();
  });
});
