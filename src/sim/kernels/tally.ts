/**
 * The end-of-year tally of stocks by location and origin (indicators.ts turns the totals into rows).
 */
import type { AgentStepContext } from '../context.ts';
import { ACC, ACC_FIELDS } from '../accumulators.ts';
import { CH } from '../policy-tables.ts';
import { FREE, S_ST_COUNT, ST, TRAIT } from '../state.ts';
import type { AgentStore } from '../state.ts';

export function tallyKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const n = ctx.n;
  const lines = n + 2;
  const corridorBase = base + ACC_FIELDS * lines;
  for (let i = from; i < to; i++) {
    const st = s.status[i];
    if (st === FREE || st === ST.returnee) continue;
    const d = s.location[i];
    const o = s.origin[i];
    acc[base + ACC.stock * lines + d] += 1;
    acc[base + ACC.emigrants * lines + o] += 1;
    acc[base + ACC.rightsSum * lines + d] += ctx.rightsIndex[d * S_ST_COUNT + st];
    if (o < n) {
      const slot = ctx.corridorSlot[d * n + o];
      if (slot >= 0) acc[corridorBase + slot] += 1;
    }
    const atWar = o < n && !ctx.atPeace[o];
    switch (st) {
      case ST.recognised_refugee:
      case ST.complementary_protection:
      case ST.temporary_protection:
        acc[base + ACC.refugees * lines + d] += 1;
        acc[base + ACC.refugeesByOrigin * lines + o] += 1;
        break;
      case ST.asylum_seeker:
        acc[base + ACC.asylumPending * lines + d] += 1;
        if (s.traits[i] & TRAIT.violence) acc[base + ACC.unprotectedAbroad * lines + o] += 1;
        break;
      case ST.rejected_non_returnable:
        acc[base + ACC.nonReturnable * lines + d] += 1;
        if (s.traits[i] & TRAIT.violence) acc[base + ACC.unprotectedAbroad * lines + o] += 1;
        break;
      case ST.irregular:
      case ST.rejected_returnable:
        acc[base + ACC.irregular * lines + d] += 1;
        if (atWar && s.channel[i] === CH.asylum) acc[base + ACC.nonReturnable * lines + d] += 1;
        if (s.traits[i] & TRAIT.violence) acc[base + ACC.unprotectedAbroad * lines + o] += 1;
        break;
      case ST.temporary_worker:
      case ST.intra_corporate_transferee:
      case ST.service_provider:
        acc[base + ACC.temporary * lines + d] += 1;
        break;
      default:
        break;
    }
  }
}
