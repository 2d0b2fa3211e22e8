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
import {
  MISSING_MIGRANTS_FILE,
  OUT_OF_SAMPLE,
  missingMigrantsByYear,
  outOfSampleSeries,
} from './out-of-sample.ts';
import { CORRIDOR_COUNT, REFUGEE_HOST_COUNT, refugeeHostsOfRecord, targetSeries } from './targets.ts';
import type { TargetSeries } from './targets.ts';

const world = loadWorld({ first: 1990, last: 2005 });
/** A series of one group, labelled by its id. */
const seriesOf = (
  id: string,
  group: TargetSeries['group'],
  years: number[],
  observed: number[],
): TargetSeries => ({
  id,
  group,
  label: id,
  years,
  observed,
});
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

  it('scores the largest countries of asylum of 1990, largest first, on UNHCR refugees by country of asylum', () => {
    const hosts = targets.filter((t) => t.group === 'refugees by country of asylum');
    expect(hosts).toHaveLength(REFUGEE_HOST_COUNT);
    expect(hosts.slice(0, 3).map((t) => t.id)).toEqual(['refugees:IRN', 'refugees:PAK', 'refugees:SDN']);
    const first = hosts.map((t) => t.observed[0]);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    const iran = hosts[0];
    expect(iran.years).toEqual(Array.from({ length: 16 }, (_, i) => 1990 + i));
    // UNHCR: 4.17 M refugees in Iran in 1990, 0.97 M in 2005
    expect(Math.round(iran.observed[0] / 1e4) / 100).toBe(4.17);
    expect(Math.round(iran.observed.at(-1)! / 1e4) / 100).toBe(0.97);
    expect(refugeeHostsOfRecord(world)).toHaveLength(REFUGEE_HOST_COUNT);
  });
});

describe('baselines', () => {
  it('persistence carries the 1990–1995 annual growth forward from 1995', () => {
    const s = seriesOf('x', 'world stock', [1990, 1995, 2000, 2005], [100, 121, 0, 0]);
    const p = persistence(s);
    expect([...p.keys()]).toEqual([2000, 2005]);
    expect(p.get(2000)).toBeCloseTo(121 * 1.21, 9);
    expect(p.get(2005)).toBeCloseTo(121 * 1.21 ** 2, 9);
  });

  it('persistence from another origin carries that origin’s growth, and predicts nothing without it', () => {
    const s = seriesOf('x', 'remittances', [2000, 2005, 2006, 2010], [100, 200, 0, 0]);
    const p = persistence(s, 2000, 2005);
    expect([...p.keys()]).toEqual([2006, 2010]);
    expect(p.get(2010)).toBeCloseTo(400, 9);
    expect(persistence({ ...s, years: [2006, 2010], observed: [1, 2] }, 2000, 2005).size).toBe(0);
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
    const stockSeries = targets.filter((t) => t.group.endsWith(' stock'));
    expect(stockSeries).toHaveLength(1 + 5 + CORRIDOR_COUNT);
    expect(stockSeries.every((t) => pred.get(t.id)?.size === 3)).toBe(true);
    expect(pred.has('refugees:WLD')).toBe(false);
    expect(pred.has('refugees:IRN')).toBe(false);
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
    const s = seriesOf('a', 'corridor stock', [1990, 1995, 2000, 2005], [1, 2, 4, 8]);
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
    expect(g.median.model).toBeCloseTo((12.5 + 25) / 2, 12);
    expect(g.median.gravity).toBeNull();
    expect(fitMarkdown([g])).toContain(
      '| corridor stock | 2 | 18.8% (18.8%) | 100.0% (100.0%) | 0.0% (0.0%) | — |',
    );
  });

  it('gives each group the median of its series beside the mean, which one vanished observation can blow up', () => {
    const series = (id: string, observed: number) =>
      seriesOf(id, 'refugees by country of asylum', [2000], [observed]);
    const rows = fitRows([series('a', 100), series('b', 100), series('c', 1)], {
      model: new Map([
        ['a', new Map([[2000, 110]])],
        ['b', new Map([[2000, 80]])],
        ['c', new Map([[2000, 101]])],
      ]),
    });
    const [g] = fitGroups(rows);
    expect(g.mape.model).toBeCloseTo((10 + 20 + 10000) / 3, 9);
    expect(g.median.model).toBeCloseTo(20, 12);
    expect(g.median.persistence).toBeNull();
    expect(fitMarkdown([g])).toContain('| refugees by country of asylum | 3 | 3343.3% (20.0%) | — | — | — |');
  });

  it('reads the model series off indicator rows averaged over seeds', () => {
    const rows = meanRows([
      [
        { year: 2000, indicator: 'migrant_stock', country: 'WLD', value: 170e6 },
        { year: 2000, indicator: 'migrant_stock', country: 'FRA', value: 6e6 },
        { year: 2000, indicator: 'corridor_stock:MEX', country: 'USA', value: 9e6 },
        { year: 2000, indicator: 'refugees', country: 'IRN', value: 2e6 },
      ],
      [
        { year: 2000, indicator: 'migrant_stock', country: 'WLD', value: 180e6 },
        { year: 2000, indicator: 'migrant_stock', country: 'FRA', value: 7e6 },
        { year: 2000, indicator: 'corridor_stock:MEX', country: 'USA', value: 10e6 },
        { year: 2000, indicator: 'refugees', country: 'IRN', value: 3e6 },
      ],
    ]);
    const p = modelPredictions(world, rows, targets);
    expect(p.get('stock:WLD')!.get(2000)).toBe(175e6);
    expect(p.get('stock:Europe')!.get(2000)).toBe(6.5e6);
    expect(p.get('corridor:MEX>USA')!.get(2000)).toBe(9.5e6);
    expect(p.has('refugees:WLD')).toBe(false);
    expect(p.get('refugees:IRN')!.get(2000)).toBe(2.5e6);
    const deaths = seriesOf('deaths:WLD', 'deaths en route', [2015], [1]);
    const d = modelPredictions(
      world,
      [{ year: 2015, indicator: 'deaths_en_route', country: 'WLD', value: 7000 }],
      [deaths],
    );
    expect(d.get('deaths:WLD')!.get(2015)).toBe(7000);
  });
});

