import { describe, expect, it } from 'vitest';
import type { Experiment } from '../regime/index.ts';
import type { IndicatorRow } from '../store/index.ts';
import {
  combineVerdicts,
  conditionVerdict,
  evaluateCriterion,
  measureEffect,
  seriesValue,
  statistic,
} from './criterion.ts';

const rows = (values: Record<number, number>, indicator = 'x'): IndicatorRow[] =>
  Object.entries(values).map(([year, value]) => ({ year: Number(year), indicator, country: 'WLD', value }));

describe('effects', () => {
  it('reads the final year, the mean or the change of a series', () => {
    const s = rows({ 2000: 1, 2001: 3, 2002: 8 });
    expect(seriesValue(s, 'final')).toBe(8);
    expect(seriesValue(s, 'mean')).toBe(4);
    expect(seriesValue(s, 'change')).toBe(7);
    expect(seriesValue([], 'final')).toBeNaN();
  });
  it('computes differences, relative differences and ratios', () => {
    expect(statistic(3, 2, 'difference')).toBe(1);
    expect(statistic(3, 2, 'relative_difference')).toBe(0.5);
    expect(statistic(3, 2, 'ratio')).toBe(1.5);
    expect(statistic(3, 0, 'ratio')).toBeNaN();
  });
  it('pairs arms by seed and gives an interval over seeds', () => {
    const arms = new Map([
      ['a', [rows({ 2000: 11 }), rows({ 2000: 12 }), rows({ 2000: 13 })]],
      ['b', [rows({ 2000: 10 }), rows({ 2000: 10 }), rows({ 2000: 11 })]],
    ]);
    const e = measureEffect(
      { indicator: 'x', country: 'WLD', arm: 'a', baseline: 'b', statistic: 'difference', over: 'final' },
      arms,
    );
    expect(e.perSeed).toEqual([1, 2, 2]);
    expect(e.estimate).toBeCloseTo(5 / 3);
    expect(e.low).toBeLessThan(e.estimate);
    expect(e.high).toBeGreaterThan(e.estimate);
    const level = measureEffect(
      { indicator: 'x', country: 'WLD', arm: 'a', baseline: 'a', statistic: 'difference', over: 'final' },
      arms,
    );
    expect(level.estimate).toBe(12);
  });
});

describe('verdicts', () => {
  it('holds when the interval lies beyond the threshold, fails when wholly on the other side', () => {
    expect(conditionVerdict('gt', 0, 0.1, 0.5)).toBe('holds');
    expect(conditionVerdict('gt', 0, -0.5, -0.1)).toBe('does_not_hold');
    expect(conditionVerdict('gt', 0, -0.1, 0.5)).toBe('inconclusive');
    expect(conditionVerdict('lt', 1, -0.5, 0.5)).toBe('holds');
    expect(conditionVerdict('lt', 1, 1.5, 2)).toBe('does_not_hold');
    expect(conditionVerdict('lt', 1, NaN, NaN)).toBe('inconclusive');
  });
  it('needs every condition to hold and any failure to fail', () => {
    expect(combineVerdicts(['holds', 'holds'])).toBe('holds');
    expect(combineVerdicts(['holds', 'inconclusive'])).toBe('inconclusive');
    expect(combineVerdicts(['inconclusive', 'does_not_hold'])).toBe('does_not_hold');
  });
  it('decides an experiment from its runs, not from its author', () => {
    const exp = {
      criterion: {
        confidence: 0.9,
        conditions: [
          {
            effect: {
              indicator: 'x',
              country: 'WLD',
              arm: 'a',
              baseline: 'b',
              statistic: 'difference',
              over: 'final',
            },
            op: 'gt',
            value: 0,
            text: 'a above b',
          },
        ],
      },
    } as unknown as Experiment;
    const up = new Map([
      ['a', [rows({ 2000: 2 }), rows({ 2000: 2.6 }), rows({ 2000: 2.1 })]],
      ['b', [rows({ 2000: 1 }), rows({ 2000: 1.5 }), rows({ 2000: 1.2 })]],
    ]);
    const down = new Map([
      ['a', [rows({ 2000: 0 }), rows({ 2000: 0.5 }), rows({ 2000: 0.3 })]],
      ['b', [rows({ 2000: 1 }), rows({ 2000: 1.5 }), rows({ 2000: 1.2 })]],
    ]);
    expect(evaluateCriterion(exp, up).verdict).toBe('holds');
    expect(evaluateCriterion(exp, down).verdict).toBe('does_not_hold');
  });
});

describe('intervals with parameter uncertainty', () => {
  it('gives a prediction interval wider than the interval of the mean, by √(1 + n)', async () => {
    const { predictionInterval } = await import('./uncertainty.ts');
    const { summarize } = await import('../ensemble/stats.ts');
    const v = [1, 2, 3, 4, 5];
    const p = predictionInterval(v);
    const m = summarize(v);
    expect(p.mean).toBe(3);
    expect((p.hi - p.lo) / (m.hi - m.lo)).toBeCloseTo(Math.sqrt(6), 9);
    expect(predictionInterval([1]).lo).toBeNaN();
  });
  it('draws the same parameters for a seed in every arm, and none without uncertainty', async () => {
    const { memberParameters } = await import('./uncertainty.ts');
    expect(memberParameters(2, 'documented-ranges')).toEqual(memberParameters(2, 'documented-ranges'));
    expect(memberParameters(2, 'documented-ranges').idealStateSlope).toBeGreaterThanOrEqual(0.5);
    expect(memberParameters(2, 'none')).toEqual({});
  });
});
