/**
 * Return and re-immigration (docs/model.md §3.11; Overbeek 2002, §4: re-immigration with full
 * retention of rights after a failed return).
 *
 *   P(return) per year =
 *     refugees, protected, non-returnable (`REPATRIATING`): the origin's repatriation rate, by years in
 *       exile (kernels/repatriation.ts)
 *     temporary statuses (temporary worker, transferee, service provider): returnBase × temporaryReturnMultiplier
 *     naturalised: returnBase / 2;  every other status abroad: returnBase
 *     settled statuses (naturalised and the rest) × a weight falling with the years in the country:
 *       exp(−years / returnDurationYears), scaled to a mean of 1 over years 1–10
 *   A returnee stays an agent `returneeYears` years; each year it re-immigrates to its last destination
 *   with P = reImmigrationRate × (reImmigrationRetainedMultiplier if that destination retains rights):
 *   as a long-term resident where rights are retained, otherwise irregularly.
 * Agents of unknown or territory origin (origin ≥ N) have no country to return to.
 * The agent pass (agent-year.ts) draws the return from `returnRates`; returnees run `returneeYear`.
 */
import type { AgentStepContext } from '../context.ts';
import type { Parameters } from '../parameters.ts';
import { ACC } from '../accumulators.ts';
import { FREE, NO_COUNTRY, S_ST_COUNT, ST, TRAIT, residenceBegins, yearsInStatus } from '../state.ts';
import type { AgentStore } from '../state.ts';

// Constants hoisted to module scope for the hot loops.
const ST_RETURNEE = ST.returnee;
const ST_LONG_TERM_RESIDENT = ST.long_term_resident;
const ST_IRREGULAR = ST.irregular;
const ST_RECOGNISED_REFUGEE = ST.recognised_refugee;
const ST_COMPLEMENTARY_PROTECTION = ST.complementary_protection;
const ST_TEMPORARY_PROTECTION = ST.temporary_protection;
const ST_REJECTED_NON_RETURNABLE = ST.rejected_non_returnable;
const ST_TEMPORARY_WORKER = ST.temporary_worker;
const ST_INTRA_CORPORATE_TRANSFEREE = ST.intra_corporate_transferee;
const ST_SERVICE_PROVIDER = ST.service_provider;
const ST_NATURALISED = ST.naturalised;
const ST_ASYLUM_SEEKER = ST.asylum_seeker;
const TRAIT_RE_IMMIGRANT = TRAIT.reImmigrant;
const K_ACC_RETURNS = ACC.returns;
const K_ACC_RE_IMMIGRATIONS = ACC.reImmigrations;

/** 1 for the statuses that repatriate (kernels/repatriation.ts) rather than return by `returnRates`. */
export const REPATRIATING: Uint8Array = Uint8Array.from({ length: S_ST_COUNT }, (_, st) =>
  st === ST_RECOGNISED_REFUGEE ||
  st === ST_COMPLEMENTARY_PROTECTION ||
  st === ST_TEMPORARY_PROTECTION ||
  st === ST_REJECTED_NON_RETURNABLE
    ? 1
    : 0,
);

/** Sends agent i home: it becomes a returnee in its origin and counts as a return there. */
export function sendHome(s: AgentStore, i: number, acc: Float64Array, base: number, lines: number): void {
  const o = s.origin[i];
  s.previous[i] = s.location[i];
  s.location[i] = o;
  s.status[i] = ST_RETURNEE;
  residenceBegins(s, i);
  acc[base + K_ACC_RETURNS * lines + o] += 1;
}

/** Years in the country the return tables distinguish (0…255, the saturating byte). */
export const DURATION_STEPS = 256;

/**
 * Weight of the return hazard of settled migrants after y years in the country: exp(−y / τ)
 * scaled so that its mean over years 1–10 is 1, so `returnBase` stays the first decade's mean
 * rate (Borjas & Bratsberg 1996) while the hazard falls with the stay (Dustmann & Görlach 2016).
 */
export function returnDurationWeight(y: number, tau: number): number {
  let mean = 0;
  for (let k = 1; k <= 10; k++) mean += Math.exp(-k / tau) / 10;
  return Math.exp(-y / tau) / mean;
}

/**
 * The yearly return probability of each status abroad, at peace and at war in the origin, by
 * years in the country: `rate[((status × 2 + atPeace) << 8) + years]` (0 for returnees and asylum
 * seekers; only settled statuses depend on the years).
 */
export function returnRates(ctx: AgentStepContext): Float64Array {
  const p = ctx.params;
  const S = S_ST_COUNT;
  const rate = new Float64Array(S * 2 * DURATION_STEPS);
  const weight = Float64Array.from({ length: DURATION_STEPS }, (_, y) =>
    returnDurationWeight(y, p.returnDurationYears),
  );
  for (let st = 0; st < S; st++) {
    for (let peace = 0; peace < 2; peace++) {
      let r: number;
      let settled = false;
      switch (st) {
        case ST_RECOGNISED_REFUGEE:
        case ST_COMPLEMENTARY_PROTECTION:
        case ST_TEMPORARY_PROTECTION:
        case ST_REJECTED_NON_RETURNABLE:
          // they repatriate at their origin's rate (`REPATRIATING`, kernels/repatriation.ts)
          r = 0;
          break;
        case ST_TEMPORARY_WORKER:
        case ST_INTRA_CORPORATE_TRANSFEREE:
        case ST_SERVICE_PROVIDER:
          r = p.returnBase * p.temporaryReturnMultiplier;
          break;
        case ST_NATURALISED:
          r = p.returnBase * 0.5;
          settled = true;
          break;
        case ST_ASYLUM_SEEKER:
        case ST_RETURNEE:
          r = 0;
          break;
        default:
          r = p.returnBase;
          settled = true;
      }
      const row = (st * 2 + peace) * DURATION_STEPS;
      for (let y = 0; y < DURATION_STEPS; y++)
        rate[row + y] = Math.min(1, Math.max(0, settled ? r * weight[y] : r));
    }
  }
  return rate;
}

/** A returnee's chance of going back to its last destination this year (× reImmigrationRetainedMultiplier where it retains the returnee's rights). */
export function reImmigrationChance(p: Parameters, retained: boolean): number {
  return retained ? p.reImmigrationRate * p.reImmigrationRetainedMultiplier : p.reImmigrationRate;
}

/**
 * A returnee's year (u: its uniform for the year): it stops being an agent after returneeYears,
 * or re-immigrates to its last destination.
 */
export function returneeYear(
  s: AgentStore,
  i: number,
  u: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const p = ctx.params;
  if (yearsInStatus(s, i) >= p.returneeYears) {
    s.status[i] = FREE;
    return;
  }
  const d = s.previous[i];
  if (d === NO_COUNTRY) return;
  const retained = ctx.reImmigrationRetained[d] === 1;
  if (u >= reImmigrationChance(p, retained)) return;
  s.location[i] = d;
  s.previous[i] = NO_COUNTRY;
  s.status[i] = retained ? ST_LONG_TERM_RESIDENT : ST_IRREGULAR;
  residenceBegins(s, i);
  s.traits[i] |= TRAIT_RE_IMMIGRANT;
  acc[base + K_ACC_RE_IMMIGRATIONS * (ctx.n + 2) + d] += 1;
}
