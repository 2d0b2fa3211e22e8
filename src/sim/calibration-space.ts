/**
 * The parameters the calibration fits, each in the search coordinate that keeps it inside the values
 * it is defined for (logs of positive parameters, logits of shares): stage 1 of calibrate.ts searches
 * these coordinates, stage 3 (calibration-ensemble.ts) draws the parameter ensemble in them.
 */
import type { ParameterName, Parameters } from './parameters.ts';

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** A calibrated parameter and its search coordinate. */
export interface CalibratedParameter {
  name: ParameterName;
  /** The search coordinate of a value, and back. */
  encode(v: number): number;
  decode(x: number): number;
  /** The simplex's first step in the coordinate. */
  step: number;
}

const identity = (name: ParameterName, step = 1): CalibratedParameter => ({
  name,
  encode: (v) => v,
  decode: (x) => x,
  step,
});
const positive = (name: ParameterName, step = 0.5): CalibratedParameter => ({
  name,
  encode: Math.log,
  decode: Math.exp,
  step,
});
const share = (name: ParameterName, scale = 1, step = 0.5): CalibratedParameter => ({
  name,
  encode: (v) => logit(v / scale),
  decode: (x) => scale * logistic(x),
  step,
});

/**
 * The parameters stage 1 fits (their `kind` in parameters.ts is `calibrated`): the level of
 * voluntary emigration, the destination-region constants (`ascAfrica` = 0 is the reference), the
 * weight of a destination's size and of its labour demand, the flight from organised violence and
 * the repatriation once it ends.
 */
export const SEARCH_SPACE: readonly CalibratedParameter[] = [
  identity('ascStay'),
  identity('ascAmericas'),
  identity('ascAsia'),
  identity('ascEurope'),
  identity('ascOceania'),
  share('betaDestinationSize', 2, 0.7),
  positive('betaLabourDemand', 0.7),
  share('flightShare', 1, 0.7),
  share('flightDeathElasticity', 2, 0.5),
  share('repatriationRate', 1, 0.5),
];

/**
 * The part of `SEARCH_SPACE` named in `only` (all of it without), in its order: a calibration after a
 * change that touches a few parameters searches those alone (`calibrate.ts --only`).
 * @throws an Error naming a parameter that stage 1 does not fit
 */
export function searchSpace(only?: readonly string[]): readonly CalibratedParameter[] {
  if (!only) return SEARCH_SPACE;
  const known = new Set<string>(SEARCH_SPACE.map((c) => c.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length)
    throw new Error(`not a parameter of stage 1: ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  return SEARCH_SPACE.filter((c) => only.includes(c.name));
}

/** The values of the calibrated parameters at a search point. */
export function decode(
  x: readonly number[],
  space: readonly CalibratedParameter[] = SEARCH_SPACE,
): Partial<Parameters> {
  return Object.fromEntries(space.map((c, k) => [c.name, c.decode(x[k])])) as Partial<Parameters>;
}

/** The search point of the current values. */
export function encode(values: Parameters, space: readonly CalibratedParameter[] = SEARCH_SPACE): number[] {
  return space.map((c) => c.encode(values[c.name]));
}
