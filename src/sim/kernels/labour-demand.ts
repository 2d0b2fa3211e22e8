/**
 * Labour demand at destinations: how much faster jobs grow there than the working-age population
 * that could fill them. Migrants fill the gap (the pull of destination labour markets: Mayda 2010,
 * J. Pop. Econ. 23:1249; Hanson & McIntosh 2010 on US demand and Mexican emigration): Spain's
 * construction and services boom of 1995–2007 (jobs +3.6% a year against +1% of people of working
 * age), and the oil-driven growth of the Gulf (employment +5 to +20% a year in 2005–10, PWT).
 *
 *   jobs growth[j]   = (E[j, t] / E[j, t − 3])^(1/3) − 1, E = persons engaged (PWT); where PWT has
 *                      no employment (66 countries; every country after 2019), employmentElasticity
 *                      × the growth of real GDP (GDP per capita PPP × population) over the same years
 *   people growth[j] = the same growth of the working-age population (UN WPP)
 *   demand[j]        = min(0.15, max(0, jobs growth − people growth))   (a share a year: a shrinking
 *                      market repels no more than its wages and unemployment already say)
 *
 * The working-age population counts the migrants already there, so demand is the gap they have not
 * yet filled. The decisions add betaLabourDemand × demand / 0.01 to the utility of the channels that
 * lead to work (labour, temporary labour, irregular entry), and the choice sets weigh it
 * (move/choice-set.ts). Without the `labour-demand` mechanism the demand is 0.
 */
import type { Parameters } from '../parameters.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';

/** Years over which growth is measured (annualised): long enough to smooth a year's noise. */
export const DEMAND_YEARS = 3;

/** Bounds of the demand, a share a year: a collapse or a boom beyond these says nothing more. */
export const DEMAND_BOUNDS = { low: 0, high: 0.15 } as const;

/** The labour demand is measured in percentage points a year in the utility. */
export const DEMAND_UNIT = 0.01;

const annualGrowth = (now: number, before: number) =>
  now > 0 && before > 0 ? (now / before) ** (1 / DEMAND_YEARS) - 1 : NaN;

/** The labour demand of every country this year, a share a year (0 for all without the mechanism). */
export function labourDemand(world: WorldInput, year: number, p: Parameters, on: boolean): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n);
  if (!on) return out;
  for (let j = 0; j < n; j++) {
    const now = at(world, year, j);
    const before = at(world, year - DEMAND_YEARS, j);
    let jobs = annualGrowth(world.employment[now], world.employment[before]);
    if (!Number.isFinite(jobs))
      jobs = p.employmentElasticity * annualGrowth(world.gdpPpp[now], world.gdpPpp[before]);
    const people = annualGrowth(world.workingAgePopulation[now], world.workingAgePopulation[before]);
    const gap = jobs - (Number.isFinite(people) ? people : 0);
    out[j] = Number.isFinite(gap) ? Math.min(DEMAND_BOUNDS.high, Math.max(DEMAND_BOUNDS.low, gap)) : 0;
  }
  return out;
}
