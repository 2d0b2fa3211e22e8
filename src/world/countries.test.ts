import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { parseCsv } from './csv.ts';
import { destinationsWithStock } from './bilateral.ts';
import { countryIndex, selectCountries } from './countries.ts';
import { loadWorldData, readWorldSources } from './load-world.ts';

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

  it('keeps the territories it is given, with their sovereign, and refuses one without a sovereign', () => {
    const withHkg = selectCountries(countriesCsv, m49Csv, groupsCsv, {
      codes: new Set(['HKG']),
      sovereigns: new Map([['HKG', 'CHN']]),
    });
    expect(withHkg.countries.map((c) => [c.iso3, c.sovereign])).toEqual([
      ['AFG', ''],
      ['FRA', ''],
      ['HKG', 'CHN'],
      ['PSE', ''],
      ['XKX', ''],
    ]);
    expect(() =>
      selectCountries(countriesCsv, m49Csv, groupsCsv, { codes: new Set(['HKG']), sovereigns: new Map() }),
    ).toThrow(/HKG has a migrant stock but no sovereign/);
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

  it('has the 194 independent states of mledoze, PSE, TWN and XKX, and 36 territories with a migrant stock', () => {
    expect(data.countries).toHaveLength(233);
    for (const c of ['PSE', 'TWN', 'XKX', 'SSD', 'SDN', 'SRB', 'MNE', 'USA']) expect(codes.has(c)).toBe(true);
    const territories = data.countries.filter((c) => c.sovereign !== '');
    expect(territories).toHaveLength(36);
    expect(data.countries.find((c) => c.iso3 === 'HKG')?.sovereign).toBe('CHN');
    expect(data.countries.find((c) => c.iso3 === 'PRI')?.sovereign).toBe('USA');
  });

  it('has every destination of the UN DESA stocks but XCX, which has no ISO code (a French Caribbean collectivity, 71 k people in 2005)', () => {
    const table = readWorldSources().sources.bilateralStock;
    const dropped = [...destinationsWithStock(table)].filter((c) => !codes.has(c)).sort();
    expect(dropped).toEqual(['XCX']);
  });

  it('has no World Bank aggregates, territories without a stock, or unknown codes', () => {
    for (const c of ['WLD', 'EUU', 'HIC', 'SSF', 'CHI', 'ANT', 'OOO', 'UNK', 'ATA', 'BVT'])
      expect(codes.has(c)).toBe(false);
  });

  it('has coordinates for every country', () => {
    for (const c of data.countries) {
      expect(Math.abs(c.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.lng)).toBeLessThanOrEqual(180);
    }
  });
});
