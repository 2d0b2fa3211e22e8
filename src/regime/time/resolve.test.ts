import { describe, expect, it } from 'vitest';
import { check, instrumentYaml, policyYaml, regimeYaml } from '../../../test/support/regime/fixtures.ts';
import type { Library } from '../load/library.ts';
import type { NationalPolicy } from '../schema/kinds.ts';
import { resolve } from './resolve.ts';
import { changesBetween } from './changes.ts';
import { policyUnderRegime } from './policy-under-regime.ts';

const history = `history:
  - { from: 1995-01-01, set: { channels.labour.quota: 2000 }, source: { note: quota doubled } }
  - { from: 2001-01-01, set: { visa.carrier_sanctions: true, enforcement.border: 0.8 }, source: { instrument: carrier-sanctions-directive-2001, article: "4" } }
`;
const amendment = `kind: Amendment
id: nld-dual-citizenship-2003
title: Dual citizenship tolerated
sources: [{ note: test }]
amends: policy-nld
effective: 2003-04-01
changes:
  - set: { transitions.dual_citizenship: true, transitions.years_to_naturalisation: 4 }
    demig: { area: integration, tool: citizenship, target: all_migrants, direction: less_restrictive, magnitude: mid_level }
`;

function library(extra: Record<string, string> = {}): Library {
  const r = check({
    'i.yaml': instrumentYaml(),
    'p.yaml': policyYaml('policy-nld', history),
    'r.yaml': regimeYaml(),
    'a.yaml': amendment,
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  return r.library;
}

describe('resolve', () => {
  it('gives the base values before any dated change', () => {
    const p = resolve(library(), 'policy-nld', '1994-12-31').document as NationalPolicy;
    expect(p.channels.labour?.quota).toBe(1000);
    expect(p.visa.carrier_sanctions).toBe(false);
  });
  it('applies history entries from their date on', () => {
    const p = resolve(library(), 'policy-nld', '1995-01-01').document as NationalPolicy;
    expect(p.channels.labour?.quota).toBe(2000);
    expect(p.channels.labour?.skills).toEqual(['high']); // untouched siblings stay
  });
  it('applies amendments from their effective date', () => {
    const lib = library();
    expect(
      (resolve(lib, 'policy-nld', '2003-03-31').document as NationalPolicy).transitions.dual_citizenship,
    ).toBe(false);
    const r = resolve(lib, 'policy-nld', '2003-04-01');
    expect((r.document as NationalPolicy).transitions.dual_citizenship).toBe(true);
    expect(r.applied.map((e) => e.by)).toEqual([
      'policy-nld#history.0',
      'policy-nld#history.1',
      'nld-dual-citizenship-2003',
    ]);
  });
  it('says when a document is not yet in force', () => {
    expect(resolve(library(), 'policy-nld', '1980-01-01').in_force).toBe(false);
    expect(resolve(library(), 'policy-nld', '1990-01-01').in_force).toBe(true);
  });
  it('leaves out members that have not joined yet', () => {
    const process = `kind: RegionalProcess
id: test-process
title: t
sources: [{ seed: "§3" }]
valid_from: 1991-10-01
informal: true
members:
  - { country: DEU }
  - { country: POL, from: 1993-02-01 }
instruments:
  - { tool: readmission, title: readmission agreements, source: { seed: "§3" } }
monitoring: true
`;
    const lib = library({ 'proc.yaml': process });
    const early = resolve(lib, 'test-process', '1992-01-01').document as { members: { country: string }[] };
    const later = resolve(lib, 'test-process', '1994-01-01').document as { members: { country: string }[] };
    expect(early.members.map((m) => m.country)).toEqual(['DEU']);
    expect(later.members.map((m) => m.country)).toEqual(['DEU', 'POL']);
  });
  it('does not change the loaded document', () => {
    const lib = library();
    resolve(lib, 'policy-nld', '2010-01-01');
    expect((lib.require('policy-nld').doc as NationalPolicy).channels.labour?.quota).toBe(1000);
  });
  it('refuses a date that is not a calendar date', () => {
    expect(() => resolve(library(), 'policy-nld', '2001-13-01')).toThrow(/not a calendar date/);
  });
  it('refuses an unknown id with a suggestion', () => {
    expect(() => resolve(library(), 'policy-nl', '2001-01-01')).toThrow(/did you mean 'policy-nld'/);
  });
});

describe('changes between dates', () => {
  it('lists each changed value with its date, source and DEMIG coding', () => {
    const changes = changesBetween(library(), 'policy-nld', '1990-01-01', '2005-01-01');
    expect(changes.map((c) => [c.date, c.path, c.before, c.after, c.demig.direction])).toEqual([
      ['1995-01-01', 'channels.labour.quota', 1000, 2000, 'less_restrictive'],
      ['2001-01-01', 'visa.carrier_sanctions', false, true, 'more_restrictive'],
      ['2001-01-01', 'enforcement.border', 0.5, 0.8, 'more_restrictive'],
      ['2003-04-01', 'transitions.dual_citizenship', false, true, 'less_restrictive'],
      ['2003-04-01', 'transitions.years_to_naturalisation', 5, 4, 'less_restrictive'],
    ]);
    const sanctions = changes.find((c) => c.path === 'visa.carrier_sanctions')!;
    expect(sanctions.demig).toMatchObject({ area: 'border_land_control', tool: 'carrier_sanctions' });
    expect(sanctions.source.instrument).toBe('carrier-sanctions-directive-2001');
  });
  it('codes a longer wait for long-term residence as more restrictive', () => {
    const h = `history:\n  - { from: 2000-01-01, set: { transitions.years_to_long_term_residence: 10 }, source: { note: n } }\n`;
    const r = check({
      'i.yaml': instrumentYaml(),
      'p.yaml': policyYaml('policy-nld', h),
      'r.yaml': regimeYaml(),
    });
    if (!r.ok) throw new Error('fixture');
    const [c] = changesBetween(r.library, 'policy-nld', '1990-01-01', '2001-01-01');
    expect(c.demig).toMatchObject({
      area: 'integration',
      tool: 'long_term_residence',
      direction: 'more_restrictive',
    });
  });
  it('excludes the start date and includes the end date', () => {
    const lib = library();
    expect(changesBetween(lib, 'policy-nld', '1995-01-01', '2001-01-01').map((c) => c.date)).toEqual([
      '2001-01-01',
      '2001-01-01',
    ]);
  });
  it('refuses an end before the start', () => {
    expect(() => changesBetween(library(), 'policy-nld', '2001-01-01', '1995-01-01')).toThrow(
      /before --from/,
    );
  });
});

describe('a policy under a regime', () => {
  const floors = `adjustments:
  - where: { tiers: [core] }
    from: 2000-01-01
    at_most: { transitions.years_to_long_term_residence: 3 }
    set: { transitions.dual_citizenship: true }
    add: { asylum.tests: [violence-criterion] }
    source: { seed: "§4" }
`;
  it('starts from the country policy and applies the regime adjustments in force', () => {
    const lib = library({ 'r.yaml': regimeYaml('test-regime', floors) });
    const before = policyUnderRegime(lib, 'test-regime', 'NLD', 'core', '1999-01-01');
    expect(before.adjustments).toEqual([]);
    const after = policyUnderRegime(lib, 'test-regime', 'NLD', 'core', '2000-06-01');
    expect(after.base).toBe('policy-nld');
    expect(after.policy.transitions.years_to_long_term_residence).toBe(3);
    expect(after.policy.transitions.dual_citizenship).toBe(true);
    expect(after.policy.asylum.tests).toEqual(['refugee-1951', 'violence-criterion']);
  });
  it('leaves countries of other tiers alone', () => {
    const lib = library({ 'r.yaml': regimeYaml('test-regime', floors) });
    expect(policyUnderRegime(lib, 'test-regime', 'NLD', 'periphery', '2000-06-01').adjustments).toEqual([]);
  });
  it('uses the tier default for a country without its own policy', () => {
    expect(policyUnderRegime(library(), 'test-regime', 'MAR', 'periphery', '2000-06-01').base).toBe(
      'policy-nld',
    );
  });
});

describe('adjustments limited to defaults or to explicit policies', () => {
  const onlyDefaults = `adjustments:
  - where: { only: defaults }
    set: { transitions.dual_citizenship: true }
    source: { seed: "§4" }
`;
  it('skip countries with their own policy when limited to defaults', () => {
    const lib = library({ 'r.yaml': regimeYaml('test-regime', onlyDefaults) });
    expect(
      policyUnderRegime(lib, 'test-regime', 'NLD', 'core', '2000-06-01').policy.transitions.dual_citizenship,
    ).toBe(false);
    expect(
      policyUnderRegime(lib, 'test-regime', 'MAR', 'periphery', '2000-06-01').policy.transitions
        .dual_citizenship,
    ).toBe(true);
  });
});
