/**
 * The rules compiled, for a regime, a date and an ordered list of countries, into dense typed-array
 * tables the simulation reads (docs/rules.md §6). One source of truth: every entry comes from
 * the same functions `decide` uses (channelAccess, readmissionAgreements, runRules +
 * decideProtection on a standard test person, statusRights), and a property test checks that the
 * tables and `decide` agree on random cases.
 *
 * Protection is decided once per distinct situation: the key is the destination's rule set (the
 * protection tests and national rules that apply) and the values of every non-claim fact those
 * rules read for the (destination, origin) pair (e.g. state_bound_by_oau, origin_in_africa), so two
 * origins of the same region share one decision when the rules cannot tell them apart.
 */
import {
  ANY_SKILL,
  CHANNELS,
  RIGHTS,
  SKILLS,
  STATUSES,
  type Case,
  type Channel,
  type Library,
  type Tier,
  perLibrary,
} from '../regime/index.ts';
import { asylumOpen, channelOpenTo } from './channels.ts';
import { caseContext, readmissionAgreements } from './derived-facts.ts';
import { factsRead, type Lookup, type Value } from './evaluate.ts';
import { decideProtection, runRules } from './protection.ts';
import { regimeView, type RegimeView } from './regime-view.ts';
import { rightsIndex, statusRights } from './rights.ts';

export interface PolicyTables {
  /** N countries, in the caller's order. */
  countries: string[];
  /** C channels, CHANNELS order. */
  channels: readonly Channel[];
  /** [d*N*C + o*C + c] channel c open from origin o to destination d. */
  open: Uint8Array;
  /** [d*C + c] persons a year; Infinity = no cap; 0 when closed. */
  quota: Float64Array;
  /** [d*C + c] skills the channel admits: bit k = `SKILLS[k]` (low 1, medium 2, high 4); 7 = any. */
  skills: Uint8Array;
  /** [d*C + c] years a permit of the channel lasts (`duration_years`); NaN = not said or indefinite. */
  permitYears: Float64Array;
  /** [d*C + c] 0 where the channel's permits cannot be renewed (`renewable: false`), else 1. */
  permitRenewable: Uint8Array;
  /** [d*C + c] 1 where the channel's permit ties its holder to the employer (`employer_tied: true`). */
  employerTied: Uint8Array;
  /** [d*C + c] 0 where the channel's permit holders may not bring their family (`family_allowed: false`), else 1. */
  familyAllowed: Uint8Array;
  /** [d*C + c] USD. */
  fee: Float64Array;
  /** [d*N + o]. */
  visaRequired: Uint8Array;
  /** [d]. */
  carrierSanctions: Uint8Array;
  enforcementBorder: Float64Array;
  enforcementInterior: Float64Array;
  externalised: Uint8Array;
  employerSanctions: Uint8Array;
  /** [d*N + o] a readmission agreement binds d and o. */
  readmission: Uint8Array;
  /** K standard claims. */
  claimTypes: readonly string[];
  /** [d*N*K + o*K + k] 0 none, 1 refugee, 2 complementary, 3 temporary. */
  protection: Uint8Array;
  /**
   * Protection entries the rules could not decide for the standard person (a conflict between
   * rules, or a fact the standard person lacks), coded 0 in `protection` and listed here as
   * `DEST<-ORIGIN:claim_type: why`, so no conflict is settled silently.
   */
  undecided: string[];
  /** [d]. */
  humanitarianNonReturn: Uint8Array;
  /** [d] STATUSES index of the status a rejected, non-returnable applicant gets. */
  nonReturnableStatus: Uint8Array;
  /** [d*S*R + s*R + r]. */
  rights: Uint8Array;
  /** [d*S] share of RIGHTS held. */
  rightsIndex: Float64Array;
  /** [d], Infinity = no route. */
  yearsToLongTermResidence: Float64Array;
  yearsToNaturalisation: Float64Array;
  /** [d]. */
  dualCitizenship: Uint8Array;
  reImmigrationRetained: Uint8Array;
  temporaryToPermanent: Uint8Array;
  /**
   * [d] people regularised in the tables' year (the policy's `regularisations` dated that year), the
   * STATUSES index of the status they get, and a bit mask of the STATUSES eligible (bit s).
   */
  regularisedPersons: Float64Array;
  regularisedStatus: Uint8Array;
  regularisedEligible: Uint32Array;
  /** [d] refugees d admits by resettlement in the tables' calendar year (`resettlementInYear`). */
  resettlementPersons: Float64Array;
}

const DAY_MS = 86_400_000;

/**
 * The persons of resettlement programmes falling in calendar `year`: each programme's persons
 * spread evenly over the days from `from` to `to` (both included), so a US fiscal year (October to
 * September) gives three quarters of its ceiling to the calendar year it ends in.
 */
