/**
 * The world data layer: real countries and their yearly series, bilateral migrant stocks,
 * geography and tiers, assembled into a `World` of dense typed arrays. See docs/world-data.md.
 */
export type { CsvTable } from './csv.ts';
export { parseCsv, columnIndex, numberCell, yearCell } from './csv.ts';
export type { Country, CountryList } from './countries.ts';
export {
  LIMITED_RECOGNITION,
  selectCountries,
  countryIndex,
  countryListOf,
  normalizeMledozeCode,
} from './countries.ts';
export type { YearSpan } from './panel.ts';
export { yearCount, newPanel, panelOffset, yearSlice, slicePanel } from './panel.ts';
export type { GapRule } from './gaps.ts';
export { interpolateInterior } from './gaps.ts';
export { fillWageProxy } from './wage.ts';
export type { SeriesInfo, SeriesName, SeriesPanels } from './series.ts';
export { DATA_SPAN, SERIES, SERIES_NAMES } from './series.ts';
export { BATTLE_DEATHS_SPAN, gleditschWardToIso3 } from './conflict.ts';
export type { RefugeeTotals } from './refugees.ts';
export { REFUGEE_LAST_YEAR } from './refugees.ts';
export type { BilateralStocks } from './bilateral.ts';
export {
  MIGRANT_STOCK_LAST_YEAR,
  UNKNOWN_ORIGIN_CODE,
  otherTerritoryOrigin,
  unknownOrigin,
  nearestStockYearAtOrBefore,
  immigrantStock,
  emigrantStock,
} from './bilateral.ts';
export {
  EARTH_RADIUS_KM,
  greatCircleKm,
  distanceMatrix,
  landBorderMatrix,
  diasporaShares,
} from './geography.ts';
export type { Tiers, TierName } from './tier.ts';
export {
  TIER,
  TIER_NAMES,
  TIER_SOURCES,
  CORE_MIN_RATIO,
  SEMI_PERIPHERY_MIN_RATIO,
  deriveTiers,
} from './tier.ts';
export type { WorldData } from './world-data.ts';
export { WORLD_DATA_FORMAT, buildWorldData } from './world-data.ts';
export { DERIVED_FILE, serializeWorldData, parseWorldData } from './derived.ts';
export type { World } from './world.ts';
export { assembleWorld, checkSpan, seriesValue } from './world.ts';
export type { WorldYearSummary, ReportedTotal, Corridor, CountryInConflict } from './summary.ts';
export {
  CORRIDORS_OF_RECORD,
  LARGEST_CORRIDORS_SCORED,
  corridorsOfRecord,
  largestCorridorsOfLastStockYear,
  summarizeYear,
  topCorridors,
} from './summary.ts';
export type { SourceRole, WorldSources } from './sources.ts';
export { SOURCE_FILES } from './sources.ts';
export {
  DEFAULT_WORLD_DIR,
  readWorldSources,
  sourceDigests,
  buildWorldDataFromCsv,
  loadWorldData,
  loadWorld,
} from './load-world.ts';
export type { CoEthnicPopulation } from './co-ethnic.ts';
export { remittanceReporters, modelRemittancesOfReporters } from './remittance-coverage.ts';
