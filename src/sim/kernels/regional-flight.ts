/**
 * Flight from where the violence was (`regional-violence`). The flight function reads a country's
 * deaths in organised violence per inhabitant (kernels/move/origin-pool.ts), which thins a war fought
 * in one region over the whole country: Darfur's of 2003–04 killed about one in a thousand of its
 * people a year and drove some 200,000 into eastern Chad (UNHCR 2006, The State of the World's
 * Refugees, ch. 1), but over all of Sudan it reads as 0.3 deaths per 1,000, a minor war. Where
 * data/world/conflict/conflict_regions.csv says in which region (a share of the population) a share
 * of the deaths fell, the flight function is applied to the region and to the rest apart:
 *
 *   fleeing[r] = flight(populationShare[r] × population[o], deathsShare[r] × deaths[o])   from `from` until `until`
 *   forced[o]  = flight((1 − Σ populationShare) × population[o], (1 − Σ deathsShare) × deaths[o])
 *
 * (flight: `flightOf` of origin-pool.ts). Those fleeing the region cross into the neighbour of the
 * row, through the asylum channel, refugees on arrival where it recognises those fleeing violence as a
 * group (options.ts, `recognisesFleeingAsGroup`), asylum seekers otherwise; the rest of the
 * country's forced pool chooses among the destinations as before. Without the mechanism the whole
 * country's deaths are read over its whole population.
 */
import type { Parameters } from '../parameters.ts';
import type { SlotAllocator } from '../slots.ts';
import type { ConflictRegionEntry, WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import { arriveAsGroups, fleeingArrival } from './co-ethnic.ts';
import type { MoveOutcome } from './move/move-year.ts';
import { flightDeaths, flightOf } from './move/origin-pool.ts';

/** This year's flight from each conflict region, and the forced pool of each origin outside its regions. */
export interface RegionalFlight {
  /** Persons fleeing each region (entry k of `world.conflictRegions`) this year. */
  fleeing: Float64Array;
  /** Persons of each origin forced to consider flight outside its regions this year, NaN where it has none. */
  outside: Float64Array;
}

/** Whether a conflict region holds its share of the violence in `year`. */
export function regionActive(r: ConflictRegionEntry, year: number): boolean {
  return year >= r.from && year <= r.until;
}

/** The flight from each conflict region this year, and of the rest of its country (nothing when off). */
export function regionalFlight(
  world: WorldInput,
  year: number,
  p: Parameters,
  on: boolean,
  allViolence: boolean,
  interstateWeight = 1,
): RegionalFlight {
  const fleeing = new Float64Array(world.conflictRegions.length);
  const outside = new Float64Array(world.iso3.length).fill(NaN);
  if (!on) return { fleeing, outside };
  const popShare = new Float64Array(world.iso3.length);
  const deathsShare = new Float64Array(world.iso3.length);
  world.conflictRegions.forEach((r, k) => {
    if (!regionActive(r, year)) return;
    const po = at(world, year, r.origin);
    fleeing[k] = flightOf(
      r.populationShare * world.population[po],
      r.deathsShare * flightDeaths(world, po, allViolence, interstateWeight),
      p,
    );
    popShare[r.origin] += r.populationShare;
    deathsShare[r.origin] += r.deathsShare;
  });
  for (let o = 0; o < world.iso3.length; o++) {
    if (!(popShare[o] > 0)) continue;
    const po = at(world, year, o);
    outside[o] = flightOf(
      Math.max(0, 1 - popShare[o]) * world.population[po],
      Math.max(0, 1 - deathsShare[o]) * flightDeaths(world, po, allViolence, interstateWeight),
      p,
    );
  }
  return { fleeing, outside };
}

/**
 * This year's flight from the conflict regions as mover agents: each region's persons, stochastically
 * rounded (the draw of entry k is uniform(key, k)), arriving in its neighbour of first asylum, refugees
 * where `recognises` says it receives those fleeing as a group.
 */
export function regionalFlightMovers(
  world: WorldInput,
  year: number,
  scale: number,
  fleeing: Float64Array,
  recognises: (region: ConflictRegionEntry) => boolean,
  key: number,
  slots: SlotAllocator,
  out: MoveOutcome,
): void {
  arriveAsGroups(
    { world, year, scale, key, slots, out },
    world.conflictRegions,
    (r) => r.asylum,
    fleeing,
    undefined,
    (r) => fleeingArrival(recognises(r)),
  );
}
