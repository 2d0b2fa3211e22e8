/**
 * Morris screening (Morris 1991, Technometrics 33:2; μ* from Campolongo, Cariboni & Saltelli 2007,
 * Environ. Model. Softw. 22:10): a global, one-at-a-time sensitivity method for a few model runs.
 *
 * Design: r trajectories in the unit cube on a p-level grid (p = 4, Δ = p / (2(p − 1)) = 2/3). A
 * trajectory starts at a random grid point x (each coordinate in {0, 1/3}, so x + Δ stays inside)
 * and moves each of the k parameters once, in a random order, by +Δ (or −Δ from a start raised by
 * Δ, chosen at random): k + 1 points. Unit coordinates map linearly onto each parameter's
 * [low, high] range.
 *
 * Elementary effect of parameter i on output y along a trajectory: EE = (y(after) − y(before)) / ±Δ
 * (in unit-cube terms, so effects of parameters with different units compare). Over the r
 * trajectories: μ = mean EE, μ* = mean |EE| (importance), σ = standard deviation of EE
 * (non-linearity or interaction). The random choices come from a seeded generator: the same seed
 * gives the same design.
 */

export const MORRIS_LEVELS = 4;
export const MORRIS_DELTA = MORRIS_LEVELS / (2 * (MORRIS_LEVELS - 1));

/** mulberry32: a small, fast, seeded 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One trajectory: k + 1 points in the unit cube, and which parameter moved between consecutive points. */
export interface Trajectory {
  points: number[][];
  /** moved[j] = parameter changed from point j to j + 1, with its signed step. */
  moved: { index: number; step: number }[];
}

/** r Morris trajectories over k parameters. */
export function morrisDesign(k: number, r: number, seed: number): Trajectory[] {
  const rand = mulberry32(seed);
  const lows = [0, 1 / (MORRIS_LEVELS - 1)];
  const out: Trajectory[] = [];
  for (let t = 0; t < r; t++) {
    const x = Array.from({ length: k }, () => lows[Math.floor(rand() * lows.length)]);
    const up = Array.from({ length: k }, () => rand() < 0.5);
    for (let i = 0; i < k; i++) if (!up[i]) x[i] += MORRIS_DELTA;
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const points = [x.slice()];
    const moved: Trajectory['moved'] = [];
    for (const i of order) {
      const step = up[i] ? MORRIS_DELTA : -MORRIS_DELTA;
      x[i] += step;
      points.push(x.slice());
      moved.push({ index: i, step });
    }
    out.push({ points, moved });
  }
  return out;
}

/** A unit-cube point mapped onto parameter ranges. */
export function scalePoint(
  unit: readonly number[],
  ranges: readonly { low: number; high: number }[],
): number[] {
  return unit.map((u, i) => ranges[i].low + Math.min(1, Math.max(0, u)) * (ranges[i].high - ranges[i].low));
}

export interface MorrisIndex {
  mu: number;
  muStar: number;
  sigma: number;
  /** Elementary effects used (finite ones). */
  n: number;
}

/**
 * Morris indices of each parameter for one output.
 * @param outputs outputs[t][j] = the output at point j of trajectory t
 */
export function morrisIndices(
  design: readonly Trajectory[],
  outputs: readonly (readonly number[])[],
  k: number,
): MorrisIndex[] {
  const effects: number[][] = Array.from({ length: k }, () => []);
  design.forEach((traj, t) => {
    traj.moved.forEach((m, j) => {
      const ee = (outputs[t][j + 1] - outputs[t][j]) / m.step;
      if (Number.isFinite(ee)) effects[m.index].push(ee);
    });
  });
  return effects.map((e) => {
    const n = e.length;
    if (n === 0) return { mu: NaN, muStar: NaN, sigma: NaN, n };
    const mu = e.reduce((a, b) => a + b, 0) / n;
    const muStar = e.reduce((a, b) => a + Math.abs(b), 0) / n;
    const sigma = n > 1 ? Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : NaN;
    return { mu, muStar, sigma, n };
  });
}
