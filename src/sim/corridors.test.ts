import { describe, expect, it } from 'vitest';
import { simulate } from './index.ts';
import { CORRIDOR_REPORT_COUNT, CORRIDOR_REPORT_MIN, reportedCorridors } from './indicators.ts';
import { standinInput } from '../../test/support/sim/standin-input.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';
import type { WorldInput } from './world-input.ts';
import { fromWorld } from './world-input.ts';
import { loadWorld } from '../world/index.ts';

describe('corridor stocks', () => {
  it('writes corridor_stock:ORIGIN at the destination, starting from the bilateral stock', () => {
    const r = simulate(standinInput(tinyWorld(), { seed: 3, scale: 200, toYear: 1992 }));
    const get = (o: string, d: string, y: number) =>
      r.rows.find((x) => x.indicator === `corridor_stock:${o}` && x.country === d && x.year === y)?.value;
    // NBR → AAA starts at 2 M (after one year of deaths, returns and arrivals)
    expect(get('NBR', 'AAA', 1990)).toBeGreaterThan(2e6 * 0.9);
    expect(get('NBR', 'AAA', 1990)).toBeLessThan(2e6 * 1.15);
    expect(get('WAR', 'NBR', 1992)).toBeGreaterThan(0);
    // 8 country-to-country corridors in the tiny world, each once a year; none at WLD
    const rows1992 = r.rows.filter((x) => x.year === 1992 && x.indicator.startsWith('corridor_stock:'));
    expect(rows1992).toHaveLength(8);
    expect(rows1992.some((x) => x.country === 'WLD')).toBe(false);
    // a corridor is part of the destination's stock
    const stockAAA = r.rows.find(
      (x) => x.indicator === 'migrant_stock' && x.country === 'AAA' && x.year === 1992,
    )!;
    const corridorsAAA = rows1992.filter((x) => x.country === 'AAA').reduce((s, x) => s + x.value, 0);
    expect(corridorsAAA).toBeLessThanOrEqual(stockAAA.value);
  });

  it('reports the corridors of at least 1 M people and at least the 20 largest, largest first', () => {
    // 30 countries: corridor o → o+1 holds (30 − o) × 100 k people; two more of 1.5 M and 2 M
    const n = 30;
    const m = n + 2;
    const initialStock = new Float64Array(n * m);
    const add = (o: number, d: number, v: number) => {
      initialStock[d * m + o] = v;
    };
    for (let o = 0; o < n - 1; o++) add(o, o + 1, (30 - o) * 100e3);
    add(5, 0, 1.5e6);
    add(7, 0, 2e6);
    const world = {
      iso3: Array.from({ length: n }, (_, i) => `C${i}`),
      initialStock,
      corridorsOfRecord: new Int32Array(0),
    } as unknown as WorldInput;
    const got = reportedCorridors(world);
    const stocks = got.map((c) => initialStock[c.destination * m + c.origin]);
    // ≥ 1 M: 3.0 … 1.0 M on the chain (21) plus the two extra = 23 > 20
    expect(got).toHaveLength(23);
    expect(stocks.every((s) => s >= CORRIDOR_REPORT_MIN)).toBe(true);
    expect([...stocks].sort((a, b) => b - a)).toEqual(stocks);
    // fewer than 20 above 1 M: still the 20 largest
    const small = Float64Array.from(initialStock, (v) => v / 10);
    expect(reportedCorridors({ ...world, initialStock: small })).toHaveLength(CORRIDOR_REPORT_COUNT);
  });

  it('also reports the corridors of record (the largest of 1990) when a later start leaves them small', () => {
    const n = 30;
    const m = n + 2;
    const initialStock = new Float64Array(n * m);
    for (let o = 0; o < n - 1; o++) initialStock[(o + 1) * m + o] = (30 - o) * 10e3;
    // 28 → 0 holds 1,000 people at the start: far from the 20 largest, but a corridor of record
    initialStock[0 * m + 28] = 1e3;
    // 29 → 3 is of record and empty at the start: reported all the same (the whole bilateral stock is counted)
    const world = {
      iso3: Array.from({ length: n }, (_, i) => `C${i}`),
      initialStock,
      corridorsOfRecord: Int32Array.of(0 * n + 28, 3 * n + 29, 1 * n + 0),
    } as unknown as WorldInput;
    const got = reportedCorridors(world);
    expect(got).toHaveLength(CORRIDOR_REPORT_COUNT + 2);
    expect(got.slice(-2)).toEqual([
      { origin: 28, destination: 0 },
      { origin: 29, destination: 3 },
    ]);
    // 0 → 1, of record and the largest, is reported once, first
    expect(got.filter((c) => c.origin === 0 && c.destination === 1)).toHaveLength(1);
    expect(got[0]).toMatchObject({ origin: 0, destination: 1 });
  });

  it('a run from 1995 carries the corridors of record: the 20 largest of 1990 and the 100 largest of 2005', () => {
    const world = fromWorld(loadWorld({ first: 1990, last: 2005 }), 1995);
    const n = world.iso3.length;
    const names = [...world.corridorsOfRecord].map(
      (k) => `${world.iso3[k % n]}>${world.iso3[Math.floor(k / n)]}`,
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(100);
    expect(names.length).toBeLessThanOrEqual(120);
    for (const c of ['MOZ>MWI', 'MEX>USA', 'MAR>ESP', 'ECU>ESP', 'CHN>HKG']) expect(names).toContain(c);
  });
});
