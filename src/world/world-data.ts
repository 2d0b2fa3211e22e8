/**
 * Everything the world is built from, read out of the source CSVs once: the content of the derived
 * file `data/world/derived/world.json`. Pure: takes parsed tables, returns plain data.
 */
import type { BilateralStocks } from './bilateral.ts';
import { UNMAPPED_TERRITORY_CODES, buildBilateralStocks, destinationsWithStock } from './bilateral.ts';
import {
  buildBattleDeaths,
  buildConflictIntensity,
  buildDeathsByType,
  gleditschWardToIso3,
} from './conflict.ts';
import type { Country } from './countries.ts';
import type { CoEthnicPopulation } from './co-ethnic.ts';
import { buildCoEthnic } from './co-ethnic.ts';
import type { ConflictRegion } from './conflict-regions.ts';
import { buildConflictRegions } from './conflict-regions.ts';
import type { GovernmentFall } from './government-falls.ts';
import { buildGovernmentFalls } from './government-falls.ts';
import type { SettlementCohort } from './settlement-cohorts.ts';
import { buildSettlementCohorts } from './settlement-cohorts.ts';
import { knownCountryCodes, selectCountries, territorySovereigns } from './countries.ts';
import { landBorderPairs } from './geography.ts';
import type { YearSpan } from './panel.ts';
import type { RefugeeCorridor, RefugeeTotals } from './refugees.ts';
import { buildRefugees } from './refugees.ts';
import type { SeriesPanels } from './series.ts';
import { DATA_SPAN, buildEconomicSeries } from './series.ts';
import type { SourceRole, WorldSources } from './sources.ts';

/** Version of the derived-file layout; bump when the shape of `WorldData` changes. */
export const WORLD_DATA_FORMAT = 9;

/** The world's data over the full data span, before a year range is chosen. */
export interface WorldData {
  /** Layout version (`WORLD_DATA_FORMAT`). */
  format: number;
  /** SHA-256 of each source file the data were built from, by role. */
  sourceDigests: Record<SourceRole, string>;
  /** The years the series cover (1990–2023). */
  span: YearSpan;
  /** Model countries, sorted by ISO3. */
  countries: Country[];
  /** Every series as a panel over `span`. */
  series: SeriesPanels;
  /** Land-border pairs [i, j], i < j, between model countries. */
  landBorders: [number, number][];
  /** UN DESA bilateral stocks 1990–2005. */
  bilateral: BilateralStocks;
  /** UNHCR world refugee totals per year 1990–2005. */
  refugeeTotals: RefugeeTotals[];
  /** UNHCR refugees by year, asylum country and origin (model countries) 1990–2005 (refugees.ts). */
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

/** Builds the world data from the parsed source files. */
export function buildWorldData(sources: WorldSources, sourceDigests: Record<SourceRole, string>): WorldData {
  const span = DATA_SPAN;
  const knownCodes = knownCountryCodes(sources.countries);
  // every territory the UN DESA file reports as a country of residence is a model country
  const territories = [...destinationsWithStock(sources.bilateralStock)].filter(
    (code) => !UNMAPPED_TERRITORY_CODES.has(code) && knownCodes.has(code),
  );
  const list = selectCountries(sources.countries, sources.m49, sources.groups, {
    codes: new Set(territories),
    sovereigns: territorySovereigns(sources.sovereigns),
  });
  const conflict = buildConflictIntensity(
    sources.conflictYears,
    gleditschWardToIso3(sources.gleditschWard),
    list,
    span,
  );
  const refugees = buildRefugees(sources.refugeePopulation, list, span);
  return {
    format: WORLD_DATA_FORMAT,
    sourceDigests,
    span,
    countries: list.countries,
    series: {
      ...buildEconomicSeries(sources, list, span),
      ...conflict,
      battleDeaths: buildBattleDeaths(sources.battleDeaths, list, span),
      ...buildDeathsByType(sources.deathsByType, list, span),
      refugeesByOrigin: refugees.refugeesByOrigin,
      refugeesByAsylum: refugees.refugeesByAsylum,
      asylumSeekersByAsylum: refugees.asylumSeekersByAsylum,
    },
    landBorders: landBorderPairs(sources.landBorders, list, knownCodes),
    bilateral: buildBilateralStocks(sources.bilateralStock, list, knownCodes),
    refugeeTotals: refugees.totals,
    refugeeCorridors: refugees.corridors,
    coEthnic: buildCoEthnic(sources.coEthnic, list),
    governmentFalls: buildGovernmentFalls(sources.governmentFalls, list),
    conflictRegions: buildConflictRegions(sources.conflictRegions, list),
    settlementCohorts: buildSettlementCohorts(sources.settlementCohorts, list),
  };
}
