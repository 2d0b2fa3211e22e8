import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { caseOf, fixtureLibrary } from '../../test/support/rules/fixtures.ts';
import { numberedReasons } from './explanation.ts';

const lib = fixtureLibrary();
const NEO = 'fixture-neoliberal';
const FW = 'fixture-framework';

const claimant = (nat: string, where: string, claim: string, date = '2008-06-01', more = '') =>
  caseOf(`
id: c
date: ${date}
person: { nationalities: [${nat}], location: ${where}, skill: low }
history: [{ date: 2008-01-01, event: entered, country: ${where}, channel: irregular }]
claim: ${claim}
family: { spouse_in: null, children_in: [] }
employment: { offer: false, intra_corporate: false, self_employed: false, service_contract: false }
${more}`);

const VICTIM =
  '{ persecution: null, violence: { immediacy: current, degree: life_threatening, generalised: true, public_order_disturbed: true }, role: victim, internal_flight_alternative: false }';
const ACTIVIST =
  '{ persecution: { ground: political_opinion, by: state }, violence: { immediacy: current, degree: serious, generalised: false, public_order_disturbed: false }, role: activist, internal_flight_alternative: false }';
const NONE =
  '{ persecution: null, violence: { immediacy: none, degree: low, generalised: false, public_order_disturbed: false }, role: none, internal_flight_alternative: false }';

describe('protection', () => {
  it('an activist persecuted by the state is a refugee under the 1951 Convention, citing Art 1A(2)', () => {
    const d = decide(lib, NEO, claimant('IRQ', 'NLD', ACTIVIST), { tier: 'core' });
    expect(d).toMatchObject({
      protection: 'refugee',
      status: 'recognised_refugee',
      non_refoulement: true,
      removable: false,
      outcome: 'decided',
    });
    expect(
      d.explanation.some(
        (r) => r.rule === 'refugee-convention-1951#refugee-definition' && r.citation.includes('1A(2)'),
      ),
    ).toBe(true);
  });

  it('a victim of generalised violence is not a 1951 refugee, but is protected under the violence criterion', () => {
    const neo = decide(lib, NEO, claimant('SOM', 'NLD', VICTIM), { tier: 'core' });
    expect(neo.protection).toBe('complementary'); // EU 15(c) from 2006
    const before = decide(lib, NEO, claimant('SOM', 'NLD', VICTIM, '2000-06-01'), { tier: 'core' });
    expect(before.protection).toBe('none');
    const fw = decide(lib, FW, claimant('SOM', 'NLD', VICTIM, '2000-06-01'), { tier: 'core' });
    expect(fw.protection).toBe('complementary');
    expect(fw.explanation.map((r) => r.rule)).toContain('framework-convention#violence-criterion');
  });

  it('under the violence criterion activists and targets keep refugee status (an exception, not a conflict)', () => {
    const d = decide(
      lib,
      FW,
      claimant('IRQ', 'NLD', ACTIVIST.replace('degree: serious', 'degree: life_threatening')),
      { tier: 'core' },
    );
    expect(d.protection).toBe('refugee');
    expect(d.conflicts).toEqual([]);
  });

  it('OAU: a state bound by it protects Africans fleeing disturbed public order; others are not covered', () => {
    expect(decide(lib, NEO, claimant('SOM', 'KEN', VICTIM), { tier: 'periphery' }).protection).toBe(
      'refugee',
    );
    expect(decide(lib, NEO, claimant('AFG', 'KEN', VICTIM), { tier: 'periphery' }).protection).toBe('none');
    // Kenya became a party in 1993.
    expect(
      decide(lib, NEO, claimant('SOM', 'KEN', VICTIM, '1992-06-01').valueOf() as never, { tier: 'periphery' })
        .protection,
    ).toBe('none');
    // Uganda (not a party in the fixture) applies the same default policy but is not bound.
    expect(decide(lib, NEO, claimant('SOM', 'UGA', VICTIM), { tier: 'periphery' }).protection).toBe('none');
  });

  it('Cartagena: Mexico protects Latin Americans from generalised violence from 2011', () => {
    expect(
      decide(lib, NEO, claimant('HND', 'MEX', VICTIM, '2012-01-01'), { tier: 'periphery' }).protection,
    ).toBe('refugee');
    expect(
      decide(lib, NEO, claimant('HND', 'MEX', VICTIM, '2009-01-01'), { tier: 'periphery' }).protection,
    ).toBe('none');
    expect(
      decide(lib, NEO, claimant('SOM', 'MEX', VICTIM, '2012-01-01'), { tier: 'periphery' }).protection,
    ).toBe('none');
  });

  it('a missing fact on the live path makes protection undetermined and names it', () => {
    const d = decide(
      lib,
      NEO,
      claimant('IRQ', 'NLD', '{ persecution: { ground: religion, by: state }, role: target }'),
      { tier: 'core' },
    );
    expect(d.protection).toBe('undetermined');
    expect(d.outcome).toBe('undetermined');
    expect(d.missing).toContain('claim.internal_flight_alternative');
  });

  it('two national rules that disagree are a reported conflict with both citations', () => {
    const extra = {
      'conflict.yaml': `kind: NationalPolicy
id: policy-deu
title: Germany (conflict fixture)
sources: [{ note: fixture }]
valid_from: 1990-01-01
country: DEU
channels: {}
visa: { required_for: all, carrier_sanctions: true }
asylum: { tests: [refugee-1951], humanitarian_non_return: true, non_returnable_status: rejected_non_returnable, safe_third_country: true }
enforcement: { border: 0.5, interior: 0.5, employer_sanctions: true, externalised: false }
rights: {}
transitions: { years_to_long_term_residence: 5, years_to_naturalisation: 8, temporary_to_permanent: false, dual_citizenship: false, re_immigration_rights_retained: false, absence_months_allowed: 6 }
rules:
  - { id: toleration, citation: { instrument: aufenthg, article: "60a" }, when: { eq: [{ fact: claim.role }, victim] }, then: { protection: temporary }, text: tolerated }
  - { id: subsidiary, citation: { instrument: asylg, article: "4" }, when: { eq: [{ fact: claim.violence.degree }, life_threatening] }, then: { protection: complementary }, text: subsidiary }
---
kind: Regime
id: fixture-conflict
title: conflict
sources: [{ note: fixture }]
valid_from: 1990-01-01
components: [{ ref: refugee-convention-1951 }]
national_policies: { explicit: [policy-deu], defaults: { core: policy-nld, semi_periphery: policy-nld, periphery: policy-nld } }
`,
    };
    const d = decide(fixtureLibrary(extra), 'fixture-conflict', claimant('SOM', 'DEU', VICTIM), {
      tier: 'core',
    });
    expect(d.outcome).toBe('conflict');
    expect(d.protection).toBe('undetermined');
    expect(d.conflicts[0].rules.map((r) => r.rule)).toEqual([
      'policy-deu#toleration',
      'policy-deu#subsidiary',
    ]);
    expect(d.conflicts[0].rules.map((r) => r.citation)).toEqual(['aufenthg, Art 60a', 'asylg, Art 4']);
  });
});

