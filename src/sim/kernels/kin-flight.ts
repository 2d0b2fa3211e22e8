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
 */
import type { Parameters } from '../parameters.ts';
import { CH } from '../policy-tables.ts';
import type { SlotAllocator } from '../slots.ts';
import { ST } from '../state.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import type { MoveOutcome } from './move/move-year.ts';
import { forcedMovers } from './move/origin-pool.ts';
import { arriveInHomelands } from './co-ethnic.ts';

/** Persons of each co-ethnic entry who flee to the kin state this year (0 for a group that settles, or off). */
export function kinFlight(
  world: WorldInput,
  year: number,
  p: Parameters,
  pool: Float64Array,
  mechanisms: { on: boolean; allViolence: boolean },
): Float64Array {
  return Float64Array.from(world.coEthnic, (e, k) => {
    if (!mechanisms.on || !e.flees || year < e.from || year > e.until || !(pool[k] > 0)) return 0;
    const po = at(world, year, e.origin);
    const pop = world.population[po];
    if (!(pop > 0)) return 0;
    const forced = forcedMovers(world, po, p, mechanisms.allViolence);
    return Math.min(pool[k], (forced * pool[k]) / pop);
  });
}

/** Those of `kinFlight` by origin: they leave the origin's forced pool (origin-pool.ts). */
export function kinFledByOrigin(world: WorldInput, fleeing: Float64Array): Float64Array {
  const out = new Float64Array(world.iso3.length);
  world.coEthnic.forEach((e, k) => (out[e.origin] += fleeing[k]));
  return out;
}

/**
 * This year's flight to the kin states as mover agents: each entry's persons, stochastically
 * rounded to agents (the draw of entry k is uniform(key, k)); the pool shrinks by them.
 */
export function kinFlightMovers(
  world: WorldInput,
  year: number,
  scale: number,
  fleeing: Float64Array,
  pool: Float64Array,
  recognises: (kin: number, origin: number) => boolean,
  key: number,
  slots: SlotAllocator,
  out: MoveOutcome,
): void {
  arriveInHomelands({ world, year, scale, key, slots, out }, fleeing, pool, (e) => ({
    status: recognises(e.homeland, e.origin) ? ST.recognised_refugee : ST.asylum_seeker,
    channel: CH.asylum,
    forced: true,
  }));
}
