/**
 * A summary of one year of the world (what `regimes world --year Y` prints). Pure.
 */
import { userError } from '../shared/errors.ts';
import { immigrantStock, nearestStockYearAtOrBefore, unknownOrigin } from './bilateral.ts';
import { REFUGEE_LAST_YEAR } from './refugees.ts';
import type { SeriesName } from './series.ts';
import { TIER_NAMES } from './tier.ts';
import type { TierName } from './tier.ts';
import type { World } from './world.ts';

/** A world total of a series that some countries do not report. */
export interface ReportedTotal {
  /** Sum over the countries that report a value. */
  total: number;
  /** Number of countries that report a value. */
  reporting: number;
}

/** One of the largest origin → destination corridors. */
export interface Corridor {
  origin: string;
  originName: string;
  destination: string;
  destinationName: string;
  /** Migrant stock, persons. */
  stock: number;
}

/** A country in armed conflict in the year. */
export interface CountryInConflict {
  iso3: string;
  name: string;
  /** 1 minor, 2 war: intrastate / internationalized intrastate conflicts on its territory. */
  internal: number;
  /** 1 minor, 2 war: interstate conflicts it is a primary party to. */
  interstate: number;
  /** WDI battle-related deaths; null outside 1989–2018. */
  battleDeaths: number | null;
}

/** The summary of one year. */
export interface WorldYearSummary {
  year: number;
  countries: number;
  /** World population, persons (sum over model countries). */
  population: ReportedTotal;
  /** Migrant stock of the nearest UN DESA year at or before `year`. */
  migrantStock: {
    dataYear: number;
    /** The world total of the file (every destination, territories included, UN DESA 2024 revision). */
    world: number;
    /** Of which living in model countries. */
    inModelCountries: number;
    /** Of which with unknown origin (`OOO`) in model countries. */
    unknownOrigin: number;
    /** World total / world population of the data year. */
    shareOfPopulation: number;
  } | null;
  /** UNHCR refugees; null after 2005 (held out). */
  refugees: { total: number; unknownOrigin: number; asylumSeekers: number } | null;
  remittancesReceivedUsd: ReportedTotal;
  remittancesPaidUsd: ReportedTotal;
  odaReceivedUsd: ReportedTotal;
  /** Remittances received / ODA received (both totals as reported). */
  remittancesToAid: number;
  fdiInflowsUsd: ReportedTotal;
  /** World GDP per capita (current US$) the tiers are relative to. */
  worldGdpPerCapitaUsd: number;
  tiers: { tier: TierName; countries: number; populationShare: number; members: string[] }[];
  /** Ten largest corridors between model countries (origin `OOO` and territories left out). */
  topCorridors: Corridor[];
  countriesInConflict: CountryInConflict[];
}

/**
 * Summarises one year of a world.
 * @throws `E_WORLD_YEAR` when the year is outside the world's span
 */
export function summarizeYear(world: World, year: number): WorldYearSummary {
  const { span } = world;
  if (!Number.isInteger(year) || year < span.first || year > span.last) {
    throw userError('E_WORLD_YEAR', `year ${year} outside the world data (${span.first}–${span.last})`);
  }
  const list = world.countries.countries;
  const n = list.length;
  const t = year - span.first;
  const at = (name: SeriesName, c: number) => world.series[name][t * n + c];
  const total = (name: SeriesName): ReportedTotal => {
    let sum = 0;
    let reporting = 0;
    for (let c = 0; c < n; c++) {
      const v = at(name, c);
      if (!Number.isNaN(v)) {
        sum += v;
        reporting++;
      }
    }
    return { total: sum, reporting };
  };
  const population = total('population');

  const tiers = TIER_NAMES.map((tier, code) => {
    const members: string[] = [];
    let pop = 0;
    for (let c = 0; c < n; c++) {
      if (world.tiers.tier[t * n + c] !== code) continue;
      members.push(list[c].iso3);
      const p = at('population', c);
      if (!Number.isNaN(p)) pop += p;
    }
    return { tier, countries: members.length, populationShare: pop / population.total, members };
  }).filter((x) => x.tier !== 'unclassified' || x.countries > 0);

  const conflicts: CountryInConflict[] = [];
  for (let c = 0; c < n; c++) {
    const internal = at('conflictIntensity', c);
    const interstate = at('interstateConflictIntensity', c);
    if (internal > 0 || interstate > 0) {
      const deaths = at('battleDeaths', c);
      conflicts.push({
        iso3: list[c].iso3,
        name: list[c].name,
        internal,
        interstate,
        battleDeaths: Number.isNaN(deaths) ? null : deaths,
      });
    }
  }
  conflicts.sort((a, b) => b.internal - a.internal || a.iso3.localeCompare(b.iso3));

  const remittances = total('remittancesReceivedUsd');
  const oda = total('odaReceivedUsd');
  const refugeeYear = world.refugeeTotals.find((r) => r.year === year);
  return {
    year,
    countries: n,
    population,
    migrantStock: migrantStockSummary(world, year),
    refugees:
      year <= REFUGEE_LAST_YEAR && refugeeYear
        ? {
            total: refugeeYear.refugees,
            unknownOrigin: refugeeYear.unknownOrigin,
            asylumSeekers: refugeeYear.asylumSeekers,
          }
        : null,
    remittancesReceivedUsd: remittances,
    remittancesPaidUsd: total('remittancesPaidUsd'),
    odaReceivedUsd: oda,
    remittancesToAid: remittances.total / oda.total,
    fdiInflowsUsd: total('fdiInflowsUsd'),
    worldGdpPerCapitaUsd: world.tiers.worldGdpPerCapita[t],
    tiers,
    topCorridors: topCorridors(world, year, 10),
    countriesInConflict: conflicts,
  };
}

