/**
 * Panel regressions with country and year fixed effects and standard errors clustered by
 * country: Poisson pseudo-maximum likelihood for counts and binary outcomes (Santos Silva &
 * Tenreyro 2006; consistent with fixed effects, Wooldridge 1999), and least squares for logs.
 * The fixed effects are dummy columns (one panel has ≈ 200 countries and ≈ 35 years, small enough
 * for a QR solve); the PPML itself is the project's (src/fit/ppml.ts).
 */
import { Matrix, QrDecomposition, inverse } from 'ml-matrix';
import { fitPpml } from '../fit/ppml.ts';

/** One observation: its country, its year, its regressors of interest and its outcome. */
export interface PanelObservation {
  unit: string;
  year: number;
  x: number[];
  y: number;
}

/** A coefficient with its clustered standard error and 90% interval. */
export interface Coefficient {
  name: string;
  estimate: number;
  standardError: number;
  /** 90% interval, estimate ± 1.645 standard errors (normal approximation over the clusters). */
  interval90: [number, number];
}

/** A fitted panel regression (fixed effects not reported). */
export interface PanelFit {
  estimator: 'ppml' | 'ols';
  coefficients: Coefficient[];
  observations: number;
  /** Countries (clusters) left after dropping those whose outcome never varies. */
  units: number;
  firstYear: number;
  lastYear: number;
  /** PPML: IRLS iterations; OLS: 1. */
  iterations: number;
}

const Z90 = 1.6448536269514722;

/**
 * Drops observations that carry no information with fixed effects: for PPML, countries and years
 * whose outcome is 0 throughout (their effect would go to −∞); for OLS, countries seen once.
 */
export function informativeObservations(
  obs: readonly PanelObservation[],
  estimator: 'ppml' | 'ols',
): PanelObservation[] {
  let kept = obs.slice();
  for (let pass = 0; pass < 5; pass++) {
    const before = kept.length;
    const unitTotal = new Map<string, { n: number; sum: number }>();
    const yearTotal = new Map<number, number>();
    for (const o of kept) {
      const u = unitTotal.get(o.unit) ?? { n: 0, sum: 0 };
      u.n++;
      u.sum += o.y;
      unitTotal.set(o.unit, u);
      yearTotal.set(o.year, (yearTotal.get(o.year) ?? 0) + o.y);
    }
    kept = kept.filter((o) => {
      const u = unitTotal.get(o.unit)!;
      if (estimator === 'ppml') return u.sum > 0 && (yearTotal.get(o.year) ?? 0) > 0;
      return u.n > 1;
    });
    if (kept.length === before) break;
  }
  return kept;
}

/** Design rows: constant, regressors, country dummies (first dropped), year dummies (first dropped). */
export function twoWayDesign(obs: readonly PanelObservation[]): {
  rows: Float64Array[];
  units: string[];
  years: number[];
} {
  const units = [...new Set(obs.map((o) => o.unit))].sort();
  const years = [...new Set(obs.map((o) => o.year))].sort((a, b) => a - b);
  const ui = new Map(units.map((u, i) => [u, i]));
  const yi = new Map(years.map((y, i) => [y, i]));
  const k = obs[0]?.x.length ?? 0;
  const width = 1 + k + (units.length - 1) + (years.length - 1);
  const rows = obs.map((o) => {
    const r = new Float64Array(width);
    r[0] = 1;
    for (let j = 0; j < k; j++) r[1 + j] = o.x[j];
    const u = ui.get(o.unit)!;
    if (u > 0) r[k + u] = 1;
    const t = yi.get(o.year)!;
    if (t > 0) r[k + units.length - 1 + t] = 1;
    return r;
  });
  return { rows, units, years };
}

/**
 * Cluster-robust sandwich for the first `k` regressors after the constant:
 * (X'WX)⁻¹ (Σ_g s_g s_g') (X'WX)⁻¹ · G/(G−1), s_g = Σ_{i∈g} x_i (y_i − μ_i)
 * (W = diag(μ) for PPML, the identity for OLS).
 */
