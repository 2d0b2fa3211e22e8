/**
 * Ensemble statistics: a regime's mean over seeds with a 90% interval, and paired differences
 * between regimes with theirs.
 *
 * **Interval method.** The interval is a 90% Student-t confidence interval for the ensemble mean:
 * mean ± t(0.95, n−1) · s / √n, with s the sample standard deviation over the n seeds. A difference
 * B − A is computed seed by seed (the members of the same seed share their random streams' seed, so
 * the pairing removes the noise they have in common) and gets the same interval on the n paired
 * differences. It measures Monte Carlo (seed) uncertainty only, not uncertainty in the model's
 * parameters or data. With one seed there is no interval (lo = hi = NaN). Values that are NaN are
 * left out (n counts the seeds with a value).
 */
import type { IndicatorRow, StatRow } from '../store/index.ts';

/** Confidence level of every interval. */
export const INTERVAL_LEVEL = 0.9;

/** The interval method, in words (stored with each comparison, printed by `compare --help`). */
export const INTERVAL_METHOD =
  '90% Student-t interval of the ensemble mean over seeds (mean ± t(0.95, n-1)·s/√n); differences B-A are paired by seed and get the same interval on the per-seed differences';

/** t(0.95, df) for df = 1…30 (two-sided 90%). */
const T95 = [
  6.3138, 2.92, 2.3534, 2.1318, 2.015, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125, 1.7959, 1.7823, 1.7709, 1.7613,
  1.7531, 1.7459, 1.7396, 1.7341, 1.7291, 1.7247, 1.7207, 1.7171, 1.7139, 1.7109, 1.7081, 1.7056, 1.7033,
  1.7011, 1.6991, 1.6973,
];

/** The 95th percentile of Student's t with `df` degrees of freedom (table to 30, Cornish–Fisher beyond: error < 1e-4). */
export function tQuantile95(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30) return T95[Math.floor(df) - 1];
  const z = 1.6448536;
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Mean, interval and count of a set of values. */
export interface Summary {
  mean: number;
  lo: number;
  hi: number;
  /** Sample standard deviation (NaN for n < 2). */
  sd: number;
  n: number;
}

/** Mean and 90% t-interval of the finite values (NaN mean when there are none). */
export function summarize(values: ArrayLike<number>): Summary {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, sd: NaN, n: 0 };
  const mean = sum / n;
  if (n === 1) return { mean, lo: NaN, hi: NaN, sd: NaN, n };
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) ss += (v - mean) ** 2;
  }
  const sd = Math.sqrt(ss / (n - 1));
  const half = (tQuantile95(n - 1) * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, sd, n };
}

/** Summary of the paired differences b[i] − a[i] over the pairs where both are finite. */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): Summary {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} vs ${b.length}`);
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++)
    d[i] = Number.isFinite(a[i]) && Number.isFinite(b[i]) ? b[i] - a[i] : NaN;
  return summarize(d);
}

/** One member of an ensemble: a regime, a seed, and the rows its run gave. */
export interface EnsembleMember {
  regime: string;
  seed: number;
  rows: readonly IndicatorRow[];
}

/**
 * Per (year, indicator, country): each regime's summary over its seeds, and each later regime's
 * paired difference from the first (`B-A`, `C-A`, …).
 * @param regimes the regimes in order; the first is the reference
 * @param seeds the seeds every regime was run with
 * @param keep which rows to summarise (default: world totals only)
 */
export function compareEnsembles(
  members: readonly EnsembleMember[],
  regimes: readonly string[],
  seeds: readonly number[],
  keep: (row: IndicatorRow) => boolean = (r) => r.country === 'WLD',
): StatRow[] {
  const seedIndex = new Map(seeds.map((s, i) => [s, i]));
  const regimeIndex = new Map(regimes.map((r, i) => [r, i]));
  // key → [regime][seed] values
  const table = new Map<
    string,
    { year: number; indicator: string; country: string; values: Float64Array[] }
  >();
  for (const m of members) {
    const ri = regimeIndex.get(m.regime);
    const si = seedIndex.get(m.seed);
    if (ri === undefined || si === undefined)
      throw new Error(`member (${m.regime}, ${m.seed}) is not in the comparison`);
    for (const r of m.rows) {
      if (!keep(r)) continue;
      const key = `${r.indicator}\u0000${r.country}\u0000${r.year}`;
      let cell = table.get(key);
      if (!cell) {
        cell = {
          year: r.year,
          indicator: r.indicator,
          country: r.country,
          values: regimes.map(() => new Float64Array(seeds.length).fill(NaN)),
        };
        table.set(key, cell);
      }
      cell.values[ri][si] = r.value;
    }
  }
  const out: StatRow[] = [];
  const keys = [...table.keys()].sort();
  for (const key of keys) {
    const { year, indicator, country, values } = table.get(key)!;
    const base = { year, indicator, country };
    regimes.forEach((regime, i) => {
      const s = summarize(values[i]);
      out.push({ ...base, kind: 'regime', label: regime, mean: s.mean, lo: s.lo, hi: s.hi, n: s.n });
    });
    for (let i = 1; i < regimes.length; i++) {
      const s = pairedDifference(values[0], values[i]);
      out.push({
        ...base,
        kind: 'difference',
        label: `${regimes[i]}-${regimes[0]}`,
        mean: s.mean,
        lo: s.lo,
        hi: s.hi,
        n: s.n,
      });
    }
  }
  return out;
}
