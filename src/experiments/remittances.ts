/**
 * Remittances against aid as the seed states the claim (Overbeek 2002, §1, after World Bank 1997:
 * in 1995 migrants' remittances, $70 bn, exceeded development aid, $66 bn): a level in a year, to
 * low- and middle-income recipients. The same sum over the same countries is taken from the data
 * (`observedRemittancesAid`) and from a run (`remittancesAidRows`, the coupled layer's rows).
 *
 * Low- and middle-income: the World Bank income group of the shipped snapshot
 * (data/world/countries/gapminder_country_groups.csv) — one recent year, so a country that has
 * since become high-income (Korea, Chile, Poland…) counts as high-income throughout.
 */
import type { IndicatorRow } from '../sim/index.ts';
import type { World } from '../world/index.ts';
import { panelOffset } from '../world/index.ts';

/** ISO3 codes of the low- and middle-income countries of the world data. */
export function lowMiddleIncome(world: World): string[] {
  return world.countries.countries
    .filter((c) => c.incomeGroupSnapshot !== '' && c.incomeGroupSnapshot !== 'high_income')
    .map((c) => c.iso3);
}

/** Remittances received and net ODA received by a set of countries in a year, from the data (US$; missing values count as none). */
export function observedRemittancesAid(
  world: World,
  year: number,
  countries: readonly string[],
): { remittances: number; aid: number; ratio: number } {
  const n = world.countries.countries.length;
  let remittances = 0;
  let aid = 0;
  for (const iso of countries) {
    const c = world.countries.index.get(iso);
    if (c === undefined) continue;
    const k = panelOffset(world.span, n, year, c);
    if (k < 0) continue;
    const r = world.series.remittancesReceivedUsd[k];
    const a = world.series.odaReceivedUsd[k];
    if (Number.isFinite(r)) remittances += r;
    if (Number.isFinite(a)) aid += a;
  }
  return { remittances, aid, ratio: aid > 0 ? remittances / aid : NaN };
}

/**
 * The layer's rows of one simulated year: `remittances_lmic_usd`, `aid_lmic_usd` (the model's
 * remittances and aid received by the low- and middle-income countries) and
 * `remittances_aid_ratio` (their ratio), for the world.
 */
export function remittancesAidRows(
  year: number,
  rows: readonly IndicatorRow[],
  countries: ReadonlySet<string>,
): IndicatorRow[] {
  let remittances = 0;
  let aid = 0;
  for (const r of rows) {
    if (!countries.has(r.country) || !Number.isFinite(r.value)) continue;
    if (r.indicator === 'remittances_usd') remittances += r.value;
    else if (r.indicator === 'aid_usd') aid += r.value;
  }
  const out: IndicatorRow[] = [
    { year, indicator: 'remittances_lmic_usd', country: 'WLD', value: remittances },
    { year, indicator: 'aid_lmic_usd', country: 'WLD', value: aid },
  ];
  if (aid > 0)
    out.push({ year, indicator: 'remittances_aid_ratio', country: 'WLD', value: remittances / aid });
  return out;
}
