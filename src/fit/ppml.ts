/**
 * Poisson pseudo-maximum-likelihood (PPML; Santos Silva & Tenreyro 2006), the standard estimator of
 * gravity equations: E[y | x] = exp(x·β), fitted by iteratively reweighted least squares. Each
 * step is a weighted least-squares problem solved by QR decomposition (ml-matrix), so zeros in y
 * are kept (a log-linear OLS would have to drop them) and no normal equations are formed.
 */
import { Matrix, solve } from 'ml-matrix';

/** A fitted PPML model. */
export interface PpmlFit {
  coefficients: number[];
  /** IRLS iterations used. */
  iterations: number;
  /** Poisson deviance at the end. */
  deviance: number;
  /** Squared correlation between y and the fitted means (a pseudo-R²). */
  pseudoR2: number;
  observations: number;
}

/** exp(x·β). */
export function ppmlMean(beta: readonly number[], x: ArrayLike<number>): number {
  let eta = 0;
  for (let j = 0; j < beta.length; j++) eta += beta[j] * x[j];
  return Math.exp(eta);
}

function deviance(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < y.length; i++)
    d += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
  return d;
}

/**
 * Fits E[y | x] = exp(x·β).
 * @param rows regressors per observation (include a constant column)
 * @param y non-negative outcomes
 */
export function fitPpml(
  rows: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  { maxIterations = 100, tolerance = 1e-10 } = {},
): PpmlFit {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n <= k) throw new Error(`PPML needs more observations (${n}) than regressors (${k})`);
  // Start: intercept at log mean(y) (the first column must be the constant), other coefficients 0.
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] / n;
  let beta = new Array<number>(k).fill(0);
  beta[0] = Math.log(Math.max(mean, 1e-12));
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  const refresh = (b: number[]) => {
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < k; j++) e += b[j] * rows[i][j];
      eta[i] = e;
      mu[i] = Math.exp(e);
    }
    return deviance(y, mu);
  };
  let dev = refresh(beta);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Weighted least squares: minimise Σ w (z − xβ)², w = μ, z = η + (y − μ)/μ.
    const a = new Matrix(n, k);
    const b = new Matrix(n, 1);
    for (let i = 0; i < n; i++) {
      const w = Math.sqrt(mu[i]);
      for (let j = 0; j < k; j++) a.set(i, j, w * rows[i][j]);
      b.set(i, 0, w * (eta[i] + (y[i] - mu[i]) / mu[i]));
    }
    const next = solve(a, b).getColumn(0);
    // Step-halving if the deviance went up.
    let step = 1;
    let candidate = next;
    let newDev = refresh(candidate);
    while (!(newDev <= dev) && step > 1e-6) {
      step /= 2;
      candidate = beta.map((v, j) => v + step * (next[j] - v));
      newDev = refresh(candidate);
    }
    const converged = Math.abs(dev - newDev) <= tolerance * (Math.abs(newDev) + 1);
    beta = candidate;
    dev = newDev;
    if (converged) break;
  }
  refresh(beta);
  return {
    coefficients: beta,
    iterations: iterations + 1,
    deviance: dev,
    pseudoR2: squaredCorrelation(y, mu),
    observations: n,
  };
}

function squaredCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return (sab * sab) / (saa * sbb);
}
