/**
 * UN DESA bilateral migrant stocks (International Migrant Stock 2024), origin × destination, for the
 * data years 1990, 1995, 2000 and 2005 (later years are held out).
 *
 * - Destinations are the model countries. Stocks living in territories that are not model countries
 *   (HKG, PRI, MAC, …) are kept as a per-year total, not spread.
 * - Origins are the model countries plus two lines of their own: `OTHER_TERRITORY` (born in a
 *   territory that is not a model country, or in `XCX`) and `UNKNOWN_ORIGIN` (UN DESA's `OOO`,
 *   13–18 M people). Neither is spread over countries.
 * - An absent origin–destination pair is NaN: UN DESA did not estimate it, which is not zero.
 *   An explicit 0 in the file is 0. Totals treat NaN as nothing counted.
 * - Successor states: UN DESA reconstructs the former USSR, Yugoslavia and Czechoslovakia on
 *   today's borders for 1990, so there are no USSR/YUG/CSK codes; people who moved between Soviet
 *   republics before 1991 count as international migrants (this is why 1990 is ~154 M, not ~120 M).
 *   Sudan and South Sudan are reported separately on today's borders for every year.
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex, numberCell, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';

/** Last migrant-stock year shipped; 2010 onward are held out for validation. */
export const MIGRANT_STOCK_LAST_YEAR = 2005;

/** UN DESA's code for other or unknown origin. */
export const UNKNOWN_ORIGIN_CODE = 'OOO';

/** Codes in the file that are neither ISO3 nor `OOO`: a French Caribbean collectivity. */
export const UNMAPPED_TERRITORY_CODES: ReadonlySet<string> = new Set(['XCX']);

/** Bilateral stocks: one destination × origin matrix per data year. */
export interface BilateralStocks {
  /** Data years, ascending (1990, 1995, 2000, 2005). */
  years: number[];
  /** Number of origin lines: the countries, then `OTHER_TERRITORY`, then `UNKNOWN_ORIGIN`. */
  originCount: number;
  /** Number of destinations (= countries). */
  destinationCount: number;
  /** Per data year: stock of people born in origin `o` living in destination `d` at `d * originCount + o`. NaN = not estimated. */
  stock: Float64Array[];
  /** Per data year: the world total over every row of the file, model countries or not. */
  worldTotal: number[];
  /** Per data year: stock living in territories that are not model countries. */
  inOtherTerritories: number[];
}

/** Origin line of people born in a territory that is not a model country. */
export function otherTerritoryOrigin(countryCount: number): number {
  return countryCount;
}

/** Origin line of UN DESA's unknown origin `OOO`. */
export function unknownOrigin(countryCount: number): number {
  return countryCount + 1;
}

/**
 * Reads the bilateral file.
 * @param knownCodes every code of `countries/countries.csv` (countries and territories)
 * @throws `E_WORLD_COUNTRY` at FILE:LINE for a code that is neither a known code nor `OOO`/`XCX`;
 *   `E_WORLD_HELD_OUT` for a year after 2005
 */
export function buildBilateralStocks(
  table: CsvTable,
  countries: CountryList,
  knownCodes: ReadonlySet<string>,
): BilateralStocks {
  const n = countries.countries.length;
  const originCount = n + 2;
  const col = {
    year: columnIndex(table, 'year'),
    dest: columnIndex(table, 'dest'),
    orig: columnIndex(table, 'orig'),
    total: columnIndex(table, 'total'),
  };
  const checkCode = (code: string, r: number) => {
    if (code !== UNKNOWN_ORIGIN_CODE && !UNMAPPED_TERRITORY_CODES.has(code) && !knownCodes.has(code)) {
      throw userError('E_WORLD_COUNTRY', `unknown country code: ${code}`, {
        file: table.file,
        line: table.lines[r],
      });
    }
  };
  const byYear = new Map<number, { stock: Float64Array; world: number; other: number }>();
  for (let r = 0; r < table.rows.length; r++) {
    const year = yearCell(table, r, col.year);
    if (year > MIGRANT_STOCK_LAST_YEAR) {
      throw userError(
        'E_WORLD_HELD_OUT',
        `migrant stock for ${year} is held out (only years ≤ ${MIGRANT_STOCK_LAST_YEAR} belong here)`,
        {
          file: table.file,
          line: table.lines[r],
        },
      );
    }
    const destCode = table.rows[r][col.dest];
    const origCode = table.rows[r][col.orig];
    checkCode(destCode, r);
    checkCode(origCode, r);
    let y = byYear.get(year);
    if (!y)
      byYear.set(year, (y = { stock: new Float64Array(n * originCount).fill(NaN), world: 0, other: 0 }));
    const total = numberCell(table, r, col.total);
    const value = Number.isNaN(total) ? 0 : total;
    y.world += value;
    const d = countries.index.get(destCode);
    if (d === undefined) {
      y.other += value;
      continue;
    }
    const o =
      origCode === UNKNOWN_ORIGIN_CODE
        ? unknownOrigin(n)
        : (countries.index.get(origCode) ?? otherTerritoryOrigin(n));
    const i = d * originCount + o;
    y.stock[i] = (Number.isNaN(y.stock[i]) ? 0 : y.stock[i]) + total;
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return {
    years,
    originCount,
    destinationCount: n,
    stock: years.map((y) => byYear.get(y)!.stock),
    worldTotal: years.map((y) => byYear.get(y)!.world),
    inOtherTerritories: years.map((y) => byYear.get(y)!.other),
  };
}

/**
 * The codes that the bilateral file reports as countries of residence with a positive stock in some
 * year (every destination of the data; the model's country list includes them all).
 */
export function destinationsWithStock(table: CsvTable): Set<string> {
  const dest = columnIndex(table, 'dest');
  const total = columnIndex(table, 'total');
  const out = new Set<string>();
  for (let r = 0; r < table.rows.length; r++)
    if (numberCell(table, r, total) > 0) out.add(table.rows[r][dest]);
  return out;
}

/** The latest data year ≤ `year`, or undefined when `year` is before the first. */
export function nearestStockYearAtOrBefore(stocks: BilateralStocks, year: number): number | undefined {
  let best: number | undefined;
  for (const y of stocks.years) if (y <= year) best = y;
  return best;
}

/** Immigrant stock per destination country in a data year (NaN cells count as nothing). */
export function immigrantStock(stocks: BilateralStocks, yearIndex: number): Float64Array {
  const { originCount: m, destinationCount: n } = stocks;
  const s = stocks.stock[yearIndex];
  const out = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    let sum = 0;
    for (let o = 0; o < m; o++) {
      const v = s[d * m + o];
      if (v === v) sum += v;
    }
    out[d] = sum;
  }
  return out;
}

/** Emigrant stock per origin line (countries, other territory, unknown) living in model countries. */
export function emigrantStock(stocks: BilateralStocks, yearIndex: number): Float64Array {
  const { originCount: m, destinationCount: n } = stocks;
  const s = stocks.stock[yearIndex];
  const out = new Float64Array(m);
  for (let d = 0; d < n; d++) {
    for (let o = 0; o < m; o++) {
      const v = s[d * m + o];
      if (v === v) out[o] += v;
    }
  }
  return out;
}