export function resettlementInYear(
  programmes: readonly { from: string; to: string; persons: number }[],
  year: number,
): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let persons = 0;
  for (const r of programmes) {
    const from = Date.parse(r.from);
    const to = Date.parse(r.to) + DAY_MS;
    const overlap = Math.min(end, to) - Math.max(start, from);
    if (overlap > 0) persons += (r.persons * overlap) / (to - from);
  }
  return persons;
}

/** Protection codes of the `protection` table. */
export const PROTECTION_CODES = ['none', 'refugee', 'complementary', 'temporary'] as const;

type Claim = NonNullable<Case['claim']>;

/** The standard claims, one per claim type (the standard persons of docs/rules.md §6). */
export const STANDARD_CLAIMS: Readonly<Record<string, Claim>> = {
  persecuted_activist: {
    persecution: { ground: 'political_opinion', by: 'state' },
    violence: { immediacy: 'current', degree: 'serious', generalised: false, public_order_disturbed: false },
    role: 'activist',
    internal_flight_alternative: false,
    return_possible: true,
  },
  persecuted_target: {
    persecution: { ground: 'race', by: 'state' },
    violence: { immediacy: 'current', degree: 'serious', generalised: false, public_order_disturbed: false },
    role: 'target',
    internal_flight_alternative: false,
    return_possible: true,
  },
  victim_life_threatening_generalised: {
    persecution: null,
    violence: {
      immediacy: 'current',
      degree: 'life_threatening',
      generalised: true,
      public_order_disturbed: false,
    },
    role: 'victim',
    internal_flight_alternative: false,
    return_possible: true,
  },
  victim_public_order_disturbed: {
    persecution: null,
    violence: { immediacy: 'current', degree: 'serious', generalised: false, public_order_disturbed: true },
    role: 'victim',
    internal_flight_alternative: false,
    return_possible: true,
  },
  serious_violence_not_life_threatening: {
    persecution: null,
    violence: { immediacy: 'current', degree: 'serious', generalised: true, public_order_disturbed: false },
    role: 'victim',
    internal_flight_alternative: false,
    return_possible: true,
  },
  no_protection_claim: {
    persecution: null,
    violence: { immediacy: 'none', degree: 'low', generalised: false, public_order_disturbed: false },
    role: 'none',
    internal_flight_alternative: false,
    return_possible: true,
  },
};
export const CLAIM_TYPES = Object.keys(STANDARD_CLAIMS);

/** Facts that depend on the deciding state only, and on the origin only (src/rules/derived-facts.ts). */
const DEST_ONLY = new Set(['derived.state_bound_by_oau', 'derived.state_bound_by_cartagena']);
const ORIGIN_ONLY = new Set(['derived.origin_in_africa', 'derived.origin_in_latin_america']);
const valueOf = (l: Lookup): Value | '?' => (l.known ? l.value : '?');

/** The standard test person of origin `o` claiming in `d` on `date` (`clone`: a claim of its own, not shared). */
export function standardCase(d: string, o: string, claimType: string, date: string, clone = true): Case {
  return {
    kind: 'Case',
    id: `standard-${claimType}`,
    date,
    person: { nationalities: [o], location: d, applying_to: d },
    history: [],
    claim: clone ? structuredClone(STANDARD_CLAIMS[claimType]) : STANDARD_CLAIMS[claimType],
  };
}

const cache = perLibrary<PolicyTables>();

/** Compiles the tables (cached per library, regime, date, countries and tiers). */
export function compilePolicyTables(
  lib: Library,
  regimeId: string,
  date: string,
  countries: string[],
  tiers: Tier[],
): PolicyTables {
  if (tiers.length !== countries.length)
    throw new Error(`compilePolicyTables: ${countries.length} countries but ${tiers.length} tiers`);
  const key = `${regimeId}|${date}|${countries.join(',')}|${tiers.join(',')}`;
  return cache(lib, key, () => compile(regimeView(lib, regimeId, date), countries, tiers));
}

/** Bit mask of a channel's `skills` list (bit k = `SKILLS[k]`); a channel without a list admits any skill. */
export function skillMask(skills: readonly string[] | undefined): number {
  if (!skills?.length) return ANY_SKILL;
  return skills.reduce((m, s) => m | (1 << (SKILLS as readonly string[]).indexOf(s)), 0);
}

