/**
 * The wage proxy: average labour compensation per worker, 2017 US$ PPP per year.
 *
 * - `wageProxyPpp` (measured): Penn World Table 10, labsh × rgdpo / emp, where PWT has all three
 *   (to 2019; 131 of the 197 countries). Interior gaps interpolated, NaN elsewhere.
 * - `wageProxyFilledPpp` (measured, else imputed from GDP per capita, so every country with WDI
 *   GDP per capita PPP has a value):
 *   1. the measured value where there is one;
 *   2. else, for a country measured in some year, the nearest measured year t0 carried by GDP per
 *      capita growth: w(t0) × g(t) / g(t0), g = WDI GDP per capita PPP (this extends 2020–2023);
 *   3. else g(t) × m, m = the median of w / g over every country-year where both exist (a pooled
 *      ratio: it ignores national differences in labour share and employment rate).
 */
import type { YearSpan } from './panel.ts';
import { yearCount } from './panel.ts';

/** Fills the wage proxy as described above; returns a new panel and the pooled ratio used. */
export function fillWageProxy(
  measured: Float64Array,
  gdpPerCapitaPpp: Float64Array,
  span: YearSpan,
  countryCount: number,
): { filled: Float64Array; pooledRatio: number } {
  const n = countryCount;
  const years = yearCount(span);
  const ratios: number[] = [];
  for (let i = 0; i < measured.length; i++) {
    if (measured[i] > 0 && gdpPerCapitaPpp[i] > 0) ratios.push(measured[i] / gdpPerCapitaPpp[i]);
  }
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  const pooledRatio =
    ratios.length === 0 ? NaN : ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;

  const filled = Float64Array.from(measured);
  for (let c = 0; c < n; c++) {
    for (let t = 0; t < years; t++) {
      const i = t * n + c;
      if (!Number.isNaN(filled[i])) continue;
      const g = gdpPerCapitaPpp[i];
      const t0 = nearestMeasured(measured, gdpPerCapitaPpp, n, years, c, t);
      filled[i] = t0 >= 0 ? (measured[t0 * n + c] * g) / gdpPerCapitaPpp[t0 * n + c] : g * pooledRatio;
    }
  }
  return { filled, pooledRatio };
}

/** Nearest year (earlier wins a tie) with both a measured wage and GDP per capita; -1 if none. */
function nearestMeasured(
  w: Float64Array,
  g: Float64Array,
  n: number,
  years: number,
  c: number,
  t: number,
): number {
  const ok = (k: number) => !Number.isNaN(w[k * n + c]) && g[k * n + c] > 0;
  for (let d = 1; d < years; d++) {
    if (t - d >= 0 && ok(t - d)) return t - d;
    if (t + d < years && ok(t + d)) return t + d;
  }
  return -1;
}
