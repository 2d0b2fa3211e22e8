/**
 * Refugee series from the UNHCR population statistics (end-of-year stocks, ≤ 2005 only).
 *
 * - Refugees include refugee-like situations; asylum seekers are pending cases. Palestine refugees
 *   under UNRWA's mandate are not in UNHCR's data and so not here.
 * - Held out: years after 2005 are NaN (SOURCES.md: 2006 onward are validation data, not shipped).
 * - Within 1990–2005 a country-year UNHCR does not list is 0.
 * - Origins that are not model countries are kept in the world totals, never spread over
 *   countries: `UNK` (unknown or various origin), `XXA` (stateless), `ESH` (Western Sahara, the
 *   Sahrawi refugees in Algeria), `TIB` (Tibetans) and a few territories.
 * - Sudan/South Sudan: UNHCR reports Sudan within its pre-2011 borders, so Sudanese refugees of those
 *   years are all under SDN; South Sudan's refugee series are NaN before 2011 (counted in SDN).
 */
import type { CsvTable } from './csv.ts';
import { columnIndex, numberCell, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';
import type { YearSpan } from './panel.ts';
import { newPanel, panelOffset } from './panel.ts';

/** Last year of refugee data in the project; later years are held out for validation. */
export const REFUGEE_LAST_YEAR = 2005;

/** UNHCR's ISO code for unknown or various origin. */
export const UNKNOWN_ORIGIN_UNHCR = 'UNK';

/** World refugee totals of one year, over every row of the file (model countries or not). */
export interface RefugeeTotals {
  year: number;
  /** All refugees (incl. refugee-like) under UNHCR's mandate. */
  refugees: number;
  /** Of which with unknown or various origin (`UNK`). */
  unknownOrigin: number;
  /** Of which from an origin that is not a model country (stateless, ESH, TIB, territories). */
  otherOrigin: number;
  /** Asylum seekers pending at the end of the year. */
  asylumSeekers: number;
}

/**
 * Refugees of one year in one country of asylum from one origin, both model countries:
 * `[year, asylum, origin, refugees]` (rows of the same triple summed). Only the starting year's
 * corridors enter a run (the starting population, src/sim/init.ts); later years are the data the
 * fit scores against, never model input.
 */
export type RefugeeCorridor = [number, number, number, number];

/** Refugee panels by origin and by asylum country, and world totals per data year. */
export function buildRefugees(
  table: CsvTable,
  countries: CountryList,
  span: YearSpan,
): {
  refugeesByOrigin: Float64Array;
  refugeesByAsylum: Float64Array;
  asylumSeekersByAsylum: Float64Array;
  totals: RefugeeTotals[];
  corridors: RefugeeCorridor[];
} {
  const n = countries.countries.length;
  const byOrigin = newPanel(span, n);
  const byAsylum = newPanel(span, n);
  const seekers = newPanel(span, n);
  const last = Math.min(span.last, REFUGEE_LAST_YEAR);
  for (let y = span.first; y <= last; y++) {
    for (const p of [byOrigin, byAsylum, seekers]) p.fill(0, (y - span.first) * n, (y - span.first + 1) * n);
  }
  const col = {
    year: columnIndex(table, 'year'),
    coo: columnIndex(table, 'coo_iso'),
    coa: columnIndex(table, 'coa_iso'),
    refugees: columnIndex(table, 'refugees'),
    seekers: columnIndex(table, 'asylum_seekers'),
  };
  const totals = new Map<number, RefugeeTotals>();
  const corridors = new Map<string, RefugeeCorridor>();
  for (let r = 0; r < table.rows.length; r++) {
    const year = yearCell(table, r, col.year);
    if (year < span.first || year > last) continue;
    const refugees = numberCell(table, r, col.refugees) || 0;
    const pending = numberCell(table, r, col.seekers) || 0;
    const coo = table.rows[r][col.coo];
    const origin = countries.index.get(coo);
    const asylum = countries.index.get(table.rows[r][col.coa]);
    let t = totals.get(year);
    if (!t) totals.set(year, (t = { year, refugees: 0, unknownOrigin: 0, otherOrigin: 0, asylumSeekers: 0 }));
    t.refugees += refugees;
    t.asylumSeekers += pending;
    if (coo === UNKNOWN_ORIGIN_UNHCR) t.unknownOrigin += refugees;
    else if (origin === undefined) t.otherOrigin += refugees;
    if (origin !== undefined) byOrigin[panelOffset(span, n, year, origin)] += refugees;
    if (asylum !== undefined) {
      byAsylum[panelOffset(span, n, year, asylum)] += refugees;
      seekers[panelOffset(span, n, year, asylum)] += pending;
    }
    if (origin !== undefined && asylum !== undefined && origin !== asylum && refugees > 0) {
      const key = `${year} ${asylum} ${origin}`;
      const c = corridors.get(key);
      if (c) c[3] += refugees;
      else corridors.set(key, [year, asylum, origin, refugees]);
    }
  }
  const ssd = countries.index.get('SSD');
  if (ssd !== undefined) {
    for (let y = span.first; y <= last; y++) {
      for (const p of [byOrigin, byAsylum, seekers]) p[panelOffset(span, n, y, ssd)] = NaN;
    }
  }
  return {
    refugeesByOrigin: byOrigin,
    refugeesByAsylum: byAsylum,
    asylumSeekersByAsylum: seekers,
    totals: [...totals.values()].sort((a, b) => a.year - b.year),
    corridors: [...corridors.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]),
  };
}