function migrantStockSummary(world: World, year: number): WorldYearSummary['migrantStock'] {
  const b = world.bilateral;
  const dataYear = nearestStockYearAtOrBefore(b, year);
  if (dataYear === undefined) return null;
  const k = b.years.indexOf(dataYear);
  const n = b.destinationCount;
  const inModel = immigrantStock(b, k).reduce((s, v) => s + v, 0);
  let unknown = 0;
  for (let d = 0; d < n; d++) {
    const v = b.stock[k][d * b.originCount + unknownOrigin(n)];
    if (!Number.isNaN(v)) unknown += v;
  }
  // Population of the data year, which may lie before the world's span: fall back to the span's year.
  const py = Math.max(dataYear, world.span.first) - world.span.first;
  let pop = 0;
  for (let c = 0; c < n; c++) {
    const p = world.series.population[py * n + c];
    if (!Number.isNaN(p)) pop += p;
  }
  return {
    dataYear,
    world: b.worldTotal[k],
    inModelCountries: inModel,
    unknownOrigin: unknown,
    shareOfPopulation: b.worldTotal[k] / pop,
  };
}

/** The `count` largest corridors between model countries in the nearest data year ≤ `year`. */
/** How many corridors of record there are (`corridorsOfRecord`). */
export const CORRIDORS_OF_RECORD = 20;

/**
 * The corridors of record: the largest country-to-country corridors of the first stock year
 * (1990). `regimes fit` scores them, and every run reports them whatever its starting year, so a
 * forecast from a later year is scored on the same corridors.
 */
export function corridorsOfRecord(world: World): Corridor[] {
  return topCorridors(world, world.bilateral.years[0], CORRIDORS_OF_RECORD);
}

/** How many of the largest corridors of the last shipped stock year the fit scores (issue 17's aims). */
export const LARGEST_CORRIDORS_SCORED = 100;

/**
 * The largest country-to-country corridors of the last shipped stock year (2005): the fit scores the
 * model's free run on them in sample, and every run reports them.
 */
export function largestCorridorsOfLastStockYear(world: World): Corridor[] {
  const b = world.bilateral;
  return topCorridors(world, b.years[b.years.length - 1], LARGEST_CORRIDORS_SCORED);
}

export function topCorridors(world: World, year: number, count: number): Corridor[] {
  const b = world.bilateral;
  const dataYear = nearestStockYearAtOrBefore(b, year);
  if (dataYear === undefined) return [];
  const s = b.stock[b.years.indexOf(dataYear)];
  const n = b.destinationCount;
  const list = world.countries.countries;
  const found: Corridor[] = [];
  for (let d = 0; d < n; d++) {
    for (let o = 0; o < n; o++) {
      const v = s[d * b.originCount + o];
      if (!(v > 0)) continue;
      if (found.length === count && v <= found[count - 1].stock) continue;
      found.push({
        origin: list[o].iso3,
        originName: list[o].name,
        destination: list[d].iso3,
        destinationName: list[d].name,
        stock: v,
      });
      found.sort((x, y) => y.stock - x.stock);
      if (found.length > count) found.pop();
    }
  }
  return found;
}
