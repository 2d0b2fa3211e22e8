import { describe, expect, it } from 'vitest';
import { loadWorld } from '../world/index.ts';
import {
  GRAVITY_REGRESSORS,
  fitGravity,
  gravityPredictions,
  nearestYearFilled,
  persistence,
} from './baselines.ts';
import { executeFit } from './execute-fit.ts';
import { fitGroups, fitMarkdown, fitRows, mape } from './fit-table.ts';
import { meanRows, modelPredictions } from './model-series.ts';
import { CORRIDOR_COUNT, targetSeries } from './targets.ts';
import type { TargetSeries } from './targets.ts';

const world = loadWorld({ first: 1990, last: 2005 });
const targets = targetSeries(world);

describe('fit targets', () => {
  it('reads the world, regional, corridor, refugee and remittance series of 1990–2005 from the data', () => {
    const byId = new Map(targets.map((t) => [t.id, t]));
    expect(byId.get('stock:WLD')!.observed.map((v) => Math.round(v / 1e5) / 10)).toEqual([
      153.9, 163.2, 174.6, 192.8,
    ]);
    expect(targets.filter((t) => t.group === 'regional stock').map((t) => t.id)).toEqual([
      'stock:Africa',
      'stock:Americas',
      'stock:Asia',
      'stock:Europe',
      'stock:Oceania',
    ]);
    expect(targets.filter((t) => t.group === 'corridor stock')).toHaveLength(CORRIDOR_COUNT);
    expect(byId.has('corridor:MEX>USA')).toBe(true);
    const refugees = byId.get('refugees:WLD')!;
    expect(refugees.years).toEqual(Array.from({ length: 16 }, (_, i) => 1990 + i));
    expect(Math.round(refugees.observed[0] / 1e5) / 10).toBe(17.4);
    expect(byId.get('remittances:WLD')!.years.at(-1)).toBe(2005);
  });
});

describe('baselines', () => {
  it('persistence carries the 1990–1995 annual growth forward from 1995', () => {
    const s: TargetSeries = {
      id: 'x',
      group: 'world stock',
      label: 'x',
      years: [1990, 1995, 2000, 2005],
      observed: [100, 121, 0, 0],
    };
    const p = persistence(s);
    expect([...p.keys()]).toEqual([2000, 2005]);
    expect(p.get(2000)).toBeCloseTo(121 * 1.21, 9);
    expect(p.get(2005)).toBeCloseTo(121 * 1.21 ** 2, 9);
  });

  it('fills a missing regressor from the nearest year of the same country', () => {
    // 2 countries × 4 years, year-major
    const panel = Float64Array.of(NaN, 1, NaN, NaN, 5, NaN, NaN, 3);
    expect([...nearestYearFilled(panel, 2)]).toEqual([5, 1, 5, 1, 5, 3, 5, 3]);
  });

  it('the gravity model (PPML) fits the bilateral stocks with a strong diaspora effect and predicts every stock series', () => {
    const g = fitGravity(world);
    const coef = Object.fromEntries(GRAVITY_REGRESSORS.map((n, i) => [n, g.fit.coefficients[i]]));
    expect(g.fit.observations).toBeGreaterThan(20_000);
    expect(g.fit.pseudoR2).toBeGreaterThan(0.8);
    expect(coef.ln_1p_diaspora_1990).toBeGreaterThan(0.5);
    expect(coef.ln_1p_diaspora_1990).toBeLessThan(1.2);
    expect(coef.ln_distance_km).toBeLessThan(0);
    const pred = gravityPredictions(world, g, targets);
    const stockSeries = targets.filter((t) => t.group !== 'refugees' && t.group !== 'remittances');
    expect(stockSeries.every((t) => pred.get(t.id)?.size === 3)).toBe(true);
    expect(pred.has('refugees:WLD')).toBe(false);
    // The world total lands within a few per cent of the data.
    const w = targets.find((t) => t.id === 'stock:WLD')!;
    expect(Math.abs(pred.get('stock:WLD')!.get(2005)! / w.observed[3] - 1)).toBeLessThan(0.1);
  });
});

