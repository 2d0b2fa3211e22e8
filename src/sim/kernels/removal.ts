/**
 * Removal (docs/model.md §3.7; Overbeek 2002, §3: readmission agreements).
 *
 *   rejected-returnable: removed with P = removalReturnable × (1 with a readmission agreement, else 0.3)
 *                        × (0.5 + interior enforcement); if not removed, goes irregular with P = abscondRate
 *   irregular:           removed with P = removalIrregular × interior enforcement × (1 with readmission, else 0.5);
 *                        an irregular person who claimed asylum from a country at war is not removed
 *                        while it is at war (de facto non-returnable)
 * People of unknown or territory origin are never removed (nowhere to send them). Called by the
 * agent pass (agent-year.ts) for each rejected-returnable or irregular agent.
 */
import type { AgentStepContext } from '../context.ts';
import type { Parameters } from '../parameters.ts';
import { ACC } from '../accumulators.ts';
import { CH } from '../policy-tables.ts';
import { uniform, uniform2 } from '../rng.ts';
import { ST, statusBegins } from '../state.ts';
import type { AgentStore } from '../state.ts';
import { sendHome } from './return.ts';

// Constants hoisted to module scope for the hot loops.
const ST_REJECTED_RETURNABLE = ST.rejected_returnable;
const ST_IRREGULAR = ST.irregular;
const CH_ASYLUM = CH.asylum;
const K_ACC_REMOVALS = ACC.removals;

/** A rejected-returnable claimant's chance of removal this year (before the abscond draw; the header's rule). */
export function returnableRemovalChance(p: Parameters, readmission: boolean, interior: number): number {
  return p.removalReturnable * (readmission ? 1 : 0.3) * (0.5 + interior);
}

/** An irregular resident's chance of removal this year (the header's rule). */
export function irregularRemovalChance(p: Parameters, readmission: boolean, interior: number): number {
  return p.removalIrregular * interior * (readmission ? 1 : 0.5);
}

/** Removal (or absconding) of agent i, rejected-returnable or irregular, at d from origin o < N. */
export function removeOrAbscond(
  s: AgentStore,
  i: number,
  st: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const n = ctx.n;
  const o = s.origin[i];
  if (o >= n) return;
  const lines = n + 2;
  const p = ctx.params;
  const key = ctx.keys.removal;
  const d = s.location[i];
  const readmission = ctx.readmission[d * n + o] === 1;
  const interior = ctx.enforcementInterior[d];
  const u = uniform(key, i);
  if (st === ST_REJECTED_RETURNABLE) {
    if (u < returnableRemovalChance(p, readmission, interior)) {
      acc[base + K_ACC_REMOVALS * lines + d] += 1;
      sendHome(s, i, acc, base, lines);
    } else if (uniform2(key, i) < p.abscondRate) {
      s.status[i] = ST_IRREGULAR;
      statusBegins(s, i);
    }
    return;
  }
  if (s.channel[i] === CH_ASYLUM && !ctx.atPeace[o]) return;
  if (u < irregularRemovalChance(p, readmission, interior)) {
    acc[base + K_ACC_REMOVALS * lines + d] += 1;
    sendHome(s, i, acc, base, lines);
  }
}
