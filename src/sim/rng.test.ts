import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { draw32, mix32, streamKey, uniform, uniform2 } from './rng.ts';

/**
 * The inverse of lowbias32 as published with it (Wellons, hash-prospector, "lowbias32_r"): a wrong
 * constant or shift in `mix32` breaks the round trip.
 */
function lowbias32Inverse(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x43021123);
  x ^= (x >>> 15) ^ (x >>> 30);
  x = Math.imul(x, 0x1d69e2a5);
  x ^= x >>> 16;
  return x >>> 0;
}

describe('counter-based random numbers', () => {
  it('mixes with lowbias32: its published inverse undoes it', () => {
    const key = streamKey(7, 1995, 10);
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = draw32(key, i);
      if (lowbias32Inverse(mix32(x)) !== x) wrong++;
    }
    expect(wrong).toBe(0);
    expect(mix32(0)).toBe(0);
    expect(lowbias32Inverse(mix32(0xffffffff))).toBe(0xffffffff);
  });

  it('gives a draw that depends only on stream and counter, whatever was drawn before', () => {
    const key = streamKey(1, 2000, 10);
    const forward = Array.from({ length: 1000 }, (_, i) => uniform(key, i));
    const backward = Array.from({ length: 1000 }, (_, k) => uniform(key, 999 - k)).reverse();
    expect(backward).toEqual(forward);
  });

  it('draws uniforms on [0, 1): 64 bins within chi-square bounds, two lanes uncorrelated', () => {
    const key = streamKey(3, 2010, 2);
    const N = 640_000;
    const bins = new Float64Array(64);
    const u = Float64Array.from({ length: N }, (_, i) => uniform(key, i));
    const v = Float64Array.from({ length: N }, (_, i) => uniform2(key, i));
    expect(u.every((x) => x >= 0 && x < 1)).toBe(true);
    for (const x of u) bins[Math.floor(x * 64)]++;
    const expected = N / 64;
    const chi2 = bins.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 63 degrees of freedom: P(χ² > 110) < 1e-4
    expect(chi2).toBeLessThan(110);
    // |r| of independent uniforms: standard error 1 / √N ≈ 0.00125
    const r = sampleCorrelation(Array.from(u), Array.from(v));
    expect(Math.abs(r)).toBeLessThan(0.006);
  });

  it('gives different streams to different seeds, years and purposes', () => {
    const keys = new Set([
      streamKey(1, 2000, 10),
      streamKey(2, 2000, 10),
      streamKey(1, 2001, 10),
      streamKey(1, 2000, 11),
    ]);
    expect(keys.size).toBe(4);
    let same = 0;
    for (let i = 0; i < 10_000; i++)
      if (draw32(streamKey(1, 2000, 10), i) === draw32(streamKey(2, 2000, 10), i)) same++;
    expect(same).toBeLessThan(3);
  });
});
