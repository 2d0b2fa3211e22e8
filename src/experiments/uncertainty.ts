/**
 * Parameter uncertainty in experiments (docs/experiments.md, "Uncertainty"). The run of seed i
 * draws member i of the parameter ensemble (src/sim/parameter-ensemble.ts) for the engine and the
 * same member of the institutions layer's and the root-cause levers' documented ranges, so every arm of a seed shares its
 * parameters and the effects stay paired. An arm's own parameters and a design point's values win
 * over the draw.
 *
 * An effect over such runs gets a 90% *prediction* interval, mean ± t(0.95, n−1)·s·√(1 + 1/n): the
 * range in which the effect of one more (seed, parameter set) pair falls, so it spans the spread of
 * the effect across the documented ranges and not only the uncertainty of its mean. Runs at the
 * nominal parameters give the seeds-only part, the usual interval of the mean over seeds.
 */
import { ENSEMBLE_SALT, drawFromRanges, parameterEnsemble } from '../sim/index.ts';
import type { ParameterEnsembleSource } from '../sim/index.ts';
import { INSTITUTION_PARAMETER_RANGES } from '../institutions/index.ts';
import { ROOT_CAUSE_PARAMETER_RANGES } from '../rootcauses/parameters.ts';
import { tQuantile95 } from '../ensemble/stats.ts';

/** Where the parameters of an experiment's runs come from. */
export type ParameterUncertainty = ParameterEnsembleSource | 'none';

/** Salt of the institutions layer's draws (independent of the engine's). */
const INSTITUTION_SALT = ENSEMBLE_SALT ^ 0x5eed;
/** Salt of the root-cause levers' draws (independent of both). */
const ROOT_CAUSE_SALT = ENSEMBLE_SALT ^ 0xa535;

/** The parameters of member `seed` (engine and institutions layer); empty without uncertainty. */
export function memberParameters(seed: number, uncertainty: ParameterUncertainty): Record<string, number> {
  if (uncertainty === 'none') return {};
  return {
    ...(parameterEnsemble(undefined, uncertainty).member(seed) as Record<string, number>),
    ...(drawFromRanges(INSTITUTION_PARAMETER_RANGES, seed, INSTITUTION_SALT) as Record<string, number>),
    ...(drawFromRanges(ROOT_CAUSE_PARAMETER_RANGES, seed, ROOT_CAUSE_SALT) as Record<string, number>),
  };
}

/** The names of the parameters that vary (engine, institutions layer, root-cause levers). */
export function uncertainParameterNames(uncertainty: ParameterUncertainty): string[] {
  if (uncertainty === 'none') return [];
  return [
    ...parameterEnsemble(undefined, uncertainty).names,
    ...Object.keys(INSTITUTION_PARAMETER_RANGES),
    ...Object.keys(ROOT_CAUSE_PARAMETER_RANGES),
  ];
}

/** The source the ensemble's members come from. */
export function ensembleSource(): ParameterEnsembleSource {
  return parameterEnsemble().source;
}

/** Mean and 90% Student-t prediction interval of the finite values (NaN bounds for n < 2). */
export function predictionInterval(values: readonly number[]): {
  mean: number;
  lo: number;
  hi: number;
  n: number;
} {
  const v = values.filter((x) => Number.isFinite(x));
  const n = v.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, lo: NaN, hi: NaN, n };
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = tQuantile95(n - 1) * sd * Math.sqrt(1 + 1 / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** The interval method with parameter uncertainty, in words (stored with each result). */
export const PREDICTION_INTERVAL_METHOD =
  '90% Student-t prediction interval over the members (seed i runs with parameter set i of the ensemble): mean ± t(0.95, n-1)·s·√(1+1/n); effects are paired by seed (arms of a seed share its random streams and its parameters)';
