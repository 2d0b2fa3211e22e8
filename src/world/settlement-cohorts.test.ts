import { describe, expect, it } from 'vitest';
import { errorCodeOf, errorOf } from '../../test/support/user-error.ts';
import type { Country } from './countries.ts';
import { countryListOf } from './countries.ts';
import { parseCsv } from './csv.ts';
import { loadWorld } from './load-world.ts';
import { buildSettlementCohorts } from './settlement-cohorts.ts';

const HEADER = 'destination,origin,first_arrival,last_arrival,status,episode,source';
const list = countryListOf(['PAK', 'IND', 'ARG'].map((iso3) => ({ iso3 }) as Country));
const build = (rows: string) => () =>
  buildSettlementCohorts(parseCsv(`${HEADER}\n${rows}\n`, 'cohorts.csv'), list);

describe('settlement cohorts (data)', () => {
  it('read the corridor, the years of its arrivals and its settled status', () => {
    const t = parseCsv(`${HEADER}\nPAK,IND,1947,1951,naturalised,Partition,a census\n`, 'cohorts.csv');
    expect(buildSettlementCohorts(t, list)).toEqual([
      { destination: 'PAK', origin: 'IND', firstArrival: 1947, lastArrival: 1951, status: 'naturalised' },
    ]);
  });

  it('refuse years out of order, a corridor to itself or twice, and an unknown status or country, at their file and line', () => {
    for (const rows of [
      'PAK,IND,1951,1947,naturalised,x,y',
      'PAK,PAK,1947,1951,naturalised,x,y',
      'PAK,IND,1947,1951,citizen,x,y',
      'PAK,IND,1947.5,1951,naturalised,x,y',
    ])
      expect(errorOf(build(rows))).toMatch(/^cohorts\.csv:2: .*\[E_WORLD_VALUE\]$/);
    expect(errorOf(build('PAK,IND,1947,1951,naturalised,x,y\nPAK,IND,1950,1955,naturalised,x,y'))).toMatch(
      /^cohorts\.csv:3: .*\[E_WORLD_VALUE\]$/,
    );
    expect(errorCodeOf(build('PAK,XXX,1947,1951,naturalised,x,y'))).toBe('E_WORLD_COUNTRY');
  });

  it('ship the Partition of 1947 and the post-war European immigration to Argentina', () => {
    const cohorts = loadWorld({ first: 1990, last: 2005 }).settlementCohorts;
    expect(cohorts.map((c) => `${c.origin}>${c.destination} ${c.firstArrival}–${c.lastArrival}`)).toEqual([
      'IND>PAK 1947–1951',
      'PAK>IND 1947–1951',
      'ITA>ARG 1946–1957',
      'ESP>ARG 1946–1957',
    ]);
  });
});
