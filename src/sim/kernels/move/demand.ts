/**
 * Demand: how many of each mover class of an origin choose each option (multinomial logit against
 * staying), and what the caps of the legal channels admit of it.
 *
 * Capabilities bound aspirations: an option costing more than savings × (1 + networkCredit where
 * the route's diaspora reaches networkCreditMinDiaspora) is out of a class's choice set (de Haas
 * 2021). Caps ration every origin alike. The family channel of a route admits at most
 * familySponsorRate × its sponsors a year (only residents sponsor kin), and a channel's quota is
 * shared pro rata over the demand that passes those caps: P(admitted) = min(1, places / demand),
 * so no origin fills a quota before the others because of where it sits in the country list.
 */
import type { Parameters } from '../../parameters.ts';
import { CH } from '../../policy-tables.ts';
import type { DecisionState } from './decision-state.ts';
import { C, CLASSES } from './decision-state.ts';
import { skillWeights } from './options.ts';
import type { OriginPool } from './origin-pool.ts';
import { SAVINGS_BANDS } from './origin-pool.ts';

/** Index of the mover class (forced or not, skill, savings band). */
export const classOf = (forced: number, skill: number, band: number): number =>
  (forced * 3 + skill) * 3 + band;

/** Potential movers of class (skill, savings band) among `persons` of an origin. */
export const personsOfClass = (pool: OriginPool, persons: number, skill: number, band: number): number =>
  (persons * pool.skillShare[skill] * SAVINGS_BANDS.share[band]) / pool.skillSum;

/**
 * Those of a class's persons who choose to move, by the logit against staying (forced movers weigh
 * the violence they flee); `weightSum` is the class's total option weight.
 */
export const moversOfClass = (
  p: Parameters,
  forced: number,
  classPersons: number,
  weightSum: number,
): number => classPersons * (weightSum / (weightSum + Math.exp(p.ascStay - (forced ? p.betaViolence : 0))));

/**
 * The demand pass for origin o: each class's option weights (kept for the draw pass), the persons
 * expected on each option, and the family caps of its routes, whose passing demand joins every
 * origin's on each (destination, channel).
 */
export function originDemand(s: DecisionState, o: number, pool: OriginPool): void {
  const { p, D, optCount } = s;
  const { demand, sponsors } = s.option;
  const dest = s.route.dest.subarray(o * optCount, (o + 1) * optCount);
  demand.fill(0);
  for (let forced = 0; forced < 2; forced++) {
    const persons = forced ? pool.forced : pool.voluntary;
    if (!(persons > 0)) continue;
    for (let skill = 0; skill < 3; skill++) {
      skillWeights(s, o, { forced, skill, logWageHome: pool.logWageHome[skill] });
      for (let band = 0; band < 3; band++) classDemand(s, { origin: o, pool, persons, forced, skill, band });
    }
  }
  for (let q = 0; q < optCount; q++) {
    const wanted = demand[q];
    if (!(wanted > 0)) continue;
    const c = q % C;
    let passing = wanted;
    if (c === CH.family) {
      const places = p.familySponsorRate * sponsors[q];
      const a = wanted > places ? places / wanted : 1;
      s.candidate.familyAdmission[o * D + ((q / C) | 0)] = a;
      passing = wanted * a;
    }
    s.channel.demand[dest[q] * C + c] += passing;
  }
}

/** A mover class of an origin, and the persons of the origin (voluntary or forced) it is part of. */
interface ClassOfOrigin {
  origin: number;
  pool: OriginPool;
  persons: number;
  forced: number;
  skill: number;
  band: number;
}

/** One class: its option weights within its capabilities, and its expected demand. */
function classDemand(s: DecisionState, m: ClassOfOrigin): void {
  const { p, optCount, option } = s;
  const { weights, open, skillOpen, diaspora, capital, skillWeight } = option;
  // those fleeing on foot across a land border pay no travel (options.ts, mass influx)
  const cost = m.forced ? option.flightCost : option.cost;
  const cls = classOf(m.forced, m.skill, m.band);
  const classPersons = personsOfClass(m.pool, m.persons, m.skill, m.band);
  const savings = SAVINGS_BANDS.level[m.band] * m.pool.income;
  let sum = 0;
  weights.fill(0);
  for (let x = 0; x < s.openCount; x++) {
    const q = open[x];
    if (!skillOpen[q]) continue;
    // capabilities: the cost within savings (and the network's credit); for establishment,
    // capital of one's own
    const budget = savings * (1 + (diaspora[q] >= p.networkCreditMinDiaspora ? p.networkCredit : 0));
    if (cost[q] > budget) continue;
    if (savings < capital[q]) continue;
    const w = skillWeight[q];
    weights[q] = w;
    sum += w;
  }
  s.classOption.classWeight.set(weights, (m.origin * CLASSES + cls) * optCount);
  s.moverClass.weightSum[m.origin * CLASSES + cls] = sum;
  const movers = moversOfClass(p, m.forced, classPersons, sum);
  if (sum > 0)
    for (let x = 0; x < s.openCount; x++) {
      const q = open[x];
      option.demand[q] += (movers * weights[q]) / sum;
    }
}

/** The share of each (destination, channel)'s demand its quota admits, pro rata over every origin. */
export function admissions(s: DecisionState): void {
  const { quota } = s.y.tables;
  const { demand, admission } = s.channel;
  for (let qi = 0; qi < s.n * C; qi++) {
    const places = quota[qi];
    admission[qi] = demand[qi] > places ? places / demand[qi] : 1;
  }
}
