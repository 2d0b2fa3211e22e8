import { describe, expect, it } from 'vitest';
import { drawFromRanges, parameterEnsemble } from './parameter-ensemble.ts';
import { PARAMETER_INFO, PARAMETER_RANGES, checkParameter } from './parameters.ts';
import type { ParameterName, Parameters } from './parameters.ts';
import { parameters } from './parameters.ts';
import { SEARCH_SPACE, encode } from './calibration-space.ts';

describe('the parameter ensemble', () => {
  const ens = parameterEnsemble(null);
  it('without a calibrated ensemble, draws each member from the documented ranges, the same for the same index', () => {
    expect(ens.source).toBe('documented-ranges');
    expect(ens.member(3)).toEqual(ens.member(3));
    expect(ens.member(3)).not.toEqual(ens.member(4));
    for (let i = 1; i <= 50; i++) {
      const m = ens.member(i);
      expect(Object.keys(m).sort()).toEqual([...ens.names].sort());
      for (const [name, v] of Object.entries(m) as [ParameterName, number][]) {
        const r = PARAMETER_RANGES[name]!;
        expect(v).toBeGreaterThanOrEqual(r.low);
        expect(v).toBeLessThanOrEqual(r.high);
        expect(() => checkParameter(name, v)).not.toThrow();
      }
    }
  });
  it('documents every range with a source, around a value the model uses, and leaves calibrated parameters to the calibration', () => {
    for (const [name, r] of Object.entries(PARAMETER_RANGES) as [
      ParameterName,
      { low: number; high: number; source: string },
    ][]) {
      expect(r.source.length).toBeGreaterThan(10);
      expect(r.low).toBeLessThan(r.high);
      expect(PARAMETER_INFO[name].kind).not.toBe('calibrated');
      expect(PARAMETER_INFO[name].value).toBeGreaterThanOrEqual(r.low);
      expect(PARAMETER_INFO[name].value).toBeLessThanOrEqual(r.high);
    }
  });
  it('keeps a parameter’s draws when another range is added', () => {
    const one = drawFromRanges({ x: { low: 0, high: 1, source: 's' } }, 7);
    const two = drawFromRanges(
      { w: { low: 0, high: 1, source: 's' }, x: { low: 0, high: 1, source: 's' } },
      7,
    );
    expect(two.x).toBe(one.x);
  });
  it('spreads its members over the range', () => {
    const xs = Array.from(
      { length: 200 },
      (_, i) => drawFromRanges({ x: { low: 0, high: 1, source: 's' } }, i + 1).x!,
    );
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
    expect(Math.min(...xs)).toBeLessThan(0.05);
    expect(Math.max(...xs)).toBeGreaterThan(0.95);
  });
});

describe('the calibrated parameter ensemble', () => {
  // a fit around the values of parameters.ts, with a diagonal covariance in the search coordinates
  const mean = encode(parameters());
  const sd = SEARCH_SPACE.map(() => 0.1);
  const fit = {
    names: SEARCH_SPACE.map((c) => c.name),
    mean,
    covariance: sd.map((s, a) => sd.map((_, b) => (a === b ? s * s : 0))),
    cholesky: sd.map((s, a) => sd.map((_, b) => (a === b ? s : 0))),
    temperature: 0.01,
    loss: 1,
    points: 0,
    r2: 1,
  };
  const ens = parameterEnsemble(fit);
  it('draws the calibrated parameters jointly around the optimum, labelled calibrated-ensemble, the same for the same index', () => {
    expect(ens.source).toBe('calibrated-ensemble');
    expect(ens.member(5)).toEqual(ens.member(5));
    expect(ens.member(5)).not.toEqual(ens.member(6));
    // the members' search coordinates scatter around the optimum with the covariance's spread
    const xs = Array.from({ length: 400 }, (_, i) =>
      encode({ ...parameters(), ...ens.member(i) } as Parameters),
    );
    for (let k = 0; k < mean.length; k++) {
      const m = xs.reduce((s, x) => s + x[k], 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x[k] - m) ** 2, 0) / (xs.length - 1);
      expect(Math.abs(m - mean[k])).toBeLessThan(0.03);
      expect(Math.sqrt(v)).toBeGreaterThan(0.08);
      expect(Math.sqrt(v)).toBeLessThan(0.12);
    }
    for (let i = 1; i <= 20; i++)
      for (const [name, v] of Object.entries(ens.member(i)) as [ParameterName, number][])
        expect(() => checkParameter(name, v)).not.toThrow();
  });
});
