/**
 * The two baselines the model's fit is compared with.
 *
 * **Persistence** (the last observed growth carried forward): standing in `PERSISTENCE_ORIGIN`
 * (1995) and knowing the data up to then, each series grows on at its average annual rate of
 * 1990–1995: x̂(t) = x(1995) · (x(1995) / x(1990))^((t − 1995) / 5). It predicts the years after 1995.
 *
 * **Gravity** (PPML, `ppml.ts`): the bilateral stock of each country pair (o → d) in 1995, 2000
 * and 2005 is fitted as exp(β₀ + β₁ ln distance + β₂ contiguity + β₃ ln pop_o + β₄ ln pop_d +
 * β₅ ln GDP pc_o + β₆ ln GDP pc_d + β₇ ln(1 + diaspora₁₉₉₀) + year effects), with distance between
 * representative points (km), a shared land border, population (UN WPP), GDP per capita (PPP,
 * constant 2021 $; a missing value takes the nearest year of the same country with one, e.g.
 * Afghanistan's before 2000) and the pair's own 1990 stock as the diaspora. It is fitted on the very years it
 * predicts (in sample), which favours it. Aggregates (world, regions) are the sums of the fitted
 * pairs plus what the pairs do not cover (unknown origin, territories, pairs with missing
 * regressors), held at its 1990 level. Gravity predicts stocks only: refugees and remittances have
 * no gravity baseline.
 */
import type { World } from '../world/index.ts';
import { fitPpml, ppmlMean } from './ppml.ts';
import type { PpmlFit } from './ppml.ts';
import type { TargetSeries } from './targets.ts';
import { REGIONS } from './targets.ts';

/** A prediction per year. */
export type Prediction = Map<number, number>;

/** The year persistence stands in. */
export const PERSISTENCE_ORIGIN = 1995;

/** The year whose growth to `PERSISTENCE_ORIGIN` persistence carries forward. */
export const PERSISTENCE_BASE = 1990;

/**
 * Persistence forecast of a series for its years after `origin`: the annual growth from `base` to
 * `origin` carried forward (flat when the growth is undefined; none when `origin` is not observed).
 */
export function persistence(
  series: TargetSeries,
  base: number = PERSISTENCE_BASE,
  origin: number = PERSISTENCE_ORIGIN,
): Prediction {
  const at = (y: number) => {
    const i = series.years.indexOf(y);
    return i >= 0 ? series.observed[i] : NaN;
  };
  const x0 = at(base);
  const x1 = at(origin);
  const annual = x0 > 0 && x1 > 0 ? (x1 / x0) ** (1 / (origin - base)) : 1;
  const out: Prediction = new Map();
  for (const y of series.years)
    if (y > origin && Number.isFinite(x1)) out.set(y, x1 * annual ** (y - origin));
  return out;
}

/** Names of the gravity regressors, in coefficient order. */
export const GRAVITY_REGRESSORS = [
  'constant',
  'ln_distance_km',
  'contiguity',
  'ln_population_origin',
  'ln_population_destination',
  'ln_gdp_pc_origin',
  'ln_gdp_pc_destination',
  'ln_1p_diaspora_1990',
  'year_2000',
  'year_2005',
] as const;

/** Years the gravity model is fitted on (the stock years after the 1990 diaspora). */
export const GRAVITY_YEARS = [1995, 2000, 2005] as const;

/** The fitted gravity model and its predictions per pair. */
export interface GravityModel {
  fit: PpmlFit;
  /** Per fitted year: `pairs` (d * originCount + o) and their fitted stock. */
  fitted: Map<number, { pairs: Int32Array; stock: Float64Array }>;
}

/** A year-major panel with each missing value taken from the nearest year of the same country that has one. */
export function nearestYearFilled(panel: Float64Array, n: number): Float64Array {
  const years = panel.length / n;
  const out = Float64Array.from(panel);
  for (let c = 0; c < n; c++) {
    for (let y = 0; y < years; y++) {
      if (Number.isFinite(panel[y * n + c])) continue;
      for (let k = 1; k < years; k++) {
        const before = y - k >= 0 ? panel[(y - k) * n + c] : NaN;
        const after = y + k < years ? panel[(y + k) * n + c] : NaN;
        if (Number.isFinite(before) || Number.isFinite(after)) {
          out[y * n + c] = Number.isFinite(before) ? before : after;
          break;
        }
      }
    }
  }
  return out;
}

