/**
 * Country-year series for the root-cause estimates, read from the shipped world data
 * (data/world/SOURCES-conflict-arms.md, data/world/SOURCES-rootcauses.md). Pure apart from
 * `readSeriesFile`: parsing takes text and returns maps, so tests can feed small tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../shared/errors.ts';
import type { CsvTable } from '../world/csv.ts';
import { parseCsv } from '../world/csv.ts';
import { DEFAULT_WORLD_DIR } from '../world/index.ts';

/** A series by country (ISO3) and year. */
export type CountryYearSeries = Map<string, Map<number, number>>;

/** The files the estimates read, relative to data/world. */
export const ROOT_CAUSE_FILES = {
  armsImports: 'arms/sipri_tiv_imports_recipient_year.csv',
  armsExports: 'arms/sipri_tiv_exports_supplier_year.csv',
  deathsByType: 'conflict/ucdp_ged_deaths_by_type_country_year.csv',
  termsOfTrade: 'economy/terms_of_trade_pwt10.csv',
  pwt: 'economy/pwt10_core.csv',
  groups: 'countries/gapminder_country_groups.csv',
  socialProtection: 'social/social_protection_aspire.csv',
  agriSupport: 'economy/agri_support_agrimonitor_country_year.csv',
  agricultureShare: 'economy/agriculture_share_gdp_wdi.csv',
  wdi: 'economy/wdi_selected_indicators.csv',
  odaReceived: 'economy/oda_received.csv',
} as const;

/** Index of a named column, or a `FILE:1` error naming what is missing. */
export function columnIndex(table: CsvTable, name: string): number {
  const i = table.columns.indexOf(name);
  if (i < 0)
    throw userError('E_WORLD_CSV', `missing column ${JSON.stringify(name)}`, { file: table.file, line: 1 });
  return i;
}

/**
 * One numeric column of a tidy `iso3,year,…` table as a series; empty cells are left out.
 * A cell that is not a number is an error at its line.
 */
export function seriesOf(table: CsvTable, column: string, keyColumn = 'iso3'): CountryYearSeries {
  const ci = columnIndex(table, keyColumn);
  const yi = columnIndex(table, 'year');
  const vi = columnIndex(table, column);
  const out: CountryYearSeries = new Map();
  table.rows.forEach((row, r) => {
    const cell = row[vi].trim();
    if (cell === '') return;
    const year = Number(row[yi]);
    const value = Number(cell);
    if (!Number.isInteger(year) || !Number.isFinite(value))
      throw userError('E_WORLD_CSV', `not a number in ${column} or year: ${JSON.stringify(row.join(','))}`, {
        file: table.file,
        line: table.lines[r],
      });
    const iso3 = row[ci].trim().toUpperCase();
    let byYear = out.get(iso3);
    if (!byYear) out.set(iso3, (byYear = new Map()));
    byYear.set(year, value);
  });
  return out;
}

/** The value of a series, or `fallback` where it has none. */
export function valueAt(s: CountryYearSeries, iso3: string, year: number, fallback: number): number {
  return s.get(iso3)?.get(year) ?? fallback;
}

/** Reads and parses one of the root-cause files from a world-data folder. */
export function readSeriesFile(path: string, dir = DEFAULT_WORLD_DIR): CsvTable {
  return parseCsv(readFileSync(join(dir, path), 'utf8'), `data/world/${path}`);
}

/**
 * A reader of a file's percentage column as shares (0–1) by country and year, each data folder read
 * once (the levers ask for it on every application).
 */
export function shareSeriesReader(
  file: keyof typeof ROOT_CAUSE_FILES,
  percentColumn: string,
): (dir?: string) => CountryYearSeries {
  const cache = new Map<string, CountryYearSeries>();
  return (dir = DEFAULT_WORLD_DIR) => {
    let s = cache.get(dir);
    if (!s) {
      const pct = seriesOf(readSeriesFile(ROOT_CAUSE_FILES[file], dir), percentColumn);
      s = new Map(
        [...pct].map(([iso3, byYear]) => [iso3, new Map([...byYear].map(([y, v]) => [y, v / 100]))]),
      );
      cache.set(dir, s);
    }
    return s;
  };
}
