/**
 * The compiled policy tables the kernels read (`PolicyTables` of src/rules/tables.ts): dense typed
 * arrays indexed by destination d, origin o, channel c, status s, right r, claim type k over N
 * countries. Channel order = `CHANNELS`, statuses = `STATUSES`, rights = `RIGHTS`.
 *
 * `uniformTables` builds such tables by hand for tests, benchmarks and the calibration's stand-in
 * (every destination runs one policy written as plain values, optionally one per destination).
 */
import type { Library, Tier } from '../regime/index.ts';
import type { PolicyTables } from '../rules/tables.ts';
import { CLAIM_TYPES } from '../rules/tables.ts';
import { ANY_SKILL, CHANNELS, RIGHTS, STATUSES } from '../regime/schema/vocabulary.ts';

export type { PolicyTables };

/** The tables compiler's signature (`compilePolicyTables` of src/rules/tables.ts). */
export type CompilePolicyTables = (
  lib: Library,
  regimeId: string,
  date: string,
  countries: readonly string[],
  tiers: readonly Tier[],
) => PolicyTables;

/** Protection codes in `protection`. */
export const PROTECTION_CODE = { none: 0, refugee: 1, complementary: 2, temporary: 3 } as const;

export const C = CHANNELS.length;
export const S = STATUSES.length;
export const R = RIGHTS.length;

/** Channel index by name. */
export const CH = Object.fromEntries(CHANNELS.map((c, i) => [c, i])) as {
  readonly [K in (typeof CHANNELS)[number]]: number;
};

/** A plain description of one policy, used for every country by `uniformTables`. */
export interface UniformPolicy {
  /** Channels open (1) or closed (0 or missing). */
  open: Partial<Record<(typeof CHANNELS)[number], number>>;
  quota?: Partial<Record<(typeof CHANNELS)[number], number>>;
  /** Skills admitted per channel, bit mask as in the tables (missing = any). */
  skills?: Partial<Record<(typeof CHANNELS)[number], number>>;
  fee?: Partial<Record<(typeof CHANNELS)[number], number>>;
  /** Channels whose permits tie the holder to the employer (1; missing = not tied). */
  employerTied?: Partial<Record<(typeof CHANNELS)[number], number>>;
  /** Channels whose permit holders may not bring their family (0; missing = allowed). */
  familyAllowed?: Partial<Record<(typeof CHANNELS)[number], number>>;
  visaRequired: boolean;
  carrierSanctions: boolean;
  enforcementBorder: number;
  enforcementInterior: number;
  externalised: boolean;
  employerSanctions: boolean;
  readmission: boolean;
  /** Protection code per claim type of `CLAIM_TYPES` (missing = none). */
  protection: Partial<Record<string, number>>;
  humanitarianNonReturn: boolean;
  /** Status of a rejected applicant who cannot be removed. */
  nonReturnableStatus: 'rejected_non_returnable' | 'irregular' | 'temporary_protection';
  /** Rights per status name. */
  rights: Partial<Record<(typeof STATUSES)[number], readonly (typeof RIGHTS)[number][]>>;
  yearsToLongTermResidence: number;
  yearsToNaturalisation: number;
  dualCitizenship: boolean;
  reImmigrationRetained: boolean;
  temporaryToPermanent: boolean;
}

/**
 * Tables in which every destination runs `policy` towards every origin, except that `perCountry`
 * may override it for some destinations (by index).
 */
