/**
 * The observed series the model is fitted against, 1990–2005 (the calibration years; later years
 * are held out, see data/world/SOURCES.md), read from the shipped world data:
 *
 * - `stock:WLD` world migrant stock (UN DESA 2024, every row of the file: all origins incl. unknown `OOO`, territories);
 * - `stock:<Region>` migrant stock living in the model countries of each UN M49 region (Africa, Americas, Asia, Europe, Oceania);
 * - `corridor:<O>><D>` bilateral stock of the 20 largest country-to-country corridors of 1990 (chosen on the
 *   starting year, so the choice does not look at the years being predicted);
 * - `refugees:WLD` refugees under UNHCR's mandate, world, end of year (UNHCR, every origin);
 * - `refugees:<ISO3>` the same in each of the 10 largest countries of asylum of 1990 (chosen on the
 *   starting year, like the corridors): where the refugees are, not only how many;
 * - `remittances:WLD` personal remittances received, sum over the model countries that report (WDI, BPM6).
 *
 * Stocks exist for 1990, 1995, 2000 and 2005; refugees and remittances for every year.
 */
import type { World } from '../world/index.ts';
import { immigrantStock } from '../world/index.ts';
import { CORRIDORS_OF_RECORD, corridorsOfRecord } from '../world/index.ts';

/** First and last calibration year. */
export const FIT_SPAN = { first: 1990, last: 2005 } as const;

/** How many corridors are fitted. */
export const CORRIDOR_COUNT = CORRIDORS_OF_RECORD;

/** How many countries of asylum are fitted. */
export const REFUGEE_HOST_COUNT = 10;

/** What a series is about. */
export type SeriesGroup =
  | 'world stock'
  | 'regional stock'
  | 'corridor stock'
  | 'refugees'
  | 'refugees by country of asylum'
  | 'remittances'
  | 'deaths en route';

/** An observed series. */
export interface TargetSeries {
  /** `stock:WLD`, `stock:Europe`, `corridor:MEX>USA`, `refugees:WLD`, `remittances:WLD`, `deaths:WLD` (out of sample). */
  id: string;
  group: SeriesGroup;
  label: string;
  /** Years with an observation, ascending. */
  years: number[];
  observed: number[];
}

/** UN M49 regions, in print order. */
export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

/** Every observed series of the fit. */
export function targetSeries(world: World): TargetSeries[] {
  const b = world.bilateral;
  const countries = world.countries.countries;
  const out: TargetSeries[] = [];
  out.push({
    id: 'stock:WLD',
    group: 'world stock',
    label: 'world migrant stock',
    years: [...b.years],
    observed: [...b.worldTotal],
  });
  const perYear = b.years.map((_, i) => immigrantStock(b, i));
  for (const region of REGIONS) {
    const members = countries.map((c, i) => (c.region === region ? i : -1)).filter((i) => i >= 0);
    out.push({
      id: `stock:${region}`,
      group: 'regional stock',
      label: `migrant stock in ${region}`,
      years: [...b.years],
      observed: perYear.map((s) => members.reduce((sum, d) => sum + s[d], 0)),
    });
  }
  for (const c of corridorsOfRecord(world)) {
    const o = world.countries.index.get(c.origin)!;
    const d = world.countries.index.get(c.destination)!;
    out.push({
      id: `corridor:${c.origin}>${c.destination}`,
      group: 'corridor stock',
      label: `${c.originName} → ${c.destinationName}`,
      years: [...b.years],
      observed: b.stock.map((s) => s[d * b.originCount + o]),
    });
  }
  const refugees = world.refugeeTotals
    .filter((t) => t.year >= FIT_SPAN.first && t.year <= FIT_SPAN.last)
    .sort((a, c) => a.year - c.year);
  out.push({
    id: 'refugees:WLD',
    group: 'refugees',
    label: 'refugees (UNHCR mandate), world',
    years: refugees.map((t) => t.year),
    observed: refugees.map((t) => t.refugees),
  });
  const asylum = world.series.refugeesByAsylum;
  const n = countries.length;
  const hostYears = refugees.map((t) => t.year);
  for (const c of refugeeHostsOfRecord(world)) {
    out.push({
      id: `refugees:${countries[c].iso3}`,
      group: 'refugees by country of asylum',
      label: `refugees in ${countries[c].name}`,
      years: hostYears,
      observed: hostYears.map((y) => asylum[(y - world.span.first) * n + c]),
    });
  }
  const years: number[] = [];
  for (let y = Math.max(FIT_SPAN.first, world.span.first); y <= Math.min(FIT_SPAN.last, world.span.last); y++)
    years.push(y);
  const observed = years.map((y) => remittancesReceived(world, y));
  out.push({
    id: 'remittances:WLD',
    group: 'remittances',
    label: 'remittances received, world (US$)',
    years,
    observed,
  });
  return out;
}

/** The countries with the most refugees (UNHCR) in the first fit year, largest first (country indexes). */
export function refugeeHostsOfRecord(world: World): number[] {
  const n = world.countries.countries.length;
  const row = (FIT_SPAN.first - world.span.first) * n;
  const asylum = world.series.refugeesByAsylum;
  return Array.from({ length: n }, (_, c) => c)
    .filter((c) => asylum[row + c] > 0)
    .sort((a, b) => asylum[row + b] - asylum[row + a] || a - b)
    .slice(0, REFUGEE_HOST_COUNT);
}

/** Personal remittances received in `year` (US$), summed over the model countries that report it (WDI). */
export function remittancesReceived(world: World, year: number): number {
  const n = world.countries.countries.length;
  const rem = world.series.remittancesReceivedUsd;
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const v = rem[(year - world.span.first) * n + c];
    if (Number.isFinite(v)) sum += v;
  }
  return sum;
}
