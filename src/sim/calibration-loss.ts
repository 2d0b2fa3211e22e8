/**
 * The calibration's objective: how far a free run from 1990 lies from the shipped data of 1990–2005
 * (held-out years are not in the project's data and are never read), per country.
 *
 * Groups of observed points (each a country, a corridor or the world in a year):
 * - `destinations`: the migrant stock of the 60 largest countries of residence of 2005, in 1995,
 *   2000 and 2005 (UN DESA; twice the 30 the aims score, so the fit does not look only at them);
 * - `corridors`: the 100 largest country-to-country corridors of 2005, in 1995, 2000 and 2005;
 * - `asylum`: UNHCR refugees in the 10 largest countries of asylum of each year 1990–2005;
 * - `regions`: the stock living in the model countries of each UN region, 1995–2005;
 * - `world-stock`: the world migrant stock, 1995–2005; `world-refugees`: UNHCR refugees, 1991–2005.
 *
 * **Loss**: the mean over the groups of each group's mean squared log error,
 * ln((model + f) / (observed + f))², with a floor f per group (1,000 persons for stocks and
 * refugees, 10,000 for corridors, so an empty corridor or country of asylum scores a finite error),
 * divided by the square of the group's aim as a log error (`LOSS_SCALE`: the aims of issue 17 —
 * 0.15 for the destinations and regions, ln 1.25 for the corridors, 0.5 for the countries of asylum,
 * ln 1.10 for the world's refugees, ln 1.03 for the world stock), so each group counts in units of
 * what it aims at: a world stock 17% off (when it aims at 3%) weighs as it should against countries
 * of asylum 50% off (when they aim at a factor e^0.5).
 * Why log errors: errors are multiplicative — a destination twice too large and one half too small
 * weigh the same — and scale-free, so the United States do not outweigh the other destinations as
 * they would in a Poisson deviance or squared errors of persons; why squared: a smooth surface for
 * the simplex search (calibrate.ts). Why the mean over groups: each
 * question the aims ask (where migrants live, which corridors, where the refugees are, how many in
 * all) weighs the same whatever its number of points.
 */
import type { IndicatorRow } from './indicators.ts';
import type { Parameters } from './parameters.ts';
import type { World } from '../world/index.ts';
import { immigrantStock, topCorridors } from '../world/index.ts';

/** First and last calibration year (never later: the later years are held out). */
export const CALIBRATION_YEARS = { first: 1990, last: 2005 } as const;

/** The groups of the loss. */
export const LOSS_GROUPS = [
  'destinations',
  'corridors',
  'asylum',
  'regions',
  'world-stock',
  'world-refugees',
] as const;
export type LossGroup = (typeof LOSS_GROUPS)[number];

/** Destinations, corridors and countries of asylum in the loss. */
export const LOSS_DESTINATIONS = 60;
export const LOSS_CORRIDORS = 100;
export const LOSS_ASYLUM_COUNTRIES = 10;

/** The floor added to model and data in a group's log errors, persons. */
export const LOSS_FLOOR: Record<LossGroup, number> = {
  destinations: 1000,
  corridors: 10000,
  asylum: 1000,
  regions: 1000,
  'world-stock': 1000,
  'world-refugees': 1000,
};

/** The scale of each group's log errors: its aim (issue 17), as a log error. */
export const LOSS_SCALE: Record<LossGroup, number> = {
  destinations: 0.15,
  corridors: Math.log(1.25),
  asylum: 0.5,
  regions: 0.15,
  'world-stock': Math.log(1.03),
  'world-refugees': Math.log(1.1),
};

/** UN M49 regions. */
const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

/** An observed point: the model rows it is read from (summed) and the observed value. */
export interface LossPoint {
  year: number;
  /** `indicator` at each of `countries` (summed), e.g. `migrant_stock` at the countries of a region. */
  indicator: string;
  countries: readonly string[];
  observed: number;
}

export type CalibrationTargets = Record<LossGroup, LossPoint[]>;

