import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { parseCsv } from './csv.ts';
import { countryIndex, selectCountries } from './countries.ts';
import { loadWorldData } from './load-world.ts';

const countriesCsv = parseCsv(
  [
    'iso2,iso3,iso_numeric,name_common,name_official,region,subregion,lat,lng,area_km2,landlocked,independent,un_member,borders',
    'FR,FRA,250,France,French Republic,Europe,Western Europe,46,2,551695,FALSE,TRUE,TRUE,ESP',
    'HK,HKG,344,Hong Kong,HK,Asia,Eastern Asia,22.25,114.17,1104,FALSE,FALSE,FALSE,CHN',
    'XK,UNK,,Kosovo,Republic of Kosovo,Europe,Southeast Europe,42.67,21.17,10908,TRUE,,FALSE,SRB',
    'PS,PSE,275,Palestine,State of Palestine,Asia,Western Asia,31.9,35.2,6220,FALSE,FALSE,FALSE,ISR',
    'AF,AFG,004,Afghanistan,Afghanistan,Asia,Southern Asia,33,65,652230,TRUE,TRUE,TRUE,IRN',
  ].join('\n'),
  'countries.csv',
);
const m49Csv = parseCsv(
  'iso3,un_region,un_subregion\nFRA,Europe,Western Europe\nAFG,Asia,Southern Asia\n',
  'm49.csv',
);
const groupsCsv = parseCsv(
  'iso3,income_groups,g77_and_oecd_countries\nFRA,high_income,oecd\nAFG,low_income,g77\n,,others\n',
  'groups.csv',
);

describe('selectCountries', () => {
  const list = selectCountries(countriesCsv, m49Csv, groupsCsv);

  it('keeps sovereign states and the limited-recognition states, sorted by ISO3, and drops territories', () => {
    expect(list.countries.map((c) => c.iso3)).toEqual(['AFG', 'FRA', 'PSE', 'XKX']);
  });

  it("renames mledoze's Kosovo code UNK to XKX (UNK means unknown origin in UNHCR data)", () => {
    expect(list.countries.find((c) => c.iso3 === 'XKX')).toMatchObject({
      name: 'Kosovo',
      m49: 0,
      landlocked: true,
    });
    expect(list.index.has('UNK')).toBe(false);
  });

  it('joins the M49 region, the income-group snapshot and OECD membership', () => {
    expect(list.countries[countryIndex(list, 'FRA')]).toMatchObject({
      m49: 250,
      region: 'Europe',
      subregion: 'Western Europe',
      incomeGroupSnapshot: 'high_income',
      oecdSnapshot: true,
    });
  });

  it('rejects an unknown country code', () => {
    expect(() => countryIndex(list, 'WLD')).toThrow(UserError);
    expect(() => countryIndex(list, 'WLD')).toThrow(/unknown country code: WLD/);
  });
});

describe('the shipped country list', () => {
  const data = loadWorldData();
  const codes = new Set(data.countries.map((c) => c.iso3));

  it('has the 194 independent states of mledoze plus PSE, TWN and XKX', () => {
    expect(data.countries).toHaveLength(197);
    for (const c of ['PSE', 'TWN', 'XKX', 'SSD', 'SDN', 'SRB', 'MNE', 'USA']) expect(codes.has(c)).toBe(true);
  });

  it('has no World Bank aggregates, territories or unknown codes', () => {
    for (const c of ['WLD', 'EUU', 'HIC', 'SSF', 'HKG', 'PRI', 'CHI', 'ANT', 'OOO', 'UNK'])
      expect(codes.has(c)).toBe(false);
  });

  it('has coordinates for every country', () => {
    for (const c of data.countries) {
      expect(Math.abs(c.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.lng)).toBeLessThanOrEqual(180);
    }
  });
});
