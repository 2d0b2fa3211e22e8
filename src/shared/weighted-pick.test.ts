import { describe, expect, it } from 'vitest';
import { pickWeighted, runningSum } from './weighted-pick.ts';

describe('runningSum', () => {
  it('writes the running sums of the first count weights and returns their total', () => {
    const cumulative = new Float64Array(5).fill(-1);
    expect(runningSum(Float64Array.of(1, 0, 2, 0.5, 9), cumulative, 4)).toBe(3.5);
    expect(Array.from(cumulative)).toEqual([1, 1, 3, 3.5, -1]);
  });
});

describe('pickWeighted', () => {
  const weights = Float64Array.of(1, 0, 2, 0);
  const cumulative = Float64Array.of(1, 1, 3, 3);

  it('finds the option a draw falls in, skipping options without weight', () => {
    expect(pickWeighted(cumulative, weights, 0)).toBe(0);
    expect(pickWeighted(cumulative, weights, 0.999)).toBe(0);
    expect(pickWeighted(cumulative, weights, 1)).toBe(2);
    expect(pickWeighted(cumulative, weights, 2.999)).toBe(2);
  });

  it('returns the last option with weight when rounding puts the draw at or past the end', () => {
    expect(pickWeighted(cumulative, weights, 3)).toBe(2);
    expect(pickWeighted(cumulative, weights, 7)).toBe(2);
  });

  it('looks only at the first count options of a longer buffer', () => {
    const buffer = Float64Array.of(1, 3, 100, 200);
    expect(pickWeighted(buffer, Float64Array.of(1, 2, 97, 100), 2.5, 2)).toBe(1);
    expect(pickWeighted(buffer, Float64Array.of(1, 2, 97, 100), 50, 2)).toBe(1);
  });

  it('draws each option in proportion to its weight', () => {
    const w = Float64Array.of(1, 3, 0, 6);
    const cum = new Float64Array(4);
    const total = runningSum(w, cum);
    const hits = [0, 0, 0, 0];
    for (let k = 0; k < 1000; k++) hits[pickWeighted(cum, w, ((k + 0.5) / 1000) * total)]++;
    expect(hits).toEqual([100, 300, 0, 600]);
  });
});
