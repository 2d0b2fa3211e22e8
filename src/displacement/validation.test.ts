import { describe, it, expect } from 'vitest';
import { computeArd, meanSd, round4 } from './validation.ts';

describe('ARD as Flee computes it', () => {
  it('is 0 for a perfect distribution, whatever the total', () => {
    const data = [100, 300, 200, 600];
    expect(computeArd({ days: 2, camps: 2, sim: data, data }).ard).toBe(0);
    // Twice as many people in the same proportions: rescaling removes the difference.
    expect(computeArd({ days: 2, camps: 2, sim: data.map((x) => 2 * x), data }).ard).toBe(0);
  });
  it('is 2 when simulation and data do not overlap', () => {
    expect(computeArd({ days: 1, camps: 2, sim: [0, 50], data: [100, 0] }).ard).toBe(2);
  });
  it('averages the rescaled absolute differences over days, divided by the UNHCR total', () => {
    // Day 0: U=100, S=100 -> |80-50|+|20-50| = 60 -> 0.6. Day 1: S=0 -> rescaled 0 -> (10+30)/40 = 1.
    const a = computeArd({ days: 2, camps: 2, sim: [80, 20, 0, 0], data: [50, 50, 10, 30] });
    expect(a.ard).toBeCloseTo(0.8, 12);
    expect(Array.from(a.perCamp)).toEqual([0.15 + 0.125, 0.15 + 0.375]);
    expect(a.ardNormal).toBeCloseTo(0.8, 12);
  });
  it('treats a day whose raw UNHCR count is 0 as Flee writes it (camp total 0)', () => {
    const a = computeArd({ days: 1, camps: 1, sim: [5], data: [7], raw: [0] });
    expect(a.ard).toBe(7);
  });
  it('rounds half to even at 4 decimals like numpy', () => {
    expect(round4(0.12345)).toBe(0.1234);
    expect(round4(2.5)).toBe(2.5);
    expect(round4(1 / 3)).toBe(0.3333);
  });
  it('gives a mean and sample standard deviation', () => {
    expect(meanSd([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
    expect(meanSd([4])).toEqual({ mean: 4, sd: 0 });
  });
});
