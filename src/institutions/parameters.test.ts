import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { INSTITUTION_PARAMETER_INFO, institutionParameters } from './parameters.ts';

describe('the institutions parameters', () => {
  it('declare the values each is defined for, and hold their defaults within them', () => {
    for (const [name, p] of Object.entries(INSTITUTION_PARAMETER_INFO)) {
      const [lo, hi] = p.range ?? [Number.NaN, Number.NaN];
      expect(p.value, name).toBeGreaterThanOrEqual(lo);
      expect(p.value, name).toBeLessThanOrEqual(hi);
    }
  });

  it('refuse a value outside them (an ideal point above full equal treatment, a negative cost)', () => {
    expect(() => institutionParameters({ idealMigrants: 1.5 })).toThrow(UserError);
    expect(() => institutionParameters({ arrivalCostShare: -1 })).toThrow(/arrivalCostShare = -1/);
    expect(institutionParameters({ policyCompetition: 0.3 }).policyCompetition).toBe(0.3);
  });
});
