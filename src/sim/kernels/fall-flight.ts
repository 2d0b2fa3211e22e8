/**
 * The flight of a falling government's side (`fall-flight`). When a government lost its capital and
 * withdrew with its army and administration into a neighbour, the people of the areas it still held
 * fled with it, not where those fleeing the war had gone before: as the RPF took Kigali (4 July
 * 1994) and advanced west, Rwanda's interim government and army crossed into Zaire at Goma and
 * Bukavu, and the exodus went with them; UNHCR counted 1.25 million Rwandans in Zaire at the end of
 * 1994, against 0.05 million a year earlier, while Tanzania's Rwandans had come in April–June (UNHCR
 * 2000, The State of the World's Refugees, ch. 10; Prunier 1995, The Rwanda Crisis). Where
 * data/world/conflict/government_falls.csv names such a retreat, in the year of the fall
 *
 *   fleeing[f] = forced[o] × (days of the year after the fall) / (days of the year)
 *
 * of the origin's persons forced to consider flight (the flight function of origin-pool.ts, outside
 * its conflict regions, less those who flee to a kin state: `forcedAtHome`) cross into the retreat,
 * through the asylum channel, refugees on arrival where it recognises those fleeing violence as a
 * group (options.ts, `recognisesFleeingAsGroup`), asylum seekers otherwise; the rest of the year's
 * flight chooses among the destinations as before. The year's flight is taken as spread evenly over
 * the year (an assumption: the model moves people once a year). Without the mechanism those fleeing
 * after the fall choose like the others.
 */
import type { GovernmentFallEntry, WorldInput } from '../world-input.ts';
import type { GroupMove } from './co-ethnic.ts';
import { arriveAsGroups, fleeingArrival, personsByOrigin } from './co-ethnic.ts';

const DAY_MS = 86_400_000;

/** The share of the year of a fall that came after it: the days from the fall to the year's end over the year's days. */
export function shareOfYearAfter(fall: Pick<GovernmentFallEntry, 'year' | 'month' | 'day'>): number {
  const start = Date.UTC(fall.year, 0, 1);
  const end = Date.UTC(fall.year + 1, 0, 1);
  const day = Date.UTC(fall.year, fall.month - 1, fall.day);
  return (end - day) / DAY_MS / ((end - start) / DAY_MS);
}

/** Whether a fall sends those fleeing after it into a retreat in `year`. */
export function retreatsIn(fall: GovernmentFallEntry, year: number): boolean {
  return fall.retreat >= 0 && fall.year === year;
}

/**
 * Persons fleeing into each fall's retreat this year (entry f of `world.governmentFalls`), given the
 * persons of each origin forced to consider flight (`forcedAtHome`); nothing when off.
 */
export function fallFlight(
  world: WorldInput,
  year: number,
  forcedAtHome: (origin: number) => number,
  on: boolean,
): Float64Array {
  return Float64Array.from(world.governmentFalls, (fall) =>
    on && retreatsIn(fall, year) ? Math.max(0, forcedAtHome(fall.origin)) * shareOfYearAfter(fall) : 0,
  );
}

/** Those of `fallFlight` by origin: they leave the origin's forced pool (origin-pool.ts). */
export function fallFledByOrigin(world: WorldInput, fleeing: Float64Array): Float64Array {
  return personsByOrigin(world, world.governmentFalls, fleeing);
}

/**
 * This year's flight into the retreats as mover agents: each fall's persons, stochastically rounded
 * (the draw of entry f is uniform(key, f)), arriving in the retreat through the asylum channel,
 * refugees where `recognises` says it receives those fleeing the origin as a group.
 */
export function fallFlightMovers(
  move: GroupMove,
  fleeing: Float64Array,
  recognises: (fall: GovernmentFallEntry) => boolean,
): void {
  const retreat = (f: GovernmentFallEntry) => f.retreat;
  const arrival = (f: GovernmentFallEntry) => fleeingArrival(recognises(f));
  arriveAsGroups(move, move.world.governmentFalls, retreat, fleeing, undefined, arrival);
}
