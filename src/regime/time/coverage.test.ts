import { describe, expect, it } from 'vitest';
import { buildLibrary, loadBuiltinLibrary } from '../index.ts';
import { defaultDate, documentsCoverTo, lastEntry, pastLastEntry } from './coverage.ts';

const policy = (id: string, country: string, history: string) => `kind: NationalPolicy
id: ${id}
title: ${id}
sources: [{ note: test }]
valid_from: 1990-01-01
country: ${country}
channels: {}
visa: { required_for: all, carrier_sanctions: false }
asylum: { tests: [], humanitarian_non_return: false, non_returnable_status: irregular, safe_third_country: false }
enforcement: { border: 0, interior: 0, employer_sanctions: false, externalised: false }
rights: {}
transitions: { years_to_long_term_residence: null, years_to_naturalisation: null, temporary_to_permanent: false, dual_citizenship: false, re_immigration_rights_retained: false, absence_months_allowed: 0 }
${history}`;

const amendment = `kind: Amendment
id: a-2019
title: a reform
sources: [{ note: test }]
amends: p-two
effective: 2019-07-01
changes:
  - set: { enforcement.border: 0.5 }
`;

const utf8 = (s: string) => new TextEncoder().encode(s);

const lib = buildLibrary([
  {
    file: 'p-one.yaml',
    bytes: utf8(
      policy(
        'p-one',
        'FRA',
        'history:\n  - { from: 2005-03-01, set: { enforcement.border: 0.2 }, source: { note: x } }\n',
      ),
    ),
  },
  { file: 'p-two.yaml', bytes: utf8(policy('p-two', 'DEU', '')) },
  { file: 'a-2019.yaml', bytes: utf8(amendment) },
]);

describe('how far the documents reach', () => {
  it('dates a policy by its last history entry or amendment, else its valid_from', () => {
    expect(lastEntry(lib, 'p-one')).toBe('2005-03-01');
    expect(lastEntry(lib, 'p-two')).toBe('2019-07-01');
    expect(documentsCoverTo(lib)).toBe('2019-07-01');
  });

  it('defaults a question to the latest date the documents cover, never beyond today', () => {
    expect(defaultDate(lib, '2026-12-07').date).toBe('2019-07-01');
    expect(defaultDate(lib, '2026-12-07').note).toMatch(/latest date the national policies cover/);
    expect(defaultDate(lib, '2018-01-01').date).toBe('2018-01-01');
  });

  it('warns about each policy asked about past its last entry, and only those', () => {
    expect(pastLastEntry(lib, ['p-one', 'p-two'], '2005-03-01')).toEqual([]);
    const w = pastLastEntry(lib, ['p-one', 'p-two'], '2010-01-01');
    expect(w.map((x) => x.policy)).toEqual(['p-one']);
    expect(w[0].message).toBe(
      'p-one records no change after 2005-03-01: on 2010-01-01 it gives the law as last recorded',
    );
  });

  it('covers the built-in policies to at least 2023', () => {
    expect(documentsCoverTo(loadBuiltinLibrary()) >= '2023-01-01').toBe(true);
  });
});
