/**
 * Flight to a kin state (Brubaker 1998, "Migrations of ethnic unmixing in the 'New Europe'",
 * International Migration Review 32:1047–1065; UNHCR 2000, The State of the World's Refugees, ch. 9):
 * in the wars of Yugoslavia's dissolution the Serbs of Croatia and of Bosnia and Herzegovina fled to
 * Serbia, the Croats of Bosnia and Herzegovina to Croatia, whose laws received them as refugees
 * (data/world/co_ethnic, rows with `moves: flee`; 1991 census). They did not choose among
 * destinations as the rest of those fleeing do (kernels/move/options.ts): the group's share of those
 * the violence forces to consider flight goes to the kin state,
 *
 *   fleeing[e] = min(pool[e], forced[o] × pool[e] / population[o])     while the kin state's law receives them
 *
 * with forced[o] the flight function of origin-pool.ts (`forcedMovers`) and pool[e] the group still in
 * the origin (co-ethnic.ts, `coEthnicPools`). They are taken out of the origin's forced pool, arrive
 * through the asylum channel, and are refugees on arrival where the kin state recognises those
 * fleeing violence as a group (options.ts, `recognisesFleeingAsGroup`),
 * asylum seekers otherwise. Without the `kin-flight` mechanism they flee with everyone else.
 *
 * Some groups were not their share of those a war drove out but its target, driven out as a whole
 * (rows with `moves: expelled`): the Armenians of Azerbaijan outside Nagorno-Karabakh and the
 * Azerbaijanis of Armenia, exchanged almost entirely between the Sumgait pogrom of 1988 and the
 * ceasefire of 1994 (de Waal 2003, Black Garden; UNHCR 2000, The State of the World's
 * Refugees, ch. 8). While organised violence goes on in the origin, the most of a population the
 * flight function lets flee in a year does so from such a group:
 *
 *   fleeing[e] = pool[e] × forcedMaxShare     while there is organised violence in the origin (`expulsion`)
 *
 * They are refugees on arrival, as the kin state's law in the row registered them, and the pool is
 * their whole census count (co-ethnic.ts, `coEthnicPools`). Without the `expulsion` mechanism they
 * flee as their share, like the rows with `moves: flee`.
 */
import type { Parameters } from '../parameters.ts';
import type { SlotAllocator } from '../slots.ts';
import type { CoEthnicEntry, WorldInput } from '../world-input.ts';
import { at, expelledIn } from '../world-input.ts';
import type { MoveOutcome } from './move/move-year.ts';
import { forcedMovers } from './move/origin-pool.ts';
import { arriveInHomelands, fleeingArrival, personsByOrigin } from './co-ethnic.ts';

/** Which of the kin-flight mechanisms are on. */
export interface KinFlightSwitches {
  /** `kin-flight`: groups flee to their kin state at all. */
  on: boolean;
  /** `organised-violence`: all organised violence drives flight, not state-based conflict alone. */
  allViolence: boolean;
  /** `expulsion`: the groups driven out as a whole are. */
  expulsion: boolean;
  /** The weight of interstate war's deaths (origin-pool.ts, `interstateWeightOf`); 1 when absent. */
  interstateWeight?: number;
}

/**
 * Persons of a group of `pool` persons in the origin (panel offset `po`) who flee this year: its
 * share of those the violence forces to consider flight, or for an expelled group `forcedMaxShare`
 * of it while there is any.
 */
export function groupFleeing(
  world: WorldInput,
  po: number,
  p: Parameters,
  pool: number,
  expelled: boolean,
  allViolence: boolean,
  interstateWeight = 1,
): number {
  const pop = world.population[po];
  if (!(pop > 0) || !(pool > 0)) return 0;
  const forced = forcedMovers(world, po, p, allViolence, interstateWeight);
  if (expelled) return forced > 0 ? pool * p.forcedMaxShare : 0;
  return Math.min(pool, (forced * pool) / pop);
}

/** Persons of each co-ethnic entry who flee to the kin state this year (0 for a group that settles, or off). */
export function kinFlight(
  world: WorldInput,
  year: number,
  p: Parameters,
  pool: Float64Array,
  mechanisms: KinFlightSwitches,
): Float64Array {
  return Float64Array.from(world.coEthnic, (e, k) => {
    if (!mechanisms.on || !e.flees || year < e.from || year > e.until) return 0;
    const expelled = expelledIn(e, mechanisms.expulsion);
    return groupFleeing(
      world,
      at(world, year, e.origin),
      p,
      pool[k],
      expelled,
      mechanisms.allViolence,
      mechanisms.interstateWeight,
    );
  });
}

/** Those of `kinFlight` by origin: they leave the origin's forced pool (origin-pool.ts). */
export function kinFledByOrigin(world: WorldInput, fleeing: Float64Array): Float64Array {
  return personsByOrigin(world, world.coEthnic, fleeing);
}

/**
 * This year's flight to the kin states as mover agents: each entry's persons, stochastically
 * rounded to agents (the draw of entry k is uniform(key, k)); the pool shrinks by them. They are
 * refugees on arrival where `recognises` says the kin state receives the entry's group as such.
 */
export function kinFlightMovers(
  world: WorldInput,
  year: number,
  scale: number,
  fleeing: Float64Array,
  pool: Float64Array,
  recognises: (entry: CoEthnicEntry) => boolean,
  key: number,
  slots: SlotAllocator,
  out: MoveOutcome,
): void {
  arriveInHomelands({ world, year, scale, key, slots, out }, fleeing, pool, (e) =>
    fleeingArrival(recognises(e)),
  );
}
