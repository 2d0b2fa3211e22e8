/**
 * The world model's aims where it matters (issue 17): who goes where and who flees, per country, in
 * sample. The free run from 1990 (the model's own dynamics, nothing observed after its start) is
 * scored against the shipped UN DESA stocks and UNHCR refugees of 1990–2005, beside two baselines
 * that know the data of 1990:
 *
 * - **persistence**: every country's (corridor's) 1990 value held constant;
 * - **growth** (stocks only): the 1990 value scaled by the world stock's growth since 1990;
 * - **gravity** (stocks only, years 1995–2005): the PPML model of baselines.ts, fitted on those very
 *   years, so it is in sample and favoured; a destination's value is the sum of its fitted pairs
 *   plus what the pairs leave out, held at 1990.
 *
 * Groups and metrics (a group's score is computed over the points a method predicts):
 * - `destinations`: the 30 largest countries of residence of 2005 (UN DESA, every origin), mean
 *   |ln(predicted / observed)| over 1995, 2000 and 2005 — a log error, so a destination twice too
 *   large and one half too small weigh the same, and the large ones do not swamp the rest;
 * - `corridors`: the 100 largest country-to-country corridors of 2005, each corridor's mean
 *   |predicted / observed − 1| over 1995, 2000 and 2005, then the median over the corridors, %;
 * - `refugees`: world refugees under UNHCR's mandate, MAPE 1991–2005, %;
 * - `asylum`: the 10 largest countries of asylum of each year 1990–2005 (UNHCR), mean
 *   |ln(predicted / observed)|, a prediction below 1,000 persons counted as 1,000 (an empty
 *   country of asylum would otherwise score by the log of one person);
 * - `world-stock`: the world migrant stock, the largest |predicted / observed − 1| over the stock
 *   years 1990–2005, %.
 */
import type { IndicatorRow } from '../store/index.ts';
import type { World } from '../world/index.ts';
import { immigrantStock, largestCorridorsOfLastStockYear } from '../world/index.ts';
import type { GravityModel } from './baselines.ts';
import { FIT_SPAN } from './targets.ts';

/** The groups of the aims, in print order. */
export const AIM_GROUPS = ['destinations', 'corridors', 'refugees', 'asylum', 'world-stock'] as const;
export type AimGroupId = (typeof AIM_GROUPS)[number];

/** The baselines and the model. */
export const AIM_METHODS = ['model', 'persistence', 'growth', 'gravity'] as const;
export type AimMethod = (typeof AIM_METHODS)[number];

/** How many of the largest destinations and countries of asylum are scored. */
export const LARGEST_DESTINATIONS = 30;
export const LARGEST_COUNTRIES_OF_ASYLUM = 10;
/** The stock years after the start that the stock groups are scored on. */
export const AIM_STOCK_YEARS = [1995, 2000, 2005] as const;
/** A predicted refugee population below this counts as this in the log error of the `asylum` group. */
export const ASYLUM_FLOOR = 1000;

/** What each group measures and the value it aims at (issue 17): lower is better. */
export const AIM_INFO: Record<AimGroupId, { title: string; metric: string; aim: number; unit: '' | '%' }> = {
  destinations: {
    title: `${LARGEST_DESTINATIONS} largest destinations of 2005`,
    metric: 'mean |ln(predicted / observed)| over 1995, 2000, 2005',
    aim: 0.15,
    unit: '',
  },
  corridors: {
    title: '100 largest corridors of 2005',
    metric: 'median over the corridors of their mean |predicted / observed − 1| over 1995, 2000, 2005',
    aim: 25,
    unit: '%',
  },
  refugees: {
    title: 'world refugees (UNHCR mandate)',
    metric: 'mean |predicted / observed − 1| over 1991–2005',
    aim: 10,
    unit: '%',
  },
  asylum: {
    title: `${LARGEST_COUNTRIES_OF_ASYLUM} largest countries of asylum of each year`,
    metric: `mean |ln(max(predicted, ${ASYLUM_FLOOR}) / observed)| over 1990–2005`,
    aim: 0.5,
    unit: '',
  },
  'world-stock': {
    title: 'world migrant stock',
    metric: 'largest |predicted / observed − 1| over 1990, 1995, 2000, 2005',
    aim: 3,
    unit: '%',
  },
};

/** One observed point of a group, with each method's prediction (null where it has none). */
export interface AimPoint {
  /** ISO3 of the country (the destination of a corridor), or `WLD`. */
  country: string;
  /** ISO3 of a corridor's origin. */
  origin?: string;
  year: number;
  observed: number;
  model: number | null;
  persistence: number | null;
  growth: number | null;
  gravity: number | null;
}