describe('fit table', () => {
  it('computes MAPE over the finite pairs', () => {
    expect(mape([100, 200], [110, 180])).toBeCloseTo(10, 12);
    expect(mape([100, 0, 50], [90, 5, null])).toBeCloseTo(10, 12);
    expect(Number.isNaN(mape([1], [null]))).toBe(true);
  });

  it('evaluates every method on the years after 1995 and averages groups', () => {
    const s: TargetSeries = {
      id: 'a',
      group: 'corridor stock',
      label: 'a',
      years: [1990, 1995, 2000, 2005],
      observed: [1, 2, 4, 8],
    };
    const t: TargetSeries = { ...s, id: 'b', observed: [1, 1, 1, 1] };
    const model = new Map([
      [
        'a',
        new Map([
          [2000, 5],
          [2005, 8],
          [1995, 99],
        ]),
      ],
      [
        'b',
        new Map([
          [2000, 1.5],
          [2005, 1],
        ]),
      ],
    ]);
    const rows = fitRows([s, t], {
      model,
      modelFrom1990: new Map([['b', new Map([[2000, 2]])]]),
      persistence: new Map([['a', persistence(s)]]),
      gravity: new Map(),
    });
    expect(rows[0].years).toEqual([2000, 2005]);
    expect(rows[0].mape.model).toBeCloseTo(12.5, 12);
    expect(rows[0].mape.persistence).toBeCloseTo(0, 12);
    expect(rows[1].mape.persistence).toBeNull();
    expect(rows[0].mape.gravity).toBeNull();
    expect(rows[0].mape.modelFrom1990).toBeNull();
    expect(rows[1].mape.modelFrom1990).toBeCloseTo(100, 12);
    const [g] = fitGroups(rows);
    expect(g.mape.model).toBeCloseTo((12.5 + 25) / 2, 12);
    expect(g.mape.modelFrom1990).toBeCloseTo(100, 12);
    expect(g.mape.persistence).toBeCloseTo(0, 12);
    expect(fitMarkdown([g])).toContain('| corridor stock | 2 | 18.8% | 100.0% | 0.0% | — |');
  });

  it('reads the model series off indicator rows averaged over seeds', () => {
    const rows = meanRows([
      [
        { year: 2000, indicator: 'migrant_stock', country: 'WLD', value: 170e6 },
        { year: 2000, indicator: 'migrant_stock', country: 'FRA', value: 6e6 },
        { year: 2000, indicator: 'corridor_stock:MEX', country: 'USA', value: 9e6 },
      ],
      [
        { year: 2000, indicator: 'migrant_stock', country: 'WLD', value: 180e6 },
        { year: 2000, indicator: 'migrant_stock', country: 'FRA', value: 7e6 },
        { year: 2000, indicator: 'corridor_stock:MEX', country: 'USA', value: 10e6 },
      ],
    ]);
    const p = modelPredictions(world, rows, targets);
    expect(p.get('stock:WLD')!.get(2000)).toBe(175e6);
    expect(p.get('stock:Europe')!.get(2000)).toBe(6.5e6);
    expect(p.get('corridor:MEX>USA')!.get(2000)).toBe(9.5e6);
    expect(p.has('refugees:WLD')).toBe(false);
  });
});

describe('executeFit (engine test double)', () => {
  it('runs the historical regime from 1995 and from 1990 to 2005 and tabulates both beside the baselines', async () => {
    const years: number[] = [];
    const starts = new Set<number>();
    const report = await executeFit({
      seeds: 2,
      threads: 1,
      runnerModule: new URL('../ensemble/testing/double-member.ts', import.meta.url),
      onPlanned: (jobs) => jobs.forEach((j) => starts.add(j.from)),
      onYear: (_, y) => years.push(y),
    });
    expect([...starts]).toEqual([1995, 1990]);
    expect(years).toHaveLength(2 * 11 + 2 * 16);
    expect(report.regime).toBe('neoliberal');
    expect(report.years).toEqual({ from: 1990, to: 2005 });
    expect(report.forecastOrigin).toBe(1995);
    const world = report.rows.find((r) => r.id === 'stock:WLD')!;
    expect(world.years).toEqual([2000, 2005]);
    expect(world.mape.model).not.toBeNull();
    expect(world.mape.modelFrom1990).not.toBeNull();
    expect(world.mape.persistence).not.toBeNull();
    expect(world.mape.gravity).not.toBeNull();
    expect(report.markdown.split('\n')[0]).toBe(
      '| series | n | model from 1995 | model from 1990 | persistence | gravity (PPML) |',
    );
  });
});
