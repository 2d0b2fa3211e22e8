/**
 * The agricultural-support lever (docs/model.md §9.3): support in the core states → world
 * agricultural prices → rural incomes elsewhere. Support at `multiplier` m of its historical level
 * in the countries of the lever moves world agricultural prices by
 *   Δ ln P = effect × (1 − m) × w,
 * `effect` the literature's price rise if the core removed all its support
 * (`agriculturalSupportWorldPriceEffect`), w the countries' share of the core's GDP (the proxy for
 * their share of its support: no OECD producer support estimates are shipped,
 * data/world/SOURCES-rootcauses.md). Every country outside the lever then earns
 *   income per head × (1 + agriculture's share of GDP × Δ ln P),
 * the first-order gain of its farmers at unchanged quantities (WDI agriculture value added, % of
 * GDP, data/world/SOURCES-rootcauses.md). The engine reads income per head for wages, aspirations
 * and commodification (§3.1, §3.3, §3.9), so rural exit answers through them.
 */
import type { LeverIntervention } from '../regime/index.ts';
import type { WorldInput } from '../sim/world-input.ts';
import { inForce, inPlace } from './arms-lever.ts';
import type { CountryYearSeries } from './panel.ts';
import { shareSeriesReader } from './panel.ts';
import { gdpOfCountries, nearestYearValue, scaleIncomeBy } from './world-series.ts';

/** An agricultural-support lever as the schema writes it. */
export type AgriculturalSupportLever = Extract<LeverIntervention, { lever: 'agricultural_support' }>;

/** Agriculture's share of GDP (0–1) by country and year (WDI via Gapminder, data/world/economy/). */
export const readAgricultureShare = shareSeriesReader('agricultureShare', 'agriculture_pct_gdp');

/** Share of the core's GDP (current US$) produced by the countries of a lever in a year. */
export function shareOfCoreGdp(world: WorldInput, lever: AgriculturalSupportLever, year: number): number {
  const core = gdpOfCountries(world, year, (_, tier) => tier === 'core');
  const placed = gdpOfCountries(world, year, (iso3, tier) => inPlace(lever.countries, iso3, tier));
  return core > 0 ? Math.min(1, placed / core) : 0;
}

/** Δ ln of world agricultural prices in a year under the levers in force (0: history). */
export function worldAgriculturalPriceChange(
  world: WorldInput,
  levers: readonly AgriculturalSupportLever[],
  year: number,
  effect: number,
): number {
  let d = 0;
  for (const l of levers)
    if (inForce(l, year) && l.multiplier !== 1)
      d += effect * (1 - l.multiplier) * shareOfCoreGdp(world, l, year);
  return d;
}

/**
 * The world with income per head of the countries outside the levers scaled by agricultural
 * prices (the same object where prices do not move: the zero-lever identity). A country without
 * agricultural data in any year takes no part (share 0); otherwise the nearest year's share.
 */
export function withAgriculturalSupport(
  world: WorldInput,
  levers: readonly AgriculturalSupportLever[],
  agricultureShare: CountryYearSeries,
  effect: number,
): WorldInput {
  if (!levers.length || effect === 0) return world;
  return scaleIncomeBy(world, (year) => {
    const dlnP = worldAgriculturalPriceChange(world, levers, year, effect);
    if (dlnP === 0) return undefined;
    return (iso3, tier) => {
      if (levers.some((l) => inForce(l, year) && inPlace(l.countries, iso3, tier))) return 1;
      const share = nearestYearValue(agricultureShare, iso3, year) ?? 0;
      return share === 0 ? 1 : Math.max(0, 1 + share * dlnP);
    };
  });
}
