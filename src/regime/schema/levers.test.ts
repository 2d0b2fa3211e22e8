import { describe, expect, it } from 'vitest';
import { LEVERS, LeverIntervention } from './levers.ts';
import { testLever } from '../../../test/support/rootcauses/levers.ts';

const issues = (lever: unknown) => {
  const r = LeverIntervention.safeParse(lever);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const UNTIL = 'until: expected until ≥ year';

describe('the root-cause lever schema', () => {
  it('names the six levers', () => {
    expect(LEVERS).toEqual([
      'arms_export_restraint',
      'agricultural_support',
      'terms_of_trade',
      'regional_development_fund',
      'preferential_trade',
      'social_protection_floor',
    ]);
  });

  it('refuses a lever whose last year comes before its first, whichever lever it is', () => {
    for (const name of LEVERS) {
      const lever = testLever(name, { year: 2000 });
      expect(issues(lever)).toEqual([]);
      expect(issues({ ...lever, until: 2000 })).toEqual([]);
      expect(issues({ ...lever, until: 1999 })).toEqual([UNTIL]);
    }
  });

  it('asks a protection floor not wholly paid by its countries who pays the rest', () => {
    const floor = testLever('social_protection_floor');
    expect(issues({ ...floor, financing: { national_share: 0.5 } })).toEqual([
      'financing.donors: expected financing.donors: who pays the part the countries do not',
    ]);
    expect(issues({ ...floor, financing: { national_share: 0.5, donors: { tiers: ['core'] } } })).toEqual([]);
  });

  it('refuses an unknown field on a lever', () => {
    expect(issues({ ...testLever('agricultural_support'), multipler: 1 })).toHaveLength(1);
  });
});
