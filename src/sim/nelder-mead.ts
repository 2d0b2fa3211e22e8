/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965; standard coefficients reflection 1,
 * expansion 2, contraction ½, shrink ½, as in Lagarias et al. 1998). Deterministic: no random
 * restarts, so a calibration is reproducible. Written here because the npm candidates are
 * unmaintained (`fmin` 0.0.4, last published 2016) or fit curves rather than simulations
 * (`ml-levenberg-marquardt`).
 */

export interface NelderMeadOptions {
  /** Initial step per coordinate (default 10% of |x0|, or 0.1 where x0 is 0). */
  step?: number[];
  maxEvaluations?: number;
  /** Stop when the spread of the simplex values falls below this. */
  tolerance?: number;
  onIteration?(best: { x: number[]; value: number; evaluations: number }): void;
  /** Asked before each iteration: true stops the search there (e.g. a time limit). */
  shouldStop?(): boolean;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  /** Why the search ended: the simplex's spread fell below the tolerance, the evaluations ran out, or `shouldStop`. */
  stoppedBy: 'tolerance' | 'evaluations' | 'stop';
}

export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  opts: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const maxEvaluations = opts.maxEvaluations ?? 200 * n;
  const tolerance = opts.tolerance ?? 1e-6;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: evaluate(x0) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] += opts.step?.[i] ?? (x0[i] !== 0 ? 0.1 * Math.abs(x0[i]) : 0.1);
    simplex.push({ x, v: evaluate(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, k) => ai + t * (b[k] - ai));
  let stoppedBy: NelderMeadResult['stoppedBy'] = 'evaluations';
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    opts.onIteration?.({ x: simplex[0].x, value: simplex[0].v, evaluations });
    if (simplex[n].v - simplex[0].v < tolerance) {
      stoppedBy = 'tolerance';
      break;
    }
    if (opts.shouldStop?.()) {
      stoppedBy = 'stop';
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += simplex[i].x[k] / n;
    const worst = simplex[n];
    const xr = combine(centroid, worst.x, -1);
    const vr = evaluate(xr);
    if (vr < simplex[0].v) {
      const xe = combine(centroid, worst.x, -2);
      const ve = evaluate(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
      continue;
    }
    if (vr < simplex[n - 1].v) {
      simplex[n] = { x: xr, v: vr };
      continue;
    }
    const outside = vr < worst.v;
    const xc = outside ? combine(centroid, worst.x, -0.5) : combine(centroid, worst.x, 0.5);
    const vc = evaluate(xc);
    if (vc < (outside ? vr : worst.v)) {
      simplex[n] = { x: xc, v: vc };
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const x = combine(simplex[0].x, simplex[i].x, 0.5);
      simplex[i] = { x, v: evaluate(x) };
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v, evaluations, stoppedBy };
}
