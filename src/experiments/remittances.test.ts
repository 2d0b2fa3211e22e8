import { describe, expect, it } from 'vitest';
import { loadWorld } from '../world/index.ts';
import { lowMiddleIncome, observedRemittancesAid, remittancesAidRows } from './remittances.ts';

describe('remittances against aid, as the seed states it', () => {
  const world = loadWorld();
  const lmic = lowMiddleIncome(world);
  it('finds remittances to low- and middle-income countries above the aid they received in 1995, and below it in 1990', () => {
    const y1995 = observedRemittancesAid(world, 1995, lmic);
    const y1990 = observedRemittancesAid(world, 1990, lmic);
    // shipped WDI and ODA files: $50.0 bn against $44.4 bn in 1995; $29.4 bn against $45.8 bn in 1990
    expect(y1995.remittances / 1e9).toBeCloseTo(50.0, 0);
    expect(y1995.aid / 1e9).toBeCloseTo(44.4, 0);
    expect(y1995.ratio).toBeGreaterThan(1);
    expect(y1990.ratio).toBeLessThan(1);
    expect(lmic).toContain('IND');
    expect(lmic).not.toContain('DEU');
  });
  it('sums a run’s rows over the same countries', () => {
    const rows = [
      { year: 1995, indicator: 'remittances_usd', country: 'IND', value: 3 },
      { year: 1995, indicator: 'remittances_usd', country: 'DEU', value: 100 },
      { year: 1995, indicator: 'aid_usd', country: 'IND', value: 2 },
      { year: 1995, indicator: 'remittances_usd', country: 'WLD', value: 103 },
    ];
    const out = remittancesAidRows(1995, rows, new Set(['IND']));
    expect(out.find((r) => r.indicator === 'remittances_aid_ratio')?.value).toBe(1.5);
  });
});
