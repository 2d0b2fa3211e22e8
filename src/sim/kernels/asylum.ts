/**
 * Asylum adjudication through the compiled rules (docs/model.md §3.6; Overbeek 2002, §3: asylum
 * practice that turns rejected but non-returnable people into irregular migrants).
 *
 * Each pending claim is decided this year with P = decisionRate. The claim is one of the standard
 * claims of the compiled tables (src/rules/tables.ts): a violence-exposed claimant is an activist or
 * a target of persecution with P = persecutionShare (half each; Zolberg, Suhrke & Aguayo 1989),
 * otherwise a victim of violence — life-threatening generalised violence if the origin is at war,
 * events seriously disturbing public order in a minor conflict, serious but not life-threatening
 * violence once at peace; anyone else has no protection claim.
 * The tables say which protection destination d gives to origin o for that claim type:
 *   protection > 0: recognised with P = credibility (refugee, complementary or temporary status)
 *   protection = 0: recognised with P = falsePositive
 * A rejected applicant is non-returnable when d applies humanitarian non-return and the origin is at
 * war, or when there is no readmission agreement and the origin is at war; non-returnable people
 * get the status the tables name (`nonReturnableStatus`: rejected-non-returnable, irregular or
 * temporary protection), the rest become rejected-returnable. Called by the agent pass
 * (agent-year.ts) for each asylum seeker.
 */
import type { AgentStepContext } from '../context.ts';
import { ACC } from '../accumulators.ts';
import { PROTECTION_CODE } from '../policy-tables.ts';
import { uniform, uniform2 } from '../rng.ts';
import { ST, TRAIT, statusBegins } from '../state.ts';
import type { AgentStore } from '../state.ts';

// Constants hoisted to module scope for the hot loops.
const ST_COMPLEMENTARY_PROTECTION = ST.complementary_protection;
const ST_TEMPORARY_PROTECTION = ST.temporary_protection;
const ST_RECOGNISED_REFUGEE = ST.recognised_refugee;
const ST_REJECTED_RETURNABLE = ST.rejected_returnable;
const TRAIT_VIOLENCE = TRAIT.violence;
const K_ACC_DECISIONS = ACC.decisions;
const K_ACC_RECOGNISED = ACC.recognised;
const PROTECTION_CODE_NONE = PROTECTION_CODE.none;
const PROTECTION_CODE_COMPLEMENTARY = PROTECTION_CODE.complementary;
const PROTECTION_CODE_TEMPORARY = PROTECTION_CODE.temporary;

/** Claim kinds of an agent, mapped to the tables' claim types through `ctx.claimIndex`. */
export const CLAIM = {
  activist: 0,
  target: 1,
  victimWar: 2,
  victimPublicOrder: 3,
  victimNotLifeThreatening: 4,
  none: 5,
} as const;

/** Names of the tables' standard claims for each kind, in `CLAIM` order (src/rules/tables.ts). */
export const CLAIM_NAMES = [
  'persecuted_activist',
  'persecuted_target',
  'victim_life_threatening_generalised',
  'victim_public_order_disturbed',
  'serious_violence_not_life_threatening',
  'no_protection_claim',
] as const;

/**
 * The claim kind of a claimant who did not flee violence, from an origin in conflict `intensity`:
 * none, or with `surPlace` a victim of the war its origin is at (kernels/asylum-in-country.ts).
 */
export function unexposedClaim(intensity: number, surPlace: boolean): number {
  return surPlace && intensity >= 2 ? CLAIM.victimWar : CLAIM.none;
}

/**
 * The claim kind of a claimant from an origin in conflict `intensity`, given a uniform u of its claim
 * stream. `surPlace`: a claimant who did not flee violence but whose origin is at war claims as a
 * victim of the war it would return to (kernels/asylum-in-country.ts).
 */
export function claimKind(
  violenceExposed: boolean,
  intensity: number,
  u: number,
  persecutionShare: number,
  surPlace = false,
): number {
  if (!violenceExposed) return unexposedClaim(intensity, surPlace);
  if (u < persecutionShare) return u < persecutionShare / 2 ? CLAIM.activist : CLAIM.target;
  return intensity >= 2
    ? CLAIM.victimWar
    : intensity === 1
      ? CLAIM.victimPublicOrder
      : CLAIM.victimNotLifeThreatening;
}

/** The claim kind of agent i (its persecution draw is a fixed trait of the slot's claim stream). */
export function claimOf(traits: number, ctx: AgentStepContext, i: number, o: number): number {
  return claimKind(
    (traits & TRAIT_VIOLENCE) !== 0,
    ctx.originConflict[o],
    uniform(ctx.keys.claim, i),
    ctx.params.persecutionShare,
    ctx.surPlace,
  );
}

/** The protection agent i's claim gets where it lives (`PROTECTION_CODE`; none for a pseudo-origin). */
export function claimProtection(s: AgentStore, i: number, ctx: AgentStepContext): number {
  const n = ctx.n;
  const K = ctx.claimTypeCount;
  const d = s.location[i];
  const o = s.origin[i];
  return o < n
    ? ctx.protection[d * n * K + o * K + ctx.claimIndex[claimOf(s.traits[i], ctx, i, o)]]
    : PROTECTION_CODE_NONE;
}

/**
 * The chance of recognition a claim has at a destination: `credibility` where the destination's
 * tables protect the claim, `falsePositive` where they do not (`decideClaim`).
 */
export function recognitionChance(protected_: boolean, credibility: number, falsePositive: number): number {
  return protected_ ? credibility : falsePositive;
}

/** The asylum claim of agent i (an asylum seeker): decided this year with P = decisionRate. */
export function decideClaim(
  s: AgentStore,
  i: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const p = ctx.params;
  const key = ctx.keys.asylum;
  if (uniform(key, i) >= p.decisionRate) return;
  const n = ctx.n;
  const lines = n + 2;
  const d = s.location[i];
  const o = s.origin[i];
  const protection = claimProtection(s, i, ctx);
  const u = uniform2(key, i);
  const recognised =
    u < recognitionChance(protection !== PROTECTION_CODE_NONE, p.credibility, p.falsePositive);
  acc[base + K_ACC_DECISIONS * lines + d] += 1;
  statusBegins(s, i);
  if (recognised) {
    acc[base + K_ACC_RECOGNISED * lines + d] += 1;
    s.status[i] =
      protection === PROTECTION_CODE_COMPLEMENTARY
        ? ST_COMPLEMENTARY_PROTECTION
        : protection === PROTECTION_CODE_TEMPORARY
          ? ST_TEMPORARY_PROTECTION
          : ST_RECOGNISED_REFUGEE;
    return;
  }
  const atWar = o < n && !ctx.atPeace[o];
  const nonReturnable = atWar && (ctx.humanitarianNonReturn[d] === 1 || ctx.readmission[d * n + o] === 0);
  s.status[i] = nonReturnable ? ctx.nonReturnableStatus[d] : ST_REJECTED_RETURNABLE;
}
