import { describe, expect, it } from 'vitest';
import { drawFromRanges, parameterEnsemble } from './parameter-ensemble.ts';
import { PARAMETER_INFO, PARAMETER_RANGES, checkParameter } from './parameters.ts';
import type { ParameterName } from './parameters.ts';
import { parameters } from './parameters.ts';
import { SEARCH_SPACE } from './calibration-space.ts';

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
  // two kept sets around the values of parameters.ts
  const names = SEARCH_SPACE.map((c) => c.name);
  const at = (f: number) => names.map((n) => parameters()[n] * f);
  /** An ensemble of these kept sets (values of `keptNames`) around the optimum at(1). */
  const keptEnsemble = (keptNames: ParameterName[], members: number[][]) =>
    parameterEnsemble({
      method: 'abc-rejection',
      names: keptNames,
      members,
      losses: members.map(() => 1),
      optimum: at(1),
      reference: { seeds: [100, 101], losses: [1, 1.1], mean: 1.05, sd: 0.07 },
      threshold: 1.2,
      proposals: 10,
      halfWidth: names.map(() => 1),
      atEdge: names.map(() => 0),
      scale: 1000,
    });
  const ens = keptEnsemble(names, [at(1), at(1.01)]);
  it('can still be asked for the documented ranges, and refuses a calibrated ensemble that was never written', () => {
    expect(parameterEnsemble(null, 'documented-ranges').source).toBe('documented-ranges');
    expect(() => parameterEnsemble(null, 'calibrated-ensemble')).toThrow(/no calibrated parameter ensemble/);
  });
  it('gives seed i the kept set (i − 1) mod n, labelled calibrated-ensemble, every value one the model accepts', () => {
    expect(ens.source).toBe('calibrated-ensemble');
    expect(ens.names).toEqual([...names, ...Object.keys(PARAMETER_RANGES)]);
    // the calibrated parameters from the kept sets, the others from their documented ranges
    expect(ens.member(1)).toEqual({
      ...drawFromRanges(PARAMETER_RANGES, 1),
      ...Object.fromEntries(names.map((n, k) => [n, at(1)[k]])),
    });
    expect(ens.member(2)).toMatchObject(Object.fromEntries(names.map((n, k) => [n, at(1.01)[k]])));
    expect(ens.member(2)).toMatchObject(drawFromRanges(PARAMETER_RANGES, 2));
    const calibratedOf = (i: number) => Object.fromEntries(names.map((n) => [n, ens.member(i)[n]]));
    expect(calibratedOf(3)).toEqual(calibratedOf(1));
    expect(calibratedOf(0)).toEqual(calibratedOf(2));
    for (let i = 1; i <= 4; i++)
      for (const [name, v] of Object.entries(ens.member(i)) as [ParameterName, number][])
        expect(() => checkParameter(name, v)).not.toThrow();
  });
  it('names each parameter once when the kept sets also drew the documented ranges (--with-ranges)', () => {
    const ranged = Object.keys(PARAMETER_RANGES) as ParameterName[];
    const all = [...names, ...ranged];
    const withRanges = keptEnsemble(all, [all.map((n) => parameters()[n])]);
    expect(withRanges.names).toEqual(all);
    // the kept set's values win over the ranges' draws
    expect(withRanges.member(1)).toEqual(Object.fromEntries(all.map((n) => [n, parameters()[n]])));
  });
});
