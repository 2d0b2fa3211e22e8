/**
 * The `World` the engine reads: the world data for a chosen year range, with tiers, distances
 * and land borders laid out as dense typed arrays indexed by country index (see panel.ts).
 */
import type { CoEthnicPopulation } from './co-ethnic.ts';
import type { ConflictRegion } from './conflict-regions.ts';
import type { GovernmentFall } from './government-falls.ts';
import type { SettlementCohort } from './settlement-cohorts.ts';
import { userError } from '../shared/errors.ts';
import type { BilateralStocks } from './bilateral.ts';
import type { CountryList } from './countries.ts';
import { countryIndex, countryListOf } from './countries.ts';
import { distanceMatrix, landBorderMatrix } from './geography.ts';
import type { YearSpan } from './panel.ts';
import { panelOffset, slicePanel, yearCount } from './panel.ts';
import type { RefugeeCorridor, RefugeeTotals } from './refugees.ts';
import type { SeriesName, SeriesPanels } from './series.ts';
import { SERIES_NAMES } from './series.ts';
import type { Tiers } from './tier.ts';
import { deriveTiers } from './tier.ts';
import type { WorldData } from './world-data.ts';

/** The world of the model over a year range. */
export interface World {
  /** Years covered, inclusive. */
  span: YearSpan;
  /** Countries and the ISO3 → index lookup. */
  countries: CountryList;
  /** One panel per series over `span` (year-major, NaN = missing). */
  series: SeriesPanels;
  /** Tier per country-year over `span`. */
  tiers: Tiers;
  /** Great-circle distance between representative points, km, n × n. */
  distanceKm: Float64Array;
  /** Land border 0/1, n × n, symmetric. */
  landBorder: Uint8Array;
  /** UN DESA bilateral stocks for every data year (1990–2005), whatever the span. */
  bilateral: BilateralStocks;
  /** UNHCR world refugee totals per year (≤ 2005). */
  refugeeTotals: RefugeeTotals[];
  /** UNHCR refugees by year, asylum country and origin (≤ 2005; only the starting year enters a run). */
  refugeeCorridors: RefugeeCorridor[];
  /** Co-ethnic populations with a right to settle in a homeland (co-ethnic.ts). */
  coEthnic: CoEthnicPopulation[];
  /** The falls of governments that refugees had fled (government-falls.ts). */
  governmentFalls: GovernmentFall[];
  /** Where a country's organised violence was (conflict-regions.ts). */
  conflictRegions: ConflictRegion[];
  /** Corridors of the starting stock settled in one closed episode (settlement-cohorts.ts). */
  settlementCohorts: SettlementCohort[];
}

/**
 * Checks that a year range lies inside the data.
 * @throws `E_WORLD_YEAR` otherwise
 */
export function checkSpan(span: YearSpan, data: YearSpan): void {
  if (!Number.isInteger(span.first) || !Number.isInteger(span.last) || span.first > span.last) {
    throw userError('E_WORLD_YEAR', `bad year range: ${span.first}–${span.last}`);
  }
  if (span.first < data.first || span.last > data.last) {
    const what = span.first === span.last ? `year ${span.first}` : `years ${span.first}–${span.last}`;
    throw userError('E_WORLD_YEAR', `${what} outside the world data (${data.first}–${data.last})`);
  }
}

/**
 * Assembles the world for a year range out of the world data.
 * @param span inclusive year range, within `data.span`
 */
export function assembleWorld(data: WorldData, span: YearSpan = data.span): World {
  checkSpan(span, data.span);
  const n = data.countries.length;
  const series = {} as SeriesPanels;
  for (const name of SERIES_NAMES) series[name] = slicePanel(data.series[name], data.span, span, n);
  return {
    span: { ...span },
    countries: countryListOf(data.countries),
    series,
    tiers: sliceTiers(
      deriveTiers(data.countries, data.span, data.series.gdpPerCapitaUsd, data.series.population),
      data.span,
      span,
      n,
    ),
    distanceKm: distanceMatrix(data.countries),
    landBorder: landBorderMatrix(data.landBorders, n),
    bilateral: data.bilateral,
    refugeeTotals: data.refugeeTotals,
    refugeeCorridors: data.refugeeCorridors,
    coEthnic: data.coEthnic,
    governmentFalls: data.governmentFalls,
    conflictRegions: data.conflictRegions,
    settlementCohorts: data.settlementCohorts,
  };
}

/** Tiers are derived over the full data span (so the nearest-year fallback sees every year), then sliced. */
function sliceTiers(tiers: Tiers, from: YearSpan, to: YearSpan, n: number): Tiers {
  const start = (to.first - from.first) * n;
  const end = start + yearCount(to) * n;
  return {
    tier: tiers.tier.slice(start, end),
    source: tiers.source.slice(start, end),
    ratio: tiers.ratio.slice(start, end),
    worldGdpPerCapita: tiers.worldGdpPerCapita.slice(to.first - from.first, to.last - from.first + 1),
  };
}

/**
 * One value of a series for a country (by ISO3) and year.
 * @throws `E_WORLD_COUNTRY` for an unknown code, `E_WORLD_YEAR` for a year outside the world's span
 */
export function seriesValue(world: World, name: SeriesName, iso3: string, year: number): number {
  const c = countryIndex(world.countries, iso3);
  const o = panelOffset(world.span, world.countries.countries.length, year, c);
  if (o < 0)
    throw userError(
      'E_WORLD_YEAR',
      `year ${year} outside the world (${world.span.first}–${world.span.last})`,
    );
  return world.series[name][o];
}
