/** Helpers the root-cause levers share to read and change the engine's world series (docs/model.md §9.4). */
import type { Tier } from '../regime/index.ts';
import type { WorldInput } from '../sim/world-input.ts';
import type { CountryYearSeries } from './panel.ts';

/** The engine's tier codes (world-input.ts: 0 core, 1 semi-periphery, 2 periphery). */
const TIER_OF_CODE: readonly Tier[] = ['core', 'semi_periphery', 'periphery', 'periphery'];

/** A country's tier in a year as the engine's world gives it (years outside the span: the nearest). */
export function tierOfWorld(world: WorldInput): (iso3: string, year: number) => Tier | undefined {
  const n = world.iso3.length;
  const index = new Map(world.iso3.map((c, i) => [c, i]));
  return (iso3, year) => {
    const c = index.get(iso3);
    if (c === undefined) return undefined;
    const y = Math.min(Math.max(year, world.span.first), world.span.last);
    return TIER_OF_CODE[world.tier[(y - world.span.first) * n + c]];
  };
}

/** GDP (current US$) in a year of the countries `keep` accepts, by name and tier. */
export function gdpOfCountries(
  world: WorldInput,
  year: number,
  keep: (iso3: string, tier: Tier | undefined) => boolean,
): number {
  const tierOf = tierOfWorld(world);
  const n = world.iso3.length;
  let gdp = 0;
  for (let c = 0; c < n; c++) {
    const k = (year - world.span.first) * n + c;
    if (keep(world.iso3[c], tierOf(world.iso3[c], year)))
      gdp += world.gdpPerCapitaUsd[k] * world.population[k];
  }
  return gdp;
}

/** A series' value in the year nearest to `year` (the earlier on a tie), or undefined where it has none. */
export function nearestYearValue(s: CountryYearSeries, iso3: string, year: number): number | undefined {
  const byYear = s.get(iso3);
  if (!byYear?.size) return undefined;
  const exact = byYear.get(year);
  if (exact !== undefined) return exact;
  let best: number | undefined;
  let distance = Infinity;
  for (const [y, v] of byYear) {
    const d = Math.abs(y - year);
    if (d < distance || (d === distance && y < year)) [best, distance] = [v, d];
  }
  return best;
}

/** A year's income factor of a country, by name and tier (1: unchanged). */
export type IncomeFactor = (iso3: string, tier: Tier | undefined) => number;

/**
 * The world with income scaled country by country and year by year: `factorsOf(year)` gives the
 * year's factors (undefined: the year is unchanged). The same object where every factor is 1 (the
 * zero-lever identity).
 */
export function scaleIncomeBy(
  world: WorldInput,
  factorsOf: (year: number) => IncomeFactor | undefined,
): WorldInput {
  const tierOf = tierOfWorld(world);
  const n = world.iso3.length;
  const factor = new Float64Array(world.population.length).fill(1);
  let changed = false;
  for (let year = world.span.first; year <= world.span.last; year++) {
    const factorOf = factorsOf(year);
    if (!factorOf) continue;
    for (let c = 0; c < n; c++) {
      const f = factorOf(world.iso3[c], tierOf(world.iso3[c], year));
      if (f === 1) continue;
      factor[(year - world.span.first) * n + c] = f;
      changed = true;
    }
  }
  return changed ? scaleIncome(world, factor) : world;
}

/** The world with income per head (US$, PPP) and real GDP multiplied by a factor per country-year. */
export function scaleIncome(world: WorldInput, factor: Float64Array): WorldInput {
  const usd = world.gdpPerCapitaUsd.slice();
  const ppp = world.gdpPerCapitaPpp.slice();
  const gdpPpp = world.gdpPpp.slice();
  for (let k = 0; k < factor.length; k++) {
    if (factor[k] === 1) continue;
    usd[k] *= factor[k];
    ppp[k] *= factor[k];
    gdpPpp[k] *= factor[k];
  }
  return { ...world, gdpPerCapitaUsd: usd, gdpPerCapitaPpp: ppp, gdpPpp };
}
