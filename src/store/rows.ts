/**
 * Indicator rows in long form (year, indicator, country, value), the shape every run's results
 * take in the store and in exports (their canonical order and digest are the engine's, re-exported
 * here), and a packed columnar form that crosses thread boundaries as transferable typed arrays.
 */
import type { IndicatorRow } from '../sim/indicators.ts';

// the engine makes the rows: their shape, canonical order and digest are its (sim/indicators.ts)
export type { IndicatorRow } from '../sim/indicators.ts';
export { compareRows, digestRows } from '../sim/indicators.ts';

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
