import { describe, expect, it } from 'vitest';
import { CHANNELS, loadBuiltinLibrary, type Tier } from '../regime/index.ts';
import { compilePolicyTables } from './tables.ts';

// The built-in policies of the GCC states (regimes/policies/policy-{sau,are,kwt,qat,omn,bhr}.yaml)
// as the world model reads them from the compiled tables.
const lib = loadBuiltinLibrary();
const COUNTRIES = ['SAU', 'ARE', 'KWT', 'QAT', 'OMN', 'BHR', 'IND', 'NPL'];
const TIERS: Tier[] = ['core', 'core', 'core', 'core', 'semi_periphery', 'core', 'periphery', 'periphery'];
const C = CHANNELS.length;
const N = COUNTRIES.length;
const ix = (iso: string) => COUNTRIES.indexOf(iso);
const term = (d: string, c: string) => ix(d) * C + CHANNELS.indexOf(c as never);
const tablesAt = (date: string) => compilePolicyTables(lib, 'neoliberal', date, COUNTRIES, TIERS);

describe('the Gulf sponsorship (kafala) policies', () => {
  it('admit low-wage workers on two-year renewable permits tied to the employer, without family or settlement', () => {
    const t = tablesAt('2005-06-01');
    for (const d of ['SAU', 'ARE', 'KWT', 'QAT', 'OMN', 'BHR']) {
      const k = term(d, 'temporary_labour');
      expect(t.open[ix(d) * N * C + ix('NPL') * C + CHANNELS.indexOf('temporary_labour')], d).toBe(1);
      expect(t.permitYears[k], d).toBe(2);
      expect(t.permitRenewable[k], d).toBe(1);
      expect(t.employerTied[k], d).toBe(1);
      expect(t.familyAllowed[k], d).toBe(0);
      expect(t.yearsToLongTermResidence[ix(d)], d).toBe(Infinity);
      expect(t.yearsToNaturalisation[ix(d)], d).toBe(Infinity);
      expect(t.open[ix(d) * N * C + ix('IND') * C + CHANNELS.indexOf('asylum')], d).toBe(0);
    }
  });

  it("untie workers from the employer from the date of Bahrain's (2009) and Qatar's (2020) reforms", () => {
    const before = tablesAt('2008-06-01');
    const between = tablesAt('2015-06-01');
    const after = tablesAt('2020-10-01');
    expect(before.employerTied[term('BHR', 'temporary_labour')]).toBe(1);
    expect(between.employerTied[term('BHR', 'temporary_labour')]).toBe(0);
    expect(between.employerTied[term('QAT', 'temporary_labour')]).toBe(1);
    expect(after.employerTied[term('QAT', 'temporary_labour')]).toBe(0);
    expect(after.employerTied[term('SAU', 'temporary_labour')]).toBe(1);
  });
});
