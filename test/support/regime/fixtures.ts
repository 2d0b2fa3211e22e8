/** Small valid documents for tests, written as YAML text so tests exercise the real loader. */
import { checkLibrary, type LibraryCheck, type SourceFile } from '../../../src/regime/load/library.ts';

export const instrumentYaml = (id = 'test-convention', extra = '') => `kind: Instrument
id: ${id}
title: A test convention
sources: [{ instrument: ${id}, article: "1" }]
valid_from: 1990-01-01
instrument_type: convention
binding: true
adopted: 1989-06-01
${extra}`;

export const policyYaml = (id = 'policy-nld', extra = '') => `kind: NationalPolicy
id: ${id}
title: Netherlands (test)
sources: [{ note: test fixture }]
valid_from: 1990-01-01
country: NLD
channels:
  labour: { open: true, quota: 1000, skills: [high], permanent: true }
  temporary_labour: { open: false }
visa: { required_for: all, carrier_sanctions: false }
asylum: { tests: [refugee-1951], humanitarian_non_return: false, non_returnable_status: irregular, safe_third_country: false }
enforcement: { border: 0.5, interior: 0.3, employer_sanctions: false, externalised: false }
rights: { temporary_worker: [work] }
transitions: { years_to_long_term_residence: 5, years_to_naturalisation: 5, temporary_to_permanent: false, dual_citizenship: false, re_immigration_rights_retained: false, absence_months_allowed: 6 }
${extra}`;

export const regimeYaml = (
  id = 'test-regime',
  extra = '',
  components = '  - { ref: test-convention, where: all }',
) => `kind: Regime
id: ${id}
title: A test regime
sources: [{ seed: "§3" }]
valid_from: 1990-01-01
components:
${components}
national_policies:
  explicit: [policy-nld]
  defaults: { core: policy-nld, semi_periphery: policy-nld, periphery: policy-nld }
${extra}`;

/** Checks in-memory files as one library: `files` maps a file name to its YAML text. */
export function check(files: Record<string, string>): LibraryCheck {
  return checkLibrary(
    Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
  );
}

/** The diagnostics of a check (empty when it loaded). */
export function diagnosticsOf(files: Record<string, string>) {
  const r = check(files);
  return r.ok ? [] : r.diagnostics;
}

/** The intervention of scenario `tighter-uk`: the United Kingdom's border enforcement at 0.9 from 1995. */
export const TIGHTER_UK_INTERVENTIONS = `interventions:
  - year: 1995
    target: policy-gbr
    set: { enforcement.border: 0.9 }
    source: { note: "a what-if" }
    note: border enforcement raised to 0.9
`;

/** Scenario `tighter-uk` (1990–2000, neoliberal) followed by `interventions` (YAML text, may be empty). */
export function tighterUkScenario(interventions = TIGHTER_UK_INTERVENTIONS): SourceFile {
  return {
    file: 'tighter-uk.yaml',
    bytes: new TextEncoder().encode(`kind: Scenario
id: tighter-uk
title: The reference run with the United Kingdom's border tightened from 1995
sources: [{ note: "a test scenario" }]
valid_from: 1990-01-01
world: world-data
regime: neoliberal
years: { from: 1990, to: 2000 }
scale: 1000
seeds: 2
${interventions}`),
  };
}
