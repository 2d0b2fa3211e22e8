/**
 * Tier of each country per year: core, semi-periphery or periphery (world-systems terms, Overbeek 2002, §1).
 *
 * **Rule.** r = GDP per capita of the country (current US$, WDI) / world GDP per capita of the same
 * year (population-weighted over the model countries with data):
 *   core            r ≥ 1.2
 *   semi-periphery  0.4 ≤ r < 1.2
 *   periphery       r < 0.4
 * The two thresholds were chosen on the data: over a grid of thresholds they give the best
 * agreement (94 % of 182 countries) between the 2023 tiering and the World Bank income groups in
 * Gapminder's country groups (high income ↔ core, upper-middle ↔ semi-periphery, lower-middle and
 * low ↔ periphery; Gapminder, CC BY 4.0). The World Bank's own thresholds are fixed in real terms
 * while this rule is relative to the world of each year, as the core–periphery notion is.
 * With it 1995 puts Mexico, Poland, Hungary and Czechia in the semi-periphery and Spain, Portugal,
 * Greece and South Korea in the core, as the seed describes the period.
 *
 * **Gaps.** GDP per capita is already interpolated across interior gaps. A year still missing takes
 * the ratio of the nearest year with data (source `nearest-year`); a country with no GDP at all in
 * the span (TWN, PRK, …) takes its income-group snapshot (source `income-group`); a dependent
 * territory with neither takes its sovereign's tier of the year (source `sovereign`: Réunion and
 * Guadeloupe are core like France); a country with none of these is `unclassified`.
 */
import type { Country } from './countries.ts';
import type { YearSpan } from './panel.ts';
import { yearCount } from './panel.ts';

/** Tier codes stored in the tier arrays. */
export const TIER = { core: 0, semiPeriphery: 1, periphery: 2, unclassified: 3 } as const;

/** Tier names by code. */
export const TIER_NAMES = ['core', 'semi-periphery', 'periphery', 'unclassified'] as const;

/** Name of a tier. */
export type TierName = (typeof TIER_NAMES)[number];

/** Where a country-year's tier came from, by code. */
export const TIER_SOURCES = ['gdp-ratio', 'nearest-year', 'income-group', 'none', 'sovereign'] as const;

/** Lower bound of r for the core. */
export const CORE_MIN_RATIO = 1.2;
/** Lower bound of r for the semi-periphery. */
export const SEMI_PERIPHERY_MIN_RATIO = 0.4;

/** Tier from a GDP-per-capita ratio to the world. */
export function tierOfRatio(ratio: number): number {
  return ratio >= CORE_MIN_RATIO
    ? TIER.core
    : ratio >= SEMI_PERIPHERY_MIN_RATIO
      ? TIER.semiPeriphery
      : TIER.periphery;
}

/** Tier from the World Bank income-group snapshot. */
export function tierOfIncomeGroup(group: Country['incomeGroupSnapshot']): number {
  switch (group) {
    case 'high_income':
      return TIER.core;
    case 'upper_middle_income':
      return TIER.semiPeriphery;
    case 'lower_middle_income':
    case 'low_income':
      return TIER.periphery;
    default:
      return TIER.unclassified;
  }
}

/** Tiers per country-year (panel layout), with the GDP ratio and the source of each. */
export interface Tiers {
  /** Tier code per country-year (see `TIER`), year-major like every panel. */
  tier: Uint8Array;
  /** Source code per country-year (index into `TIER_SOURCES`). */
  source: Uint8Array;
  /** r = GDP per capita / world GDP per capita; NaN where no GDP was available. */
  ratio: Float64Array;
  /** World GDP per capita of each year (current US$). */
  worldGdpPerCapita: Float64Array;
}

/**
 * Derives tiers for every country-year.
 * @param gdpPerCapita GDP per capita panel (current US$), interior gaps already filled
 * @param population population panel over the same span
 */
export function deriveTiers(
  countries: readonly Country[],
  span: YearSpan,
  gdpPerCapita: Float64Array,
  population: Float64Array,
): Tiers {
  const n = countries.length;
  const years = yearCount(span);
  const ratio = new Float64Array(years * n).fill(NaN);
  const worldGdpPerCapita = new Float64Array(years);
  for (let t = 0; t < years; t++) {
    let gdp = 0;
    let pop = 0;
    for (let c = 0; c < n; c++) {
      const g = gdpPerCapita[t * n + c];
      const p = population[t * n + c];
      if (g === g && p === p) {
        gdp += g * p;
        pop += p;
      }
    }
    worldGdpPerCapita[t] = pop > 0 ? gdp / pop : NaN;
    for (let c = 0; c < n; c++) ratio[t * n + c] = gdpPerCapita[t * n + c] / worldGdpPerCapita[t];
  }
  const tier = new Uint8Array(years * n);
  const source = new Uint8Array(years * n);
  for (let c = 0; c < n; c++) {
    for (let t = 0; t < years; t++) {
      let r = ratio[t * n + c];
      let src = 0;
      if (Number.isNaN(r)) {
        r = nearestObserved(ratio, n, years, c, t);
        src = Number.isNaN(r) ? 2 : 1;
      }
      const code = src === 2 ? tierOfIncomeGroup(countries[c].incomeGroupSnapshot) : tierOfRatio(r);
      tier[t * n + c] = code;
      source[t * n + c] = code === TIER.unclassified ? 3 : src;
    }
  }
  const index = new Map(countries.map((c, i) => [c.iso3, i]));
  for (let c = 0; c < n; c++) {
    const s = index.get(countries[c].sovereign);
    if (s === undefined) continue;
    for (let t = 0; t < years; t++) {
      if (tier[t * n + c] !== TIER.unclassified || tier[t * n + s] === TIER.unclassified) continue;
      tier[t * n + c] = tier[t * n + s];
      source[t * n + c] = 4;
    }
  }
  return { tier, source, ratio, worldGdpPerCapita };
}

/** The value of the nearest year with data (earlier year wins a tie), or NaN. */
function nearestObserved(ratio: Float64Array, n: number, years: number, c: number, t: number): number {
  for (let k = 1; k < years; k++) {
    if (t - k >= 0 && !Number.isNaN(ratio[(t - k) * n + c])) return ratio[(t - k) * n + c];
    if (t + k < years && !Number.isNaN(ratio[(t + k) * n + c])) return ratio[(t + k) * n + c];
  }
  return NaN;
}
