import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { PanelObservation } from './fixed-effects.ts';
import { fitPanelOls, fitPanelPpml, informativeObservations, twoWayDesign } from './fixed-effects.ts';

/** A panel with country and year effects and a known slope; deterministic for the seed. */
function syntheticPanel(slope: number, kind: 'count' | 'log', seed = 7): PanelObservation[] {
  const rng = xoroshiro128plus(seed);
  const uniform = () => (uniformInt(rng, 0, 1_000_000) + 0.5) / 1_000_001;
  const out: PanelObservation[] = [];
  for (let u = 0; u < 40; u++) {
    const unitEffect = (u % 7) * 0.3 - 1;
    for (let year = 2000; year < 2015; year++) {
      const x = Math.log1p(uniform() * 50 + u);
      // a negative slope starts higher, so that its means stay well above 0
      const eta = (slope < 0 ? 3 : 0) + unitEffect + (year - 2000) * 0.05 + slope * x;
      if (kind === 'count') {
        // Poisson draw by inversion (small means), so PPML is the right estimator.
        const mean = Math.exp(eta);
        let k = 0;
        let p = Math.exp(-mean);
        let cdf = p;
        const r = uniform();
        while (r > cdf && k < 1000) {
          k++;
          p *= mean / k;
          cdf += p;
        }
        out.push({ unit: `U${u}`, year, x: [x], y: k });
      } else out.push({ unit: `U${u}`, year, x: [x], y: eta + (uniform() - 0.5) * 0.2 });
    }
  }
  return out;
}

describe('panel regressions with two-way fixed effects', () => {
  it('PPML recovers a known elasticity within its 90% interval', () => {
    const fit = fitPanelPpml(syntheticPanel(0.5, 'count'), ['x']);
    const c = fit.coefficients[0];
    expect(c.interval90[0]).toBeLessThan(0.5);
    expect(c.interval90[1]).toBeGreaterThan(0.5);
    expect(c.standardError).toBeGreaterThan(0);
    expect(fit.units).toBe(40);
  });

  it('PPML finds no effect where there is none, and a negative one where it is negative', () => {
    const none = fitPanelPpml(syntheticPanel(0, 'count', 3), ['x']).coefficients[0];
    expect(none.interval90[0]).toBeLessThan(0);
    expect(none.interval90[1]).toBeGreaterThan(0);
    const negative = fitPanelPpml(syntheticPanel(-0.8, 'count', 5), ['x']).coefficients[0];
    expect(negative.interval90[1]).toBeLessThan(0);
  });

  it('least squares recovers a known slope with the fixed effects absorbed', () => {
    const c = fitPanelOls(syntheticPanel(0.3, 'log'), ['x']).coefficients[0];
    expect(Math.abs(c.estimate - 0.3)).toBeLessThan(0.02);
    expect(c.interval90[0]).toBeLessThan(0.3);
    expect(c.interval90[1]).toBeGreaterThan(0.3);
  });

  it('drops the countries and years PPML cannot use (an outcome that is always 0)', () => {
    const obs: PanelObservation[] = [
      { unit: 'A', year: 1, x: [1], y: 0 },
      { unit: 'A', year: 2, x: [2], y: 0 },
      { unit: 'B', year: 1, x: [1], y: 3 },
      { unit: 'B', year: 2, x: [2], y: 1 },
      { unit: 'C', year: 1, x: [1], y: 0 },
      { unit: 'C', year: 3, x: [2], y: 0 },
    ];
    const kept = informativeObservations(obs, 'ppml');
    expect(kept.map((o) => `${o.unit}${o.year}`)).toEqual(['B1', 'B2']);
  });

  it('builds one dummy per country and year but the first', () => {
    const { rows, units, years } = twoWayDesign([
      { unit: 'B', year: 2001, x: [5], y: 0 },
      { unit: 'A', year: 2000, x: [6], y: 0 },
    ]);
    expect(units).toEqual(['A', 'B']);
    expect(years).toEqual([2000, 2001]);
    expect(Array.from(rows[0])).toEqual([1, 5, 1, 1]);
    expect(Array.from(rows[1])).toEqual([1, 6, 0, 0]);
  });
});