describe('removal', () => {
  const rejected = (nat: string, ret?: boolean) =>
    claimant(nat, 'NLD', ret === undefined ? NONE : `${NONE.slice(0, -2)}, return_possible: ${ret} }`);

  it('a rejected applicant from a readmission partner is removable', () => {
    const d = decide(lib, NEO, rejected('MAR'), { tier: 'core' });
    expect(d).toMatchObject({ protection: 'none', status: 'rejected_returnable', removable: true });
    expect(d.explanation.map((r) => r.rule)).toContain('readmission-nld-mar');
  });

  it('without readmission or a known return, removability is undetermined and asks whether return is possible', () => {
    const d = decide(lib, NEO, rejected('SLE'), { tier: 'core' });
    expect(d.removable).toBe('undetermined');
    expect(d.missing).toContain('claim.return_possible');
  });

  it('a non-returnable rejected applicant becomes irregular without humanitarian non-return, and gets a status with it', () => {
    expect(decide(lib, NEO, rejected('SLE', false), { tier: 'core' })).toMatchObject({
      status: 'irregular',
      removable: false,
    });
    expect(decide(lib, FW, rejected('SLE', false), { tier: 'core' })).toMatchObject({
      status: 'rejected_non_returnable',
      removable: false,
    });
  });

  it('a readmission agreement with a transit state makes the person returnable', () => {
    const c = rejected('SLE');
    c.history = [{ date: '2007-11-01', event: 'entered', country: 'MAR' }, ...(c.history ?? [])];
    expect(decide(lib, NEO, c, { tier: 'core' })).toMatchObject({
      status: 'rejected_returnable',
      removable: true,
    });
  });
});

