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

/** Sends agent i home: it becomes a returnee in its origin and counts as a return there. */
export function sendHome(s: AgentStore, i: number, acc: Float64Array, base: number, lines: number): void {
  const o = s.origin[i];
  s.previous[i] = s.location[i];
  s.location[i] = o;
  s.status[i] = ST.returnee;
  s.yearsInStatus[i] = 0;
  s.yearsInCountry[i] = 0;
  s.wage[i] = 0;
  acc[base + ACC.returns * lines + o] += 1;
}

export function returnKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const n = ctx.n;
  const lines = n + 2;
  const p = ctx.params;
  const key = ctx.keys.return;
  const settled = p.returnBase;
  const temporary = p.returnBase * p.temporaryReturnMultiplier;
  for (let i = from; i < to; i++) {
    const st = s.status[i];
    if (st === FREE) continue;
    const o = s.origin[i];
    if (o >= n) continue;
    const u = uniform(key, i);
    if (st === ST.returnee) {
      if (s.yearsInStatus[i] >= p.returneeYears) {
        s.status[i] = FREE;
        continue;
      }
      const d = s.previous[i];
      if (d === NO_COUNTRY) continue;
      const retained = ctx.reImmigrationRetained[d] === 1;
      const rate = retained ? p.reImmigrationRate * p.reImmigrationRetainedMultiplier : p.reImmigrationRate;
      if (u < rate) {
        s.location[i] = d;
        s.previous[i] = NO_COUNTRY;
        s.status[i] = retained ? ST.long_term_resident : ST.irregular;
        s.yearsInStatus[i] = 0;
        s.yearsInCountry[i] = 0;
        s.traits[i] |= TRAIT.reImmigrant;
        acc[base + ACC.reImmigrations * lines + d] += 1;
      }
      continue;
    }
    let rate: number;
    switch (st) {
      case ST.recognised_refugee:
      case ST.complementary_protection:
      case ST.temporary_protection:
      case ST.rejected_non_returnable:
        rate = ctx.atPeace[o] ? p.repatriationRate : p.repatriationInConflict;
        break;
      case ST.temporary_worker:
      case ST.intra_corporate_transferee:
      case ST.service_provider:
        rate = temporary;
        break;
      case ST.naturalised:
        rate = settled * 0.5;
        break;
      case ST.asylum_seeker:
        rate = 0;
        break;
      default:
        rate = settled;
    }
    if (u < rate) sendHome(s, i, acc, base, lines);
  }
}
