/**
 * The world as the engine reads it: per-country yearly panels with gaps filled, geography, and the
 * bilateral migrant stocks of the starting year. Built from the world data layer's `World`
 * (`fromWorld`) or written by hand in tests (`WorldInput` is small on purpose).
 *
 * Panels are year-major over `span` like the world layer's: value of country c in year y at
 * `(y - span.first) * n + c`. No NaN is left: a missing value takes the nearest year of the same
 * country, else a stated default (see `FILL`).
 */
import type { World } from '../world/index.ts';
import {
  TIER,
  corridorsOfRecord,
  largestCorridorsOfLastStockYear,
  nearestStockYearAtOrBefore,
} from '../world/index.ts';
import { userError } from '../shared/errors.ts';

export interface YearSpan {
  first: number;
  last: number;
}

export interface WorldInput {
  kind: 'sim-world';
  /** ISO3 per country index. */
  iso3: readonly string[];
  /** UN M49 region per country (for regional indicators). */
  region: readonly string[];
  span: YearSpan;
  population: Float64Array;
  workingAgePopulation: Float64Array;
  /** GDP per capita, current US$. */
  gdpPerCapitaUsd: Float64Array;
  /** GDP per capita, constant 2021 PPP $. */
  gdpPerCapitaPpp: Float64Array;
  /** Unemployment, % of labour force. */
  unemploymentRate: Float64Array;
  fdiInflowsUsd: Float64Array;
  fdiOutflowsUsd: Float64Array;
  /** Net ODA received, current US$. */
  odaReceivedUsd: Float64Array;
  /** 0 none, 1 minor, 2 war (intrastate with the state as government side, or interstate). */
  conflictIntensity: Float64Array;
  /** Battle-related deaths (UCDP via WDI; 0 where none recorded or after 2018). */
  battleDeaths: Float64Array;
  /**
   * Deaths in organised violence by type, where they occurred (UCDP GED, 1989–2024; 0 where none
   * was recorded): state-based conflict, non-state conflict, one-sided violence against civilians.
   * Inputs of the year that a scenario may scale (a root-cause lever changes these series only).
   */
  deathsStateBased: Float64Array;
  deathsNonState: Float64Array;
  deathsOneSided: Float64Array;
  /** Share of the state-based deaths that fell in interstate war (UCDP GED), 0 where none. */
  interstateShare: Float64Array;
  /** Persons engaged (PWT emp; NaN where not measured: the labour-demand kernel then uses GDP). */
  employment: Float64Array;
  /** Real GDP, constant 2021 PPP $ (GDP per capita PPP × population). */
  gdpPpp: Float64Array;
  /** Tier code per country-year (0 core, 1 semi-periphery, 2 periphery). */
  tier: Uint8Array;
  /** n × n great-circle distance, km. */
  distanceKm: Float64Array;
  /** n × n land border 0/1. */
  landBorder: Uint8Array;
  /** Year of the bilateral stock the run starts from. */
  stockYear: number;
  /** n × (n + 2) migrant stock by destination d and origin line o at `d * (n + 2) + o`; lines n and n+1 are other territory and unknown origin. */
  initialStock: Float64Array;
  /**
   * Corridors reported whatever the starting year (`d * n + o`), which `regimes fit` scores: the
   * largest of 1990 and the largest of the last shipped stock year, 2005 (world/summary.ts).
   */
  corridorsOfRecord: Int32Array;
  /** Migrants living in territories that are not model countries at the start (kept in aggregate). */
  otherTerritoriesStock: number;
  /** UNHCR refugees by country of asylum and by origin in the starting year (0 where none). */
  refugeesByAsylum: Float64Array;
  refugeesByOrigin: Float64Array;
  /**
   * UNHCR refugees in the starting year by country of asylum d and origin o at `d * n + o` (model
   * countries only), which place the starting refugees (init.ts). Absent, or all zero where UNHCR
   * has no table for the year (after 2005): the starting refugees are fitted to the two margins.
   */
  refugeesByCorridor?: Float64Array;
  /** 1 for economies incorporated into the world market after 1989 (Overbeek 2002, §1: former socialist economies). */
  exSocialist: Uint8Array;
  /**
   * A social protection floor beyond history (a root-cause lever, src/rootcauses/world-levers.ts):
   * the expected benefit of a person without a job, as a share of the low-skill wage, by country-year
   * (kernels/social-protection.ts). Absent: history.
   */
  protectionFloorShare?: Float64Array;
  /**
   * The same where the floor also reaches migrants in an irregular situation (the lever's
   * `reaches_irregular`): what a tied worker who absconds at the destination can count on while
   * without work. Absent: no floor reaches them.
   */
  protectionFloorIrregularShare?: Float64Array;
  /**
   * The elasticity of the poorest's emigration to the floor at home (distress migration,
   * kernels/social-protection.ts `distressEmigrationFactor`), set with the floor by the lever;
   * absent: the kernel's default.
   */
  protectionFloorDistressElasticity?: number;
  /** Co-ethnic populations with a right to settle in a homeland (kernels/co-ethnic.ts), by country index. */
  coEthnic: readonly CoEthnicEntry[];
  /** The falls of governments that refugees had fled (kernels/repatriation.ts, `fall-return`), by country index. */
  governmentFalls: readonly GovernmentFallEntry[];
  /** Where a country's organised violence was (kernels/regional-flight.ts), by country index. */
  conflictRegions: readonly ConflictRegionEntry[];
  /** Corridors of the starting stock settled in one closed episode (kernels/settlement-cohorts.ts), by country index. */
  settlementCohorts: readonly SettlementCohortEntry[];
}