describe('out of sample', () => {
  it('sums the dead and missing per year over every record, skipping records without a count', () => {
    const csv = [
      'date,year,type,route,dead_and_missing',
      '2015-01-02,2015,Incident,Central Mediterranean Route,3',
      '2015-03-04,2015,Split Incident,Central Mediterranean Route,2',
      '2015-05-06,2015,Incident,Sahara Desert crossing,',
      '2016-01-01,2016,Cumulative Incident,Sahara Desert crossing,40',
    ].join('\n');
    expect([...missingMigrantsByYear(csv)]).toEqual([
      [2015, 5],
      [2016, 40],
    ]);
    expect(() => missingMigrantsByYear('year,dead_and_missing\n2015,three\n', 'iom.csv')).toThrow(
      'iom.csv:2: not a number: "three" in column dead_and_missing [E_WORLD_VALUE]',
    );
  });

  it('reads remittances after 2005 (with 2000 and 2005 for persistence) and the IOM deaths of 2014–2020', () => {
    const later = loadWorld({ first: 1990, last: OUT_OF_SAMPLE.last });
    const [rem, deaths] = outOfSampleSeries(later);
    expect(rem.id).toBe('remittances:WLD');
    expect(rem.years[0]).toBe(2000);
    expect(rem.years.slice(1, 3)).toEqual([2005, 2006]);
    expect(rem.years.at(-1)).toBe(2020);
    // the world's recorded remittances grew several-fold from 2000 to 2020 (WDI)
    expect(rem.observed.at(-1)! / rem.observed[0]).toBeGreaterThan(3);
    expect(deaths.id).toBe('deaths:WLD');
    expect(deaths.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    // IOM's yearly totals are in the thousands (2016, the Mediterranean's worst year, the highest)
    for (const v of deaths.observed) expect(v).toBeGreaterThan(3000);
    expect(Math.max(...deaths.observed)).toBe(deaths.observed[2]);
    expect(MISSING_MIGRANTS_FILE).toMatch(/^irregular\//);
  });
});

describe('executeFit (engine test double)', () => {
  it('runs the historical regime from 1995 to 2005 and from 1990 to 2020 and tabulates both beside the baselines, in and out of sample', async () => {
    const years: number[] = [];
    const starts = new Set<number>();
    const report = await executeFit({
      seeds: 2,
      threads: 1,
      runnerModule: new URL('../../test/support/ensemble/double-member.ts', import.meta.url),
      onPlanned: (jobs) => jobs.forEach((j) => starts.add(j.from)),
      onYear: (_, y) => years.push(y),
    });
    expect([...starts]).toEqual([1995, 1990]);
    expect(years).toHaveLength(2 * 11 + 2 * 31);
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
    // out of sample: scored after 2005; persistence from 2005 where the series has 2000 and 2005
    const oos = report.outOfSample;
    expect(oos.years).toEqual({ from: 2006, to: 2020 });
    const rem = oos.rows.find((r) => r.id === 'remittances:WLD')!;
    expect(rem.years[0]).toBe(2006);
    expect(rem.mape.persistence).not.toBeNull();
    expect(rem.mape.gravity).toBeNull();
    expect(oos.rows.find((r) => r.id === 'deaths:WLD')!.mape.persistence).toBeNull();
    expect(oos.markdown.split('\n')[0]).toBe('| series | n | model from 1990 | persistence from 2005 |');
  });
});