/** Fits the gravity model on the world's bilateral stocks. */
export function fitGravity(world: World): GravityModel {
  const b = world.bilateral;
  const n = b.destinationCount;
  const m = b.originCount;
  const base = b.stock[b.years.indexOf(1990)];
  const pop = nearestYearFilled(world.series.population, n);
  const gdp = nearestYearFilled(world.series.gdpPerCapitaPpp, n);
  const value = (panel: Float64Array, year: number, c: number) => panel[(year - world.span.first) * n + c];
  const rows: Float64Array[] = [];
  const y: number[] = [];
  const where: { year: number; pair: number }[] = [];
  for (const year of GRAVITY_YEARS) {
    const s = b.stock[b.years.indexOf(year)];
    for (let d = 0; d < n; d++) {
      const popD = value(pop, year, d);
      const gdpD = value(gdp, year, d);
      if (!(popD > 0 && gdpD > 0)) continue;
      for (let o = 0; o < n; o++) {
        if (o === d) continue;
        const i = d * m + o;
        const stock = s[i];
        const diaspora = base[i];
        const popO = value(pop, year, o);
        const gdpO = value(gdp, year, o);
        if (!(stock >= 0 && diaspora >= 0 && popO > 0 && gdpO > 0)) continue;
        rows.push(
          Float64Array.of(
            1,
            Math.log(Math.max(world.distanceKm[d * n + o], 1)),
            world.landBorder[d * n + o],
            Math.log(popO),
            Math.log(popD),
            Math.log(gdpO),
            Math.log(gdpD),
            Math.log1p(diaspora),
            year === 2000 ? 1 : 0,
            year === 2005 ? 1 : 0,
          ),
        );
        y.push(stock);
        where.push({ year, pair: i });
      }
    }
  }
  const fit = fitPpml(rows, y);
  const fitted = new Map<number, { pairs: Int32Array; stock: Float64Array }>();
  for (const year of GRAVITY_YEARS) {
    const idx = where.map((w, k) => (w.year === year ? k : -1)).filter((k) => k >= 0);
    fitted.set(year, {
      pairs: Int32Array.from(idx.map((k) => where[k].pair)),
      stock: Float64Array.from(idx.map((k) => ppmlMean(fit.coefficients, rows[k]))),
    });
  }
  return { fit, fitted };
}

/**
 * The gravity model's prediction of each stock series (world, regions, corridors) for the fitted
 * years; other series get none.
 */
export function gravityPredictions(
  world: World,
  model: GravityModel,
  series: readonly TargetSeries[],
): Map<string, Prediction> {
  const b = world.bilateral;
  const m = b.originCount;
  const countries = world.countries.countries;
  const base = b.stock[b.years.indexOf(1990)];
  const out = new Map<string, Prediction>();
  const regionOf = (pair: number) => countries[Math.floor(pair / m)].region;
  for (const s of series) {
    const pred: Prediction = new Map();
    for (const [year, f] of model.fitted) {
      if (!s.years.includes(year)) continue;
      if (s.group === 'corridor stock') {
        const [o, d] = s.id
          .slice('corridor:'.length)
          .split('>')
          .map((c) => world.countries.index.get(c)!);
        const k = f.pairs.indexOf(d * m + o);
        if (k >= 0) pred.set(year, f.stock[k]);
      } else if (s.group === 'world stock' || s.group === 'regional stock') {
        const region = s.group === 'regional stock' ? s.id.slice('stock:'.length) : undefined;
        if (region !== undefined && !(REGIONS as readonly string[]).includes(region)) continue;
        const keep = (pair: number) => region === undefined || regionOf(pair) === region;
        let fittedSum = 0;
        let coveredIn1990 = 0;
        for (let k = 0; k < f.pairs.length; k++) {
          if (!keep(f.pairs[k])) continue;
          fittedSum += f.stock[k];
          coveredIn1990 += base[f.pairs[k]];
        }
        const observed1990 = s.observed[s.years.indexOf(1990)];
        pred.set(year, fittedSum + (observed1990 - coveredIn1990));
      }
    }
    if (pred.size) out.set(s.id, pred);
  }
  return out;
}
