import { describe, expect, it } from 'vitest';
import {
  discrepancyInterval,
  discrepancySigma,
  ensembleInterval,
  groupCoverage,
  mixtureQuantile,
} from './discrepancy.ts';

describe('the model discrepancy', () => {
  it('is the root mean square of the log residuals against the members’ median', () => {
    const pts = [
      { year: 1995, observed: Math.E * 1000 - 0, members: [1000, 1000, 1000] },
      { year: 2000, observed: 1000 / Math.E, members: [1000, 1000, 1000] },
    ];
    expect(discrepancySigma(pts, 0)).toBeCloseTo(1, 10);
    expect(() => discrepancySigma([], 0)).toThrow(/at least one point/);
  });

  it('gives the normal quantile for one member and widens the interval with σ', () => {
    expect(mixtureQuantile([0], 1, 0.95)).toBeCloseTo(1.6449, 3);
    expect(mixtureQuantile([0], 1, 0.05)).toBeCloseTo(-1.6449, 3);
    const [lo, hi] = discrepancyInterval([100, 200, 300], 0.5, 0);
    const [plo, phi] = ensembleInterval([100, 200, 300]);
    expect(lo).toBeLessThan(plo);
    expect(hi).toBeGreaterThan(phi);
    expect(discrepancyInterval([100, 200, 300], 0, 0)).toEqual([plo, phi]);
  });

  it('estimates σ on the years up to 2000 and checks only the later points', () => {
    // the model is off by a factor e^0.3 everywhere; the members spread by ±1%
    const pts = [1995, 2000, 2001, 2005].flatMap((year) =>
      [1, 2, 3, 4, 5].map((c) => ({
        year,
        observed: 1000 * c * Math.exp(0.3),
        members: [0.99, 1, 1.01].map((f) => 1000 * c * f),
      })),
    );
    const c = groupCoverage(pts, 0);
    expect(c.fitPoints).toBe(10);
    expect(c.checkPoints).toBe(10);
    expect(c.sigma).toBeCloseTo(0.3, 6);
    expect(c.parametersOnly).toBe(0);
    expect(c.checkParametersOnly).toBe(0);
    // a bias of exactly σ lies inside ±1.645σ
    expect(c.checkWithDiscrepancy).toBe(1);
    expect(c.widthWithDiscrepancy!).toBeGreaterThan(c.widthParametersOnly);
  });
});
