import { describe, expect, it } from 'vitest';
import type { Country, CountryList } from './countries.ts';
import { parseCsv } from './csv.ts';
import { buildRefugees } from './refugees.ts';

const codes = ['AFG', 'IRN', 'PAK'];
const countries: CountryList = {
  countries: codes.map((iso3) => ({ iso3 }) as Country),
  index: new Map(codes.map((c, i) => [c, i])),
};
const table = parseCsv(
  [
    'year,coo_iso,coa_iso,refugees,asylum_seekers',
    '1990,AFG,IRN,3000000,0',
    '1990,AFG,IRN,61000,0',
    '1990,AFG,PAK,3253000,10',
    '1990,UNK,PAK,500,0',
    '1990,TIB,IRN,20,0',
    '1991,AFG,PAK,3100000,0',
    '2006,AFG,PAK,2000000,0',
  ].join('\n'),
  'unhcr.csv',
);

describe('UNHCR refugees by corridor', () => {
  const r = buildRefugees(table, countries, { first: 1990, last: 2010 });

  it('sums the rows of a year, asylum country and origin, between model countries only', () => {
    expect(r.corridors).toEqual([
      [1990, 1, 0, 3061000],
      [1990, 2, 0, 3253000],
      [1991, 2, 0, 3100000],
    ]);
  });

  it('keeps unknown and non-model origins in the asylum totals, not in the corridors', () => {
    expect(r.refugeesByAsylum[2]).toBe(3253500);
    expect(r.refugeesByAsylum[1]).toBe(3061020);
  });
});
