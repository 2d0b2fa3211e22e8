import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import {
  buildBilateralStocks,
  emigrantStock,
  immigrantStock,
  nearestStockYearAtOrBefore,
  otherTerritoryOrigin,
  unknownOrigin,
} from './bilateral.ts';
import { countryListOf } from './countries.ts';
import type { Country } from './countries.ts';
import { parseCsv } from './csv.ts';
import { loadWorldData } from './load-world.ts';

const country = (iso3: string): Country => ({
  iso3,
  m49: 0,
  name: iso3,
  region: '',
  subregion: '',
  lat: 0,
  lng: 0,
  landlocked: false,
  incomeGroupSnapshot: '',
  oecdSnapshot: false,
  sovereign: '',
});
const list = countryListOf(['DEU', 'MEX', 'TUR', 'USA'].map(country));
const known = new Set(['DEU', 'MEX', 'TUR', 'USA', 'HKG', 'PRI']);
const header = 'year,dest,orig,total,male,female,type_b,type_c,type_r,type_i';
const file = [
  header,
  '1990,USA,MEX,4000,2000,2000,1,0,0,0',
  '1990,USA,OOO,500,250,250,1,0,0,0',
  '1990,USA,PRI,30,15,15,1,0,0,0',
  '1990,DEU,TUR,1000,600,400,0,1,0,0',
  '1990,DEU,MEX,0,0,0,0,1,0,0',
  '1990,HKG,TUR,7,4,3,1,0,0,0',
  '1995,USA,MEX,6000,3000,3000,1,0,0,0',
].join('\n');

describe('buildBilateralStocks', () => {
  const b = buildBilateralStocks(parseCsv(file, 'bilateral.csv'), list, known);
  const at = (k: number, dest: string, o: number) => b.stock[k][list.index.get(dest)! * b.originCount + o];
  const mex = list.index.get('MEX')!;

  it('reads origin × destination stocks per data year', () => {
    expect(b.years).toEqual([1990, 1995]);
    expect(at(0, 'USA', mex)).toBe(4000);
    expect(at(1, 'USA', mex)).toBe(6000);
  });

  it('keeps unknown origin OOO as its own line, not spread over countries', () => {
    expect(at(0, 'USA', unknownOrigin(4))).toBe(500);
    expect(emigrantStock(b, 0)[unknownOrigin(4)]).toBe(500);
  });

  it('puts origins in non-model territories on the other-territory line', () => {
    expect(at(0, 'USA', otherTerritoryOrigin(4))).toBe(30);
  });

  it('keeps "not estimated" (absent pair) apart from an explicit zero', () => {
    expect(at(0, 'DEU', mex)).toBe(0);
    expect(at(0, 'TUR', mex)).toBeNaN();
  });

  it('counts stocks in non-model destinations in the world total only', () => {
    expect(b.worldTotal[0]).toBe(5537);
    expect(b.inOtherTerritories[0]).toBe(7);
    expect(immigrantStock(b, 0)[list.index.get('USA')!]).toBe(4530);
  });

  it('finds the nearest data year at or before a year', () => {
    expect(nearestStockYearAtOrBefore(b, 1994)).toBe(1990);
    expect(nearestStockYearAtOrBefore(b, 2020)).toBe(1995);
    expect(nearestStockYearAtOrBefore(b, 1989)).toBeUndefined();
  });

  it('rejects an unknown country code at FILE:LINE', () => {
    const bad = parseCsv(
      `${header}\n1990,USA,MEX,1,1,0,1,0,0,0\n1990,USA,SUN,5,1,4,1,0,0,0\n`,
      'bilateral.csv',
    );
    expect(() => buildBilateralStocks(bad, list, known)).toThrow(
      'bilateral.csv:3: unknown country code: SUN',
    );
  });

  it('refuses held-out years (after 2005)', () => {
    const bad = parseCsv(`${header}\n2010,USA,MEX,1,1,0,1,0,0,0\n`, 'bilateral.csv');
    let err: unknown;
    try {
      buildBilateralStocks(bad, list, known);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('E_WORLD_HELD_OUT');
  });
});

describe('the shipped bilateral stocks', () => {
  const b = loadWorldData().bilateral;
  it('cover 1990–2005 only, with the UN DESA 2024 world totals (SOURCES.md)', () => {
    expect(b.years).toEqual([1990, 1995, 2000, 2005]);
    const expected = [153.9e6, 163.2e6, 174.6e6, 192.8e6];
    b.worldTotal.forEach((v, k) => expect(Math.abs(v - expected[k]) / expected[k]).toBeLessThan(0.001));
  });

  it('keep 12.7–18 M of unknown origin in model countries (13.1–17.7 M with territories, SOURCES.md)', () => {
    const n = b.destinationCount;
    const unknown = b.years.map((_, k) => emigrantStock(b, k)[unknownOrigin(n)]);
    expect(unknown[0]).toBeGreaterThan(12.7e6);
    expect(unknown[3]).toBeLessThan(18e6);
  });
});