function clusteredStandardErrors(
  rows: readonly Float64Array[],
  weights: ArrayLike<number>,
  residuals: ArrayLike<number>,
  clusters: readonly string[],
  k: number,
  extraCorrection = 1,
): number[] {
  const p = rows[0].length;
  const xtwx = Matrix.zeros(p, p);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const w = weights[i];
    for (let a = 0; a < p; a++) {
      if (r[a] === 0) continue;
      const ra = r[a] * w;
      for (let b = a; b < p; b++) if (r[b] !== 0) xtwx.set(a, b, xtwx.get(a, b) + ra * r[b]);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx.set(a, b, xtwx.get(b, a));
  const bread = inverse(xtwx, true);
  const scores = new Map<string, Float64Array>();
  for (let i = 0; i < rows.length; i++) {
    let s = scores.get(clusters[i]);
    if (!s) scores.set(clusters[i], (s = new Float64Array(p)));
    for (let a = 0; a < p; a++) s[a] += rows[i][a] * residuals[i];
  }
  const g = scores.size;
  const correction = (g / (g - 1)) * extraCorrection;
  // Only the rows of the bread for the regressors of interest are needed: B_j · meat · B_j'.
  const out: number[] = [];
  for (let j = 1; j <= k; j++) {
    const bj = bread.getRow(j);
    let v = 0;
    for (const s of scores.values()) {
      let d = 0;
      for (let a = 0; a < p; a++) d += bj[a] * s[a];
      v += d * d;
    }
    out.push(Math.sqrt(v * correction));
  }
  return out;
}

function coefficientsOf(
  names: readonly string[],
  beta: readonly number[],
  se: readonly number[],
): Coefficient[] {
  return names.map((name, j) => ({
    name,
    estimate: beta[1 + j],
    standardError: se[j],
    interval90: [beta[1 + j] - Z90 * se[j], beta[1 + j] + Z90 * se[j]],
  }));
}

function spanOf(obs: readonly PanelObservation[]) {
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const o of obs) {
    firstYear = Math.min(firstYear, o.year);
    lastYear = Math.max(lastYear, o.year);
  }
  return { firstYear, lastYear };
}

/** PPML with country and year fixed effects; `names` label the regressors of interest. */
export function fitPanelPpml(observations: readonly PanelObservation[], names: readonly string[]): PanelFit {
  const obs = informativeObservations(observations, 'ppml');
  const { rows, units } = twoWayDesign(obs);
  const y = obs.map((o) => o.y);
  const fit = fitPpml(rows, y, { maxIterations: 200, tolerance: 1e-12 });
  const mu = rows.map((r) => {
    let e = 0;
    for (let j = 0; j < r.length; j++) e += fit.coefficients[j] * r[j];
    return Math.exp(e);
  });
  const se = clusteredStandardErrors(
    rows,
    mu,
    y.map((v, i) => v - mu[i]),
    obs.map((o) => o.unit),
    names.length,
  );
  return {
    estimator: 'ppml',
    coefficients: coefficientsOf(names, fit.coefficients, se),
    observations: obs.length,
    units: units.length,
    ...spanOf(obs),
    iterations: fit.iterations,
  };
}

/** Least squares with country and year fixed effects; `names` label the regressors of interest. */
export function fitPanelOls(observations: readonly PanelObservation[], names: readonly string[]): PanelFit {
  const obs = informativeObservations(observations, 'ols');
  const { rows, units } = twoWayDesign(obs);
  const n = rows.length;
  const p = rows[0].length;
  if (n <= p) throw new Error(`least squares needs more observations (${n}) than columns (${p})`);
  const a = new Matrix(rows.map((r) => Array.from(r)));
  const b = Matrix.columnVector(obs.map((o) => o.y));
  const beta = new QrDecomposition(a).solve(b).getColumn(0);
  const resid = rows.map((r, i) => {
    let e = 0;
    for (let j = 0; j < p; j++) e += beta[j] * r[j];
    return obs[i].y - e;
  });
  const se = clusteredStandardErrors(
    rows,
    new Float64Array(n).fill(1),
    resid,
    obs.map((o) => o.unit),
    names.length,
    (n - 1) / (n - p),
  );
  return {
    estimator: 'ols',
    coefficients: coefficientsOf(names, beta, se),
    observations: n,
    units: units.length,
    ...spanOf(obs),
    iterations: 1,
  };
}