/** Every observed point of the loss, from the shipped data (years ≤ 2005). */
export function calibrationTargets(world: World): CalibrationTargets {
  const b = world.bilateral;
  const n = b.destinationCount;
  const iso = world.countries.countries.map((c) => c.iso3);
  const stockYears = b.years.filter((y) => y > CALIBRATION_YEARS.first && y <= CALIBRATION_YEARS.last);
  const stock = new Map(b.years.map((y, k) => [y, immigrantStock(b, k)]));
  const last = stock.get(Math.max(...stockYears))!;
  const destinations = Array.from({ length: n }, (_, d) => d)
    .sort((x, y) => last[y] - last[x] || x - y)
    .slice(0, LOSS_DESTINATIONS)
    .flatMap((d) =>
      stockYears.map((year) => ({
        year,
        indicator: 'migrant_stock',
        countries: [iso[d]],
        observed: stock.get(year)![d],
      })),
    );
  const corridors = topCorridors(world, Math.max(...stockYears), LOSS_CORRIDORS).flatMap((c) => {
    const d = world.countries.index.get(c.destination)!;
    const o = world.countries.index.get(c.origin)!;
    return stockYears.map((year) => {
      const v = b.stock[b.years.indexOf(year)][d * b.originCount + o];
      return {
        year,
        indicator: `corridor_stock:${c.origin}`,
        countries: [c.destination],
        observed: v === v ? v : 0,
      };
    });
  });
  const asylumPanel = world.series.refugeesByAsylum;
  const asylumAt = (y: number, c: number) => asylumPanel[(y - world.span.first) * n + c];
  const asylum: LossPoint[] = [];
  for (let year = CALIBRATION_YEARS.first; year <= CALIBRATION_YEARS.last; year++)
    Array.from({ length: n }, (_, c) => c)
      .filter((c) => asylumAt(year, c) > 0)
      .sort((x, y) => asylumAt(year, y) - asylumAt(year, x) || x - y)
      .slice(0, LOSS_ASYLUM_COUNTRIES)
      .forEach((c) =>
        asylum.push({ year, indicator: 'refugees', countries: [iso[c]], observed: asylumAt(year, c) }),
      );
  const regions = REGIONS.flatMap((region) => {
    const members = world.countries.countries.filter((c) => c.region === region).map((c) => c.iso3);
    const index = members.map((c) => world.countries.index.get(c)!);
    return stockYears.map((year) => ({
      year,
      indicator: 'migrant_stock',
      countries: members,
      observed: index.reduce((s, d) => s + stock.get(year)![d], 0),
    }));
  });
  const worldStock = stockYears.map((year) => ({
    year,
    indicator: 'migrant_stock',
    countries: ['WLD'],
    observed: b.worldTotal[b.years.indexOf(year)],
  }));
  const worldRefugees = world.refugeeTotals
    .filter((t) => t.year > CALIBRATION_YEARS.first && t.year <= CALIBRATION_YEARS.last)
    .sort((x, y) => x.year - y.year)
    .map((t) => ({ year: t.year, indicator: 'refugees', countries: ['WLD'], observed: t.refugees }));
  return {
    destinations,
    corridors,
    asylum,
    regions,
    'world-stock': worldStock,
    'world-refugees': worldRefugees,
  };
}

/** The model's value of each point of a group, from a run's rows (0 where a row is missing). */
export function modelValues(points: readonly LossPoint[], rows: readonly IndicatorRow[]): number[] {
  const value = new Map<string, number>();
  for (const r of rows) value.set(`${r.year}\u0000${r.indicator}\u0000${r.country}`, r.value);
  return points.map((p) =>
    p.countries.reduce((s, c) => s + (value.get(`${p.year}\u0000${p.indicator}\u0000${c}`) ?? 0), 0),
  );
}

/** Each group's mean squared log error, and the mean over the groups of each divided by its scale squared (the loss). */
export interface LossValue {
  total: number;
  groups: Record<LossGroup, number>;
}

/** The loss of a run's rows against the targets. */
export function calibrationLoss(targets: CalibrationTargets, rows: readonly IndicatorRow[]): LossValue {
  const groups = {} as Record<LossGroup, number>;
  let total = 0;
  for (const g of LOSS_GROUPS) {
    const points = targets[g];
    const model = modelValues(points, rows);
    const f = LOSS_FLOOR[g];
    let s = 0;
    points.forEach((p, i) => {
      const e = Math.log((Math.max(model[i], 0) + f) / (p.observed + f));
      s += e * e;
    });
    groups[g] = points.length ? s / points.length : 0;
    total += groups[g] / LOSS_SCALE[g] ** 2 / LOSS_GROUPS.length;
  }
  return { total, groups };
}

/** The free run from 1990 to 2005 with some parameter values, and its loss (calibrate.ts, `evaluator`). */
export interface Evaluator {
  targets: CalibrationTargets;
  run(over: Partial<Parameters>, seed?: number): IndicatorRow[];
  loss(over: Partial<Parameters>, seed?: number): LossValue;
}
