import { describe, expect, it } from 'vitest';
import { refugeeCorridors, startingCorridors } from './init.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

describe('starting refugees', () => {
  it('keeps the asylum-country totals when the refugee corridor is smaller than the country’s refugees', () => {
    // AAA hosts 1.5 M refugees but only 1 M people born in WAR: 0.5 M go to its other migrants
    const world = tinyWorld();
    const n = world.iso3.length;
    const m = n + 2;
    const refugeesByAsylum = Float64Array.from([1.5e6, 100e3, 1e6, 0]);
    const r = refugeeCorridors({
      ...world,
      refugeesByAsylum,
      refugeesByOrigin: Float64Array.from([0, 0, 0, 2.6e6]),
    });
    for (let d = 0; d < n; d++) {
      let sum = 0;
      for (let o = 0; o < n; o++) {
        sum += r[d * n + o];
        expect(r[d * n + o]).toBeLessThanOrEqual(world.initialStock[d * m + o] + 1e-6);
      }
      expect(sum).toBeCloseTo(refugeesByAsylum[d], -2);
    }
    // the corridor from WAR is full, the rest sits with AAA's other migrants of model origins
    expect(r[0 * n + 3]).toBeCloseTo(1e6, -2);
    expect(r[0 * n + 2]).toBeGreaterThan(0);
  });
});

describe('starting refugees from UNHCR’s corridors of the starting year', () => {
  // n = 4 (AAA, BBB, NBR, WAR), stock lines n + 2; table and refugees d × n
  const world = tinyWorld();
  const n = world.iso3.length;
  const m = n + 2;
  const total = (stock: Float64Array, d: number) =>
    stock.slice(d * m, (d + 1) * m).reduce((a, b) => a + b, 0);
  const table = new Float64Array(n * n);
  table[0 * n + 3] = 1.2e6; // AAA hosts 1.2 M from WAR, but only 1 M born in WAR live there
  table[2 * n + 3] = 2e6; // NBR hosts 2 M from WAR, more than its 1.5 M migrants
  const input = {
    ...world,
    refugeesByCorridor: table,
    refugeesByAsylum: Float64Array.from([1.5e6, 0, 2e6, 0]),
    refugeesByOrigin: Float64Array.from([0, 0, 0, 3.2e6]),
  };

  it('relabels the country’s other migrants as the short corridor’s refugees, keeping its migrant total', () => {
    const { stock, refugees } = startingCorridors(input);
    expect(stock[0 * m + 3]).toBeCloseTo(1.2e6, -1);
    expect(refugees[0 * n + 3]).toBeCloseTo(1.2e6, -1);
    // the 0.2 M come from BBB, NBR and unknown origin in proportion to their 0.5, 2 and 0.2 M
    expect(world.initialStock[0 * m + 2] - stock[0 * m + 2]).toBeCloseTo((0.2e6 * 2) / 2.7, -1);
    expect(world.initialStock[0 * m + n + 1] - stock[0 * m + n + 1]).toBeCloseTo((0.2e6 * 0.2) / 2.7, -1);
    for (let d = 0; d < n; d++) expect(total(stock, d)).toBeCloseTo(total(world.initialStock, d), -1);
  });

  it('puts the rest of the country’s total (origins UNHCR does not name) on its other migrants', () => {
    const { stock, refugees } = startingCorridors(input);
    // WAR, the only origin with refugees, has no room left in AAA: the 0.3 M go to BBB and NBR by room
    const others = refugees[0 * n + 1] + refugees[0 * n + 2];
    expect(others).toBeCloseTo(0.3e6, -1);
    expect(refugees[0 * n + 1] / refugees[0 * n + 2]).toBeCloseTo(stock[0 * m + 1] / stock[0 * m + 2], 6);
  });

  it('cuts the corridors of a country with fewer migrants than UNHCR’s refugees', () => {
    const { stock, refugees } = startingCorridors(input);
    expect(refugees[2 * n + 3]).toBeCloseTo(1.5e6, -1);
    expect(stock[2 * m + 3]).toBeCloseTo(1.5e6, -1);
  });

  it('fits the two margins to the stock without a corridor table', () => {
    const none = startingCorridors({ ...input, refugeesByCorridor: new Float64Array(n * n) });
    expect(none.stock).toEqual(world.initialStock);
    expect(none.refugees).toEqual(refugeeCorridors(input));
  });
});
