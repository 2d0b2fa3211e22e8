/**
 * Parameter uncertainty of the calibration (stage 3 of calibrate.ts): the parameter sets the data
 * cannot tell from the optimum at the model's own Monte Carlo noise.
 *
 * - **Hessian**: the loss of `points` parameter sets on a Latin hypercube around the optimum θ* (in
 *   the search coordinates, half-width half the simplex's first step) is fitted by least squares
 *   with a full quadratic, L(θ* + δ) ≈ c + g·δ + ½ δᵀHδ; H is made positive definite by raising its
 *   eigenvalues to at least 1/1000 of the largest (a flat direction stays wide, not infinite).
 * - **Temperature** T: the standard deviation of the loss at θ* over `seeds` seeds other than those
 *   of the search (100, 101, …) — loss differences below it are noise.
 * - **Ensemble**: N(θ*, T H⁻¹), the Laplace approximation of the Gibbs posterior exp(−(L − L*) / T)
 *   (Bissiri, Holmes & Walker 2016, JRSS B 78:1103). Member i draws z_i ~ N(0, I) from counter-based
 *   uniforms (rng.ts), so it is a pure function of i: θ_i = θ* + C z_i with C the Cholesky factor.
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix, solve } from 'ml-matrix';
import type { Evaluator } from './calibration-loss.ts';
import { SEARCH_SPACE, decode, encode } from './calibration-space.ts';
import type { ParameterName, Parameters } from './parameters.ts';
import { parameters } from './parameters.ts';
import { mix32, normal, uniform, uniform2 } from './rng.ts';

/** What stage 3 found. */
export interface EnsembleFit {
  names: ParameterName[];
  /** θ* in the search coordinates of calibrate.ts (`SEARCH_SPACE`). */
  mean: number[];
  covariance: number[][];
  /** Lower-triangular C with C Cᵀ = covariance. */
  cholesky: number[][];
  temperature: number;
  /** Loss at θ* (seed 1) and the points the quadratic was fitted on. */
  loss: number;
  points: number;
  /** R² of the quadratic fit. */
  r2: number;
}

/** Salt of the design and of the members' draws (fixed, so the ensemble is reproducible). */
const SALT = 0x2002_0017;

/** Fits the ensemble around `values` (stage 3). */
export function fitEnsemble(
  e: Evaluator,
  values: Partial<Parameters>,
  opts: { points: number; seeds: number; log?: (s: string) => void },
): EnsembleFit {
  const p = SEARCH_SPACE.length;
  const center = encode({ ...parameters(), ...values } as Parameters);
  // temperature: the loss at the optimum over seeds
  const atSeeds = Array.from({ length: opts.seeds }, (_, s) => e.loss(values, 100 + s).total);
  const meanLoss = atSeeds.reduce((a, b) => a + b, 0) / atSeeds.length;
  const temperature = Math.sqrt(atSeeds.reduce((a, b) => a + (b - meanLoss) ** 2, 0) / (atSeeds.length - 1));
  opts.log?.(
    `ensemble: loss over ${opts.seeds} seeds ${atSeeds.map((v) => v.toFixed(5)).join(' ')}, T = ${temperature.toFixed(5)}`,
  );
  // a Latin hypercube around the optimum
  const half = SEARCH_SPACE.map((c) => 0.5 * c.step);
  const perms = SEARCH_SPACE.map((_, k) => {
    const key = mix32(SALT ^ (k + 1));
    return Array.from({ length: opts.points }, (_, i) => i).sort(
      (a, b) => uniform(key, a) - uniform(key, b) || a - b,
    );
  });
  const features = (d: number[]) => {
    const f = [1, ...d];
    for (let a = 0; a < p; a++) for (let b = a; b < p; b++) f.push(d[a] * d[b]);
    return f;
  };
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < opts.points; i++) {
    const d = SEARCH_SPACE.map((_, k) => {
      const u = (perms[k][i] + uniform2(mix32(SALT ^ (k + 101)), i)) / opts.points;
      return half[k] * (2 * u - 1);
    });
    const loss = e.loss(decode(center.map((c, k) => c + d[k]))).total;
    opts.log?.(`ensemble point ${i + 1}/${opts.points}: ${loss.toFixed(5)}`);
    X.push(features(d));
    y.push(loss);
  }
  const coef = solve(new Matrix(X), Matrix.columnVector(y), true).to1DArray();
  const fitted = X.map((row) => row.reduce((s, v, k) => s + v * coef[k], 0));
  const ybar = y.reduce((a, b) => a + b, 0) / y.length;
  const r2 =
    1 - y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0) / y.reduce((s, v) => s + (v - ybar) ** 2, 0);
  const H = Matrix.zeros(p, p);
  let k = 1 + p;
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      if (a === b) H.set(a, a, 2 * coef[k]);
      else {
        H.set(a, b, coef[k]);
        H.set(b, a, coef[k]);
      }
      k++;
    }
  const eig = new EigenvalueDecomposition(H);
  const largest = Math.max(...eig.realEigenvalues.map(Math.abs), 1e-12);
  const lambda = eig.realEigenvalues.map((v) => Math.max(v, largest / 1000));
  const V = eig.eigenvectorMatrix;
  // Σ = T · V diag(1/λ) Vᵀ, made exactly symmetric (rounding) for the Cholesky factor
  const raw = V.mmul(Matrix.diag(lambda.map((l) => temperature / l))).mmul(V.transpose());
  const covariance = raw.add(raw.transpose()).mul(0.5);
  const cholesky = new CholeskyDecomposition(covariance).lowerTriangularMatrix;
  return {
    names: SEARCH_SPACE.map((c) => c.name),
    mean: center,
    covariance: covariance.to2DArray(),
    cholesky: cholesky.to2DArray(),
    temperature,
    loss: e.loss(values).total,
    points: opts.points,
    r2,
  };
}

/** Member `index` of an ensemble: θ* + C z with z from counter-based normals, decoded to parameter values. */
export function ensembleMember(
  fit: Pick<EnsembleFit, 'mean' | 'cholesky'>,
  index: number,
): Partial<Parameters> {
  const key = mix32(SALT ^ mix32(index >>> 0));
  const z = fit.mean.map((_, k) => normal(uniform(key, k), uniform2(key, k)));
  const x = fit.mean.map((m, a) => m + fit.cholesky[a].reduce((s, c, b) => s + c * z[b], 0));
  return decode(x);
}

/** The source of src/sim/calibrated-ensemble.ts for a fitted ensemble. */
export function ensembleModule(
  fit: EnsembleFit,
  run: { scale: number; evaluations: number; loss: number },
): string {
  return `/**
 * The calibrated parameter ensemble (stage 3 of src/sim/calibrate.ts; docs/model.md §5), written by
 * \`npx tsx src/sim/calibrate.ts --scale ${run.scale} --ensemble-points ${fit.points}${run.evaluations === 0 ? ' --ensemble-only' : ''} --out src/sim/calibrated-ensemble.ts\`:
 * ${run.evaluations === 0 ? 'around the values of parameters.ts' : `stage 1 took ${run.evaluations} evaluations`}, loss ${run.loss.toPrecision(4)} there; the quadratic of stage 3 fits its
 * ${fit.points} points with R² = ${fit.r2.toFixed(3)}, and the temperature is ${fit.temperature.toPrecision(3)}. Do not edit.
 */
import type { EnsembleFit } from './calibration-ensemble.ts';

export const CALIBRATED_ENSEMBLE: EnsembleFit | null = ${JSON.stringify(fit)};
`;
}
