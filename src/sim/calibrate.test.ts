import { describe, expect, it } from 'vitest';
import { loadWorld } from '../world/index.ts';
import { CALIBRATION_YEARS, LOSS_GROUPS, calibrationLoss, calibrationTargets } from './calibration-loss.ts';
import { SEARCH_SPACE, decode, encode, searchSpace } from './calibration-space.ts';
import type { IndicatorRow } from './indicators.ts';
import { CALIBRATED, parameters } from './parameters.ts';

const world = loadWorld({ first: 1990, last: 2005 });
const targets = calibrationTargets(world);

/** Rows that say what the data say at every point of the loss (× factor), a region's stock on one of its countries. */
function rowsOfData(factor = 1): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const g of LOSS_GROUPS)
    for (const p of targets[g])
      rows.push({
        year: p.year,
        indicator: p.indicator,
        country: p.countries[0],
        value: p.observed * factor,
      });
  return rows;
}

describe('the calibration loss', () => {
  it('reads only the years 1990–2005, per destination, corridor, country of asylum, region and the world', () => {
    for (const g of LOSS_GROUPS) {
      expect(targets[g].length).toBeGreaterThan(0);
      for (const p of targets[g]) expect(p.year).toBeLessThanOrEqual(CALIBRATION_YEARS.last);
    }
    expect(new Set(targets.destinations.map((p) => p.countries[0])).size).toBe(60);
    expect(new Set(targets.corridors.map((p) => `${p.indicator}>${p.countries[0]}`)).size).toBe(100);
    expect(targets.asylum).toHaveLength(16 * 10);
  });

  it('is 0 for a run that says what the data say and grows with the log error of each group', () => {
    // a region's points sum its countries: write each region's observed value on its first country
    const exact = calibrationLoss(targets, rowsOfData());
    for (const g of LOSS_GROUPS) if (g !== 'regions') expect(exact.groups[g]).toBeLessThan(1e-6);
    const high = calibrationLoss(targets, rowsOfData(2));
    expect(high.groups['world-stock']).toBeCloseTo(Math.log(2) ** 2, 2);
    expect(high.total).toBeGreaterThan(exact.total);
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
