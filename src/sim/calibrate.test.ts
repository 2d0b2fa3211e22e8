import { describe, expect, it } from 'vitest';
import { AIM_GROUPS, aimPoints, aimsReport } from '../fit/aims.ts';
import { meanRows } from '../fit/model-series.ts';
import { immigrantStock, loadWorld } from '../world/index.ts';
import {
  CALIBRATION_YEARS,
  LOSS_GROUPS,
  MARGIN_WEIGHT,
  calibrationLoss,
  calibrationLossOfRuns,
  calibrationTargets,
  lossOfScores,
  ridgePenalty,
} from './calibration-loss.ts';
import type { LossGroup } from './calibration-loss.ts';
import { SEARCH_SPACE, decode, encode, searchSpace } from './calibration-space.ts';
import type { IndicatorRow } from './indicators.ts';
import { CALIBRATED, parameters } from './parameters.ts';

const world = loadWorld({ first: 1990, last: 2005 });
const targets = calibrationTargets(world);
const iso = world.countries.countries.map((c) => c.iso3);

/**
 * Rows that say what the data say at every point of the loss: each country's stock, the corridors,
 * the refugees by country of asylum and the world's; `change(group, row)` alters one group's rows.
 */
function rowsOfData(
  change: (kind: 'stock' | 'corridor' | 'asylum' | 'world', v: number) => number = (_, v) => v,
) {
  const b = world.bilateral;
  const rows: IndicatorRow[] = [];
  const push = (year: number, indicator: string, country: string, value: number) =>
    rows.push({ year, indicator, country, value });
  b.years.forEach((year, k) => {
    const stock = immigrantStock(b, k);
    iso.forEach((c, d) => push(year, 'migrant_stock', c, change('stock', stock[d])));
    push(year, 'migrant_stock', 'WLD', change('world', b.worldTotal[k]));
    for (const p of targets.aims.corridors)
      if (p.year === year)
        push(year, `corridor_stock:${p.origin}`, p.country, change('corridor', p.observed));
  });
  for (const p of targets.aims.asylum) push(p.year, 'refugees', p.country, change('asylum', p.observed));
  for (const p of targets.aims.refugees) push(p.year, 'refugees', 'WLD', change('world', p.observed));
  return rows;
}