/** Migrants born in `origin` living in `destination` who arrived from `firstArrival` to `lastArrival`; naturalised or long-term residents. */
export interface SettlementCohortEntry {
  destination: number;
  origin: number;
  firstArrival: number;
  lastArrival: number;
  naturalised: boolean;
}

/** A region of `origin` where `deathsShare` of its deaths fell from `from` until `until`; its people flee to `asylum`. */
export interface ConflictRegionEntry {
  origin: number;
  asylum: number;
  populationShare: number;
  deathsShare: number;
  from: number;
  until: number;
}

/** The fall of a government of `origin` on `year`-`month` (1…12)-`day`; `retreat` the neighbour it withdrew into, −1 if none. */
export interface GovernmentFallEntry {
  origin: number;
  year: number;
  month: number;
  day: number;
  retreat: number;
}

/** A co-ethnic population of an origin with a right to settle in its homeland from `from` until `until`. */
export interface CoEthnicEntry {
  homeland: number;
  origin: number;
  population: number;
  from: number;
  until: number;
  /** The group moves to its homeland only when a war drives it out (kernels/kin-flight.ts); otherwise it settles as the wage gap pulls it. */
  flees?: boolean;
  /** The group is driven out as a whole while the violence at home lasts, not as its share of those fleeing (kernels/kin-flight.ts). */
  expelled?: boolean;
}

/** Whether entry e's group is driven out as a whole in a run with the `expulsion` mechanism `on`. */
export const expelledIn = (e: CoEthnicEntry, on: boolean): boolean => on && e.expelled === true;

/** Former socialist economies incorporated into the capitalist world market from 1989 (Overbeek 2002, §1). */
export const EX_SOCIALIST = [
  'ALB',
  'ARM',
  'AZE',
  'BGR',
  'BIH',
  'BLR',
  'CZE',
  'EST',
  'GEO',
  'HRV',
  'HUN',
  'KAZ',
  'KGZ',
  'LTU',
  'LVA',
  'MDA',
  'MKD',
  'MNE',
  'POL',
  'ROU',
  'RUS',
  'SRB',
  'SVK',
  'SVN',
  'TJK',
  'TKM',
  'UKR',
  'UZB',
  'XKX',
  'CHN',
  'VNM',
  'LAO',
  'KHM',
  'MNG',
];

/** Defaults where a country has no value in any year. */
export const FILL = {
  unemploymentRate: 8,
  fdiInflowsUsd: 0,
  fdiOutflowsUsd: 0,
  odaReceivedUsd: 0,
  gdpPerCapitaUsd: 1000,
  gdpPerCapitaPpp: 4000,
  population: 0,
} as const;

