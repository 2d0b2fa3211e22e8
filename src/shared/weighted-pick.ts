/**
 * Drawing one option in proportion to its weight, by bisection over running sums: shared by the
 * world model's destination choice and the displacement model's spawning.
 */

/**
 * Fills `cumulative[k]` with weights[0] + … + weights[k] (summed left to right) for k < count and
 * returns the total.
 */
export function runningSum(weights: Float64Array, cumulative: Float64Array, count = weights.length): number {
  let total = 0;
  for (let k = 0; k < count; k++) cumulative[k] = total += weights[k];
  return total;
}

/**
 * The option a draw `target` ∈ [0, total) falls in: the first k < count with cumulative[k] > target,
 * found by bisection (`cumulative` is the running sum of `weights`, so it does not decrease, and an
 * option without weight is never chosen); the last option with weight if rounding put the target
 * at or past the end.
 */
export function pickWeighted(
  cumulative: Float64Array,
  weights: Float64Array,
  target: number,
  count = cumulative.length,
): number {
  let lo = 0;
  let hi = count - 1;
  if (!(cumulative[hi] > target)) {
    while (hi > 0 && weights[hi] === 0) hi--;
    return hi;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
