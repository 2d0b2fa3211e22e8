import { describe, expect, it } from 'vitest';
import { compareEnsembles, pairedDifference, summarize, tQuantile95 } from './stats.ts';
import type { IndicatorRow } from '../store/index.ts';

describe('ensemble statistics', () => {
  it('gives the t quantile from the table and its large-df approximation', () => {
    expect(tQuantile95(1)).toBe(6.3138);
    expect(tQuantile95(4)).toBe(2.1318);
    expect(tQuantile95(30)).toBe(1.6973);
    expect(tQuantile95(60)).toBeCloseTo(1.6706, 3);
    expect(tQuantile95(120)).toBeCloseTo(1.6577, 3);
    expect(Number.isNaN(tQuantile95(0))).toBe(true);
  });

  it('computes the mean and the 90% t-interval of the mean', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    const half = (2.1318 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(s.lo).toBeCloseTo(3 - half, 12);
    expect(s.hi).toBeCloseTo(3 + half, 12);
    expect(s.n).toBe(5);
  });

  it('has no interval for one seed and skips NaN values', () => {
    const one = summarize([7]);
    expect(one.mean).toBe(7);
    expect(Number.isNaN(one.lo) && Number.isNaN(one.hi)).toBe(true);
    expect(summarize([NaN, 2, 4]).n).toBe(2);
    expect(Number.isNaN(summarize([]).mean)).toBe(true);
  });

  it('pairs differences by seed, so shared seed noise cancels', () => {
    // A and B vary a lot across seeds but B is always A + 10: the paired interval is exactly 10.
    const a = [100, 250, 40, 900];
    const b = a.map((x) => x + 10);
    const d = pairedDifference(a, b);
    expect(d.mean).toBe(10);
    expect(d.lo).toBeCloseTo(10, 12);
    expect(d.hi).toBeCloseTo(10, 12);
    // unpaired, the interval would be wide
    const sa = summarize(a);
    expect(sa.hi - sa.lo).toBeGreaterThan(500);
  });

  it('summarises each regime and the differences from the first, per year and indicator, world rows only', () => {
    const row = (year: number, value: number, country = 'WLD'): IndicatorRow => ({
      year,
      indicator: 'migrant_stock',
      country,
      value,
    });
    const members = [
      { regime: 'a', seed: 1, rows: [row(1990, 10), row(1991, 11), row(1990, 5, 'USA')] },
      { regime: 'a', seed: 2, rows: [row(1990, 12), row(1991, 13)] },
      { regime: 'b', seed: 1, rows: [row(1990, 20), row(1991, 30)] },
      { regime: 'b', seed: 2, rows: [row(1990, 22), row(1991, 31)] },
    ];
    const stats = compareEnsembles(members, ['a', 'b'], [1, 2]);
    expect(stats.map((s) => [s.year, s.kind, s.label, s.mean, s.n])).toEqual([
      [1990, 'regime', 'a', 11, 2],
      [1990, 'regime', 'b', 21, 2],
      [1990, 'difference', 'b-a', 10, 2],
      [1991, 'regime', 'a', 12, 2],
      [1991, 'regime', 'b', 30.5, 2],
      [1991, 'difference', 'b-a', 18.5, 2],
    ]);
    const d1991 = stats[5];
    // differences 19 and 18: sd = 0.7071, half-width = 6.3138 * 0.7071 / √2 = 3.1569
    expect(d1991.lo).toBeCloseTo(18.5 - 3.1569, 3);
  });
});
