/**
 * Who considers moving from an origin this year (stayers are kept in aggregate), and what its
 * mover classes share:
 *   voluntary: working-age[o] × aspirationRate × hump(ppp[o]) × commodification pressure[o]
 *                  × (1 − low-skill share × (1 − distress factor[o])) − FDI-substituted
 *     distress factor: a social protection floor at home keeps some of the poorest home
 *                  (kernels/social-protection.ts `distressEmigrationFactor`; 1 in history)
 *     hump(x) = exp(−ln(x / humpPeakPpp)² / (2 humpWidth²))   (Clemens 2014)
 *   forced:    population[o] × min(forcedMaxShare, flightShare × (1000 × deaths[o] / population[o])^flightDeathElasticity),
 *                  deaths = all organised violence where it happened (UCDP GED: state-based, non-state
 *                  and one-sided; state-based alone without the `organised-violence` mechanism), at
 *                  least 25 in a year of conflict (UCDP's threshold) with no deaths recorded
 * Classes: skill (3) × savings band (3) × forced (2).
 */
import type { Parameters } from '../../parameters.ts';
import type { WorldInput } from '../../world-input.ts';
import { at } from '../../world-input.ts';
import { fdiSubstitutedCandidates } from '../fdi.ts';
import { DISTRESS_EMIGRATION_ELASTICITY, distressEmigrationFactor } from '../social-protection.ts';
import type { MoveYear } from './move-year.ts';

/** Shares and savings (× annual income) of the three savings bands (assumption: a skewed distribution of liquid savings). */
export const SAVINGS_BANDS = { share: [0.5, 0.4, 0.1], level: [0.1, 0.6, 3.0] } as const;

/** Income per head, US$, below which a country's figure is not trusted for savings and costs (and missing data). */
export const MIN_INCOME_USD = 100;

/** UCDP's threshold of an armed conflict: 25 battle-related deaths in a year (Gleditsch et al. 2002). */
export const CONFLICT_THRESHOLD_DEATHS = 25;

/** Deaths are counted per 1,000 inhabitants in the flight function (`flightShare` holds at one). */
const FLIGHT_DEATHS_PER = 1000;

/**
 * High-skill share of potential movers: 0.02 + 0.1 × ln(GDP per capita PPP / 1,000), bounded to
 * 2–35% (Barro & Lee 2013 tertiary attainment by income, order of magnitude).
 */
const HIGH_SKILL = { base: 0.02, perLogPpp: 0.1, pppUnit: 1000, min: 0.02, max: 0.35 } as const;

/** Medium-skill share of potential movers, and the least low-skill share (Barro & Lee 2013 secondary attainment, order of magnitude). */
export const MEDIUM_SKILL_SHARE = 0.35;
const MIN_LOW_SKILL_SHARE = 0.3;

/** The skill (0 low, 1 medium, 2 high) a uniform draw `u` gives where the high-skilled are a share `hs`. */
export function skillOfDraw(u: number, hs: number): number {
  return u < hs ? 2 : u < hs + MEDIUM_SKILL_SHARE ? 1 : 0;
}

/** Share of high-skilled among potential movers by GDP per capita PPP. */
export function highSkillShare(ppp: number): number {
  return Math.min(
    HIGH_SKILL.max,
    Math.max(
      HIGH_SKILL.min,
      HIGH_SKILL.base + HIGH_SKILL.perLogPpp * Math.log(Math.max(ppp, 1) / HIGH_SKILL.pppUnit),
    ),
  );
}

export function hump(ppp: number, p: Parameters): number {
  const z = Math.log(Math.max(ppp, 1) / p.humpPeakPpp);
  return Math.exp(-(z * z) / (2 * p.humpWidth * p.humpWidth));
}

/** The potential movers of an origin this year, and what its classes share. */
export interface OriginPool {
  /** Persons who would move for work and a better life, net of those FDI jobs keep home. */
  voluntary: number;
  /** Those FDI jobs keep home. */
  substituted: number;
  /** Persons fleeing conflict. */
  forced: number;
  /** Income per head, US$ (at least `MIN_INCOME_USD`): what savings and costs are measured against. */
  income: number;
  /** UCDP intensity: 0 none, 1 minor, 2 war. */
  conflict: number;
  /** Share of each skill (low, medium, high) among potential movers, and their sum. */
  skillShare: number[];
  skillSum: number;
  /** log of the expected wage at home, by skill. */
  logWageHome: number[];
}

/**
 * Deaths in organised violence at panel offset `po` (all types, or state-based conflict alone), those
 * of interstate war weighted by `interstateWeight` (`interstateFlightWeight` with the
 * `interstate-fronts` mechanism, 1 without): they fall among soldiers at a front, and drive fewer
 * civilians abroad per death than a civil war's.
 */
export function violenceDeaths(
  world: WorldInput,
  po: number,
  allTypes: boolean,
  interstateWeight = 1,
): number {
  const stateBased = world.deathsStateBased[po] * (1 - (1 - interstateWeight) * world.interstateShare[po]);
  return allTypes ? stateBased + world.deathsNonState[po] + world.deathsOneSided[po] : stateBased;
}