/** A group's scores and points. */
export interface AimGroup {
  id: AimGroupId;
  title: string;
  metric: string;
  aim: number;
  unit: '' | '%';
  /** Score per method (null where the method predicts none of the points). */
  model: number | null;
  persistence: number | null;
  growth: number | null;
  gravity: number | null;
  /** Whether the model's score is within the aim. */
  met: boolean;
  countries: AimPoint[];
}

/** The observed points of every group, with the baselines' predictions (the model's left null). */
export function aimPoints(world: World, gravity?: GravityModel): Record<AimGroupId, AimPoint[]> {
  const b = world.bilateral;
  const n = b.destinationCount;
  const m = b.originCount;
  const iso = world.countries.countries.map((c) => c.iso3);
  const yearIndex = (y: number) => b.years.indexOf(y);
  const first = yearIndex(FIT_SPAN.first);
  const growth = (y: number) => b.worldTotal[yearIndex(y)] / b.worldTotal[first];
  const stockOf = b.years.map((_, k) => immigrantStock(b, k));
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const gravityPair = (year: number) => {
    const f = gravity?.fitted.get(year);
    const map = new Map<number, number>();
    if (f) for (let k = 0; k < f.pairs.length; k++) map.set(f.pairs[k], f.stock[k]);
    return map;
  };
  const gravityByYear = new Map(AIM_STOCK_YEARS.map((y) => [y as number, gravityPair(y)]));
  // gravity per destination: its fitted pairs, plus what they leave out at its 1990 level
  const gravityDestination = (d: number, year: number): number | null => {
    const f = gravityByYear.get(year);
    if (!f || f.size === 0) return null;
    let sum = 0;
    let covered1990 = 0;
    for (let o = 0; o < m; o++) {
      const v = f.get(d * m + o);
      if (v === undefined) continue;
      sum += v;
      const base = b.stock[first][d * m + o];
      if (base === base) covered1990 += base;
    }
    return sum + (stockOf[first][d] - covered1990);
  };

  const last = b.years.length - 1;
  const destinations = Array.from({ length: n }, (_, d) => d)
    .sort((x, y) => stockOf[last][y] - stockOf[last][x] || x - y)
    .slice(0, LARGEST_DESTINATIONS);
  const destinationPoints = destinations.flatMap((d) =>
    AIM_STOCK_YEARS.map((year) => ({
      country: iso[d],
      year,
      observed: stockOf[yearIndex(year)][d],
      model: null,
      persistence: stockOf[first][d],
      growth: stockOf[first][d] * growth(year),
      gravity: gravityDestination(d, year),
    })),
  );

  const corridorPoints = largestCorridorsOfLastStockYear(world).flatMap((c) => {
    const d = world.countries.index.get(c.destination)!;
    const o = world.countries.index.get(c.origin)!;
    const base = b.stock[first][d * m + o];
    return AIM_STOCK_YEARS.map((year) => ({
      country: c.destination,
      origin: c.origin,
      year,
      observed: b.stock[yearIndex(year)][d * m + o],
      model: null,
      persistence: finite(base),
      growth: finite(base * growth(year)),
      gravity: gravityByYear.get(year)?.get(d * m + o) ?? null,
    }));
  });

  const totals = world.refugeeTotals
    .filter((t) => t.year >= FIT_SPAN.first && t.year <= FIT_SPAN.last)
    .sort((x, y) => x.year - y.year);
  const refugees1990 = totals.find((t) => t.year === FIT_SPAN.first)?.refugees ?? NaN;
  const refugeePoints = totals
    .filter((t) => t.year > FIT_SPAN.first)
    .map((t) => ({
      country: 'WLD',
      year: t.year,
      observed: t.refugees,
      model: null,
      persistence: finite(refugees1990),
      growth: null,
      gravity: null,
    }));

  const asylum = world.series.refugeesByAsylum;
  const at = (y: number, c: number) => asylum[(y - world.span.first) * n + c];
  const asylumPoints: AimPoint[] = [];
  for (let year = FIT_SPAN.first; year <= FIT_SPAN.last; year++) {
    const hosts = Array.from({ length: n }, (_, c) => c)
      .filter((c) => at(year, c) > 0)
      .sort((x, y) => at(year, y) - at(year, x) || x - y)
      .slice(0, LARGEST_COUNTRIES_OF_ASYLUM);
    for (const c of hosts)
      asylumPoints.push({
        country: iso[c],
        year,
        observed: at(year, c),
        model: null,
        persistence: finite(at(FIT_SPAN.first, c)) ?? 0,
        growth: null,
        gravity: null,
      });
  }

  const worldPoints = b.years
    .filter((y) => y <= FIT_SPAN.last)
    .map((year) => {
      const gravityPairs = gravityByYear.get(year);
      let gravitySum: number | null = null;
      if (gravityPairs && gravityPairs.size) {
        let fitted = 0;
        let covered1990 = 0;
        for (const [pair, v] of gravityPairs) {
          fitted += v;
          const base = b.stock[first][pair];
          if (base === base) covered1990 += base;
        }
        gravitySum = fitted + (b.worldTotal[first] - covered1990);
      }
      return {
        country: 'WLD',
        year,
        observed: b.worldTotal[yearIndex(year)],
        model: null,
        persistence: b.worldTotal[first],
        growth: b.worldTotal[first],
        gravity: year === FIT_SPAN.first ? b.worldTotal[first] : gravitySum,
      };
    });

  return {
    destinations: destinationPoints,
    corridors: corridorPoints,
    refugees: refugeePoints,
    asylum: asylumPoints,
    'world-stock': worldPoints,
  };
}

