import { describe, expect, it } from 'vitest';
import { parseCsv } from '../world/csv.ts';
import { nonHighIncome, termsOfTradeSample, wageProxy } from './terms-of-trade.ts';

describe('terms of trade and periphery wages', () => {
  it('computes labour compensation per worker on the expenditure side, skipping missing cells', () => {
    const pwt = parseCsv(
      [
        'iso3,year,pop_millions,emp_millions,rgdpe,rgdpo,cgdpe,hc,avh,labsh,xr',
        'AAA,2000,2,0.5,100,80,,,,0.5,1',
        'AAA,2001,2,,100,80,,,,0.5,1',
      ].join('\n'),
      'pwt.csv',
    );
    const w = wageProxy(pwt);
    expect(w.get('AAA')?.get(2000)).toBeCloseTo(100, 12); // 0.5 × 100 / 0.5
    expect(w.get('AAA')?.has(2001)).toBe(false);
  });

  it('keeps the countries outside the high-income group', () => {
    const groups = parseCsv(
      ['iso3,income_groups', 'AAA,high_income', 'BBB,lower_middle_income', ',low_income', 'CCC,'].join('\n'),
      'groups.csv',
    );
    expect([...nonHighIncome(groups)]).toEqual(['BBB']);
  });

  it('pairs a wage with the terms of trade of the year before', () => {
    const sample = termsOfTradeSample(
      {
        wage: new Map([['BBB', new Map([[2001, Math.E]])]]),
        termsOfTrade: new Map([
          [
            'BBB',
            new Map([
              [2000, Math.E ** 2],
              [2001, 5],
            ]),
          ],
        ]),
        periphery: new Set(['BBB']),
      },
      2000,
      2001,
    );
    expect(sample).toHaveLength(1);
    expect(sample[0].x[0]).toBeCloseTo(2, 12);
    expect(sample[0].y).toBeCloseTo(1, 12);
  });
});
