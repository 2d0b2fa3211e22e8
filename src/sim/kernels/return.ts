/**
 * Return and re-immigration (DESIGN §2: return, re-immigration; seed §4: re-immigration with full
 * retention of rights after a failed return).
 *
 *   P(return) per year =
 *     refugees, protected, non-returnable: repatriationRate if the origin is at peace, else repatriationInConflict
 *     temporary statuses (temporary worker, transferee, service provider): returnBase × temporaryReturnMultiplier
 *     naturalised: returnBase / 2;  every other status abroad: returnBase
 *   A returnee stays an agent `returneeYears` years; each year it re-immigrates to its last destination
 *   with P = reImmigrationRate × (reImmigrationRetainedMultiplier if that destination retains rights):
 *   as a long-term resident where rights are retained, otherwise irregularly.
 * Agents of unknown or territory origin (origin ≥ N) have no country to return to.
 */
import type { AgentStepContext } from '../context.ts';
import { ACC } from '../accumulators.ts';
import { uniform } from '../rng.ts';
import { FREE, NO_COUNTRY, ST, TRAIT } from '../state.ts';
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

/** Sends agent i home: it becomes a returnee in its origin and counts as a return there. */
export function sendHome(s: AgentStore, i: number, acc: Float64Array, base: number, lines: number): void {
  const o = s.origin[i];
  s.previous[i] = s.location[i];
  s.location[i] = o;
  s.status[i] = ST_RETURNEE;
  s.yearsInStatus[i] = 0;
  s.yearsInCountry[i] = 0;
  s.wage[i] = 0;
  acc[base + K_ACC_RETURNS * lines + o] += 1;
}

export function returnKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const atPeace = ctx.atPeace;
  const returneeYears = ctx.params.returneeYears;
  const reImmigrationRetained = ctx.reImmigrationRetained;
  const statusA = s.status;
  const traitsA = s.traits;
  const locationA = s.location;
  const originA = s.origin;
  const previousA = s.previous;
  const yisA = s.yearsInStatus;
  const yicA = s.yearsInCountry;
  const n = ctx.n;
  const lines = n + 2;
  const p = ctx.params;
  const key = ctx.keys.return;
  const settled = p.returnBase;
  const temporary = p.returnBase * p.temporaryReturnMultiplier;
  for (let i = from; i < to; i++) {
    const st = statusA[i];
    if (st === FREE) continue;
    const o = originA[i];
    if (o >= n) continue;
    const u = uniform(key, i);
    if (st === ST_RETURNEE) {
      if (yisA[i] >= returneeYears) {
        statusA[i] = FREE;
        continue;
      }
      const d = previousA[i];
      if (d === NO_COUNTRY) continue;
      const retained = reImmigrationRetained[d] === 1;
      const rate = retained ? p.reImmigrationRate * p.reImmigrationRetainedMultiplier : p.reImmigrationRate;
      if (u < rate) {
        locationA[i] = d;
        previousA[i] = NO_COUNTRY;
        statusA[i] = retained ? ST_LONG_TERM_RESIDENT : ST_IRREGULAR;
        yisA[i] = 0;
        yicA[i] = 0;
        traitsA[i] |= TRAIT_RE_IMMIGRANT;
        acc[base + K_ACC_RE_IMMIGRATIONS * lines + d] += 1;
      }
      continue;
    }
    let rate: number;
    switch (st) {
      case ST_RECOGNISED_REFUGEE:
      case ST_COMPLEMENTARY_PROTECTION:
      case ST_TEMPORARY_PROTECTION:
      case ST_REJECTED_NON_RETURNABLE:
        rate = atPeace[o] ? p.repatriationRate : p.repatriationInConflict;
        break;
      case ST_TEMPORARY_WORKER:
      case ST_INTRA_CORPORATE_TRANSFEREE:
      case ST_SERVICE_PROVIDER:
        rate = temporary;
        break;
      case ST_NATURALISED:
        rate = settled * 0.5;
        break;
      case ST_ASYLUM_SEEKER:
        rate = 0;
        break;
      default:
        rate = settled;
    }
    if (u < rate) sendHome(s, i, acc, base, lines);
  }
}