/**
 * A country with no value in any year takes its sovereign's values year by year (a dependent
 * territory without its own GDP series: Réunion, Guadeloupe, …). Others are unchanged.
 */
export function fillFromSovereign(panel: Float64Array, n: number, sovereign: Int32Array): Float64Array {
  const years = panel.length / n;
  const out = Float64Array.from(panel);
  for (let c = 0; c < n; c++) {
    const s = sovereign[c];
    if (s < 0) continue;
    let seen = false;
    for (let t = 0; t < years && !seen; t++) seen = panel[t * n + c] === panel[t * n + c];
    if (!seen) for (let t = 0; t < years; t++) out[t * n + c] = panel[t * n + s];
  }
  return out;
}

/** Fills NaN in a year-major panel: nearest year of the same country, else `fallback`. */
export function fillPanel(panel: Float64Array, n: number, fallback: number): Float64Array {
  const years = panel.length / n;
  const out = Float64Array.from(panel);
  for (let c = 0; c < n; c++) {
    for (let t = 0; t < years; t++) {
      if (out[t * n + c] === out[t * n + c]) continue;
      let v = NaN;
      for (let k = 1; k < years && v !== v; k++) {
        if (t - k >= 0 && panel[(t - k) * n + c] === panel[(t - k) * n + c]) v = panel[(t - k) * n + c];
        else if (t + k < years && panel[(t + k) * n + c] === panel[(t + k) * n + c])
          v = panel[(t + k) * n + c];
      }
      out[t * n + c] = v === v ? v : fallback;
    }
  }
  return out;
}

/**
 * The engine's world from the world data layer, starting in `fromYear` (the bilateral stock of the
 * latest data year ≤ fromYear is the starting stock).
 * @throws `E_SIM_YEAR` when no stock year is at or before `fromYear`
 */
