/**
 * Geography between countries: great-circle distances, land borders, and diaspora links.
 * Matrices are n × n, row-major, indexed by country index.
 */
import { userError } from '../shared/errors.ts';
import type { BilateralStocks } from './bilateral.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex } from './csv.ts';
import type { Country, CountryList } from './countries.ts';
import { normalizeMledozeCode } from './countries.ts';

/** Mean Earth radius, km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance between two points in degrees, km (haversine formula). */
export function greatCircleKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance matrix between the countries' representative points (mledoze lat/lng, not capitals),
 * km; `distance[i * n + j]`, zero on the diagonal.
 */
export function distanceMatrix(countries: readonly Country[]): Float64Array {
  const n = countries.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = greatCircleKm(countries[i].lat, countries[i].lng, countries[j].lat, countries[j].lng);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}

/**
 * Land-border pairs between model countries, each as [i, j] with i < j, from
 * `countries/land_borders.csv`. Land borders only (no maritime neighbours: GBR borders only IRL);
 * borders with territories that are not model countries (ESP–GIB) are dropped.
 * @param knownCodes every code of countries.csv; any other code is an error
 */
export function landBorderPairs(
  table: CsvTable,
  countries: CountryList,
  knownCodes: ReadonlySet<string>,
): [number, number][] {
  const a = columnIndex(table, 'iso3');
  const b = columnIndex(table, 'neighbour_iso3');
  const seen = new Set<number>();
  const n = countries.countries.length;
  const pairs: [number, number][] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const codeA = normalizeMledozeCode(table.rows[r][a]);
    const codeB = normalizeMledozeCode(table.rows[r][b]);
    for (const code of [codeA, codeB]) {
      if (!knownCodes.has(code)) {
        throw userError('E_WORLD_COUNTRY', `unknown country code: ${code}`, {
          file: table.file,
          line: table.lines[r],
        });
      }
    }
    const i = countries.index.get(codeA);
    const j = countries.index.get(codeB);
    if (i === undefined || j === undefined || i === j) continue;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    if (seen.has(lo * n + hi)) continue;
    seen.add(lo * n + hi);
    pairs.push([lo, hi]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Symmetric n × n 0/1 matrix of land borders from border pairs. */
export function landBorderMatrix(
  pairs: readonly (readonly [number, number])[],
  countryCount: number,
): Uint8Array {
  const m = new Uint8Array(countryCount * countryCount);
  for (const [i, j] of pairs) {
    m[i * countryCount + j] = 1;
    m[j * countryCount + i] = 1;
  }
  return m;
}

/**
 * Diaspora links in a data year: for each origin country `o`, the share of its emigrants (living
 * in model countries) who live in destination `d`, at `o * n + d`. Rows sum to 1, or are all 0 for
 * an origin with no emigrant recorded. Pairs UN DESA did not estimate count as no link.
 */
export function diasporaShares(stocks: BilateralStocks, yearIndex: number): Float64Array {
  const n = stocks.destinationCount;
  const m = stocks.originCount;
  const s = stocks.stock[yearIndex];
  const out = new Float64Array(n * n);
  for (let o = 0; o < n; o++) {
    let total = 0;
    for (let d = 0; d < n; d++) {
      const v = s[d * m + o];
      if (v > 0) total += v;
    }
    if (total === 0) continue;
    for (let d = 0; d < n; d++) {
      const v = s[d * m + o];
      if (v > 0) out[o * n + d] = v / total;
    }
  }
  return out;
}
