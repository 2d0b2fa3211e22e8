/**
 * Policy competition among destination states when no floor binds them (Overbeek 2002, §3: "downward
 * harmonisation through disciplinary neo-liberal policy competition"), and the floor of a binding
 * convention that stops it.
 *
 * Each competing state d holds a rights level L_d (share of its compiled rights bundle it grants,
 * 0–1, starting at 1). Each year, with κ = policyCompetition, ε = competitionUndercut,
 * δ = burdenResponse, and b_d = d's share of the competitors' arrivals (asylum claims and irregular
 * entries) over its share of their population:
 *   target_d = mean of the other competitors' L − ε − δ · max(0, b_d − 1)
 *   L_d ← clamp(L_d + κ · (target_d − L_d), floor, 1)
 * floor = the standard adopted by the convention's body when `conventionFloor` = 1, else 0.
 * With κ = 0 nothing moves; with ε = δ = 0 levels converge to their mean and do not fall.
 */
import type { InstitutionParameters } from './parameters.ts';

/** One year of competition. `levels`, `burden` by competitor; returns the new levels. */
export function competitionStep(
  levels: ArrayLike<number>,
  burden: ArrayLike<number>,
  floor: number,
  params: Pick<InstitutionParameters, 'policyCompetition' | 'competitionUndercut' | 'burdenResponse'>,
): Float64Array {
  const n = levels.length;
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += levels[i];
  const lo = Math.min(1, Math.max(0, floor));
  for (let i = 0; i < n; i++) {
    const others = n > 1 ? (sum - levels[i]) / (n - 1) : levels[i];
    const excess = Number.isFinite(burden[i]) ? Math.max(0, burden[i] - 1) : 0;
    const target = others - params.competitionUndercut - params.burdenResponse * excess;
    const next = levels[i] + params.policyCompetition * (target - levels[i]);
    out[i] = Math.min(1, Math.max(lo, next));
  }
  return out;
}

/**
 * Burden per competitor: (arrivals_d / Σ arrivals) / (population_d / Σ population); NaN-free
 * (1 where there are no arrivals at all).
 */
export function burdenShares(arrivals: ArrayLike<number>, population: ArrayLike<number>): Float64Array {
  const n = arrivals.length;
  let a = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    a += Math.max(0, arrivals[i]);
    p += Math.max(0, population[i]);
  }
  const out = new Float64Array(n).fill(1);
  if (!(a > 0) || !(p > 0)) return out;
  for (let i = 0; i < n; i++) {
    const share = Math.max(0, population[i]) / p;
    out[i] = share > 0 ? Math.max(0, arrivals[i]) / a / share : 1;
  }
  return out;
}
