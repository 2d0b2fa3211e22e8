import { describe, expect, it } from 'vitest';
import { parameters } from '../parameters.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import type { WorldInput } from '../world-input.ts';
import { DEMAND_BOUNDS, labourDemand } from './labour-demand.ts';

/** The tiny world with AAA's employment growing by `jobs` a year and everything else as given. */
function withJobs(jobs: number, employment = true): WorldInput {
  const w = tinyWorld();
  const n = w.iso3.length;
  const years = w.span.last - w.span.first + 1;
  const e = Float64Array.from(w.employment);
  for (let t = 0; t < years; t++) e[t * n] = employment ? 27e6 * (1 + jobs) ** t : NaN;
  return { ...w, employment: e };
}

describe('labour demand', () => {
  const p = parameters();
  it('is the growth of jobs above that of the working-age population, a share a year', () => {
    // the tiny world's working-age population grows by 1% of 1990's a year: ≈ 0.95% a year in 1994–97
    const d = labourDemand(withJobs(0.04), 1997, p, true)[0];
    expect(d).toBeGreaterThan(0.028);
    expect(d).toBeLessThan(0.032);
  });
  it('counts a shrinking market as no demand, and caps a boom', () => {
    expect(labourDemand(withJobs(-0.03), 1997, p, true)[0]).toBe(DEMAND_BOUNDS.low);
    expect(labourDemand(withJobs(0.5), 1997, p, true)[0]).toBe(DEMAND_BOUNDS.high);
  });
  it('takes employmentElasticity × the growth of real GDP where there is no employment', () => {
    const w = withJobs(0, false);
    const gdpGrowth = (w.gdpPpp[7 * 4] / w.gdpPpp[4 * 4]) ** (1 / 3) - 1;
    const wapGrowth = (w.workingAgePopulation[7 * 4] / w.workingAgePopulation[4 * 4]) ** (1 / 3) - 1;
    const expected = Math.max(0, p.employmentElasticity * gdpGrowth - wapGrowth);
    expect(labourDemand(w, 1997, p, true)[0]).toBeCloseTo(expected, 12);
  });
  it('is 0 everywhere without the mechanism', () => {
    expect([...labourDemand(withJobs(0.04), 1997, p, false)]).toEqual([0, 0, 0, 0]);
  });
});
