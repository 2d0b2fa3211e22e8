/**
 * The search for a flip (docs/experiments.md, "Audit"): a setting of the parameters inside their
 * documented ranges under which the criterion's verdict changes. Pure functions; the runs are
 * made by execute.ts.
 *
 * Candidates are the Morris design points (already run) and directed corners of the parameter box:
 * for each condition, the corner that moves its effect towards the other side of its threshold,
 * read from the signs of the Morris elementary effects (μ), and for a verdict that needs every
 * failing condition to change, the corner that moves all of them at once. Each candidate is scored
 * by how far it carries the decisive effects across their thresholds, in units of the main runs'
 * distance to them; the best are confirmed with the main runs' seeds and parameter draws.
 */
import type { CriterionVerdict } from './criterion.ts';

export interface SearchCondition {
  op: 'gt' | 'lt';
  value: number;
  /** The main runs' estimate. */
  estimate: number;
  /** The main runs' verdict of the condition. */
  verdict: CriterionVerdict;
}

export interface SearchParameter {
  name: string;
  low: number;
  high: number;
}

/** A judged setting: its values, the criterion's verdict there and each condition's estimate. */
export interface JudgedPoint {
  values: Record<string, number>;
  verdict: CriterionVerdict;
  estimates: number[];
}

/** Distance of an estimate beyond its threshold on the side where the condition holds, in units of the main runs' distance (positive: holds side). */
export function sideDistance(c: SearchCondition, estimate: number): number {
  const d = c.op === 'gt' ? estimate - c.value : c.value - estimate;
  const scale = Math.abs(c.estimate - c.value);
  return d / (scale > 0 && Number.isFinite(scale) ? scale : 1);
}

/**
 * How far a point goes towards changing the main verdict (> 0: its point estimates give another
 * verdict). Main `holds`: the largest crossing of any condition to the failing side. Main
 * `does_not_hold`: the smallest distance of the failing conditions to the holding side (all must
 * cross). Main `inconclusive`: the larger of the two.
 */
export function flipScore(
  main: CriterionVerdict,
  conditions: readonly SearchCondition[],
  estimates: readonly number[],
): number {
  const d = conditions.map((c, i) => sideDistance(c, estimates[i]));
  if (d.some((x) => !Number.isFinite(x))) return -Infinity;
  const towardsFail = Math.max(...d.map((x) => -x));
  const failing = conditions
    .map((c, i) => (c.verdict === 'does_not_hold' ? d[i] : NaN))
    .filter(Number.isFinite);
  const towardsHold = Math.min(...(failing.length ? failing : d));
  if (main === 'holds') return towardsFail;
  if (main === 'does_not_hold') return towardsHold;
  return Math.max(towardsFail, Math.min(...d));
}

/**
 * Corners of the parameter box that push effects towards the other side. `mu[c][p]` is the Morris
 * mean elementary effect of parameter p on condition c's estimate (per unit range).
 */
export function directedCorners(
  main: CriterionVerdict,
  conditions: readonly SearchCondition[],
  params: readonly SearchParameter[],
  mu: readonly (readonly number[])[],
): Record<string, number>[] {
  // the direction each condition's estimate must move to change the verdict: −1 down, +1 up, 0 none
  const towardsFail = conditions.map((c) => (c.op === 'gt' ? -1 : 1));
  const corner = (dir: readonly number[]) =>
    Object.fromEntries(
      params.map((p, i) => {
        let push = 0;
        conditions.forEach((c, k) => {
          const scale = Math.abs(c.estimate - c.value) || 1;
          push += (dir[k] * mu[k][i]) / scale;
        });
        const x = push > 0 ? 1 : push < 0 ? 0 : 0.5;
        return [p.name, p.low + x * (p.high - p.low)];
      }),
    );
  const out: Record<string, number>[] = [];
  if (main !== 'does_not_hold')
    conditions.forEach((_, k) => out.push(corner(conditions.map((__, j) => (j === k ? towardsFail[k] : 0)))));
  if (main !== 'holds') {
    // every failing (or, when inconclusive, every) condition towards holding at once
    const dir = conditions.map((c, k) =>
      main === 'inconclusive' || c.verdict === 'does_not_hold' ? -towardsFail[k] : 0,
    );
    out.push(corner(dir));
    if (main === 'does_not_hold')
      conditions.forEach((c, k) => {
        if (c.verdict === 'does_not_hold')
          out.push(corner(conditions.map((__, j) => (j === k ? -towardsFail[k] : 0))));
      });
  }
  const seen = new Set<string>();
  return out.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The candidates worth confirming, best first: points whose own verdict already differs from the
 * main one (a decisive `holds` or `does_not_hold` first), then by flip score; only points with a
 * score ≥ 0 (an effect at or across its threshold) or another decisive verdict (an `inconclusive` at a few seeds is no evidence).
 */
export function rankCandidates(
  main: CriterionVerdict,
  conditions: readonly SearchCondition[],
  points: readonly (JudgedPoint & { origin: 'morris' | 'corner' })[],
  max: number,
): (JudgedPoint & { origin: 'morris' | 'corner'; score: number })[] {
  const rank = (p: JudgedPoint) => (p.verdict === main ? 0 : p.verdict === 'inconclusive' ? 1 : 2);
  return points
    .map((p) => ({ ...p, score: flipScore(main, conditions, p.estimates) }))
    .filter((p) => p.score >= 0 || rank(p) === 2)
    .sort((a, b) => rank(b) - rank(a) || b.score - a.score)
    .slice(0, max);
}
