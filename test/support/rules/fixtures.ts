/**
 * A small library for the rules' tests, written as YAML so tests go through the real loader:
 * the 1951 Convention's definition, OAU 1969 and Cartagena 1984 with their geography, a violence
 * criterion and EU 15(c), two national policies, agreements (readmission, association, free
 * movement) and two regimes that differ the way the seed's do.
 */
import { checkLibrary, type Library, type Case, type Tier } from '../../../src/regime/index.ts';
import { parse } from 'yaml';

export const FIXTURE_FILES: Record<string, string> = {
  'refugee.yaml': `kind: Instrument
id: refugee-convention-1951
title: Refugee Convention (fixture)
sources: [{ instrument: refugee-convention-1951, article: "1A(2)" }]
valid_from: 1954-04-22
instrument_type: convention
binding: true
adopted: 1951-07-28
protection_test: refugee-1951
rules:
  - id: refugee-definition
    label: protection
    citation: { instrument: refugee-convention-1951, article: "1A(2)" }
    when:
      all:
        - { known: claim.persecution.ground }
        - { in: [{ fact: claim.role }, [activist, target]] }
        - { not: { fact: claim.internal_flight_alternative } }
    then: { protection: refugee, status: recognised_refugee, non_refoulement: true }
    text: persecution on a Convention ground, no internal flight alternative
  - id: non-refoulement
    citation: { instrument: refugee-convention-1951, article: "33(1)" }
    when: { eq: [{ fact: claim.persecution.by }, state] }
    then: { non_refoulement: true }
    text: no return to a persecuting state
`,
  'oau.yaml': `kind: Instrument
id: oau-convention-1969
title: OAU Convention (fixture)
sources: [{ instrument: oau-convention-1969, article: "I(2)" }]
valid_from: 1974-06-20
instrument_type: convention
binding: true
adopted: 1969-09-10
protection_test: oau-1969
parties:
  - { country: KEN, from: 1993-06-23 }
  - { country: TZA, from: 1975-01-10 }
rules:
  - id: oau-definition
    citation: { instrument: oau-convention-1969, article: "I(2)" }
    when:
      all:
        - { fact: derived.state_bound_by_oau }
        - { fact: derived.origin_in_africa }
        - { any: [{ fact: claim.violence.public_order_disturbed }, { fact: claim.violence.generalised }] }
        - { in: [{ fact: claim.violence.immediacy }, [current, recent]] }
    then: { protection: refugee, status: recognised_refugee, non_refoulement: true }
    text: compelled to leave by events seriously disturbing public order
`,
  'cartagena.yaml': `kind: Instrument
id: cartagena-declaration-1984
title: Cartagena Declaration (fixture)
sources: [{ instrument: cartagena-declaration-1984, article: "III(3)" }]
valid_from: 1984-11-22
instrument_type: declaration
binding: false
adopted: 1984-11-22
protection_test: cartagena-1984
parties:
  - { country: MEX, from: 2011-01-27 }
rules:
  - id: cartagena-definition
    citation: { instrument: cartagena-declaration-1984, article: "III(3)" }
    when:
      all:
        - { fact: derived.state_bound_by_cartagena }
        - { fact: derived.origin_in_latin_america }
        - { any: [{ fact: claim.violence.generalised }, { fact: claim.violence.public_order_disturbed }] }
        - { in: [{ fact: claim.violence.degree }, [life_threatening, serious]] }
    then: { protection: refugee, status: recognised_refugee, non_refoulement: true }
    text: life, safety or freedom threatened by generalised violence or disturbed public order
`,
  'violence.yaml': `kind: Instrument
id: framework-convention
title: Framework Convention (fixture)
sources: [{ seed: "§4" }]
valid_from: 2000-01-01
instrument_type: convention
binding: true
adopted: 2000-01-01
protection_test: violence-criterion
rules:
  - id: violence-criterion
    citation: { seed: "§4", note: Zolberg Suhrke Aguayo 1989 p. 270 }
    when:
      all:
        - { in: [{ fact: claim.violence.immediacy }, [current, recent]] }
        - { eq: [{ fact: claim.violence.degree }, life_threatening] }
        - { not: { fact: claim.internal_flight_alternative } }
    then: { protection: complementary, status: complementary_protection, non_refoulement: true }
    text: immediate life-threatening violence, whoever the person is
  - id: refugee-first
    exception_of: violence-criterion
    citation: { seed: "§4" }
    when:
      all:
        - { known: claim.persecution.ground }
        - { in: [{ fact: claim.role }, [activist, target]] }
        - { not: { fact: claim.internal_flight_alternative } }
    then: { protection: refugee, status: recognised_refugee }
    text: activists and targets keep refugee status
`,
  'eu15c.yaml': `kind: Instrument
id: qualification-directive-2004
title: EU Qualification Directive (fixture)
sources: [{ instrument: qualification-directive-2004, article: "15(c)" }]
valid_from: 2006-10-10
instrument_type: directive
binding: true
adopted: 2004-04-29
protection_test: eu-subsidiary-15c
rules:
  - id: serious-harm-15c
    citation: { instrument: qualification-directive-2004, article: "15(c)" }
    when:
      all:
        - { fact: claim.violence.generalised }
        - { eq: [{ fact: claim.violence.degree }, life_threatening] }
        - { eq: [{ fact: claim.violence.immediacy }, current] }
        - { not: { fact: claim.internal_flight_alternative } }
    then: { protection: complementary, status: complementary_protection, non_refoulement: true }
    text: serious and individual threat by indiscriminate violence
`,
  'policies.yaml': `kind: NationalPolicy
id: policy-nld
title: Netherlands (fixture)
sources: [{ note: fixture }]
valid_from: 1990-01-01
country: NLD
channels:
  labour: { open: true, quota: 1000, skills: [high], requires_offer: true, permanent: true, source: { note: labour act } }
  temporary_labour: { open: true, quota: 500, skills: [low, medium], requires_offer: true, duration_years: 2, renewable: false }
  intra_corporate: { open: true, skills: [high] }
  family: { open: true }
  establishment: { open: false }
  asylum: { open: true }
visa: { required_for: all, exempt: [DEU], carrier_sanctions: true, fee_usd: 60 }
asylum: { tests: [refugee-1951, eu-subsidiary-15c], humanitarian_non_return: false, non_returnable_status: irregular, safe_third_country: true }
enforcement: { border: 0.6, interior: 0.4, employer_sanctions: true, externalised: true }
readmission_agreements: [readmission-nld-mar]
rights:
  permanent_resident: [work, family_reunification, social_security, change_employer, equal_pay, health_care, education]
  long_term_resident: [work, family_reunification, social_security, change_employer, equal_pay, health_care, education, vote_local, residence_security]
  temporary_worker: [work]
  recognised_refugee: [work, family_reunification, social_security, health_care, education]
  complementary_protection: [work, health_care]
  irregular: [health_care]
transitions: { years_to_long_term_residence: 5, years_to_naturalisation: 5, temporary_to_permanent: false, dual_citizenship: false, re_immigration_rights_retained: false, absence_months_allowed: 6 }
---
kind: NationalPolicy
id: policy-periphery
title: Periphery default (fixture)
sources: [{ note: fixture }]
valid_from: 1990-01-01
tier_default: periphery
channels:
  labour: { open: false }
visa: { required_for: none, carrier_sanctions: false }
asylum: { tests: [refugee-1951, oau-1969, cartagena-1984], humanitarian_non_return: true, non_returnable_status: rejected_non_returnable, safe_third_country: false }
enforcement: { border: 0.1, interior: 0.1, employer_sanctions: false, externalised: false }
rights: { recognised_refugee: [work] }
transitions: { years_to_long_term_residence: null, years_to_naturalisation: 10, temporary_to_permanent: false, dual_citizenship: true, re_immigration_rights_retained: false, absence_months_allowed: 12 }
`,
  'agreements.yaml': `kind: Agreement
id: readmission-nld-mar
title: Readmission NLD–MAR (fixture)
sources: [{ note: fixture }]
valid_from: 1995-01-01
agreement_type: readmission
parties: [{ country: NLD }, { country: MAR }]
provisions:
  - { title: readmission of nationals, tool: readmission, source: { note: fixture art 1 } }
---
kind: RegionalProcess
id: eu-group
title: EU members (fixture)
sources: [{ note: fixture }]
valid_from: 1958-01-01
informal: false
members: [{ country: NLD }, { country: DEU }, { country: FRA }]
instruments:
  - { tool: information_exchange, title: exchange, source: { note: fixture } }
monitoring: true
---
kind: Agreement
id: eu-free-movement
title: Free movement (fixture)
sources: [{ note: fixture }]
valid_from: 1968-01-01
agreement_type: free_movement
party_groups: [eu-group]
provisions:
  - { title: free movement of workers, channel: free_movement, tool: free_movement, source: { note: fixture art 39 } }
---
kind: Agreement
id: association-tur
title: Association with Turkey (fixture)
sources: [{ note: fixture }]
valid_from: 1973-01-01
agreement_type: association
parties: [{ country: TUR }]
party_groups: [eu-group]
provisions:
  - { title: establishment, channel: establishment, tool: establishment, source: { note: fixture art 41 } }
`,
  'regimes.yaml': `kind: Regime
id: fixture-neoliberal
title: Neoliberal (fixture)
sources: [{ seed: "§3" }]
valid_from: 1990-01-01
components:
  - { ref: refugee-convention-1951, where: parties }
  - { ref: eu-free-movement }
  - { ref: association-tur }
national_policies:
  explicit: [policy-nld]
  defaults: { core: policy-nld, semi_periphery: policy-periphery, periphery: policy-periphery }
---
kind: Regime
id: fixture-framework
title: Framework (fixture)
sources: [{ seed: "§4" }]
valid_from: 1990-01-01
components:
  - { ref: framework-convention, where: all }
  - { ref: eu-free-movement }
national_policies:
  explicit: [policy-nld]
  defaults: { core: policy-nld, semi_periphery: policy-periphery, periphery: policy-periphery }
adjustments:
  - where: {}
    add: { asylum.tests: [violence-criterion] }
    set: { asylum.humanitarian_non_return: true, asylum.non_returnable_status: rejected_non_returnable, transitions.dual_citizenship: true, transitions.re_immigration_rights_retained: true, transitions.temporary_to_permanent: true }
    source: { seed: "§4" }
`,
};

