/**
 * Remittances (DESIGN §1 A.3 and §5 claim 8; seed §1: 1995 remittances $70 bn vs aid $66 bn).
 *
 *   remitted = wage × remittanceShare(year) × exp(−years in country / remittanceDecayYears) × (½ if naturalised)
 *   remittanceShare(year) = remittanceShare × (1 + remittanceTrend)^(year − 1990)   [recorded share]
 *   savings += wage × savingRate
 * Sent from the destination, received by the origin (nothing is received for unknown origins).
 */
import type { AgentStepContext } from '../context.ts';
import { ACC } from '../accumulators.ts';
import { FREE, ST } from '../state.ts';
import type { AgentStore } from '../state.ts';

// Constants hoisted to module scope for the hot loops.
const ST_RETURNEE = ST.returnee;
const ST_NATURALISED = ST.naturalised;
const K_ACC_REMITTANCES_SENT = ACC.remittancesSent;
const K_ACC_REMITTANCES_RECEIVED = ACC.remittancesReceived;

/** exp(−k / decay) for k = 0…255, filled per call (cheap, 256 values). */
function decayTable(decayYears: number): Float64Array {
  const t = new Float64Array(256);
  for (let k = 0; k < 256; k++) t[k] = Math.exp(-k / decayYears);
  return t;
}

export function remittancesKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const statusA = s.status;
  const locationA = s.location;
  const originA = s.origin;
  const yicA = s.yearsInCountry;
  const wealthA = s.wealth;
  const wageA = s.wage;
  const n = ctx.n;
  const lines = n + 2;
  const share = ctx.remittanceShare;
  const saving = ctx.params.savingRate;
  const decay = decayTable(ctx.params.remittanceDecayYears);
  for (let i = from; i < to; i++) {
    const wage = wageA[i];
    if (wage === 0) continue;
    const st = statusA[i];
    if (st === FREE || st === ST_RETURNEE) continue;
    const o = originA[i];
    const d = locationA[i];
    let r = wage * share * decay[yicA[i]];
    if (st === ST_NATURALISED) r *= 0.5;
    wealthA[i] += wage * saving;
    acc[base + K_ACC_REMITTANCES_SENT * lines + d] += r;
    acc[base + K_ACC_REMITTANCES_RECEIVED * lines + o] += r;
  }
}
