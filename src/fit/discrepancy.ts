/**
 * Intervals of the world model against observed points, with and without a model-discrepancy term
 * (Kennedy & O'Hagan 2001, JRSS B 63:425): the structural error the parameters cannot reach.
 *
 * - **Parameters only**: the 5th–95th percentiles of the members' values of a point (each member a
 *   parameter set of the ensemble with its own seed, as `compare --parameter-uncertainty` runs them).
 * - **With discrepancy**: ln(observed + f) = ln(member + f) + δ, δ ~ N(0, σ²) per group (f the
 *   group's floor, so an empty corridor has a finite log); the predictive distribution of a point is
 *   the equal mixture over the members of those normals, its 90% interval the mixture's 5th and 95th
 *   percentiles. σ of a group is the root mean square of its log residuals (observed against the
 *   members' median) over the **fitting years** (up to `DISCREPANCY_FIT_LAST_YEAR`); coverage is
 *   checked on the later points, which σ did not see (docs/model.md §5).
 */
import { errorFunction, quantile } from 'simple-statistics';
import type { AimGroupId } from './aims.ts';
import { ASYLUM_FLOOR } from './aims.ts';

/** Points up to this year estimate σ; later points check the intervals. */
export const DISCREPANCY_FIT_LAST_YEAR = 2000;

/** Persons added to model and observation before taking logs, per group (as the calibration loss). */
export const DISCREPANCY_FLOOR: Record<AimGroupId, number> = {
  destinations: 1000,
  corridors: 10000,
  refugees: 1000,
  asylum: ASYLUM_FLOOR,
  'world-stock': 1000,
};

/** One observed point and the members' values of it. */
export interface EnsemblePoint {
  year: number;
  observed: number;
  members: readonly number[];
}

/** The members' 5th–95th percentiles (parameters and seeds only). */
export function ensembleInterval(members: readonly number[]): [number, number] {
  return [quantile([...members], 0.05), quantile([...members], 0.95)];
}

/** ln(observed + f) − the median over the members of ln(member + f). */
export function logResidual(p: EnsemblePoint, floor: number): number {
  return (
    Math.log(p.observed + floor) -
    quantile(
      p.members.map((m) => Math.log(m + floor)),
      0.5,
    )
  );
}

/**
 * σ of the discrepancy: the root mean square of the log residuals of `points`.
 * @throws an Error when there is no point to estimate it on
 */
export function discrepancySigma(points: readonly EnsemblePoint[], floor: number): number {
  if (!points.length) throw new Error('the discrepancy needs at least one point of the fitting years');
  return Math.sqrt(points.reduce((s, p) => s + logResidual(p, floor) ** 2, 0) / points.length);
}

const normalCdf = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/** The q-quantile of the equal mixture of N(centre_i, σ²), by bisection on its distribution function. */
export function mixtureQuantile(centres: readonly number[], sigma: number, q: number): number {
  if (!(sigma > 0)) return quantile([...centres], q);
  const cdf = (x: number) => centres.reduce((s, c) => s + normalCdf((x - c) / sigma), 0) / centres.length;
  let lo = Math.min(...centres) - 8 * sigma;
  let hi = Math.max(...centres) + 8 * sigma;
  for (let k = 0; k < 100 && hi - lo > 1e-10; k++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The 90% interval of a point with the discrepancy σ of its group, in persons (the members' own with σ = 0). */
export function discrepancyInterval(
  members: readonly number[],
  sigma: number,
  floor: number,
): [number, number] {
  if (!(sigma > 0)) return ensembleInterval(members);
  const centres = members.map((m) => Math.log(m + floor));
  return [
    Math.exp(mixtureQuantile(centres, sigma, 0.05)) - floor,
    Math.exp(mixtureQuantile(centres, sigma, 0.95)) - floor,
  ];
}

/** A group's coverage: parameters only on every point and on the check points; with discrepancy on the check points. */
export interface GroupCoverage {
  points: number;
  /** Share of all points inside the parameters-only interval. */
  parametersOnly: number;
  /** Points of the fitting years (estimate σ) and later (check). */
  fitPoints: number;
  checkPoints: number;
  /** σ of the discrepancy (log units), estimated on the fitting years. */
  sigma: number | null;
  /** On the check points: share inside the parameters-only interval, and inside the interval with discrepancy. */
  checkParametersOnly: number | null;
  checkWithDiscrepancy: number | null;
  /** Median width (95th / 5th percentile) of the parameters-only and the discrepancy intervals. */
  widthParametersOnly: number;
  widthWithDiscrepancy: number | null;
}

const share = (hits: number, n: number) => (n ? hits / n : null);
const inside = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;
const medianRatio = (intervals: [number, number][], floor: number) =>
  intervals.length
    ? quantile(
        intervals.map(([lo, hi]) => (hi + floor) / (lo + floor)),
        0.5,
      )
    : null;

/** Coverage of one group's 90% intervals (see above). */
export function groupCoverage(points: readonly EnsemblePoint[], floor: number): GroupCoverage {
  const fit = points.filter((p) => p.year <= DISCREPANCY_FIT_LAST_YEAR);
  const check = points.filter((p) => p.year > DISCREPANCY_FIT_LAST_YEAR);
  const plain = points.map((p) => ensembleInterval(p.members));
  const sigma = fit.length ? discrepancySigma(fit, floor) : null;
  const withD = sigma === null ? [] : check.map((p) => discrepancyInterval(p.members, sigma, floor));
  return {
    points: points.length,
    parametersOnly: share(points.filter((p, k) => inside(p.observed, plain[k])).length, points.length) ?? 0,
    fitPoints: fit.length,
    checkPoints: check.length,
    sigma,
    checkParametersOnly: share(
      points.filter((p, k) => p.year > DISCREPANCY_FIT_LAST_YEAR && inside(p.observed, plain[k])).length,
      check.length,
    ),
    checkWithDiscrepancy:
      sigma === null
        ? null
        : share(check.filter((p, k) => inside(p.observed, withD[k])).length, check.length),
    widthParametersOnly: medianRatio(plain, floor) ?? 1,
    widthWithDiscrepancy: medianRatio(withD, floor),
  };
}
