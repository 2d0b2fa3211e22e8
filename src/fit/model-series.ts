/**
 * The model's values of the observed series, read off the engine's indicator rows (averaged over
 * the seeds of the fit's ensemble):
 * world stock = `migrant_stock` of `WLD`; a region's stock = the sum of `migrant_stock` over its
 * countries; a corridor = `corridor_stock` of the destination with the origin in the indicator name
 * (`corridor_stock:MEX` at `USA`); refugees = `refugees` of `WLD`, and of a country for its refugees as a
 * country of asylum; remittances = `remittances_usd` summed over the countries that report them that
 * year in the data (src/world/remittance-coverage.ts);
 * deaths en route (out of sample) = `deaths_en_route` of `WLD`.
 */
import type { IndicatorRow } from '../store/index.ts';
import type { World } from '../world/index.ts';
import { modelRemittancesOfReporters } from '../world/index.ts';
import type { Prediction } from './baselines.ts';
import type { TargetSeries } from './targets.ts';

/** Mean value per (year, indicator, country) over several runs' rows. */
export function meanRows(runs: readonly (readonly IndicatorRow[])[]): IndicatorRow[] {
  const acc = new Map<string, { row: IndicatorRow; sum: number; n: number }>();
  for (const rows of runs) {
    for (const r of rows) {
      if (!Number.isFinite(r.value)) continue;
      const key = `${r.year}\u0000${r.indicator}\u0000${r.country}`;
      const a = acc.get(key);
      if (a) {
        a.sum += r.value;
        a.n++;
      } else acc.set(key, { row: r, sum: r.value, n: 1 });
    }
  }
  return [...acc.values()].map(({ row, sum, n }) => ({ ...row, value: sum / n }));
}

/** The indicator and country a corridor's model value is read from. */
export function corridorIndicator(
  origin: string,
  destination: string,
): { indicator: string; country: string } {
  return { indicator: `corridor_stock:${origin}`, country: destination };
}

/** The model's prediction of every series it has values for. */
export function modelPredictions(
  world: World,
  rows: readonly IndicatorRow[],
  series: readonly TargetSeries[],
): Map<string, Prediction> {
  const value = new Map<string, number>();
  for (const r of rows) value.set(`${r.year}\u0000${r.indicator}\u0000${r.country}`, r.value);
  const get = (year: number, indicator: string, country: string) =>
    value.get(`${year}\u0000${indicator}\u0000${country}`);
  const countries = world.countries.countries;
  const out = new Map<string, Prediction>();
  for (const s of series) {
    const pred: Prediction = new Map();
    for (const year of s.years) {
      let v: number | undefined;
      if (s.id === 'stock:WLD') v = get(year, 'migrant_stock', 'WLD');
      else if (s.group === 'regional stock') {
        const region = s.id.slice('stock:'.length);
        let sum = 0;
        let seen = false;
        for (const c of countries) {
          if (c.region !== region) continue;
          const x = get(year, 'migrant_stock', c.iso3);
          if (x !== undefined) {
            sum += x;
            seen = true;
          }
        }
        v = seen ? sum : undefined;
      } else if (s.group === 'corridor stock') {
        const [o, d] = s.id.slice('corridor:'.length).split('>');
        const { indicator, country } = corridorIndicator(o, d);
        v = get(year, indicator, country);
      } else if (s.id === 'refugees:WLD') v = get(year, 'refugees', 'WLD');
      else if (s.group === 'refugees by country of asylum')
        v = get(year, 'refugees', s.id.slice('refugees:'.length));
      else if (s.id === 'remittances:WLD')
        v = modelRemittancesOfReporters(world, year, (c) => get(year, 'remittances_usd', c));
      else if (s.id === 'deaths:WLD') v = get(year, 'deaths_en_route', 'WLD');
      if (v !== undefined) pred.set(year, v);
    }
    if (pred.size) out.set(s.id, pred);
  }
  return out;
}
