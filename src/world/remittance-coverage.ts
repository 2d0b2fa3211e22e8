/**
 * Which countries report their remittances received in a year (WDI), so that a model total is
 * compared with the data over the same countries.
 */
import type { World } from './world.ts';

/**
 * The ISO3 codes of the model countries whose remittances received in `year` the WDI report: 110 of
 * them in 1990, 151 in 2000, 200 from 2005 (the shipped data). The world sum of the data covers them
 * alone, so a model's is taken over the same countries: summed over every country, the model would
 * be compared with a total whose coverage grows by half in 1990–2005, and the calibration of
 * `remittanceTrend` would take that growth of reporting for growth of remittances.
 */
export function remittanceReporters(world: World, year: number): string[] {
  if (year < world.span.first || year > world.span.last) return [];
  const countries = world.countries.countries;
  const n = countries.length;
  const rem = world.series.remittancesReceivedUsd;
  return countries
    .filter((_, c) => Number.isFinite(rem[(year - world.span.first) * n + c]))
    .map((c) => c.iso3);
}

/**
 * The model's remittances received in `year`, summed over the countries that report them in the data
 * (`remittanceReporters`); `undefined` where the model has none of them.
 */
export function modelRemittancesOfReporters(
  world: World,
  year: number,
  get: (country: string) => number | undefined,
): number | undefined {
  let sum = 0;
  let seen = false;
  for (const iso3 of remittanceReporters(world, year)) {
    const v = get(iso3);
    if (v === undefined) continue;
    sum += v;
    seen = true;
  }
  return seen ? sum : undefined;
}
