import { describe, expect, it } from 'vitest';
import { countryListOf } from './countries.ts';
import type { Country } from './countries.ts';
import {
  buildBattleDeaths,
  buildConflictIntensity,
  buildDeathsByType,
  gleditschWardToIso3,
} from './conflict.ts';
import { parseCsv } from './csv.ts';
import { panelOffset } from './panel.ts';
import { loadWorld } from './load-world.ts';
import { seriesValue } from './world.ts';

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
const list = countryListOf(['IRQ', 'SDN', 'SRB', 'SSD', 'USA'].map(country));
const gw = gleditschWardToIso3(
  parseCsv(
    'gw_code,gw_abbrev,iso3,name,iso3_note\n2,USA,USA,United States,\n345,YUG,SRB,Yugoslavia,historical\n625,SUD,SDN,Sudan,\n626,SSD,SSD,South Sudan,\n645,IRQ,IRQ,Iraq,\n',
    'gw.csv',
  ),
);
const span = { first: 1991, last: 2012 };
const at = (p: Float64Array, iso3: string, year: number) =>
  p[panelOffset(span, 5, year, list.index.get(iso3)!)];
const header = 'conflict_id,year,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,intensity_level,type_of_conflict';

describe('conflict intensity (UCDP/PRIO)', () => {
  const acd = parseCsv(
    [
      header,
      '1,1991,345,,,,2,intrastate', // Yugoslavia → SRB
      '2,2003,2,,645,,2,interstate', // USA vs Iraq
      '3,2004,645,2,,,1,II', // internationalized, USA as supporter: counts for IRQ only
      '3,2004,645,826,,,1,II', // duplicate row per supporter
      '4,1995,625,,,,2,intrastate', // Sudan's civil war
      '5,2012,626,,,,1,intrastate',
    ].join('\n'),
    'acd.csv',
  );
  const { conflictIntensity, interstateConflictIntensity } = buildConflictIntensity(acd, gw, list, span);

  it('gives intrastate conflicts to the government side, through the Gleditsch–Ward table', () => {
    expect(at(conflictIntensity, 'SRB', 1991)).toBe(2);
    expect(at(conflictIntensity, 'IRQ', 2004)).toBe(1);
    expect(at(conflictIntensity, 'USA', 2004)).toBe(0);
  });

  it('keeps interstate conflicts apart, for both primary parties', () => {
    expect(at(interstateConflictIntensity, 'USA', 2003)).toBe(2);
    expect(at(interstateConflictIntensity, 'IRQ', 2003)).toBe(2);
    expect(at(conflictIntensity, 'USA', 2003)).toBe(0);
  });

  it('lets South Sudan inherit Sudan before 2011, and not after', () => {
    expect(at(conflictIntensity, 'SSD', 1995)).toBe(2);
    expect(at(conflictIntensity, 'SSD', 2012)).toBe(1);
    expect(at(conflictIntensity, 'SDN', 2012)).toBe(0);
  });

  it('treats years without a listed conflict as peace (0)', () => {
    expect(at(conflictIntensity, 'USA', 1999)).toBe(0);
  });

  it('rejects a Gleditsch–Ward code missing from the table, at FILE:LINE', () => {
    const bad = parseCsv(`${header}\n9,2000,999,,,,1,intrastate\n`, 'acd.csv');
    expect(() => buildConflictIntensity(bad, gw, list, span)).toThrow(
      'acd.csv:2: unknown Gleditsch–Ward code: 999',
    );
  });
});

describe('battle deaths (WDI)', () => {
  it('is 0 where absent within 1989–2018 and NaN outside', () => {
    const t = parseCsv('iso3,year,battle_related_deaths\nIRQ,2004,5000\nWLD,2004,90000\n', 'bd.csv');
    const p = buildBattleDeaths(t, list, { first: 2004, last: 2019 });
    const o = (iso3: string, y: number) =>
      p[panelOffset({ first: 2004, last: 2019 }, 5, y, list.index.get(iso3)!)];
    expect(o('IRQ', 2004)).toBe(5000);
    expect(o('USA', 2004)).toBe(0);
    expect(o('IRQ', 2019)).toBeNaN();
  });
});

describe('the shipped conflict series', () => {
  const world = loadWorld({ first: 1995, last: 2003 });
  it('has the wars of the 1990s where UCDP puts them', () => {
    for (const iso3 of ['AFG', 'BIH', 'DZA', 'LKA', 'RUS', 'SDN', 'TUR'])
      expect(seriesValue(world, 'conflictIntensity', iso3, 1995)).toBe(2);
    expect(seriesValue(world, 'conflictIntensity', 'FRA', 1995)).toBe(0);
    expect(seriesValue(world, 'interstateConflictIntensity', 'USA', 2003)).toBe(2);
  });

  it('codes a transnational conflict to its government side (documented caveat: USA vs al-Qaida, UCDP 418)', () => {
    expect(seriesValue(world, 'conflictIntensity', 'USA', 2003)).toBe(1);
    expect(seriesValue(world, 'conflictIntensity', 'USA', 1999)).toBe(0);
  });

  it("gives the interstate share of a year's state-based deaths, 0 where there were none", () => {
    const t = parseCsv(
      [
        'iso3,year,statebased_best,interstate_best,intrastate_best,extrasystemic_best,nonstate_best,onesided_best,total_best',
        'IRQ,2003,8000,6000,2000,0,0,0,8000',
        'SDN,2003,1837,0,1837,0,186,2738,4761',
      ].join('\n'),
      'deaths.csv',
    );
    const { interstateShare } = buildDeathsByType(t, list, span);
    const n = list.countries.length;
    expect(interstateShare[panelOffset(span, n, 2003, list.index.get('IRQ')!)]).toBeCloseTo(0.75, 12);
    expect(interstateShare[panelOffset(span, n, 2003, list.index.get('SDN')!)]).toBe(0);
    expect(interstateShare[panelOffset(span, n, 2003, list.index.get('USA')!)]).toBe(0);
  });
});
