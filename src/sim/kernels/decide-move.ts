/**
 * Decisions to move (docs/model.md §3.3; de Haas 2021 aspirations–capabilities; Beine, Bertoli &
 * Fernández-Huertas Moraga 2016 random-utility foundations). The kernel runs the year's decisions
 * in two passes over the origins; the concepts are in `move/`:
 *
 * - `move/choice-set.ts`: each origin's candidate destinations;
 * - `move/origin-pool.ts`: who considers moving (voluntary and forced), in which mover classes;
 * - `move/options.ts`: what each option (destination × channel) offers, and its utility for a class;
 * - `move/demand.ts`: how many of each class choose each option (multinomial logit against staying),
 *   and the share of the capped channels' demand their places admit;
 * - `move/draws.ts`: the admitted movers, stochastically rounded to agents, each drawing its option;
 * - `move/decision-state.ts`: the arrays all of these share, declared once.
 *
 * The first pass computes every origin's demand on each (destination, channel) and on each family
 * route; the caps then admit a share of it pro rata over all origins; the second pass draws the
 * mover agents. See docs/model.md §3.3.
 */
import type { SlotAllocator } from '../slots.ts';
import { newDecisionState } from './move/decision-state.ts';
import { admissions, originDemand } from './move/demand.ts';
import { probeAdmissions, probeOrigin } from './move/decision-probe.ts';
import { drawOrigin } from './move/draws.ts';
import type { MoveOutcome, MoveYear } from './move/move-year.ts';
import { destinationAsc, destinationLogWages, hostCapacityTerms, originOptions } from './move/options.ts';
import { originPool } from './move/origin-pool.ts';
import { protectionFloorOfYear } from './social-protection.ts';
import { DEMAND_UNIT } from './labour-demand.ts';

/**
 * Decides this year's moves and creates the mover agents: the demand every origin puts on each
 * option, the admissions the caps allow over all of it, then the mover agents of each origin.
 */
export function decideMoveKernel(y: MoveYear, slots: SlotAllocator, out: MoveOutcome): void {
  const n = y.world.iso3.length;
  const s = newDecisionState(
    y,
    { slots, out },
    {
      destAsc: destinationAsc(y.world, y.params, y.year),
      logWageAbroad: destinationLogWages(
        n,
        y.wages,
        y.tables,
        y.params,
        protectionFloorOfYear(y.world, y.year, 'irregular'),
      ),
      capacityTerm: hostCapacityTerms(y),
      demandTerm: Float64Array.from(y.labourDemand, (d) => (y.params.betaLabourDemand * d) / DEMAND_UNIT),
    },
  );
  const pools = Array.from({ length: n }, (_, o) => originPool(y, o));
  for (let o = 0; o < n; o++) {
    const pool = pools[o];
    if (!pool) continue;
    originOptions(s, o, pool);
    originDemand(s, o, pool);
    if (y.probe && y.probe.year === y.year && y.probe.origin === o) probeOrigin(s, o, pool, y.probe);
  }
  admissions(s);
  if (y.probe && y.probe.year === y.year) probeAdmissions(s, y.probe);
  for (let o = 0; o < n; o++) {
    const pool = pools[o];
    if (!pool) continue;
    out.potentialMovers[o] += pool.voluntary + pool.forced;
    drawOrigin(s, o, pool);
  }
  // mean price paid per customer
  for (let j = 0; j < n; j++)
    out.smugglingPrice[j] =
      out.smugglingCustomers[j] > 0 ? out.smugglingPrice[j] / out.smugglingCustomers[j] : NaN;
}
