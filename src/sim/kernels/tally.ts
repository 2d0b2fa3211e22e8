/**
 * The end-of-year tally of stocks by location and origin (indicators.ts turns the totals into rows).
 */
import type { AgentStepContext } from '../context.ts';
import { ACC, ACC_FIELDS } from '../accumulators.ts';
import { CH } from '../policy-tables.ts';
import { FREE, S_ST_COUNT, ST, TRAIT } from '../state.ts';
import type { AgentStore } from '../state.ts';

// Constants hoisted to module scope for the hot loops.
const ST_RETURNEE = ST.returnee;
const ST_RECOGNISED_REFUGEE = ST.recognised_refugee;
const ST_COMPLEMENTARY_PROTECTION = ST.complementary_protection;
const ST_TEMPORARY_PROTECTION = ST.temporary_protection;
const ST_ASYLUM_SEEKER = ST.asylum_seeker;
const ST_REJECTED_NON_RETURNABLE = ST.rejected_non_returnable;
const ST_IRREGULAR = ST.irregular;
const ST_REJECTED_RETURNABLE = ST.rejected_returnable;
const ST_TEMPORARY_WORKER = ST.temporary_worker;
const ST_INTRA_CORPORATE_TRANSFEREE = ST.intra_corporate_transferee;
const ST_SERVICE_PROVIDER = ST.service_provider;
const CH_ASYLUM = CH.asylum;
const TRAIT_VIOLENCE = TRAIT.violence;
const K_ACC_STOCK = ACC.stock;
const K_ACC_EMIGRANTS = ACC.emigrants;
const K_ACC_RIGHTS_SUM = ACC.rightsSum;
const K_ACC_REFUGEES = ACC.refugees;
const K_ACC_REFUGEES_BY_ORIGIN = ACC.refugeesByOrigin;
const K_ACC_ASYLUM_PENDING = ACC.asylumPending;
const K_ACC_UNPROTECTED_ABROAD = ACC.unprotectedAbroad;
const K_ACC_NON_RETURNABLE = ACC.nonReturnable;
const K_ACC_IRREGULAR = ACC.irregular;
const K_ACC_TEMPORARY = ACC.temporary;

export function tallyKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const rightsIndex = ctx.rightsIndex;
  const corridorSlot = ctx.corridorSlot;
  const atPeace = ctx.atPeace;
  const statusA = s.status;
  const traitsA = s.traits;
  const locationA = s.location;
  const originA = s.origin;
  const channelA = s.channel;
  const n = ctx.n;
  const lines = n + 2;
  const corridorBase = base + ACC_FIELDS * lines;
  for (let i = from; i < to; i++) {
    const st = statusA[i];
    if (st === FREE || st === ST_RETURNEE) continue;
    const d = locationA[i];
    const o = originA[i];
    acc[base + K_ACC_STOCK * lines + d] += 1;
    acc[base + K_ACC_EMIGRANTS * lines + o] += 1;
    acc[base + K_ACC_RIGHTS_SUM * lines + d] += rightsIndex[d * S_ST_COUNT + st];
    if (o < n) {
      const slot = corridorSlot[d * n + o];
      if (slot >= 0) acc[corridorBase + slot] += 1;
    }
    const atWar = o < n && !atPeace[o];
    switch (st) {
      case ST_RECOGNISED_REFUGEE:
      case ST_COMPLEMENTARY_PROTECTION:
      case ST_TEMPORARY_PROTECTION:
        acc[base + K_ACC_REFUGEES * lines + d] += 1;
        acc[base + K_ACC_REFUGEES_BY_ORIGIN * lines + o] += 1;
        break;
      case ST_ASYLUM_SEEKER:
        acc[base + K_ACC_ASYLUM_PENDING * lines + d] += 1;
        if (traitsA[i] & TRAIT_VIOLENCE) acc[base + K_ACC_UNPROTECTED_ABROAD * lines + o] += 1;
        break;
      case ST_REJECTED_NON_RETURNABLE:
        acc[base + K_ACC_NON_RETURNABLE * lines + d] += 1;
        if (traitsA[i] & TRAIT_VIOLENCE) acc[base + K_ACC_UNPROTECTED_ABROAD * lines + o] += 1;
        break;
      case ST_IRREGULAR:
      case ST_REJECTED_RETURNABLE:
        acc[base + K_ACC_IRREGULAR * lines + d] += 1;
        if (atWar && channelA[i] === CH_ASYLUM) acc[base + K_ACC_NON_RETURNABLE * lines + d] += 1;
        if (traitsA[i] & TRAIT_VIOLENCE) acc[base + K_ACC_UNPROTECTED_ABROAD * lines + o] += 1;
        break;
      case ST_TEMPORARY_WORKER:
      case ST_INTRA_CORPORATE_TRANSFEREE:
      case ST_SERVICE_PROVIDER:
        acc[base + K_ACC_TEMPORARY * lines + d] += 1;
        break;
      default:
        break;
    }
  }
}
