/**
 * The parameter sets that experiments and comparisons draw from, so that their intervals carry
 * parameter uncertainty as well as seed noise (docs/experiments.md, "Uncertainty").
 *
 * Member i of the ensemble is one parameter set, a pure function of i: the run with seed i draws
 * member i, so the arms of a seed share their parameters as they share their random streams (the
 * effects stay paired). Where the calibration has written its ensemble (src/sim/calibrated-ensemble.ts),
 * a member is a draw from it (`calibrated-ensemble`: the calibrated parameters jointly, from the
 * Laplace approximation around the optimum, calibration-ensemble.ts); otherwise each member draws
 * every parameter of `PARAMETER_RANGES` (parameters.ts) independently and uniformly from its
 * documented range (`documented-ranges`). The other parameters keep their values.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { mix32 } from './rng.ts';
import { PARAMETER_RANGES } from './parameters.ts';
import type { EnsembleFit } from './calibration-ensemble.ts';
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

/** The ensemble experiments and comparisons draw from: the calibrated one where there is one. */
export function parameterEnsemble(calibrated: EnsembleFit | null = CALIBRATED_ENSEMBLE): ParameterEnsemble {
  if (calibrated)
    return {
      source: 'calibrated-ensemble',
      names: calibrated.names,
      member: (index) => ensembleMember(calibrated, index),
    };
  return {
    source: 'documented-ranges',
    names: Object.keys(PARAMETER_RANGES) as ParameterName[],
    member: (index) => drawFromRanges(PARAMETER_RANGES, index, ENSEMBLE_SALT),
  };
}
