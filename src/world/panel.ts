/**
 * The dense layout every country × year array of the world uses.
 *
 * A panel is a `Float64Array` of `years × countries` values, **year-major**: the value of country
 * `c` in year `y` is at `(y - span.first) * countryCount + c`. One year of all countries is a
 * contiguous slice, which is what a yearly step of the engine reads. `NaN` means missing.
 */

/** An inclusive range of calendar years. */
export interface YearSpan {
  /** First year, inclusive. */
  first: number;
  /** Last year, inclusive. */
  last: number;
}

/** Number of years in a span. */
export function yearCount(span: YearSpan): number {
  return span.last - span.first + 1;
}

/** A new panel filled with `fill` (NaN by default: missing). */
export function newPanel(span: YearSpan, countryCount: number, fill = NaN): Float64Array {
  return new Float64Array(yearCount(span) * countryCount).fill(fill);
}

/** Offset of (year, country) in a panel; -1 when the year is outside the span. */
export function panelOffset(span: YearSpan, countryCount: number, year: number, country: number): number {
  if (year < span.first || year > span.last) return -1;
  return (year - span.first) * countryCount + country;
}

/** The values of all countries in one year (a view, not a copy). */
export function yearSlice(
  panel: Float64Array,
  span: YearSpan,
  countryCount: number,
  year: number,
): Float64Array {
  const t = year - span.first;
  return panel.subarray(t * countryCount, (t + 1) * countryCount);
}

/** Copies the sub-span `to` out of a panel laid out over `from`. */
export function slicePanel(
  panel: Float64Array,
  from: YearSpan,
  to: YearSpan,
  countryCount: number,
): Float64Array {
  const start = (to.first - from.first) * countryCount;
  return panel.slice(start, start + yearCount(to) * countryCount);
}
