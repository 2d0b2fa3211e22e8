/**
 * The guard against fitting the seeds' noise (docs/model.md §5). Stage 1 searches on fixed seeds
 * (common random numbers), so its best point is partly the best draw of those seeds' noise: the
 * recalibration of 2026-12-08, 01:10, lowered the destinations' error on its seeds 1–3 (0.199 →
 * 0.193) and not on seeds 4–6 (0.1992 → 0.1996). So the search's few best points are scored again
 * on seeds it never saw (the held-out seeds), with the same objective (loss + ridge), and a point
 * is kept only if it beats the start there by more than a margin; otherwise the start is kept.
 */
import type { Parameters } from './parameters.ts';

/**
 * The margin by which a point must beat the start on the held-out seeds: one standard deviation of
 * the difference of the loss between two parameter sets on 4 seeds' mean rows. Measured on main
 * 40e06d0 at scale 1,000 (`tools/loss-noise.ts --seeds 10`, docs/model.md §5): on one seed the
 * difference varies with sd 0.045–0.056 (changing a parameter changes which agent draws which move,
 * so common seeds barely cancel the noise), ≈ 0.05/√k on k seeds, 0.025 on 4. One sd also offsets
 * choosing the best of 5 candidates on those seeds (the best of 5 pure-noise draws lies ≈ 1.16 sd
 * below their mean).
 */
export const HELD_OUT_MARGIN = 0.025;

/**
 * How far apart, in simplex steps along some coordinate, the checked points must lie: ⅛ of a step,
 * the smallest move the loss tells from the seeds' noise on 2–4 seeds (docs/model.md §5). Closer
 * points differ only in which agent draws which move, so checking several of them is checking one
 * point several times (the guarded recalibration of 2026-12-08, 03:55: the 5 best points differed in
 * the fifth digit).
 */
export const CANDIDATE_SPACING = 0.125;

/** The held-out seeds by default: neither a search's usual seeds nor `regimes fit`'s 1–6. */
export const HELD_OUT_SEEDS = [7, 8, 9, 10] as const;

/** A point the search evaluated: its values and its objective on the search's seeds. */
export interface Visited {
  values: Partial<Parameters>;
  objective: number;
  /** The ridge toward the start at this point (the same on every seed). */
  ridge: number;
  /** The point in the search's coordinates, in units of each coordinate's simplex step. */
  steps: readonly number[];
}

/** A candidate scored on the held-out seeds. */
export interface HeldOutScore extends Visited {
  /** Loss on the held-out seeds + the ridge. */
  heldOut: number;
}

/** What the guard decided. */
export interface HeldOutCheck {
  seeds: number[];
  /** The start's objective on the held-out seeds (its ridge is 0). */
  start: number;
  margin: number;
  candidates: HeldOutScore[];
  /** The index in `candidates` of the point kept, or null: none beat the start by the margin. */
  kept: number | null;
}

/**
 * The `count` best points of a search that beat the start's objective, best first, each at least
 * `spacing` simplex steps along some coordinate from every better one kept (a point closer to a
 * better one, or the same point evaluated twice, is skipped).
 * @throws an Error when `count` is not an integer ≥ 1 or `spacing` is negative
 */
export function bestVisited(
  visited: readonly Visited[],
  startObjective: number,
  count: number,
  spacing = CANDIDATE_SPACING,
): Visited[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`best points: ${count} is not a count ≥ 1`);
  if (!(spacing >= 0)) throw new Error(`best points: spacing ${spacing} is not ≥ 0`);
  const apart = (a: Visited, b: Visited) => a.steps.some((x, k) => Math.abs(x - b.steps[k]) >= spacing);
  const out: Visited[] = [];
  for (const v of [...visited].sort((a, b) => a.objective - b.objective)) {
    if (out.length === count || !(v.objective < startObjective)) break;
    if (out.every((kept) => apart(kept, v) && JSON.stringify(kept.values) !== JSON.stringify(v.values)))
      out.push(v);
  }
  return out;
}

/**
 * The candidate to keep: the lowest held-out objective, if it lies below the start's by more than
 * `margin`; null otherwise (keep the start).
 * @throws an Error for a margin < 0 or a non-finite score
 */
export function heldOutChoice(
  start: number,
  candidates: readonly Pick<HeldOutScore, 'heldOut'>[],
  margin: number,
): number | null {
  if (!(margin >= 0)) throw new Error(`held-out check: margin ${margin} is not ≥ 0`);
  if (!Number.isFinite(start) || candidates.some((c) => !Number.isFinite(c.heldOut)))
    throw new Error('held-out check: a score is not finite');
  let best: number | null = null;
  candidates.forEach((c, i) => {
    if (c.heldOut < start - margin && (best === null || c.heldOut < candidates[best].heldOut)) best = i;
  });
  return best;
}
