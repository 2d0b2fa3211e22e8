/**
 * The source files the world model is built from, by role. Paths are relative to `data/world/`.
 * (Files copied into data/world but not listed here are kept for calibration work; see
 * data/world/SOURCES.md.)
 */
import type { CsvTable } from './csv.ts';

/** Source file of each role, relative to the data folder. */
export const SOURCE_FILES = {
  countries: 'countries/countries.csv',
  sovereigns: 'countries/territory_sovereigns.csv',
  landBorders: 'countries/land_borders.csv',
  m49: 'countries/un_m49_country_codes.csv',
  groups: 'countries/gapminder_country_groups.csv',
  gleditschWard: 'countries/gleditsch_ward_to_iso3.csv',
  wdi: 'economy/wdi_selected_indicators.csv',
  pwt: 'economy/pwt10_core.csv',
  odaReceived: 'economy/oda_received.csv',
  labour: 'economy/labour_ilostat_gapminder.csv',
  bilateralStock: 'migrant_stock/undesa_ims2024_bilateral_1990_2005.csv',
  refugeePopulation: 'refugees/unhcr_population_1951_2005.csv',
  conflictYears: 'conflict/ucdp_prio_acd_conflict_years.csv',
  battleDeaths: 'conflict/wdi_battle_deaths_1989_2018.csv',
  deathsByType: 'conflict/ucdp_ged_deaths_by_type_country_year.csv',
  coEthnic: 'co_ethnic/co_ethnic_populations.csv',
  governmentFalls: 'conflict/government_falls.csv',
  conflictRegions: 'conflict/conflict_regions.csv',
  settlementCohorts: 'migrant_stock/settlement_cohorts.csv',
} as const;

/** The role of a source file. */
export type SourceRole = keyof typeof SOURCE_FILES;

/** Every source file parsed, by role. */
export type WorldSources = Record<SourceRole, CsvTable>;