describe('channels, transitions and rights', () => {
  const worker = (hist: string, date = '2010-01-01', more = '') =>
    caseOf(`
id: w
date: ${date}
person: { nationalities: [PHL], location: NLD, skill: low }
history: ${hist}
employment: { offer: true, employer_country: NLD, intra_corporate: false, self_employed: false, service_contract: false }
family: { spouse_in: null, children_in: [] }
${more}`);

  it('a temporary worker stays temporary under an isolated scheme, and the permit lapses', () => {
    const d = decide(
      lib,
      NEO,
      worker('[{ date: 2009-01-01, event: entered, country: NLD, channel: temporary_labour }]'),
      { tier: 'core' },
    );
    expect(d).toMatchObject({ status: 'temporary_worker', removable: false, rights: ['work'] });
    expect(d.transitions.long_term_residence.route).toBe(false);
    const late = decide(
      lib,
      NEO,
      worker(
        '[{ date: 2004-01-01, event: entered, country: NLD, channel: temporary_labour }]',
        '2010-01-01',
        'claim: { return_possible: true }',
      ),
      { tier: 'core' },
    );
    expect(late).toMatchObject({ status: 'irregular', removable: true, protection: 'none' });
  });

  it('a permanent labour migrant becomes a long-term resident after the policy years, and may naturalise', () => {
    const d = decide(
      lib,
      NEO,
      worker('[{ date: 2003-01-01, event: entered, country: NLD, channel: labour }]'),
      { tier: 'core' },
    );
    expect(d.status).toBe('long_term_resident');
    expect(d.transitions.naturalisation.eligible).toBe(true);
    expect(d.rights).not.toContain('dual_citizenship');
    const fw = decide(
      lib,
      FW,
      worker('[{ date: 2003-01-01, event: entered, country: NLD, channel: labour }]'),
      { tier: 'core' },
    );
    expect(fw.rights).toContain('dual_citizenship');
  });

  it('re-immigration after a failed return keeps status and years only where the policy says so', () => {
    const hist =
      '[{ date: 2001-01-01, event: entered, country: NLD, channel: labour }, { date: 2007-01-01, event: left, country: NLD }, { date: 2009-01-01, event: entered, country: NLD, channel: irregular }]';
    expect(decide(lib, NEO, worker(hist), { tier: 'core' }).status).not.toBe('long_term_resident');
    const fw = decide(lib, FW, worker(hist, '2010-01-01', 'claim: { return_possible: true }'), {
      tier: 'core',
    });
    expect(fw.status).toBe('long_term_resident');
    expect(fw.rights).toContain('re_immigration_retained');
  });

  it('labour channels need the skill and an offer; free movement and association open channels by agreement', () => {
    const high = caseOf(`
id: h
date: 2010-01-01
person: { nationalities: [IND], location: IND, applying_to: NLD, skill: high }
employment: { offer: true, employer_country: NLD, intra_corporate: true, self_employed: false, service_contract: false }
family: { spouse_in: null, children_in: [] }`);
    expect(decide(lib, NEO, high, { tier: 'core' }).channels).toEqual(['labour', 'intra_corporate']);
    const deu = { ...high, person: { ...high.person, nationalities: ['DEU'], location: 'DEU' } };
    expect(decide(lib, NEO, deu, { tier: 'core' }).channels).toContain('free_movement');
    const tur = {
      ...high,
      person: { ...high.person, nationalities: ['TUR'], location: 'TUR' },
      employment: { ...high.employment, self_employed: true },
    };
    expect(decide(lib, NEO, tur, { tier: 'core' }).channels).toContain('establishment');
    expect(decide(lib, FW, tur, { tier: 'core' }).channels).not.toContain('establishment');
  });

  it('a citizen is decided at once', () => {
    const d = decide(
      lib,
      NEO,
      caseOf('id: n\ndate: 2010-01-01\nperson: { nationalities: [NLD], location: NLD }'),
      { tier: 'core' },
    );
    expect(d).toMatchObject({ status: 'citizen', protection: 'none', removable: false, channels: [] });
  });

  it('explains in numbered reasons with citations', () => {
    const d = decide(lib, NEO, claimant('IRQ', 'NLD', ACTIVIST), { tier: 'core' });
    const lines = numberedReasons(d.explanation);
    expect(lines[0]).toMatch(/^ 1\. /);
    expect(lines.join('\n')).toContain('refugee-convention-1951, Art 1A(2)');
  });
});