describe('the calibration loss', () => {
  it('scores the points of the aims (src/fit/aims.ts), years 1990–2005, and the UN regions', () => {
    const aims = aimPoints(world);
    for (const g of AIM_GROUPS) expect(targets.aims[g]).toEqual(aims[g]);
    for (const g of AIM_GROUPS)
      for (const p of targets.aims[g]) expect(p.year).toBeLessThanOrEqual(CALIBRATION_YEARS.last);
    expect(new Set(targets.aims.destinations.map((p) => p.country)).size).toBe(30);
    expect(new Set(targets.aims.corridors.map((p) => `${p.origin}>${p.country}`)).size).toBe(100);
    expect(targets.aims.asylum).toHaveLength(16 * 10);
    expect(targets.regions).toHaveLength(5 * 3);
  });

  it('gives each group the score regimes fit gives it', () => {
    // a run off the data by a different factor per country and year
    let k = 0;
    const rows = rowsOfData((_, v) => v * (0.6 + ((k++ * 7919) % 97) / 100));
    const loss = calibrationLoss(targets, rows);
    for (const g of aimsReport(world, rows)) expect(loss.groups[g.id]).toBeCloseTo(g.model!, 10);
  });

  it('is 0 for a run that says what the data say, and rises with the error of each group', () => {
    const exact = calibrationLoss(targets, rowsOfData());
    expect(exact.total).toBeCloseTo(0, 12);
    for (const g of LOSS_GROUPS) expect(exact.groups[g]).toBeCloseTo(0, 12);
    const kinds = ['stock', 'corridor', 'asylum', 'world'] as const;
    for (const kind of kinds) {
      const off = (f: number) =>
        calibrationLoss(
          targets,
          rowsOfData((k, v) => (k === kind ? v * f : v)),
        );
      const [a, b] = [off(1.2), off(1.6)];
      expect(a.total).toBeGreaterThan(0);
      expect(b.total).toBeGreaterThan(a.total);
    }
    // each group alone
    const groups = Object.fromEntries(LOSS_GROUPS.map((g) => [g, 0])) as Record<LossGroup, number>;
    for (const g of LOSS_GROUPS) {
      const one = (v: number) => lossOfScores({ ...groups, [g]: v });
      expect(one(0.01)).toBeGreaterThan(0);
      expect(one(0.02)).toBeGreaterThan(one(0.01));
      expect(one(100)).toBeGreaterThan(one(50));
    }
  });

  it("counts a missed aim's error beyond the aim more than a met aim's margin", () => {
    const at = (scores: Partial<Record<LossGroup, number>>) =>
      lossOfScores({
        destinations: 0.15,
        corridors: 25,
        refugees: 10,
        asylum: 0.5,
        'world-stock': 3,
        regions: 0,
        ...scores,
      });
    // one aim's width off beyond the aim costs 1 + MARGIN_WEIGHT; within it, MARGIN_WEIGHT
    expect(at({ destinations: 0.3 }) - at({})).toBeCloseTo(1 + MARGIN_WEIGHT, 12);
    expect(at({}) - at({ 'world-stock': 0 })).toBeCloseTo(MARGIN_WEIGHT, 12);
    // the recalibration of 2026-12-07, 23:00 (docs/model.md §5): the aims' scores before and after;
    // the aims prefer the values before (the missed groups got worse), and so does the loss
    const before = at({
      destinations: 0.201,
      corridors: 25.2,
      refugees: 8.6,
      asylum: 0.42,
      'world-stock': 1.8,
    });
    const after = at({
      destinations: 0.227,
      corridors: 25.9,
      refugees: 7.4,
      asylum: 0.411,
      'world-stock': 1.5,
    });
    expect(before).toBeLessThan(after);
  });

  it('scores several seeds by their mean rows, as regimes fit does', () => {
    const a = rowsOfData((_, v) => v * 0.5);
    const b = rowsOfData((_, v) => v * 1.5);
    expect(calibrationLossOfRuns(targets, [a, b]).total).toBeCloseTo(0, 10);
    expect(calibrationLossOfRuns(targets, [a, b])).toEqual(calibrationLoss(targets, meanRows([a, b])));
    expect(calibrationLossOfRuns(targets, [a]).total).toBeGreaterThan(0);
    expect(() => calibrationLossOfRuns(targets, [])).toThrow(/no run/);
  });

  it('counts a missing row as 0 and a destination left empty as its floor, never as a better fit', () => {
    const exact = rowsOfData();
    const usa = calibrationLoss(
      targets,
      exact.filter((r) => !(r.country === 'USA' && r.indicator === 'migrant_stock')),
    );
    const usaPoints = targets.aims.destinations.filter((p) => p.country === 'USA');
    const floorError = usaPoints.reduce((s, p) => s + Math.log(p.observed / 1000), 0);
    expect(usa.groups.destinations).toBeCloseTo(floorError / targets.aims.destinations.length, 10);
    const noCorridors = calibrationLoss(
      targets,
      exact.filter((r) => !r.indicator.startsWith('corridor_stock:')),
    );
    expect(noCorridors.groups.corridors).toBeCloseTo(100, 10);
  });

  it('refuses a row it reads that is not a count of persons, and a group without points', () => {
    const rows = rowsOfData();
    // a row it does not read may be negative (aid flows, net transfers)
    const aid = { year: 1990, indicator: 'aid_usd', country: 'SGP', value: -1.7e6 };
    expect(calibrationLoss(targets, [...rows, aid]).total).toBeCloseTo(0, 12);
    const usa = rows.findIndex(
      (r) => r.country === 'USA' && r.year === 2005 && r.indicator === 'migrant_stock',
    );
    const bad = (value: number) => rows.map((r, i) => (i === usa ? { ...r, value } : r));
    expect(() => calibrationLoss(targets, bad(NaN))).toThrow(/migrant_stock of USA in 2005 is NaN/);
    expect(() => calibrationLoss(targets, bad(-5))).toThrow(/not a count of persons/);
    expect(() => calibrationLoss(targets, bad(Infinity))).toThrow(/Infinity/);
    expect(() => calibrationLoss({ ...targets, aims: { ...targets.aims, asylum: [] } }, rows)).toThrow(
      /asylum has no observed point/,
    );
    expect(() => calibrationLoss({ ...targets, regions: [] }, rows)).toThrow(/regions/);
  });
});

describe('the ridge toward the start', () => {
  it('is 0 at the start, grows with the square of the distance in steps, and refuses bad input', () => {
    expect(ridgePenalty([1, 2], [1, 2], [0.5, 1])).toBe(0);
    expect(ridgePenalty([2, 2], [1, 2], [0.5, 1], 1)).toBeCloseTo(4, 12);
    expect(ridgePenalty([2, 4], [1, 2], [0.5, 1], 1)).toBeCloseTo(8, 12);
    expect(() => ridgePenalty([1], [1, 2], [1, 1])).toThrow(/1 coordinates, 2 start values/);
    expect(() => ridgePenalty([NaN], [1], [1])).toThrow(/coordinate 0/);
    expect(() => ridgePenalty([1], [1], [0])).toThrow(/steps of 0/);
  });
});

describe('the calibration search space', () => {
  it('covers exactly the parameters parameters.ts calls calibrated at stage 1, and decodes what it encodes', () => {
    expect(new Set(SEARCH_SPACE.map((c) => c.name))).toEqual(
      new Set(CALIBRATED.filter((n) => n !== 'remittanceShare' && n !== 'remittanceTrend')),
    );
    const p = parameters();
    const back = decode(encode(p));
    for (const c of SEARCH_SPACE) expect(back[c.name]).toBeCloseTo(p[c.name], 10);
  });

  it('searches the named parameters alone, in their order, and refuses a name stage 1 does not fit', () => {
    const space = searchSpace(['repatriationRate', 'flightShare']);
    expect(space.map((c) => c.name)).toEqual(['flightShare', 'repatriationRate']);
    const p = parameters();
    expect(Object.keys(decode(encode(p, space), space))).toEqual(['flightShare', 'repatriationRate']);
    expect(searchSpace()).toBe(SEARCH_SPACE);
    expect(() => searchSpace(['flightShare', 'betaBorder'])).toThrow(/betaBorder/);
  });
});
