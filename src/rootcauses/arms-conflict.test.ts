import { describe, expect, it } from 'vitest';
import { parseCsv } from '../world/csv.ts';
import { activeConflict, armsConflictPanel, armsConflictSamples, laggedArms } from './arms-conflict.ts';

const imports = parseCsv(
  ['iso3,year,tiv_imports_musd,source', 'AAA,1990,30,x', 'AAA,1991,60,x', 'BBB,1991,9,x'].join('\n'),
  'imports.csv',
);
const deaths = parseCsv(
  [
    'iso3,year,statebased_best,interstate_best,intrastate_best,extrasystemic_best,nonstate_best,onesided_best,total_best',
    'AAA,1991,0,0,0,0,0,0,0',
    'AAA,1992,100,0,100,0,5,2,107',
    'AAA,1993,30,0,30,0,0,0,30',
    'AAA,1994,10,0,10,0,0,0,10',
    'BBB,1992,0,0,0,0,0,40,40',
    'BBB,1993,0,0,0,0,0,0,0',
  ].join('\n'),
  'deaths.csv',
);
const panel = armsConflictPanel(imports, deaths);

describe('the arms and conflict panel', () => {
  it('averages the imports of the years before, a missing year counting as no deliveries', () => {
    expect(laggedArms(panel.imports, 'AAA', 1992, 3)).toBeCloseTo(Math.log1p(90 / 3), 12);
    expect(laggedArms(panel.imports, 'AAA', 1992, 1)).toBeCloseTo(Math.log1p(60), 12);
    expect(laggedArms(panel.imports, 'CCC', 1992, 3)).toBe(0);
  });

  it('counts a conflict as active from 25 state-based deaths (UCDP), not from other violence', () => {
    expect(activeConflict(panel, 'AAA', 1992)).toBe(true);
    expect(activeConflict(panel, 'AAA', 1994)).toBe(false);
    expect(activeConflict(panel, 'BBB', 1992)).toBe(false);
    expect(activeConflict(panel, 'BBB', 1990)).toBeUndefined();
  });

  it('puts peace years before an onset and war years before an ending in their samples', () => {
    const s = armsConflictSamples(panel, { from: 1992, to: 1994 });
    const key = (o: { unit: string; year: number; y: number }) => `${o.unit}${o.year}:${o.y}`;
    // AAA: peace 1991 → war 1992 (an onset); war 1992 → war 1993; war 1993 → peace 1994 (an ending).
    expect(s.onset.map(key)).toEqual(['AAA1992:1', 'BBB1993:0']);
    expect(s.ending.map(key)).toEqual(['AAA1993:0', 'AAA1994:1']);
    expect(s.deaths.oneSided.map(key)).toEqual([
      'AAA1992:2',
      'AAA1993:0',
      'AAA1994:0',
      'BBB1992:40',
      'BBB1993:0',
    ]);
  });
});
