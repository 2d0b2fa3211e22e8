/**
 * The validation error Flee's users report: the averaged relative difference (ARD), computed
 * exactly as Flee's postprocessing/extract-validation-results.py does ("Error (rescaled)").
 *
 * For every day t: U = UNHCR camp total (as written in out.csv), S = simulated camp total,
 * n'_c = n_c * U / S (0 when S = 0), E(t) = sum_c round4(|n'_c - m_c|) / max(U, 1);
 * ARD = mean over days of E(t). Range 0 (perfect) to 2 (no overlap).
 */

/** numpy.round(x, 4): round half to even at the 4th decimal. */
export function round4(x: number): number {
  const y = x * 1e4;
  let r = Math.round(y);
  if (Math.abs(y % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r / 1e4;
}

export interface ArdInput {
  days: number;
  camps: number;
  /** Simulated agents per camp per day: sim[day * camps + c]. */
  sim: ArrayLike<number>;
  /** UNHCR values per camp per day. */
  data: ArrayLike<number>;
  /** Flee's raw UNHCR count per day: when it is 0 out.csv writes a UNHCR camp total of 0. */
  raw?: ArrayLike<number>;
}

export interface Ard {
  /** Error (rescaled): the ARD. */
  ard: number;
  /** Error (normal): the same without rescaling. */
  ardNormal: number;
  /** Each camp's share of the ARD (they sum to ard). */
  perCamp: Float64Array;
}

export function computeArd({ days, camps, sim, data, raw }: ArdInput): Ard {
  const perCamp = new Float64Array(camps);
  let sumNormal = 0;
  for (let t = 0; t < days; t++) {
    let U = 0;
    let S = 0;
    for (let c = 0; c < camps; c++) {
      U += data[t * camps + c];
      S += sim[t * camps + c];
    }
    if (raw && !(raw[t] > 0)) U = 0;
    const denom = Math.max(U, 1);
    for (let c = 0; c < camps; c++) {
      const n = sim[t * camps + c];
      const m = data[t * camps + c];
      const rescaled = S > 0 ? (n * U) / S : 0;
      perCamp[c] += round4(Math.abs(rescaled - m)) / denom;
      sumNormal += round4(Math.abs(n - m)) / denom;
    }
  }
  let ard = 0;
  for (let c = 0; c < camps; c++) {
    perCamp[c] /= days;
    ard += perCamp[c];
  }
  return { ard, ardNormal: sumNormal / days, perCamp };
}

/** Mean and sample standard deviation. */
export function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}