/** The deaths that drive flight from a country (panel offset `po`): at least UCDP's threshold in a year of conflict. */
export function flightDeaths(
  world: WorldInput,
  po: number,
  allViolence: boolean,
  interstateWeight = 1,
): number {
  return Math.max(
    violenceDeaths(world, po, allViolence, interstateWeight),
    world.conflictIntensity[po] >= 1 ? CONFLICT_THRESHOLD_DEATHS : 0,
  );
}

/** The persons of a population of `pop` forced to consider flight by `deaths` in organised violence among them. */
export function flightOf(pop: number, deaths: number, p: Parameters): number {
  if (!(deaths > 0) || !(pop > 0)) return 0;
  const perThousand = (FLIGHT_DEATHS_PER * deaths) / pop;
  return pop * Math.min(p.forcedMaxShare, p.flightShare * Math.pow(perThousand, p.flightDeathElasticity));
}

/** The persons forced to consider flight from a country (panel offset `po`) this year. */
export function forcedMovers(
  world: WorldInput,
  po: number,
  p: Parameters,
  allViolence: boolean,
  interstateWeight = 1,
): number {
  return flightOf(world.population[po], flightDeaths(world, po, allViolence, interstateWeight), p);
}

/** The weight of interstate war's deaths in the flight function: `interstateFlightWeight` with the `interstate-fronts` mechanism, 1 without. */
export function interstateWeightOf(p: Parameters, on: boolean): number {
  return on ? p.interstateFlightWeight : 1;
}

/**
 * The share of an origin's would-be emigrants left by a social protection floor at home: the
 * low-skill share of them (the poorest) × the distress factor, the rest unchanged; 1 without a floor.
 * The mover classes keep their skill shares (a simplification: the floor thins the pool as a whole).
 */
export function distressRelief(
  world: WorldInput,
  po: number,
  employment: number,
  lowSkillShare: number,
): number {
  const floorShare = world.protectionFloorShare?.[po] ?? 0;
  if (!(floorShare > 0)) return 1;
  const factor = distressEmigrationFactor(
    employment,
    floorShare,
    world.protectionFloorDistressElasticity ?? DISTRESS_EMIGRATION_ELASTICITY.value,
  );
  return 1 - lowSkillShare * (1 - factor);
}

/**
 * The persons of origin o (panel offset `po`) forced to consider flight this year at home: the flight
 * function, or where the origin has conflict regions that of the rest of it (`outsideRegions`, NaN
 * where it has none: kernels/regional-flight.ts), less those who flee to a kin state (`kinFled`,
 * kernels/kin-flight.ts).
 */
export function forcedAtHome(
  world: WorldInput,
  po: number,
  p: Parameters,
  mechanisms: MoveYear['mechanisms'],
  outsideRegions: number,
  kinFled: number,
): number {
  const forced = Number.isNaN(outsideRegions)
    ? forcedMovers(
        world,
        po,
        p,
        mechanisms['organised-violence'],
        interstateWeightOf(p, mechanisms['interstate-fronts']),
      )
    : outsideRegions;
  return Math.max(0, forced - kinFled);
}

/**
 * The persons of origin o (panel offset `po`) forced to consider flight who choose among the
 * destinations this year: those who flee to a kin state, from a region where the violence was, or
 * into the retreat of a fallen government, do so apart (kernels/kin-flight.ts,
 * kernels/regional-flight.ts, kernels/fall-flight.ts).
 */
function forcedChoosers(y: MoveYear, o: number, po: number): number {
  const home = forcedAtHome(
    y.world,
    po,
    y.params,
    y.mechanisms,
    y.forcedOutsideRegions?.[o] ?? NaN,
    y.kinFled?.[o] ?? 0,
  );
  return Math.max(0, home - (y.fallFled?.[o] ?? 0));
}

/** The potential movers of origin o (undefined for a country without population this year). */
export function originPool(y: MoveYear, o: number): OriginPool | undefined {
  const { world, params: p, wages } = y;
  const po = at(world, y.year, o);
  const pop = world.population[po];
  if (!(pop > 0)) return undefined;
  const ppp = world.gdpPerCapitaPpp[po];
  const hs = highSkillShare(ppp);
  const skillShare = [Math.max(MIN_LOW_SKILL_SHARE, 1 - hs - MEDIUM_SKILL_SHARE), MEDIUM_SKILL_SHARE, hs];
  const skillSum = skillShare[0] + skillShare[1] + skillShare[2];
  const employO = wages.employment[o];
  let voluntary =
    world.workingAgePopulation[po] *
    p.aspirationRate *
    hump(ppp, p) *
    y.commodificationPressure[o] *
    distressRelief(world, po, employO, skillShare[0] / skillSum);
  const substituted = fdiSubstitutedCandidates(voluntary, y.fdi.jobs[o], p);
  voluntary -= substituted;
  const wageO = [wages.low[o], wages.low[o] * p.mediumSkillWagePremium, wages.high[o]];
  return {
    voluntary,
    substituted,
    forced: forcedChoosers(y, o, po),
    income: Math.max(world.gdpPerCapitaUsd[po], MIN_INCOME_USD),
    conflict: world.conflictIntensity[po],
    skillShare,
    skillSum,
    logWageHome: wageO.map((w) => Math.log(Math.max(w * employO, 1))),
  };
}
