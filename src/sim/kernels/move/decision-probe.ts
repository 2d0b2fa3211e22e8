/**
 * A record of one origin's decisions in one year, for explaining where its movers go (`regimes
 * choices`): for each mover class (forced or not × skill × savings band) the persons, what they may
 * spend, the share who choose to move, and each option's utility, cost, whether the class can pay
 * for it, the persons who choose it and the share of them the caps admit. It reads the arrays the
 * decision passes fill (decision-state.ts) and changes none the draws read, so a run with a probe
 * is the run without it (same engine digest).
 */
import { CHANNELS } from '../../../regime/schema/vocabulary.ts';
import { CH } from '../../policy-tables.ts';
import type { DecisionState } from './decision-state.ts';
import { C, CLASSES } from './decision-state.ts';
import { classOf, moversOfClass, personsOfClass } from './demand.ts';
import { skillWeights } from './options.ts';
import type { DecisionProbe, ProbedClass, ProbedOption } from './move-year.ts';
import type { OriginPool } from './origin-pool.ts';
import { SAVINGS_BANDS } from './origin-pool.ts';

const SKILLS = ['low', 'medium', 'high'] as const;

/** Records the origin's classes and options after its demand pass (decide-move.ts). */
export function probeOrigin(s: DecisionState, o: number, pool: OriginPool, probe: DecisionProbe): void {
  const { p, optCount, option } = s;
  const { world } = s.y;
  const classes: ProbedClass[] = [];
  for (let forced = 0; forced < 2; forced++) {
    const persons = forced ? pool.forced : pool.voluntary;
    if (!(persons > 0)) continue;
    for (let skill = 0; skill < 3; skill++) {
      // the skill's utilities again (the demand pass leaves the last skill's)
      skillWeights(s, o, { forced, skill, logWageHome: pool.logWageHome[skill] });
      for (let band = 0; band < 3; band++) {
        const cls = classOf(forced, skill, band);
        const at = (o * CLASSES + cls) * optCount;
        const weightSum = s.moverClass.weightSum[o * CLASSES + cls];
        const classPersons = personsOfClass(pool, persons, skill, band);
        const movers = moversOfClass(p, forced, classPersons, weightSum);
        const options: ProbedOption[] = [];
        for (let q = 0; q < optCount; q++) {
          if (!option.skillOpen[q]) continue;
          const w = s.classOption.classWeight[at + q];
          const c = q % C;
          options.push({
            destination: world.iso3[s.route.dest[o * optCount + q]],
            channel: CHANNELS[c],
            utility: Math.log(option.skillWeight[q]),
            cost: forced ? option.flightCost[q] : option.cost[q],
            affordable: w > 0,
            chosen: weightSum > 0 ? (movers * w) / weightSum : 0,
            admitted: NaN,
          });
        }
        options.sort((a, b) => b.utility - a.utility);
        classes.push({
          forced: forced === 1,
          skill: SKILLS[skill],
          band,
          persons: classPersons,
          savings: SAVINGS_BANDS.level[band] * pool.income,
          stayUtility: p.ascStay - (forced ? p.betaViolence : 0),
          movers,
          options,
        });
      }
    }
  }
  probe.result = {
    year: s.y.year,
    origin: world.iso3[o],
    income: pool.income,
    voluntary: pool.voluntary,
    forced: pool.forced,
    classes,
  };
}

/** Adds the caps' admission shares once every origin's demand is in (after `admissions`). */
export function probeAdmissions(s: DecisionState, probe: DecisionProbe): void {
  const r = probe.result;
  if (!r) return;
  const o = probe.origin;
  const { n, D } = s;
  const slot = new Map<number, number>();
  for (let k = 0; k < D; k++) {
    const j = s.y.dest[o * D + k];
    if (j >= 0) slot.set(j, k);
  }
  const index = new Map(s.y.world.iso3.map((code, j) => [code, j]));
  for (const cls of r.classes)
    for (const opt of cls.options) {
      const j = index.get(opt.destination)!;
      const c = CHANNELS.indexOf(opt.channel);
      if (c === CH.irregular) {
        opt.admitted = 1;
        continue;
      }
      const family = c === CH.family ? s.candidate.familyAdmission[o * D + slot.get(j)!] : 1;
      opt.admitted = (j < n ? s.channel.admission[j * C + c] : 1) * family;
    }
}
