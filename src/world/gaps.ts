/**
 * Gap rules for panels. Which rule a series gets is part of its definition (see `SERIES` in
 * series.ts); the rules themselves are here.
 *
 * - `interpolate-interior`: a missing year between two observed years of the same country is filled
 *   by straight-line interpolation; years before the first or after the last observation stay NaN
 *   (no extrapolation). For slowly moving levels: population, GDP per capita, wage proxy, rates.
 * - `none`: missing stays NaN. For flows that are reported or not (FDI, remittances, aid): a gap
 *   is a country that did not report, and the model must not invent it.
 * - `absent-is-zero`: the source lists events (conflict-years, refugee populations); a country-year
 *   the source does not list is 0 within the source's coverage, NaN outside it.
 */
import type { YearSpan } from './panel.ts';
import { yearCount } from './panel.ts';

/** How missing values of a series are treated. */
export type GapRule = 'interpolate-interior' | 'none' | 'absent-is-zero' | 'imputed-from-gdp';

/**
 * Fills interior gaps of every country's series by linear interpolation, in place.
 * @returns the number of values filled
 */
export function interpolateInterior(panel: Float64Array, span: YearSpan, countryCount: number): number {
  const years = yearCount(span);
  let filled = 0;
  for (let c = 0; c < countryCount; c++) {
    let prev = -1; // last observed year index
    for (let t = 0; t < years; t++) {
      const v = panel[t * countryCount + c];
      if (Number.isNaN(v)) continue;
      if (prev >= 0 && t - prev > 1) {
        const a = panel[prev * countryCount + c];
        for (let k = prev + 1; k < t; k++) {
          panel[k * countryCount + c] = a + ((v - a) * (k - prev)) / (t - prev);
          filled++;
        }
      }
      prev = t;
    }
  }
  return filled;
}
