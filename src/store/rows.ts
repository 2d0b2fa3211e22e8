/**
 * Indicator rows in long form (year, indicator, country, value), the shape every run's results
 * take in the store and in exports; a canonical digest of a set of rows; and a packed columnar
 * form that crosses thread boundaries as transferable typed arrays.
 */
import { createHash } from 'node:crypto';

/** One indicator value: a year, an indicator name, a country (ISO3, or `WLD` for the world total) and a value. */
export interface IndicatorRow {
  year: number;
  indicator: string;
  country: string;
  value: number;
}

/** Country code of world totals. */
export const WORLD = 'WLD';

/** Rows as columns: dictionary-coded strings and typed arrays, cheap to post between threads. */
export interface PackedRows {
  /** Distinct indicator names; `indicator[i]` indexes it. */
  indicators: string[];
  /** Distinct country codes; `country[i]` indexes it. */
  countries: string[];
  year: Int16Array;
  indicator: Uint16Array;
  country: Uint16Array;
  value: Float64Array;
}

/** Packs rows into columns (order kept). */
export function packRows(rows: readonly IndicatorRow[]): PackedRows {
  const indicators: string[] = [];
  const countries: string[] = [];
  const iIndex = new Map<string, number>();
  const cIndex = new Map<string, number>();
  const n = rows.length;
  const out: PackedRows = {
    indicators,
    countries,
    year: new Int16Array(n),
    indicator: new Uint16Array(n),
    country: new Uint16Array(n),
    value: new Float64Array(n),
  };
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    let i = iIndex.get(row.indicator);
    if (i === undefined) iIndex.set(row.indicator, (i = indicators.push(row.indicator) - 1));
    let c = cIndex.get(row.country);
    if (c === undefined) cIndex.set(row.country, (c = countries.push(row.country) - 1));
    out.year[r] = row.year;
    out.indicator[r] = i;
    out.country[r] = c;
    out.value[r] = row.value;
  }
  return out;
}

/** Unpacks columns into rows. */
export function unpackRows(p: PackedRows): IndicatorRow[] {
  const rows: IndicatorRow[] = new Array(p.value.length);
  for (let r = 0; r < rows.length; r++) {
    rows[r] = {
      year: p.year[r],
      indicator: p.indicators[p.indicator[r]],
      country: p.countries[p.country[r]],
      value: p.value[r],
    };
  }
  return rows;
}

/** The typed arrays of a packed set, to hand to `postMessage` as transferables. */
export function transferablesOf(p: PackedRows): ArrayBuffer[] {
  return [p.year.buffer, p.indicator.buffer, p.country.buffer, p.value.buffer] as ArrayBuffer[];
}

/** Orders rows by year, indicator, country (the order of the store, the exports and the digest). */
export function compareRows(a: IndicatorRow, b: IndicatorRow): number {
  return a.year - b.year || cmp(a.indicator, b.indicator) || cmp(a.country, b.country);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SHA-256 of a set of rows, independent of their order: rows sorted by (year, indicator, country),
 * one line `year\tindicator\tcountry\tvalue\n` each, the value in JavaScript's shortest
 * round-trip form (exact for every double). The engine digests its rows the same way, so a run's
 * rows read back from the store give the engine's digest.
 * @returns 64 hex digits
 */
export function digestRows(rows: readonly IndicatorRow[]): string {
  const sorted = [...rows].sort(compareRows);
  const hash = createHash('sha256');
  for (const r of sorted) hash.update(`${r.year}\t${r.indicator}\t${r.country}\t${r.value}\n`);
  return hash.digest('hex');
}