/** The model's value of each point, read off the (mean) rows of a free run from 1990. */
export function withModel(points: Record<AimGroupId, AimPoint[]>, rows: readonly IndicatorRow[]) {
  const value = new Map<string, number>();
  for (const r of rows) value.set(`${r.year}\u0000${r.indicator}\u0000${r.country}`, r.value);
  const get = (year: number, indicator: string, country: string) =>
    value.get(`${year}\u0000${indicator}\u0000${country}`) ?? null;
  const out = {} as Record<AimGroupId, AimPoint[]>;
  for (const id of AIM_GROUPS) {
    out[id] = points[id].map((p) => {
      let model: number | null;
      if (id === 'corridors') model = get(p.year, `corridor_stock:${p.origin}`, p.country);
      else if (id === 'refugees' || id === 'asylum') model = get(p.year, 'refugees', p.country);
      else model = get(p.year, 'migrant_stock', p.country);
      return { ...p, model };
    });
  }
  return out;
}

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

/** A group's score for one method (null when the method predicts none of its points). */
export function aimScore(id: AimGroupId, points: readonly AimPoint[], method: AimMethod): number | null {
  const pairs = points
    .map((p) => ({ p, v: p[method] }))
    .filter((x): x is { p: AimPoint; v: number } => x.v !== null && Number.isFinite(x.v) && x.p.observed > 0);
  switch (id) {
    case 'destinations':
      return mean(pairs.filter((x) => x.v > 0).map((x) => Math.abs(Math.log(x.v / x.p.observed))));
    case 'asylum':
      return mean(pairs.map((x) => Math.abs(Math.log(Math.max(x.v, ASYLUM_FLOOR) / x.p.observed))));
    case 'refugees': {
      const m = mean(pairs.map((x) => Math.abs(x.v / x.p.observed - 1)));
      return m === null ? null : m * 100;
    }
    case 'world-stock':
      return pairs.length ? Math.max(...pairs.map((x) => Math.abs(x.v / x.p.observed - 1))) * 100 : null;
    case 'corridors': {
      const byCorridor = new Map<string, number[]>();
      for (const x of pairs) {
        const key = `${x.p.origin}>${x.p.country}`;
        const list = byCorridor.get(key) ?? [];
        list.push(Math.abs(x.v / x.p.observed - 1));
        byCorridor.set(key, list);
      }
      const errors = [...byCorridor.values()].map((e) => mean(e)!).sort((a, b) => a - b);
      if (!errors.length) return null;
      const mid = errors.length >> 1;
      return (errors.length % 2 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2) * 100;
    }
  }
}

/** The aims report of a free run from 1990: every group with its scores and points. */
export function aimsReport(world: World, rows: readonly IndicatorRow[], gravity?: GravityModel): AimGroup[] {
  const points = withModel(aimPoints(world, gravity), rows);
  return AIM_GROUPS.map((id) => {
    const info = AIM_INFO[id];
    const score = (method: AimMethod) => aimScore(id, points[id], method);
    const model = score('model');
    return {
      id,
      ...info,
      model,
      persistence: score('persistence'),
      growth: score('growth'),
      gravity: score('gravity'),
      met: model !== null && model <= info.aim,
      countries: points[id],
    };
  });
}

/** The aims as a Markdown table: one line per group, the model and the baselines. */
export function aimsMarkdown(groups: readonly AimGroup[]): string {
  const fmt = (g: AimGroup, v: number | null) =>
    v === null ? '—' : g.unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(3);
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '| group | metric | aim | model from 1990 | persistence (1990) | growth | gravity (PPML) |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const g of groups)
    lines.push(
      `| ${g.title} | ${cell(g.metric)} | ≤ ${fmt(g, g.aim)} | ${fmt(g, g.model)}${g.met ? '' : ' (missed)'} | ${fmt(g, g.persistence)} | ${fmt(g, g.growth)} | ${fmt(g, g.gravity)} |`,
    );
  return lines.join('\n');
}
