import { describe, expect, it } from 'vitest';
import { fitPpml, ppmlMean } from './ppml.ts';

describe('PPML', () => {
  it('recovers the coefficients of an exact exponential mean', () => {
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 50; i++) {
      const x1 = (i % 10) / 3;
      const x2 = i % 2;
      rows.push([1, x1, x2]);
      y.push(Math.exp(0.5 + 0.8 * x1 - 1.2 * x2));
    }
    const fit = fitPpml(rows, y);
    expect(fit.coefficients[0]).toBeCloseTo(0.5, 6);
    expect(fit.coefficients[1]).toBeCloseTo(0.8, 6);
    expect(fit.coefficients[2]).toBeCloseTo(-1.2, 6);
    expect(fit.pseudoR2).toBeCloseTo(1, 9);
    expect(ppmlMean(fit.coefficients, [1, 1, 0])).toBeCloseTo(Math.exp(1.3), 6);
  });

  it('keeps zeros in y and matches group means with a dummy regressor (a property of Poisson ML)', () => {
    const rows = [
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ];
    const y = [0, 2, 4, 10, 0, 5];
    const fit = fitPpml(rows, y);
    expect(ppmlMean(fit.coefficients, [1, 0])).toBeCloseTo(2, 8);
    expect(ppmlMean(fit.coefficients, [1, 1])).toBeCloseTo(5, 8);
  });

  it('refuses fewer observations than regressors', () => {
    expect(() => fitPpml([[1, 2]], [1])).toThrow('PPML needs more observations (1) than regressors (2)');
  });
});
