import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { buildConflictRegions } from './conflict-regions.ts';
import type { Country } from './countries.ts';
import { countryListOf } from './countries.ts';
import { parseCsv } from './csv.ts';
import { loadWorld } from './load-world.ts';

const HEADER = 'iso3,region,population_share,deaths_share,from,until,asylum,source';
const list = countryListOf(['SDN', 'TCD'].map((iso3) => ({ iso3 }) as Country));

function errorOf(row: string): UserError {
  try {
    buildConflictRegions(parseCsv(`${HEADER}\n${row}\n`, 'regions.csv'), list);
  } catch (e) {
    return e as UserError;
  }
  throw new Error('no error');
}

describe('conflict regions', () => {
  it('read the region, its shares of the population and the deaths, its years and its neighbour of asylum', () => {
    const t = parseCsv(`${HEADER}\nSDN,Darfur,0.243,0.9,2003,2010,TCD,a census\n`, 'regions.csv');
    expect(buildConflictRegions(t, list)).toEqual([
      {
        country: 'SDN',
        region: 'Darfur',
        populationShare: 0.243,
        deathsShare: 0.9,
        from: 2003,
        until: 2010,
        asylum: 'TCD',
      },
    ]);
  });

  it('refuse a share outside (0, 1], years out of order and an unknown country, at their file and line', () => {
    for (const row of [
      'SDN,Darfur,1,0.9,2003,2010,TCD,x',
      'SDN,Darfur,0.2,1.5,2003,2010,TCD,x',
      'SDN,Darfur,0.2,0,2003,2010,TCD,x',
      'SDN,Darfur,0.2,0.9,2010,2003,TCD,x',
    ]) {
      const err = errorOf(row);
      expect(err).toBeInstanceOf(UserError);
      expect(err.code).toBe('E_WORLD_VALUE');
      expect(JSON.stringify(err)).toMatch(/regions\.csv.*"line":2|"line":2.*regions\.csv/);
    }
    expect(errorOf('SDN,Darfur,0.2,0.9,2003,2010,LBY,x').code).toBe('E_WORLD_COUNTRY');
  });

  it("ship Darfur, 2003–10, a quarter of today's Sudan, whose people fled to Chad", () => {
    const regions = loadWorld({ first: 1990, last: 2005 }).conflictRegions;
    expect(regions.map((r) => `${r.country} ${r.region} ${r.from}–${r.until} > ${r.asylum}`)).toEqual([
      'SDN Darfur 2003–2010 > TCD',
    ]);
  });
});