export function fromWorld(world: World, fromYear: number): WorldInput {
  const n = world.countries.countries.length;
  const s = world.series;
  const stockYear = nearestStockYearAtOrBefore(world.bilateral, fromYear);
  if (stockYear === undefined) {
    throw userError(
      'E_SIM_YEAR',
      `no migrant stock at or before ${fromYear} (first stock year ${world.bilateral.years[0]})`,
    );
  }
  const yi = world.bilateral.years.indexOf(stockYear);
  const initialStock = Float64Array.from(world.bilateral.stock[yi], (v) => (v === v ? v : 0));
  const t0 = fromYear - world.span.first;
  const refugeesByAsylum = new Float64Array(n);
  const refugeesByOrigin = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const a = s.refugeesByAsylum[t0 * n + c];
    const o = s.refugeesByOrigin[t0 * n + c];
    refugeesByAsylum[c] = a === a ? a : 0;
    refugeesByOrigin[c] = o === o ? o : 0;
  }
  // the starting year's table only: later years are what the fit scores (src/world/refugees.ts)
  const refugeesByCorridor = new Float64Array(n * n);
  for (const [year, asylum, origin, persons] of world.refugeeCorridors) {
    if (year === fromYear) refugeesByCorridor[asylum * n + origin] += persons;
  }
  const conflict = new Float64Array(s.conflictIntensity.length);
  for (let i = 0; i < conflict.length; i++) {
    const a = s.conflictIntensity[i];
    const b = s.interstateConflictIntensity[i];
    conflict[i] = Math.max(a === a ? a : 0, b === b ? b : 0);
  }
  const tier = Uint8Array.from(world.tiers.tier, (t) => (t === TIER.unclassified ? TIER.periphery : t));
  const exSocialist = new Uint8Array(n);
  for (const code of EX_SOCIALIST) {
    const c = world.countries.index.get(code);
    if (c !== undefined) exSocialist[c] = 1;
  }
  const population = fillPanel(s.population, n, FILL.population);
  const sovereign = Int32Array.from(world.countries.countries, (c) =>
    c.sovereign ? (world.countries.index.get(c.sovereign) ?? -1) : -1,
  );
  const economy = (panel: Float64Array, fallback: number) =>
    fillPanel(fillFromSovereign(panel, n, sovereign), n, fallback);
  const gdpPerCapitaPpp = economy(s.gdpPerCapitaPpp, FILL.gdpPerCapitaPpp);
  const zeroIfMissing = (panel: Float64Array) => Float64Array.from(panel, (v) => (v === v ? v : 0));
  return {
    kind: 'sim-world',
    iso3: world.countries.countries.map((c) => c.iso3),
    region: world.countries.countries.map((c) => c.region),
    span: { ...world.span },
    population,
    workingAgePopulation: fillPanel(s.workingAgePopulation, n, NaN).map((v, i) =>
      v === v ? v : population[i] * 0.6,
    ),
    gdpPerCapitaUsd: economy(s.gdpPerCapitaUsd, FILL.gdpPerCapitaUsd),
    gdpPerCapitaPpp,
    unemploymentRate: economy(s.unemploymentRate, FILL.unemploymentRate),
    fdiInflowsUsd: fillPanel(s.fdiInflowsUsd, n, FILL.fdiInflowsUsd),
    fdiOutflowsUsd: fillPanel(s.fdiOutflowsUsd, n, FILL.fdiOutflowsUsd),
    odaReceivedUsd: fillPanel(s.odaReceivedUsd, n, FILL.odaReceivedUsd),
    conflictIntensity: conflict,
    battleDeaths: zeroIfMissing(s.battleDeaths),
    deathsStateBased: zeroIfMissing(s.deathsStateBased),
    deathsNonState: zeroIfMissing(s.deathsNonState),
    deathsOneSided: zeroIfMissing(s.deathsOneSided),
    interstateShare: zeroIfMissing(s.interstateShare),
    employment: Float64Array.from(s.employment),
    gdpPpp: Float64Array.from(gdpPerCapitaPpp, (v, i) => v * population[i]),
    tier,
    distanceKm: world.distanceKm,
    landBorder: world.landBorder,
    stockYear,
    initialStock,
    corridorsOfRecord: Int32Array.from(
      new Set(
        [...corridorsOfRecord(world), ...largestCorridorsOfLastStockYear(world)].map(
          (c) => world.countries.index.get(c.destination)! * n + world.countries.index.get(c.origin)!,
        ),
      ),
    ),
    otherTerritoriesStock: world.bilateral.inOtherTerritories[yi],
    refugeesByAsylum,
    refugeesByOrigin,
    refugeesByCorridor,
    exSocialist,
    coEthnic: world.coEthnic.map((e) => ({
      homeland: world.countries.index.get(e.homeland)!,
      origin: world.countries.index.get(e.origin)!,
      population: e.population,
      from: e.from,
      until: e.until,
      flees: e.moves !== 'settle',
      expelled: e.moves === 'expelled',
    })),
    governmentFalls: world.governmentFalls.map((f) => ({
      origin: world.countries.index.get(f.country)!,
      year: f.year,
      month: f.month,
      day: f.day,
      retreat: f.retreat === undefined ? -1 : world.countries.index.get(f.retreat)!,
    })),
    // the shares and years as they are, the countries by index
    conflictRegions: world.conflictRegions.map(({ region: _region, country, asylum, ...shares }) => ({
      ...shares,
      origin: world.countries.index.get(country)!,
      asylum: world.countries.index.get(asylum)!,
    })),
    settlementCohorts: world.settlementCohorts.map((c) => ({
      destination: world.countries.index.get(c.destination)!,
      origin: world.countries.index.get(c.origin)!,
      firstArrival: c.firstArrival,
      lastArrival: c.lastArrival,
      naturalised: c.status === 'naturalised',
    })),
  };
}

/**
 * Years the engine may run past the last year of the world data (world-1990-2024 runs one past the
 * data's 2023). Every panel is read through `at`, which clamps the year, so each input is held at its
 * last observed value in those years, never extrapolated (docs/model.md; issue 20).
 */
export const YEARS_PAST_DATA = 1;

/** Offset of (year, country) in a panel of the world input; years past the span read its last year. */
export function at(world: WorldInput, year: number, c: number): number {
  const n = world.iso3.length;
  const y = Math.min(Math.max(year, world.span.first), world.span.last);
  return (y - world.span.first) * n + c;
}
