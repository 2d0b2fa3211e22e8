/**
 * Effects and verdicts (pure). An effect is a statistic of one indicator in one arm against another
 * arm, taken seed by seed (paired: the arms of a seed share their random streams' seed) and then
 * summarised over seeds with the ensemble's interval (src/ensemble/stats.ts: Student-t, 90%).
 *
 * Per seed, the indicator's yearly series in an arm gives one number (`over`): the value in the
 * final year, the mean over the years, or the change from the first to the final year. Then:
 *   difference = arm − baseline; relative_difference = (arm − baseline) / |baseline|; ratio = arm / baseline.
 * An effect whose arm is its own baseline is the arm's own value (its level), with its interval.
 *
 * The verdict (declared before the runs, Experiment `criterion`): `holds` when every condition's
 * interval lies beyond its threshold (gt: low > value; lt: high < value), `does_not_hold` when some
 * condition's interval lies wholly on the other side, else `inconclusive` (also when an interval
 * cannot be computed). A fourth verdict, `by_construction`, is given after the audit (audit.ts):
 * when no setting inside the documented parameter ranges changes the criterion's verdict.
 *
 * With parameter uncertainty (uncertainty.ts) the runs of different seeds also have different
 * parameters, and the interval is the prediction interval of the per-seed effects instead of the
 * interval of their mean.
 */
import type { Experiment } from '../regime/index.ts';
import { INTERVAL_LEVEL, summarize } from '../ensemble/stats.ts';
import { predictionInterval } from './uncertainty.ts';
import type { IndicatorRow } from '../store/index.ts';
import { userError } from '../shared/errors.ts';

/** The verdict of a criterion over runs. */
export type CriterionVerdict = 'holds' | 'does_not_hold' | 'inconclusive';
/** An experiment's verdict: the criterion's, or `by_construction` when the audit finds no setting that changes it. */
export type Verdict = CriterionVerdict | 'by_construction';
/** Which interval an effect gets: of the mean over seeds, or the prediction interval over (seed, parameter set) members. */
export type IntervalKind = 'mean' | 'prediction';
export type EffectSpec = Experiment['criterion']['conditions'][number]['effect'];
export type Condition = Experiment['criterion']['conditions'][number];

/** An effect with its estimate and interval over seeds. */
export interface EffectResult {
  indicator: string;
  country: string;
  arm: string;
  baseline: string;
  statistic: EffectSpec['statistic'];
  over: EffectSpec['over'];
  /** The year whose value is taken (instead of `over`), if the effect names one. */
  year?: number;
  estimate: number;
  low: number;
  high: number;
  n: number;
  /** Per-seed values of the statistic, in seed order. */
  perSeed: number[];
}

export interface ConditionResult {
  text: string;
  op: 'gt' | 'lt';
  value: number;
  effect: EffectResult;
  verdict: CriterionVerdict;
}

/** The runs of one arm: rows per seed, in seed order. */
export type ArmRows = ReadonlyMap<string, readonly (readonly IndicatorRow[])[]>;

/** One number from a yearly series: the value in `year` when given, else by `over`. NaN when there is none. */
export function seriesValue(
  series: readonly { year: number; value: number }[],
  over: EffectSpec['over'],
  year?: number,
): number {
  const s = series.filter((r) => Number.isFinite(r.value)).sort((a, b) => a.year - b.year);
  if (year !== undefined) return s.find((r) => r.year === year)?.value ?? NaN;
  if (s.length === 0) return NaN;
  if (over === 'final') return s[s.length - 1].value;
  if (over === 'change') return s[s.length - 1].value - s[0].value;
  return s.reduce((a, r) => a + r.value, 0) / s.length;
}

/** The series of an indicator for a country in one run's rows. */
export function seriesOf(rows: readonly IndicatorRow[], indicator: string, country: string) {
  return rows.filter((r) => r.indicator === indicator && r.country === country);
}

/** The statistic of arm against baseline values. */
export function statistic(a: number, b: number, kind: EffectSpec['statistic']): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return NaN;
  switch (kind) {
    case 'difference':
      return a - b;
    case 'relative_difference':
      return b !== 0 ? (a - b) / Math.abs(b) : NaN;
    case 'ratio':
      return b !== 0 ? a / b : NaN;
  }
}

/** An effect measured over the seeds of both arms. */
export function measureEffect(
  effect: EffectSpec,
  arms: ArmRows,
  interval: IntervalKind = 'mean',
): EffectResult {
  const a = arms.get(effect.arm);
  const b = arms.get(effect.baseline);
  if (!a || !b)
    throw new Error(`effect refers to an arm that was not run: ${effect.arm} / ${effect.baseline}`);
  if (a.length !== b.length)
    throw new Error(`arms ${effect.arm} and ${effect.baseline} have different seed counts`);
  const country = effect.country ?? 'WLD';
  const over = effect.over ?? 'final';
  const perSeed = a.map((rowsA, i) => {
    const va = seriesValue(seriesOf(rowsA, effect.indicator, country), over, effect.year);
    if (effect.arm === effect.baseline) return va;
    const vb = seriesValue(seriesOf(b[i], effect.indicator, country), over, effect.year);
    return statistic(va, vb, effect.statistic);
  });
  const s = interval === 'prediction' ? predictionInterval(perSeed) : summarize(perSeed);
  return {
    indicator: effect.indicator,
    country,
    arm: effect.arm,
    baseline: effect.baseline,
    statistic: effect.statistic,
    over,
    ...(effect.year !== undefined ? { year: effect.year } : {}),
    estimate: s.mean,
    low: s.lo,
    high: s.hi,
    n: s.n,
    perSeed,
  };
}

/** The verdict of one condition from its effect's interval. */
export function conditionVerdict(
  op: 'gt' | 'lt',
  value: number,
  low: number,
  high: number,
): CriterionVerdict {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'inconclusive';
  if (op === 'gt') {
    if (low > value) return 'holds';
    if (high < value) return 'does_not_hold';
  } else {
    if (high < value) return 'holds';
    if (low > value) return 'does_not_hold';
  }
  return 'inconclusive';
}

/** The experiment's verdict from its conditions' verdicts. */
export function combineVerdicts(verdicts: readonly CriterionVerdict[]): CriterionVerdict {
  if (verdicts.length && verdicts.every((v) => v === 'holds')) return 'holds';
  if (verdicts.some((v) => v === 'does_not_hold')) return 'does_not_hold';
  return 'inconclusive';
}

/** Checks that the criterion's confidence is the one the ensemble's intervals have. */
export function checkConfidence(exp: Experiment): void {
  const c = exp.criterion.confidence ?? INTERVAL_LEVEL;
  if (Math.abs(c - INTERVAL_LEVEL) > 1e-9)
    throw userError(
      'E_EXPERIMENT_CONFIDENCE',
      `experiment ${exp.id}: criterion.confidence ${c} is not supported; intervals are the ensemble's ${INTERVAL_LEVEL * 100}% Student-t intervals`,
    );
}

/** Every condition measured and judged, and the verdict. */
export function evaluateCriterion(
  exp: Experiment,
  arms: ArmRows,
  interval: IntervalKind = 'mean',
): { verdict: CriterionVerdict; conditions: ConditionResult[] } {
  const conditions = exp.criterion.conditions.map((c) => {
    const effect = measureEffect(c.effect, arms, interval);
    return {
      text: c.text,
      op: c.op,
      value: c.value,
      effect,
      verdict: conditionVerdict(c.op, c.value, effect.low, effect.high),
    };
  });
  return { verdict: combineVerdicts(conditions.map((c) => c.verdict)), conditions };
}
