import { describe, expect, it } from 'vitest';
import {
  checkParameterValue,
  parameter,
  parameterTable,
  parameterValues,
  rangeText,
  uncertain,
  uncertaintyRanges,
} from './parameter-info.ts';
import { errorCodeOf } from '../../test/support/user-error.ts';

const INFO = {
  share: parameter(0.5, 'share', 'assumption', 'our choice', [0, 1]),
  rate: parameter(2, 'per year', 'literature', 'Someone 2001', [0, Infinity]),
  free: parameter(-1, 'logit | odds', 'calibrated', 'stage 1 | fitted'),
};

describe('a parameter set', () => {
  it('gives its values, with replacements', () => {
    expect(parameterValues(INFO)).toEqual({ share: 0.5, rate: 2, free: -1 });
    expect(parameterValues(INFO, { rate: 3 })).toEqual({ share: 0.5, rate: 3, free: -1 });
  });

  it('refuses a replacement outside the values the model is defined for, naming it and who set it', () => {
    expect(errorCodeOf(() => parameterValues(INFO, { share: 1.01 }))).toBe('E_SIM_PARAMETER');
    expect(errorCodeOf(() => parameterValues(INFO, { rate: -0.1 }))).toBe('E_SIM_PARAMETER');
    expect(errorCodeOf(() => parameterValues(INFO, { free: Number.NaN }))).toBe('E_SIM_PARAMETER');
    expect(errorCodeOf(() => parameterValues(INFO, { rate: Infinity }))).toBe('E_SIM_PARAMETER');
    expect(() => checkParameterValue(INFO, 'share', 2, 'arm strict')).toThrow(
      'arm strict: share = 2 is outside the values the model is defined for (0…1)',
    );
    expect(errorCodeOf(() => parameterValues(INFO, { share: 0, rate: 1e9, free: -1e9 }))).toBe('no error');
  });

  it('says its ranges in words', () => {
    expect(rangeText([0, 1])).toBe('0…1');
    expect(rangeText([0.5, Infinity])).toBe('≥ 0.5');
    expect(rangeText(undefined)).toBe('a finite number');
  });

  it('renders as a Markdown table, one row a parameter, pipes escaped', () => {
    expect(parameterTable(INFO).split('\n')).toEqual([
      '| parameter | value | unit | kind | defined for | source |',
      '|---|---|---|---|---|---|',
      '| `share` | 0.5 | share | assumption | 0…1 | our choice |',
      '| `rate` | 2 | per year | literature | ≥ 0 | Someone 2001 |',
      '| `free` | -1 | logit \\| odds | calibrated | any | stage 1 \\| fitted |',
    ]);
  });
});

describe('uncertainty ranges', () => {
  const LAYER = {
    late: uncertain(parameter(3, 'per year', 'literature', 'Someone 2001', [0, Infinity]), {
      low: 1.5,
      high: 6,
      source: 'halved and doubled',
    }),
    fixed: parameter(1, 'switch', 'assumption', 'a lever, not uncertain', [0, 1]),
    early: uncertain(parameter(0.5, 'share', 'assumption', 'our choice', [0, 1]), {
      low: 0.25,
      high: 0.75,
      source: '± 0.25',
    }),
  };

  it('are derived from the table, in its order, leaving out the parameters without one', () => {
    const ranges = uncertaintyRanges(LAYER);
    expect(Object.keys(ranges)).toEqual(['late', 'early']);
    expect(ranges).toEqual({
      late: { low: 1.5, high: 6, source: 'halved and doubled' },
      early: { low: 0.25, high: 0.75, source: '± 0.25' },
    });
  });

  it('leave the rest of the parameter as it was', () => {
    const { uncertainty, ...rest } = LAYER.late;
    expect(uncertainty).toEqual({ low: 1.5, high: 6, source: 'halved and doubled' });
    expect(rest).toEqual(parameter(3, 'per year', 'literature', 'Someone 2001', [0, Infinity]));
    expect(parameterValues(LAYER)).toEqual({ late: 3, fixed: 1, early: 0.5 });
  });

  it('refuse a range that is empty, not finite, or beyond the values the model is defined for', () => {
    const share = parameter(0.5, 'share', 'assumption', 'our choice', [0, 1]);
    expect(() => uncertain(share, { low: 0.6, high: 0.4, source: 'x' })).toThrow(/0\.6…0\.4 \(x\) is empty/);
    expect(() => uncertain(share, { low: -0.1, high: 0.4, source: 'x' })).toThrow(/defined for \(0…1\)/);
    expect(() => uncertain(share, { low: 0.1, high: 1.1, source: 'x' })).toThrow(/defined for/);
    const free = parameter(0, 'logit', 'calibrated', 'stage 1');
    expect(() => uncertain(free, { low: -Infinity, high: 0, source: 'x' })).toThrow(/a finite number/);
    expect(uncertain(free, { low: -5, high: 5, source: 'x' }).uncertainty).toEqual({
      low: -5,
      high: 5,
      source: 'x',
    });
  });
});
