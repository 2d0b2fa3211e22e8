/**
 * The fit table: per observed series, the error of the model and of the two baselines over the
 * same evaluation years.
 *
 * **Metric.** Mean absolute percentage error, MAPE = mean over the evaluation years of
 * |predicted − observed| / |observed| × 100. The evaluation years of a series are its observed
 * years after 1995 (stocks: 2000 and 2005; refugees and remittances: 1996–2005), the years
 * persistence can predict. The model is scored twice: `model` starts from the observed state of 1995,
 * like persistence (the same forecast origin and the same data), and `modelFrom1990` runs freely from
 * 1990, 5–15 years ahead. A method without a prediction for a series (gravity for refugees and
 * remittances) has no error there. Group rows average the MAPEs of their series (the 20 corridors,
 * the 5 regions, the 10 countries of asylum), and give their median too: one series whose observed
 * value nearly vanished (refugees who went home) can make a mean of thousands of per cent.
 */
import type { Prediction } from './baselines.ts';
import { PERSISTENCE_ORIGIN } from './baselines.ts';
import type { SeriesGroup, TargetSeries } from './targets.ts';
import { FIT_SPAN } from './targets.ts';
import { OUT_OF_SAMPLE } from './out-of-sample.ts';

/** The methods compared. */
export const METHODS = ['model', 'modelFrom1990', 'persistence', 'gravity'] as const;
export type Method = (typeof METHODS)[number];

/** Column titles of the methods. */
export const METHOD_TITLES: Record<Method, string> = {
  model: `model from ${PERSISTENCE_ORIGIN}`,
  modelFrom1990: `model from ${FIT_SPAN.first}`,
  persistence: 'persistence',
  gravity: 'gravity (PPML)',
};

/** The metric, in words. */
export const FIT_METRIC =
  'MAPE: mean over the evaluation years (observed years after 1995) of |predicted − observed| / |observed| × 100';

/** One series of the table. */
export interface FitRow {
  id: string;
  group: SeriesGroup;
  label: string;
  /** Evaluation years. */
  years: number[];
  observed: number[];
  /** Predictions per method over `years` (null where the method has none). */
  predicted: Record<Method, (number | null)[]>;
  /** MAPE per method, % (null where the method has no prediction). */
  mape: Record<Method, number | null>;
}

/** A group's mean and median MAPE per method. */
export interface FitGroup {
  group: SeriesGroup;
  series: number;
  mape: Record<Method, number | null>;
  median: Record<Method, number | null>;
}

/** Mean absolute percentage error, %, over the pairs with a finite prediction and a non-zero observation (NaN when none). */
export function mape(observed: readonly number[], predicted: readonly (number | null)[]): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < observed.length; i++) {
    const p = predicted[i];
    const o = observed[i];
    if (p === null || !Number.isFinite(p) || !Number.isFinite(o) || o === 0) continue;
    sum += Math.abs(p - o) / Math.abs(o);
    n++;
  }
  return n ? (sum / n) * 100 : NaN;
}

/**
 * Builds the rows of the table: each series scored on its years after `after` (the forecast
 * origin); a method without predictions has none (null).
 */
export function fitRows(
  targets: readonly TargetSeries[],
  predictions: Partial<Record<Method, ReadonlyMap<string, Prediction>>>,
  after: number = PERSISTENCE_ORIGIN,
): FitRow[] {
  return targets.map((t) => {
    const idx = t.years.map((y, i) => (y > after ? i : -1)).filter((i) => i >= 0);
    const years = idx.map((i) => t.years[i]);
    const observed = idx.map((i) => t.observed[i]);
    const predicted = {} as FitRow['predicted'];
    const errors = {} as FitRow['mape'];
    for (const method of METHODS) {
      const p = predictions[method]?.get(t.id);
      predicted[method] = years.map((y) => p?.get(y) ?? null);
      const e = mape(observed, predicted[method]);
      errors[method] = Number.isFinite(e) ? e : null;
    }
    return { id: t.id, group: t.group, label: t.label, years, observed, predicted, mape: errors };
  });
}

/** Mean and median MAPE per group and method (over the series that have one). */
export function fitGroups(rows: readonly FitRow[]): FitGroup[] {
  const groups = [...new Set(rows.map((r) => r.group))];
  return groups.map((group) => {
    const of = rows.filter((r) => r.group === group);
    const mean = {} as FitGroup['mape'];
    const median = {} as FitGroup['median'];
    for (const method of METHODS) {
      const v = of
        .map((r) => r.mape[method])
        .filter((x): x is number => x !== null)
        .sort((a, b) => a - b);
      const mid = v.length >> 1;
      mean[method] = v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
      median[method] = v.length ? (v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2) : null;
    }
    return { group, series: of.length, mape: mean, median };
  });
}

/**
 * The table as Markdown: one line per group, with the series count, for `methods` under `titles`;
 * a group of several series shows its mean and, in parentheses, its median.
 */
export function fitMarkdown(
  groups: readonly FitGroup[],
  methods: readonly Method[] = METHODS,
  titles: Record<Method, string> = METHOD_TITLES,
): string {
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
  const cell = (g: FitGroup, m: Method) =>
    g.series > 1 && g.mape[m] !== null ? `${pct(g.mape[m])} (${pct(g.median[m])})` : pct(g.mape[m]);
  const lines = [
    `| series | n | ${methods.map((m) => titles[m]).join(' | ')} |`,
    `|---|---:|${methods.map(() => '---:').join('|')}|`,
  ];
  for (const g of groups)
    lines.push(`| ${g.group} | ${g.series} | ${methods.map((m) => cell(g, m)).join(' | ')} |`);
  return lines.join('\n');
}

/** The methods of the out-of-sample table (out-of-sample.ts): the free run and persistence from 2005. */
export const OUT_OF_SAMPLE_METHODS = ['modelFrom1990', 'persistence'] as const satisfies readonly Method[];

/** Their column titles. */
export const OUT_OF_SAMPLE_TITLES: Record<Method, string> = {
  ...METHOD_TITLES,
  persistence: `persistence from ${OUT_OF_SAMPLE.origin}`,
};
