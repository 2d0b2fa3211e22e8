import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import type { Country } from './countries.ts';
import { countryListOf } from './countries.ts';
import { parseCsv } from './csv.ts';
import { buildGovernmentFalls } from './government-falls.ts';
import { loadWorld } from './load-world.ts';

const HEADER = 'iso3,date,government,retreat,source';
const list = countryListOf(['AFG', 'ETH', 'PAK'].map((iso3) => ({ iso3 }) as Country));

function errorOf(text: string): UserError {
  try {
    buildGovernmentFalls(parseCsv(text, 'falls.csv'), list);
  } catch (e) {
    return e as UserError;
  }
  throw new Error('no error');
}

describe('falls of governments', () => {
  it('read the country, the date of the fall, the government and where it retreated, if it did', () => {
    const t = parseCsv(
      `${HEADER}\nAFG,1992-04-28,the PDPA government,,UNHCR 2000\nAFG,2001-11-13,the Taliban,PAK,UN\n`,
      'falls.csv',
    );
    expect(buildGovernmentFalls(t, list)).toEqual([
      { country: 'AFG', year: 1992, month: 4, day: 28, government: 'the PDPA government' },
      { country: 'AFG', year: 2001, month: 11, day: 13, government: 'the Taliban', retreat: 'PAK' },
    ]);
  });

  it('refuse a retreat into an unknown country or into the country itself, at its line', () => {
    const unknown = errorOf(`${HEADER}\nAFG,1992-04-28,a,,b\nAFG,2001-11-13,t,XYZ,u\n`);
    expect(unknown.code).toBe('E_WORLD_COUNTRY');
    expect(JSON.stringify(unknown)).toMatch(/"line":3/);
    const itself = errorOf(`${HEADER}\nAFG,2001-11-13,t,AFG,u\n`);
    expect(itself.code).toBe('E_WORLD_VALUE');
    expect(itself.message).toMatch(/itself/);
  });

  it('refuse a date that is not YYYY-MM-DD and an unknown country, at their file and line', () => {
    const date = errorOf(`${HEADER}\nAFG,1992-04-28,a,,b\nETH,May 1991,the Derg,,UCDP\n`);
    expect(date).toBeInstanceOf(UserError);
    expect(date.code).toBe('E_WORLD_VALUE');
    expect(date.message).toMatch(/May 1991/);
    expect(JSON.stringify(date)).toMatch(/falls\.csv/);
    expect(JSON.stringify(date)).toMatch(/"line":3/);
    expect(errorOf(`${HEADER}\nAFG,1992-13-01,a,,b\n`).code).toBe('E_WORLD_VALUE');
    expect(errorOf(`${HEADER}\nXYZ,1992-04-28,a,,b\n`).code).toBe('E_WORLD_COUNTRY');
  });

  it('ship the falls of Kabul in 1992 and 2001, of the Derg in 1991, of Kigali in 1994 and of Taylor in 2003', () => {
    const falls = loadWorld({ first: 1990, last: 2005 }).governmentFalls;
    expect(falls.map((f) => `${f.country} ${f.year}-${f.month}`)).toEqual([
      'AFG 1992-4',
      'AFG 2001-11',
      'ETH 1991-5',
      'RWA 1994-7',
      'LBR 2003-8',
    ]);
    expect(falls.filter((f) => f.retreat).map((f) => `${f.country} → ${f.retreat}`)).toEqual(['RWA → COD']);
  });
});
