import { describe, expect, it } from 'vitest';
import type { Country } from './countries.ts';
import { loadWorld } from './load-world.ts';
import { TIER, TIER_SOURCES, deriveTiers, tierOfRatio } from './tier.ts';

describe('tier rule', () => {
  it('cuts GDP per capita relative to the world at 1.2× and 0.4×', () => {
    expect(tierOfRatio(1.2)).toBe(TIER.core);
    expect(tierOfRatio(1.19)).toBe(TIER.semiPeriphery);
    expect(tierOfRatio(0.4)).toBe(TIER.semiPeriphery);
    expect(tierOfRatio(0.39)).toBe(TIER.periphery);
  });

  it('falls back to the nearest year with data, then to the income-group snapshot, then to unclassified', () => {
    const c = (iso3: string, incomeGroupSnapshot: Country['incomeGroupSnapshot']): Country => ({
      iso3,
      m49: 0,
      name: iso3,
      region: '',
      subregion: '',
      lat: 0,
      lng: 0,
      landlocked: false,
      incomeGroupSnapshot,
      oecdSnapshot: false,
      sovereign: '',
    });
    const countries = [c('AAA', ''), c('BBB', 'high_income'), c('CCC', '')];
    const span = { first: 2000, last: 2001 };
    // year-major: 2000 [AAA, BBB, CCC], 2001 [AAA, BBB, CCC]
    const gdp = Float64Array.from([1000, NaN, NaN, NaN, NaN, NaN]);
    const pop = Float64Array.from([1, 1, 1, 1, 1, 1]);
    const t = deriveTiers(countries, span, gdp, pop);
    expect(Array.from(t.tier)).toEqual([
      TIER.semiPeriphery,
      TIER.core,
      TIER.unclassified,
      TIER.semiPeriphery,
      TIER.core,
      TIER.unclassified,
    ]);
    expect(Array.from(t.source, (s) => TIER_SOURCES[s])).toEqual([
      'gdp-ratio',
      'income-group',
      'none',
      'nearest-year',
      'income-group',
      'none',
    ]);
  });
});

describe('the shipped tiers', () => {
  const world = loadWorld({ first: 1995, last: 2005 });
  const n = world.countries.countries.length;
  const tierOf = (iso3: string, year: number) =>
    world.tiers.tier[(year - 1995) * n + world.countries.index.get(iso3)!];

  it('put the seed’s semi-periphery of the 1990s there in 1995 (Mexico, Central Europe)', () => {
    for (const iso3 of ['MEX', 'POL', 'HUN', 'CZE', 'TUR', 'BRA'])
      expect(tierOf(iso3, 1995)).toBe(TIER.semiPeriphery);
  });

  it('put the OECD core and Southern Europe in the core, and South Asia in the periphery', () => {
    for (const iso3 of ['USA', 'DEU', 'JPN', 'ESP', 'PRT', 'GRC']) expect(tierOf(iso3, 1995)).toBe(TIER.core);
    for (const iso3 of ['IND', 'BGD', 'PAK', 'NGA', 'CHN']) expect(tierOf(iso3, 1995)).toBe(TIER.periphery);
  });

  it('classify Taiwan, which has no WDI data, by its income group', () => {
    const t = world.countries.index.get('TWN')!;
    expect(tierOf('TWN', 1995)).toBe(TIER.core);
    expect(TIER_SOURCES[world.tiers.source[t]]).toBe('income-group');
  });
});
