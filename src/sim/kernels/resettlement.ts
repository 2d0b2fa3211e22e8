/**
 * Resettlement from countries of first asylum (UNHCR's third durable solution; UNHCR 2011,
 * Resettlement Handbook, ch. 1).
 *
 * Resettlement: the policies' dated `resettlement` programmes (docs/documents.md; the US admissions
 * ceilings of the Presidential Determinations under INA §207) admit `resettlementFill` × their
 * persons a year. They are taken from the refugees (recognised, complementary or temporary
 * protection) living outside the core and outside the resettling countries: each such refugee is
 * resettled this year with P = min(1, Σ admissions / those refugees at the end of last year), to a
 * destination drawn in proportion to the admissions, and arrives there a recognised refugee.
 * Without the `resettlement` mechanism nobody is resettled.
 */
import { pickWeighted } from '../../shared/weighted-pick.ts';

/** This year's resettlement: who may be resettled, with what probability, and where to. */
export interface Resettlement {
  /** P that an eligible refugee is resettled this year (0: none). */
  rate: number;
  /** [d] 1 where refugees may be taken from: outside the core and not resettling this year. */
  source: Uint8Array;
  /** Cumulative share of the admissions by destination, ascending to 1 (N long). */
  cumulative: Float64Array;
}

/**
 * The year's resettlement from the admissions `persons[d]` (× `fill`), the refugees hosted by each
 * country at the end of last year (persons) and each country's tier (0 = core).
 */
export function resettlement(
  persons: ArrayLike<number>,
  fill: number,
  hosted: (d: number) => number,
  tier: ArrayLike<number>,
  on: boolean,
): Resettlement {
  const n = persons.length;
  const source = new Uint8Array(n);
  const cumulative = new Float64Array(n);
  const admitted = Float64Array.from({ length: n }, (_, d) => (persons[d] > 0 ? persons[d] * fill : 0));
  let admissions = 0;
  for (let d = 0; d < n; d++) admissions += admitted[d];
  if (!on || !(admissions > 0)) return { rate: 0, source, cumulative };
  let eligible = 0;
  let running = 0;
  for (let d = 0; d < n; d++) {
    running += admitted[d];
    cumulative[d] = running / admissions;
    if (admitted[d] === 0 && tier[d] !== 0) {
      source[d] = 1;
      eligible += hosted(d);
    }
  }
  return { rate: eligible > 0 ? Math.min(1, admissions / eligible) : 0, source, cumulative };
}

/**
 * The destination of a resettled refugee: the first d with cumulative[d] > u (u uniform in [0, 1)),
 * by the shared bisection. `cumulative` ends at 1 > u, so `pickWeighted` never reaches its fall-back
 * for a target past the end, the only place it reads the weights.
 */
export function resettlementDestination(cumulative: Float64Array, u: number): number {
  return pickWeighted(cumulative, cumulative, u);
}
