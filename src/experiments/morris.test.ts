import { describe, expect, it } from 'vitest';
import { MORRIS_DELTA, morrisDesign, morrisIndices, scalePoint } from './morris.ts';

describe('Morris screening', () => {
  it('builds trajectories that move each parameter once by ±Δ inside the unit cube', () => {
    const design = morrisDesign(3, 5, 42);
    expect(design).toHaveLength(5);
    for (const t of design) {
      expect(t.points).toHaveLength(4);
      expect(new Set(t.moved.map((m) => m.index))).toEqual(new Set([0, 1, 2]));
      for (const p of t.points) for (const x of p) expect(x >= -1e-12 && x <= 1 + 1e-12).toBe(true);
      t.moved.forEach((m, j) => expect(t.points[j + 1][m.index] - t.points[j][m.index]).toBeCloseTo(m.step));
      for (const m of t.moved) expect(Math.abs(m.step)).toBeCloseTo(MORRIS_DELTA);
    }
  });
  it('gives the same design for the same seed and another for another seed', () => {
    expect(morrisDesign(4, 3, 7)).toEqual(morrisDesign(4, 3, 7));
    expect(morrisDesign(4, 3, 7)).not.toEqual(morrisDesign(4, 3, 8));
  });
  it('ranks an influential parameter above an inert one and detects non-linearity with σ', () => {
    const k = 3;
    const design = morrisDesign(k, 20, 1);
    // y = 5·x0 + x1² ; x2 inert
    const f = (x: number[]) => 5 * x[0] + 4 * x[1] ** 2;
    const outputs = design.map((t) => t.points.map(f));
    const [a, b, c] = morrisIndices(design, outputs, k);
    expect(a.mu).toBeCloseTo(5, 9);
    expect(a.muStar).toBeCloseTo(5, 9);
    expect(a.sigma).toBeCloseTo(0, 9);
    expect(b.muStar).toBeGreaterThan(0);
    expect(b.sigma).toBeGreaterThan(0);
    expect(c.muStar).toBe(0);
    expect(a.muStar).toBeGreaterThan(b.muStar);
  });
  it('maps unit coordinates onto parameter ranges', () => {
    expect(
      scalePoint(
        [0, 1, 0.5],
        [
          { low: 1, high: 3 },
          { low: 0, high: 10 },
          { low: -1, high: 1 },
        ],
      ),
    ).toEqual([1, 10, 0]);
  });
});
