/**
 * The regional-development-fund lever (docs/model.md §9.5; Overbeek 2002, §4, regional
 * initiatives): in each year in force the donors pay `share_of_donor_gdp` of their GDP (current
 * US$) into a fund, shared among the recipients in proportion to their population. The transfer is
 * added to each recipient's net ODA received (the engine's aid, §3.10), and from the year after it
 * raises the growth of the recipient's GDP per head by
 *   `developmentAidGrowthEffect` × transfer / GDP of the year before
 * (the aid–growth association of §9.5), so income per head — read by wages, aspirations and
 * commodification — is higher by exp(Σ of those terms) from then on. The donors' GDP is left as it
 * is: a transfer out of their budgets, not out of their output.
 */
import type { LeverIntervention } from '../regime/index.ts';
import type { WorldInput } from '../sim/world-input.ts';
import { inForce, inPlace } from './arms-lever.ts';
import { scaleIncome, tierOfWorld } from './world-series.ts';

/** A regional-development-fund lever as the schema writes it. */
export type DevelopmentFundLever = Extract<LeverIntervention, { lever: 'regional_development_fund' }>;

/** The transfers of a year by country (current US$; 0 outside the recipients), summed over the funds in force. */
export function fundTransfers(
  world: WorldInput,
  funds: readonly DevelopmentFundLever[],
  year: number,
): Float64Array {
  const tierOf = tierOfWorld(world);
  const n = world.iso3.length;
  const base = (year - world.span.first) * n;
  const out = new Float64Array(n);
  for (const f of funds) {
    if (!inForce(f, year) || f.share_of_donor_gdp === 0) continue;
    let paid = 0;
    let people = 0;
    const recipient: boolean[] = [];
    for (let c = 0; c < n; c++) {
      const tier = tierOf(world.iso3[c], year);
      if (inPlace(f.donors, world.iso3[c], tier))
        paid += f.share_of_donor_gdp * world.gdpPerCapitaUsd[base + c] * world.population[base + c];
      recipient[c] = inPlace(f.recipients, world.iso3[c], tier);
      if (recipient[c]) people += world.population[base + c];
    }
    if (!(paid > 0) || !(people > 0)) continue;
    for (let c = 0; c < n; c++) if (recipient[c]) out[c] += (paid * world.population[base + c]) / people;
  }
  return out;
}

/**
 * The world with the funds' transfers in the recipients' aid and their growth effect in income per
 * head (the same object where no fund pays anything: the zero-lever identity).
 */
export function withDevelopmentFunds(
  world: WorldInput,
  funds: readonly DevelopmentFundLever[],
  growthEffect: number,
): WorldInput {
  if (!funds.length) return world;
  const n = world.iso3.length;
  const oda = world.odaReceivedUsd.slice();
  const factor = new Float64Array(world.population.length).fill(1);
  const lnGain = new Float64Array(n);
  let changed = false;
  for (let year = world.span.first; year <= world.span.last; year++) {
    const base = (year - world.span.first) * n;
    for (let c = 0; c < n; c++) if (lnGain[c] !== 0) factor[base + c] = Math.exp(lnGain[c]);
    const paid = fundTransfers(world, funds, year);
    for (let c = 0; c < n; c++) {
      if (paid[c] === 0) continue;
      changed = true;
      oda[base + c] += paid[c];
      const gdp = world.gdpPerCapitaUsd[base + c] * world.population[base + c];
      if (gdp > 0) lnGain[c] += (growthEffect * paid[c]) / gdp;
    }
  }
  if (!changed) return world;
  return { ...scaleIncome(world, factor), odaReceivedUsd: oda };
}