export function uniformTables(
  countries: readonly string[],
  policy: UniformPolicy,
  perCountry: ReadonlyMap<number, UniformPolicy> = new Map(),
): PolicyTables {
  const n = countries.length;
  const claimTypes = CLAIM_TYPES;
  const K = claimTypes.length;
  const t: PolicyTables = {
    countries: [...countries],
    channels: CHANNELS,
    open: new Uint8Array(n * n * C),
    quota: new Float64Array(n * C),
    skills: new Uint8Array(n * C),
    permitYears: new Float64Array(n * C).fill(NaN),
    permitRenewable: new Uint8Array(n * C).fill(1),
    employerTied: new Uint8Array(n * C),
    familyAllowed: new Uint8Array(n * C).fill(1),
    fee: new Float64Array(n * C),
    visaRequired: new Uint8Array(n * n),
    carrierSanctions: new Uint8Array(n),
    enforcementBorder: new Float64Array(n),
    enforcementInterior: new Float64Array(n),
    externalised: new Uint8Array(n),
    employerSanctions: new Uint8Array(n),
    readmission: new Uint8Array(n * n),
    claimTypes,
    protection: new Uint8Array(n * n * K),
    undecided: [],
    humanitarianNonReturn: new Uint8Array(n),
    nonReturnableStatus: new Uint8Array(n),
    rights: new Uint8Array(n * S * R),
    rightsIndex: new Float64Array(n * S),
    yearsToLongTermResidence: new Float64Array(n),
    yearsToNaturalisation: new Float64Array(n),
    dualCitizenship: new Uint8Array(n),
    reImmigrationRetained: new Uint8Array(n),
    temporaryToPermanent: new Uint8Array(n),
    regularisedPersons: new Float64Array(n),
    regularisedStatus: new Uint8Array(n),
    regularisedEligible: new Uint32Array(n),
    resettlementPersons: new Float64Array(n),
  };
  for (let d = 0; d < n; d++) {
    const p = perCountry.get(d) ?? policy;
    for (let c = 0; c < C; c++) {
      const name = CHANNELS[c];
      const open = (p.open[name] ?? 0) > 0 && name !== 'irregular' ? 1 : 0;
      for (let o = 0; o < n; o++) if (o !== d) t.open[d * n * C + o * C + c] = open;
      t.quota[d * C + c] = open ? (p.quota?.[name] ?? Infinity) : 0;
      t.skills[d * C + c] = p.skills?.[name] ?? ANY_SKILL;
      t.fee[d * C + c] = p.fee?.[name] ?? 0;
      t.employerTied[d * C + c] = p.employerTied?.[name] ?? 0;
      t.familyAllowed[d * C + c] = p.familyAllowed?.[name] ?? 1;
    }
    for (let o = 0; o < n; o++) {
      if (o === d) continue;
      t.visaRequired[d * n + o] = p.visaRequired ? 1 : 0;
      t.readmission[d * n + o] = p.readmission ? 1 : 0;
      for (let k = 0; k < K; k++) t.protection[d * n * K + o * K + k] = p.protection[claimTypes[k]] ?? 0;
    }
    t.carrierSanctions[d] = p.carrierSanctions ? 1 : 0;
    t.enforcementBorder[d] = p.enforcementBorder;
    t.enforcementInterior[d] = p.enforcementInterior;
    t.externalised[d] = p.externalised ? 1 : 0;
    t.employerSanctions[d] = p.employerSanctions ? 1 : 0;
    t.humanitarianNonReturn[d] = p.humanitarianNonReturn ? 1 : 0;
    t.nonReturnableStatus[d] = STATUSES.indexOf(
      p.humanitarianNonReturn ? p.nonReturnableStatus : 'irregular',
    );
    for (let s = 0; s < S; s++) {
      const held = p.rights[STATUSES[s]] ?? [];
      for (const r of held) t.rights[d * S * R + s * R + RIGHTS.indexOf(r)] = 1;
      t.rightsIndex[d * S + s] = held.length / R;
    }
    t.yearsToLongTermResidence[d] = p.yearsToLongTermResidence;
    t.yearsToNaturalisation[d] = p.yearsToNaturalisation;
    t.dualCitizenship[d] = p.dualCitizenship ? 1 : 0;
    t.reImmigrationRetained[d] = p.reImmigrationRetained ? 1 : 0;
    t.temporaryToPermanent[d] = p.temporaryToPermanent ? 1 : 0;
  }
  return t;
}

const FULL = [
  'work',
  'family_reunification',
  'social_security',
  'permanent_residence',
  'equal_pay',
  'change_employer',
  'health_care',
  'education',
  'residence_security',
] as const;

/**
 * A stand-in for the de facto neo-liberal regime c. 2000 (Overbeek 2002, §§2–3; docs/regime-map.md §B), written as
 * plain numbers for tests and benchmarks until the compiled tables exist: labour mobility for the
 * skilled and tied temporary work open, irregular entry policed, asylum under the 1951 test only
 * with humanitarian non-return leaving rejected people non-returnable.
 */
export const NEOLIBERAL_STANDIN: UniformPolicy = {
  open: {
    labour: 0.5,
    temporary_labour: 0.7,
    intra_corporate: 1,
    service_provider: 0.8,
    establishment: 0.5,
    family: 0.6,
    asylum: 1,
    irregular: 1,
  },
  fee: {
    labour: 500,
    temporary_labour: 300,
    intra_corporate: 300,
    service_provider: 300,
    establishment: 1000,
    family: 200,
  },
  employerTied: { temporary_labour: 1 },
  familyAllowed: { temporary_labour: 0 },
  visaRequired: true,
  carrierSanctions: true,
  enforcementBorder: 0.6,
  enforcementInterior: 0.3,
  externalised: false,
  employerSanctions: true,
  readmission: true,
  protection: { persecuted_activist: 1, persecuted_target: 1 },
  humanitarianNonReturn: true,
  nonReturnableStatus: 'rejected_non_returnable',
  rights: {
    permanent_resident: FULL,
    long_term_resident: [...FULL, 'vote_local'],
    naturalised: [...FULL, 'vote_local', 're_immigration_retained'],
    recognised_refugee: FULL,
    complementary_protection: ['work', 'health_care', 'education', 'residence_security'],
    temporary_protection: ['work', 'health_care', 'education'],
    family_member: ['work', 'health_care', 'education', 'family_reunification'],
    free_mover: FULL,
    self_employed: ['work', 'equal_pay', 'change_employer', 'health_care', 'education'],
    intra_corporate_transferee: ['work', 'equal_pay', 'health_care', 'family_reunification'],
    service_provider: ['work', 'health_care'],
    temporary_worker: ['work', 'health_care'],
    asylum_seeker: ['health_care', 'education'],
    rejected_non_returnable: ['health_care'],
    rejected_returnable: [],
    irregular: [],
    citizen: [...FULL, 'vote_local'],
    returnee: [...FULL, 'vote_local'],
  },
  yearsToLongTermResidence: 5,
  yearsToNaturalisation: 8,
  dualCitizenship: false,
  reImmigrationRetained: false,
  temporaryToPermanent: false,
};