/**
 * The world the table and channel tests compile the fixture regimes for: the fixture policies'
 * states (NLD, DEU), origins and transit states of the seed's corridors, and each one's tier.
 */
const FIXTURE_WORLD: [string, Tier][] = [
  ['NLD', 'core'],
  ['DEU', 'core'],
  ['FRA', 'core'],
  ['TUR', 'semi_periphery'],
  ['MAR', 'semi_periphery'],
  ['SLE', 'periphery'],
  ['SOM', 'periphery'],
  ['KEN', 'periphery'],
  ['UGA', 'periphery'],
  ['MEX', 'semi_periphery'],
  ['HND', 'periphery'],
  ['IRQ', 'periphery'],
  ['PHL', 'periphery'],
  ['IND', 'periphery'],
];
export const FIXTURE_COUNTRIES = FIXTURE_WORLD.map(([iso]) => iso);
export const FIXTURE_TIERS = FIXTURE_WORLD.map(([, tier]) => tier);

/** The fixture library (throws if it does not load: the fixtures must stay valid). */
export function fixtureLibrary(extra: Record<string, string> = {}): Library {
  const files = { ...FIXTURE_FILES, ...extra };
  const r = checkLibrary(
    Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
  );
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  return r.library;
}

/** A case from YAML text (a `kind: Case` header is added). */
export function caseOf(yaml: string): Case {
  return { kind: 'Case', ...(parse(yaml) as object) } as Case;
}
