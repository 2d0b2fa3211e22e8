/**
 * Commodification of labour power (docs/model.md §3.1; Overbeek 2002, §1: incorporation of
 * previously disconnected areas, proletarianisation, privatisation).
 *
 * m[c] = share of the working-age population in wage labour.
 *   income-implied share:  m*(ppp) = 1 / (1 + (subsistenceScalePpp / ppp)^1.5)
 *   start:                 m = m*(ppp at the first year)
 *   each year:             m ← max(m*(ppp), m + κ × (1 − m) + uprooted),
 *                          κ = commodificationIncorporation for ex-socialist economies 1990–2005,
 *                          commodificationBase elsewhere; uprooted = the share of the working-age
 *                          population FDI draws into wage labour this year (fdi.ts `fdiUprooted`)
 * Emigration aspirations scale with m / m*(ppp): commodification beyond what income alone implies
 * (the break-up of subsistence and state-socialist employment) enlarges the pool of potential movers.
 */
import type { Parameters } from '../parameters.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import { fdiUprooted } from './fdi.ts';

/** The wage-labour share implied by income alone. */
export function incomeImpliedCommodification(ppp: number, p: Parameters): number {
  return 1 / (1 + Math.pow(p.subsistenceScalePpp / Math.max(ppp, 1), 1.5));
}

/** The starting shares. */
export function initialCommodification(world: WorldInput, year: number, p: Parameters): Float64Array {
  const n = world.iso3.length;
  const m = new Float64Array(n);
  for (let c = 0; c < n; c++)
    m[c] = incomeImpliedCommodification(world.gdpPerCapitaPpp[at(world, year, c)], p);
  return m;
}

/** One year of commodification, in place (`fdiJobs`: the wage jobs FDI created this year, fdi.ts). */
export function commodificationKernel(
  m: Float64Array,
  world: WorldInput,
  year: number,
  p: Parameters,
  fdiJobs?: ArrayLike<number>,
): void {
  for (let c = 0; c < m.length; c++) {
    const k = at(world, year, c);
    const implied = incomeImpliedCommodification(world.gdpPerCapitaPpp[k], p);
    const kappa =
      world.exSocialist[c] && year <= 2005 ? p.commodificationIncorporation : p.commodificationBase;
    const uprooted = fdiJobs ? fdiUprooted(fdiJobs[c], world.workingAgePopulation[k], m[c], p) : 0;
    m[c] = Math.max(implied, Math.min(1, m[c] + kappa * (1 - m[c]) + uprooted));
  }
}

/** The aspiration multiplier m / m*(ppp) of each country. */
export function commodificationPressure(
  m: Float64Array,
  world: WorldInput,
  year: number,
  p: Parameters,
): Float64Array {
  const out = new Float64Array(m.length);
  for (let c = 0; c < m.length; c++)
    out[c] = m[c] / incomeImpliedCommodification(world.gdpPerCapitaPpp[at(world, year, c)], p);
  return out;
}
