/**
 * The parameter sets that experiments and comparisons draw from, so that their intervals carry
 * parameter uncertainty as well as seed noise (docs/experiments.md, "Uncertainty").
 *
 * Member i of the ensemble is one parameter set, a pure function of i: the run with seed i draws
 * member i, so the arms of a seed share their parameters as they share their random streams (the
 * effects stay paired). Each member draws every parameter of `PARAMETER_RANGES` (parameters.ts:
 * literature and assumption parameters) independently and uniformly from its documented range.
 * The calibrated parameters (`CALIBRATED`) have no documented range:
 * - `calibrated-ensemble` (the default where the calibration has written src/sim/calibrated-ensemble.ts):
 *   member i takes them jointly from kept set (i − 1) mod n of the calibration's approximate
 *   Bayesian computation (calibration-ensemble.ts). The calibration kept those sets with the other
 *   parameters at their nominal values: combining them with the ranges' draws is an approximation,
 *   whose in-sample coverage tools/coverage.ts measures (docs/model.md §5);
 * - `documented-ranges`: they keep their fitted values.
 * The other parameters keep their values.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { mix32 } from './rng.ts';
import { PARAMETER_RANGES } from './parameters.ts';
import type { CalibratedEnsemble } from './calibration-ensemble.ts';
import { ensembleMember } from './calibration-ensemble.ts';
import { CALIBRATED_ENSEMBLE } from './calibrated-ensemble.ts';
import type { ParameterName, Parameters } from './parameters.ts';
import type { ParameterRange } from '../shared/parameter-info.ts';

/** Where the members come from. */
export type ParameterEnsembleSource = 'documented-ranges' | 'calibrated-ensemble';

export interface ParameterEnsemble {
  source: ParameterEnsembleSource;
  /** The parameters that vary from member to member. */
  names: readonly ParameterName[];
  /** Member `index` (the seed of the run that uses it): the values of `names`. */
  member(index: number): Partial<Parameters>;
}

/** Salt of the draws (fixed: the same member index always gives the same set). */
export const ENSEMBLE_SALT = 0x2002_0018;

/** A 32-bit key of a name (each character folded in with lowbias32). */
function nameKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = mix32(h ^ name.charCodeAt(i));
  return h;
}

/**
 * Values drawn uniformly from ranges for one member. Each parameter has its own generator, keyed
 * by (salt, member, name), so adding a range to a table changes no other parameter's draws.
 */
export function drawFromRanges<K extends string>(
  ranges: Readonly<Partial<Record<K, ParameterRange>>>,
  index: number,
  salt: number = ENSEMBLE_SALT,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [name, r] of Object.entries(ranges) as [K, ParameterRange][]) {
    const rng = xoroshiro128plus(mix32(mix32(salt ^ (index >>> 0)) ^ nameKey(name)) | 0);
    out[name] = r.low + (r.high - r.low) * uniformFloat64(rng);
  }
  return out;
}

/**
 * The ensemble experiments and comparisons draw from: `source` if given, else the calibrated one where
 * there is one and the documented ranges where not.
 * @throws an Error when `calibrated-ensemble` is asked for and none has been written
 */
export function parameterEnsemble(
  calibrated: CalibratedEnsemble | null = CALIBRATED_ENSEMBLE,
  source?: ParameterEnsembleSource,
): ParameterEnsemble {
  if (source === 'calibrated-ensemble' && !calibrated)
    throw new Error(
      'no calibrated parameter ensemble has been written (src/sim/calibrated-ensemble.ts); use documented-ranges',
    );
  if (calibrated && source !== 'documented-ranges')
    return {
      source: 'calibrated-ensemble',
      // an ensemble written with --with-ranges already holds the ranged parameters: name each once
      names: [...new Set([...calibrated.names, ...(Object.keys(PARAMETER_RANGES) as ParameterName[])])],
      member: (index) => ({
        ...drawFromRanges(PARAMETER_RANGES, index, ENSEMBLE_SALT),
        ...ensembleMember(calibrated, index),
      }),
    };
  return {
    source: 'documented-ranges',
    names: Object.keys(PARAMETER_RANGES) as ParameterName[],
    member: (index) => drawFromRanges(PARAMETER_RANGES, index, ENSEMBLE_SALT),
  };
}

/** The sources a user can name (`compare --parameter-uncertainty SOURCE`). */
export const PARAMETER_ENSEMBLE_SOURCES: readonly ParameterEnsembleSource[] = [
  'calibrated-ensemble',
  'documented-ranges',
];
