/**
 * Draws: the mover agents of each class. The caps' rationing thins each option's weight by its
 * admission probability and counts the refused in expectation; the admitted, stochastically rounded
 * to agents, each draw their option and make their journey (the smugglers' route may end it), and
 * those who arrive become agents in the store.
 */
import { CHANNELS, type Channel } from '../../../regime/schema/vocabulary.ts';
import { pickWeighted } from '../../../shared/weighted-pick.ts';
import { CH } from '../../policy-tables.ts';
import { stochasticRound, uniform, uniform2 } from '../../rng.ts';
import { ST, TRAIT, makeTraits } from '../../state.ts';
import type { DecisionState } from './decision-state.ts';
import { C, CLASSES } from './decision-state.ts';
import { classOf, moversOfClass, personsOfClass } from './demand.ts';
import type { OriginPool } from './origin-pool.ts';
import { journeyWithRetries } from './retries.ts';

/** Status on arrival through each channel: an agent still in it holds that channel's permit. */
const STATUS_ON_ARRIVAL: Record<Channel, number> = {
  labour: ST.permanent_resident,
  temporary_labour: ST.temporary_worker,
  intra_corporate: ST.intra_corporate_transferee,
  service_provider: ST.service_provider,
  establishment: ST.self_employed,
  family: ST.family_member,
  asylum: ST.asylum_seeker,
  irregular: ST.irregular,
  free_movement: ST.free_mover,
};

/** `STATUS_ON_ARRIVAL` indexed by channel code, for the agent passes. */
export const ARRIVAL_STATUS: Uint8Array = Uint8Array.from(CHANNELS, (c) => STATUS_ON_ARRIVAL[c]);

/** Age bands of movers, cumulative (most move young: Rogers & Castro 1981 model schedules). */
export const MOVER_AGE_CDF = [0.6, 0.9, 1.0];

/** One class's movers of an origin, before the caps. */
interface ClassMovers {
  origin: number;
  forced: number;
  skill: number;
  cls: number;
  /** Persons of the class who choose to move, and the class's total option weight. */
  movers: number;
  weightSum: number;
}

/** The draw pass for origin o: each class's movers, rationed by the caps, drawn as agents. */
export function drawOrigin(s: DecisionState, o: number, pool: OriginPool): void {
  const { out } = s;
  for (let forced = 0; forced < 2; forced++) {
    const persons = forced ? pool.forced : pool.voluntary;
    if (!(persons > 0)) continue;
    let moved = 0;
    let stayedWeight = 0;
    for (let skill = 0; skill < 3; skill++) {
      for (let band = 0; band < 3; band++) {
        const cls = classOf(forced, skill, band);
        const classPersons = personsOfClass(pool, persons, skill, band);
        const weightSum = s.moverClass.weightSum[o * CLASSES + cls];
        const movers = moversOfClass(s.p, forced, classPersons, weightSum);
        if (forced) stayedWeight += classPersons - movers;
        if (!forced) moved += movers;
        if (weightSum === 0) continue;
        drawClass(s, { origin: o, forced, skill, cls, movers, weightSum });
      }
    }
    if (forced) out.trapped[o] += stayedWeight;
    else if (pool.voluntary > 0) out.fdiSubstituted[o] += pool.substituted * (moved / pool.voluntary);
  }
}

/**
 * The movers of one class: the caps' rationing, pro rata over every origin's demand — each
 * option's weight thinned by its admission probability, the refused counted in expectation. The
 * expected admissions are min(demand, places) at any scale, and no agent is drawn only to be
 * refused (an agent is K persons, so a hard stop at the places would admit less at coarse scales
 * than at fine ones). Then the admitted, stochastically rounded to agents, each drawing its option.
 */
function drawClass(s: DecisionState, m: ClassMovers): void {
  const { y, D, optCount, out } = s;
  const { weights, cumulative } = s.option;
  const { admission } = s.channel;
  const { familyAdmission } = s.candidate;
  const o = m.origin;
  const K = y.scale;
  const routes = o * optCount;
  const cached = (o * CLASSES + m.cls) * optCount;
  weights.set(s.classOption.classWeight.subarray(cached, cached + optCount));
  let admittedSum = 0;
  for (let q = 0; q < optCount; q++) {
    const w = weights[q];
    if (w > 0) {
      const c = q % C;
      if (c !== CH.irregular) {
        const j = s.route.dest[routes + q];
        const admitted =
          admission[j * C + c] * (c === CH.family ? familyAdmission[o * D + ((q / C) | 0)] : 1);
        if (admitted < 1) {
          out.quotaRefused[j] += (m.movers * w * (1 - admitted)) / m.weightSum;
          weights[q] = w * admitted;
        }
      }
    }
    admittedSum += weights[q];
    cumulative[q] = admittedSum;
  }
  if (admittedSum === 0) return;
  const admitted = (m.movers * admittedSum) / m.weightSum;
  const agents = stochasticRound(admitted / K, uniform(y.keys.count, o * CLASSES + m.cls));
  for (let a = 0; a < agents; a++) {
    const id = s.counter++;
    const q = pickWeighted(cumulative, weights, uniform(y.keys.decide, id) * admittedSum);
    moveAgent(s, m, q, id);
  }
}

/** One mover agent of a class on option q of its origin: its journey, and the agent if it arrives. */
function moveAgent(s: DecisionState, m: ClassMovers, q: number, id: number): void {
  const { y, n, out } = s;
  const K = y.scale;
  const o = m.origin;
  const r = o * s.optCount + q;
  const c = q % C;
  const j = s.route.dest[r];
  const smuggled = s.route.smuggled[r];
  out.emigration[o] += K;
  if (smuggled) {
    const price = s.route.price[r];
    // the journey over all its attempts (retries.ts; route.death holds the risk of one attempt)
    const journey = journeyWithRetries(s.route.interception[r], s.route.death[r], y.params.retryProbability);
    out.smugglingRevenue[j] += price * K;
    out.organisedCrimeRevenue[j] += price * s.route.organisedCrime[r] * K;
    out.smugglingCustomers[j] += K;
    out.smugglingPrice[j] += price * K;
    // counted in expectation (precise at any scale); the agent's own fate is drawn
    out.deathsEnRoute[j] += K * journey.died;
    out.intercepted[j] += K * journey.apprehensions;
    if (uniform2(y.keys.smuggle, id) >= journey.across) return;
  }
  out.inflow[c * n + j] += K;
  if (c === CH.asylum && !(m.forced && s.route.groupRecognition[r])) out.asylumApplications[j] += K;
  const u = uniform(y.keys.smuggle, id);
  const age = u < MOVER_AGE_CDF[0] ? 0 : u < MOVER_AGE_CDF[1] ? 1 : 2;
  // those fleeing into a country that recognises them as a group are refugees on arrival (mass influx)
  const status = m.forced && s.route.groupRecognition[r] ? ST.recognised_refugee : ARRIVAL_STATUS[c];
  const traits = makeTraits(m.skill, age, m.forced === 1) | (smuggled ? TRAIT.smuggled : 0);
  s.slots.arrival(o, j, status, c, traits);
}