/** The tables of a regime's view on its date, for these countries in these tiers. */
function compile(view: RegimeView, countries: string[], tiers: Tier[]): PolicyTables {
  const { date } = view;
  const N = countries.length;
  const C = CHANNELS.length;
  const K = CLAIM_TYPES.length;
  const S = STATUSES.length;
  const R = RIGHTS.length;
  const t: PolicyTables = {
    countries: [...countries],
    channels: CHANNELS,
    open: new Uint8Array(N * N * C),
    quota: new Float64Array(N * C),
    skills: new Uint8Array(N * C),
    permitYears: new Float64Array(N * C).fill(NaN),
    permitRenewable: new Uint8Array(N * C).fill(1),
    employerTied: new Uint8Array(N * C),
    familyAllowed: new Uint8Array(N * C).fill(1),
    fee: new Float64Array(N * C),
    visaRequired: new Uint8Array(N * N),
    carrierSanctions: new Uint8Array(N),
    enforcementBorder: new Float64Array(N),
    enforcementInterior: new Float64Array(N),
    externalised: new Uint8Array(N),
    employerSanctions: new Uint8Array(N),
    readmission: new Uint8Array(N * N),
    claimTypes: CLAIM_TYPES,
    protection: new Uint8Array(N * N * K),
    undecided: [],
    humanitarianNonReturn: new Uint8Array(N),
    nonReturnableStatus: new Uint8Array(N),
    rights: new Uint8Array(N * S * R),
    rightsIndex: new Float64Array(N * S),
    yearsToLongTermResidence: new Float64Array(N),
    yearsToNaturalisation: new Float64Array(N),
    dualCitizenship: new Uint8Array(N),
    reImmigrationRetained: new Uint8Array(N),
    temporaryToPermanent: new Uint8Array(N),
    regularisedPersons: new Float64Array(N),
    regularisedStatus: new Uint8Array(N),
    regularisedEligible: new Uint32Array(N),
    resettlementPersons: new Float64Array(N),
  };
  // Decisions by the rules' pool and the destination's facts, then by the origin's facts.
  const protectionMemo = new Map<string, Map<string, { code: number; why?: string }[]>>();
  // The origin's facts (JSON) by the list of facts read, then by origin.
  const originPart = new Map<string, (string | undefined)[]>();
  const poolIds = new Map<string, number>();

  for (let d = 0; d < N; d++) {
    const dest = countries[d];
    const pu = view.policy(dest, tiers[d]);
    const p = pu.policy;
    for (let c = 0; c < C; c++) {
      const ch = CHANNELS[c];
      const cp = p.channels[ch];
      const policyOpen =
        ch === 'asylum' ? asylumOpen(p) : ch !== 'irregular' && Boolean(cp?.open) && cp?.quota !== 0;
      const byAgreement = view.agreements.some(
        (a) => a.channels.has(ch) && a.parties.has(dest) && (!a.where || a.where.has(dest)),
      );
      t.quota[d * C + c] = policyOpen
        ? (cp?.quota ?? Infinity)
        : byAgreement && ch !== 'irregular'
          ? Infinity
          : 0;
      t.fee[d * C + c] = cp?.fee_usd ?? 0;
      // irregular entry asks nobody's skills, whatever a document says
      t.skills[d * C + c] = ch === 'irregular' ? ANY_SKILL : skillMask(cp?.skills);
      t.permitYears[d * C + c] = cp?.duration_years ?? NaN;
      t.permitRenewable[d * C + c] = cp?.renewable === false ? 0 : 1;
      t.employerTied[d * C + c] = cp?.employer_tied === true ? 1 : 0;
      t.familyAllowed[d * C + c] = cp?.family_allowed === false ? 0 : 1;
    }
    t.carrierSanctions[d] = +p.visa.carrier_sanctions;
    t.enforcementBorder[d] = p.enforcement.border;
    t.enforcementInterior[d] = p.enforcement.interior;
    t.externalised[d] = +p.enforcement.externalised;
    t.employerSanctions[d] = +p.enforcement.employer_sanctions;
    t.humanitarianNonReturn[d] = +p.asylum.humanitarian_non_return;
    t.nonReturnableStatus[d] = STATUSES.indexOf(
      p.asylum.humanitarian_non_return ? p.asylum.non_returnable_status : 'irregular',
    );
    t.yearsToLongTermResidence[d] = p.transitions.years_to_long_term_residence ?? Infinity;
    t.yearsToNaturalisation[d] = p.transitions.years_to_naturalisation ?? Infinity;
    t.dualCitizenship[d] = +p.transitions.dual_citizenship;
    t.reImmigrationRetained[d] = +p.transitions.re_immigration_rights_retained;
    t.temporaryToPermanent[d] = +p.transitions.temporary_to_permanent;
    for (const r of p.regularisations ?? []) {
      if (r.date.slice(0, 4) !== date.slice(0, 4)) continue;
      t.regularisedPersons[d] += r.persons;
      t.regularisedStatus[d] = STATUSES.indexOf(r.status);
      for (const e of r.eligible ?? ['irregular']) t.regularisedEligible[d] |= 1 << STATUSES.indexOf(e);
    }
    t.resettlementPersons[d] = resettlementInYear(p.resettlement ?? [], Number(date.slice(0, 4)));
    for (let s = 0; s < S; s++) {
      const held = new Set(statusRights(p, STATUSES[s]));
      for (let r = 0; r < R; r++) t.rights[d * S * R + s * R + r] = +held.has(RIGHTS[r]);
      t.rightsIndex[d * S + s] = rightsIndex(p, STATUSES[s]);
    }

    // The rules that decide protection in d, and the non-claim facts they read.
    const probe = caseContext(view, standardCase(dest, dest, CLAIM_TYPES[0], date, false), tiers[d]);
    const pool = runRules(probe).rules;
    const poolText = `${pu.base}|${pu.adjustments.join(',')}|${pool.map((r) => `${r.doc}#${r.rule.id}`).join(',')}`;
    let poolKey = poolIds.get(poolText);
    if (poolKey === undefined) poolIds.set(poolText, (poolKey = poolIds.size));
    const facts = [...new Set(pool.flatMap((r) => [...factsRead(r.rule.when)]))].filter(
      (f) => !f.startsWith('claim.'),
    );
    // Fast path: facts that depend on the destination only, or on the origin only, are read once each.
    const split = facts.every((f) => DEST_ONLY.has(f) || f.startsWith('policy.') || ORIGIN_ONLY.has(f));
    const destPart = split
      ? JSON.stringify(facts.filter((f) => !ORIGIN_ONLY.has(f)).map((f) => valueOf(probe.fact(f))))
      : '';
    const originFacts = facts.filter((f) => ORIGIN_ONLY.has(f));
    const originFactsKey = originFacts.join(',');
    let originPartOf = originPart.get(originFactsKey);
    if (!originPartOf) originPart.set(originFactsKey, (originPartOf = new Array<string | undefined>(N)));
    const memoKey = `${poolKey}|${destPart}`;
    let memo = protectionMemo.get(memoKey);
    if (!memo) protectionMemo.set(memoKey, (memo = new Map()));
    // Per destination, asked once for every origin below.
    const openTo = CHANNELS.map((ch) => channelOpenTo(view, p, dest, ch));
    const visa = p.visa.required_for;
    const exempt = view.coverage(p.visa.exempt ?? []);
    const listed = view.coverage(Array.isArray(visa) ? visa : []);
    const readmitting = readmissionAgreements(view, p, dest, countries);

    for (let o = 0; o < N; o++) {
      const orig = countries[o];
      if (o !== d) {
        t.visaRequired[d * N + o] = +(!exempt.has(orig) && (visa === 'all' || listed.has(orig)));
        t.readmission[d * N + o] = +readmitting.some((a) => a.parties.has(orig));
        for (let c = 0; c < C; c++) t.open[d * N * C + o * C + c] = +openTo[c](orig);
      }
      // Protection of the standard persons.
      let situation: string;
      if (split) {
        // a national's origin facts are not the origin's: not shared
        let op = o === d ? undefined : originPartOf[o];
        if (op === undefined) {
          const ctxO = caseContext(view, standardCase(dest, orig, CLAIM_TYPES[0], date, false), tiers[d]);
          op = JSON.stringify(originFacts.map((f) => valueOf(ctxO.fact(f))));
          if (o !== d) originPartOf[o] = op;
        }
        situation = op;
      } else {
        const ctx0 = caseContext(view, standardCase(dest, orig, CLAIM_TYPES[0], date, false), tiers[d]);
        situation = JSON.stringify(facts.map((f) => valueOf(ctx0.fact(f))));
      }
      let decided = memo.get(situation);
      if (decided === undefined) {
        decided = CLAIM_TYPES.map((claim) => {
          const ctx = caseContext(view, standardCase(dest, orig, claim, date, false), tiers[d]);
          const out = decideProtection(ctx, runRules(ctx), []);
          return 'value' in out
            ? { code: PROTECTION_CODES.indexOf(out.value) }
            : {
                code: 0,
                why: out.conflict
                  ? `conflict between ${out.conflict.rules.map((r) => r.rule).join(' and ')}`
                  : `missing ${out.missing.join(', ')}`,
              };
        });
        memo.set(situation, decided);
      }
      for (let k = 0; k < K; k++) {
        const hit = decided[k];
        t.protection[d * N * K + o * K + k] = hit.code;
        if (hit.why) t.undecided.push(`${dest}<-${orig}:${CLAIM_TYPES[k]}: ${hit.why}`);
      }
    }
  }
  return t;
}
