/**
 * Co-ethnic and post-Soviet movements (Brubaker 1996, Nationalism Reframed, ch. 6: the "unmixing of
 * peoples" after empire): Aussiedler to Germany, Jewish emigration to Israel, Russians leaving the
 * Central Asian and Transcaucasian successor states. A homeland's law admits its co-ethnics without
 * visa, quota or test and makes them citizens on arrival (Germany's Bundesvertriebenengesetz,
 * Israel's Law of Return, Russia's 1991 citizenship law), so they move as the wage gap pulls them,
 * with no barrier in between:
 *
 *   rate[e, t] = min(0.5, coEthnicRate × max(0, ln(GDP per capita PPP[homeland] / [origin])))   while the law admits them
 *
 * of a co-ethnic population e (world data: co_ethnic/co_ethnic_populations.csv, 1989 census). Two
 * parts move at that rate:
 * - those born in the origin (the population less the homeland-born already counted as migrants
 *   there): new mover agents, born in the origin, living in the homeland as citizens
 *   (`naturalised`; UN DESA counts them as migrants, born abroad), through the `free_movement`
 *   channel of an entitlement; the pool shrinks by them;
 * - those born in the homeland and living in the origin — the people counted as migrants because
 *   borders moved, UN DESA's reconstruction of the Soviet Union on today's borders (Russians born in
 *   Russia living in Kazakhstan): the rate adds to their return (agent-year.ts).
 * Without the `co-ethnic` mechanism neither happens.
 */
import { CH } from '../policy-tables.ts';
import type { Parameters } from '../parameters.ts';
import { stochasticRound, uniform, uniform2 } from '../rng.ts';
import type { SlotAllocator } from '../slots.ts';
import { ST, makeTraits } from '../state.ts';
import type { CoEthnicEntry, WorldInput } from '../world-input.ts';
import { at, expelledIn } from '../world-input.ts';
import type { MoveOutcome } from './move/move-year.ts';
import { highSkillShare, skillOfDraw } from './move/origin-pool.ts';
import { MOVER_AGE_CDF } from './move/draws.ts';

/** The most of a co-ethnic population that settles in a year. */
const MAX_RATE = 0.5;

/**
 * The co-ethnics born in each entry's origin, at the start (population − the homeland-born counted
 * there). A group driven out as a whole (`expelled`, with the `expulsion` mechanism) keeps its whole
 * census count: the homeland-born counted in its origin are not of the group but those who had
 * already fled the other way (the 1989 census counted the Azerbaijanis driven out of Armenia in 1988
 * among Azerbaijan's Armenia-born; kernels/kin-flight.ts).
 */
export function coEthnicPools(world: WorldInput, expulsion = true): Float64Array {
  const lines = world.iso3.length + 2;
  return Float64Array.from(world.coEthnic, (e) =>
    expelledIn(e, expulsion)
      ? e.population
      : Math.max(0, e.population - world.initialStock[e.origin * lines + e.homeland]),
  );
}

/** Each entry's rate this year (0 outside its law's years, for a group that only flees, or without the mechanism). */
export function coEthnicRates(world: WorldInput, year: number, p: Parameters, on: boolean): Float64Array {
  return Float64Array.from(world.coEthnic, (e) => {
    if (!on || e.flees || year < e.from || year > e.until) return 0;
    const gap = Math.log(
      world.gdpPerCapitaPpp[at(world, year, e.homeland)] / world.gdpPerCapitaPpp[at(world, year, e.origin)],
    );
    return Number.isFinite(gap) ? Math.min(MAX_RATE, p.coEthnicRate * Math.max(0, gap)) : 0;
  });
}

/** The return each year of the homeland-born living in an origin, `[origin × (n + 2) + homeland]`. */
export function coEthnicReturns(world: WorldInput, rates: Float64Array): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n * (n + 2));
  world.coEthnic.forEach((e, k) => (out[e.origin * (n + 2) + e.homeland] += rates[k]));
  return out;
}

/**
 * This year's co-ethnic movers born in the origins: each entry's rate × its pool, stochastically
 * rounded to agents (the draw of entry k is uniform(key, k)), who arrive in the homeland as citizens.
 */
export function coEthnicMovers(
  world: WorldInput,
  year: number,
  scale: number,
  rates: Float64Array,
  pool: Float64Array,
  key: number,
  slots: SlotAllocator,
  out: MoveOutcome,
): void {
  const persons = Float64Array.from(world.coEthnic, (_, k) => rates[k] * pool[k]);
  arriveInHomelands({ world, year, scale, key, slots, out }, persons, pool, () => SETTLED);
}

/** How the agents of a co-ethnic entry arrive in its homeland. */
export interface HomelandArrival {
  status: number;
  channel: number;
  /** Whether they fled (their traits' forced flag). */
  forced: boolean;
}

/**
 * Those who flee as a group (to a kin state, from a conflict region, into a fallen government's
 * retreat): through the asylum channel, refugees on arrival where the country recognises them as a
 * group, asylum seekers otherwise.
 */
export function fleeingArrival(recognised: boolean): HomelandArrival {
  return { status: recognised ? ST.recognised_refugee : ST.asylum_seeker, channel: CH.asylum, forced: true };
}

/** Co-ethnics who settle: citizens on arrival, through the free-movement channel of an entitlement. */
const SETTLED: HomelandArrival = { status: ST.naturalised, channel: CH.free_movement, forced: false };

/**
 * Each entry's `persons[k]`, taken from its pool, as agents arriving in the homeland this year, as
 * `arrival` says: stochastically rounded (the draw of entry k is uniform(key, k)), skill by the
 * origin's high-skill share, age by the movers' bands; counted in the homeland's inflow (and
 * asylum applications, for asylum seekers) and in the origin's emigration.
 */
export function arriveInHomelands(
  move: GroupMove,
  persons: ArrayLike<number>,
  pool: Float64Array,
  arrival: (e: CoEthnicEntry) => HomelandArrival,
): void {
  arriveAsGroups(move, move.world.coEthnic, (e) => e.homeland, persons, pool, arrival);
}

/** The persons of each group entry (`persons[k]` of `entries[k]`) summed by origin country. */
export function personsByOrigin(
  world: WorldInput,
  entries: readonly { origin: number }[],
  persons: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(world.iso3.length);
  entries.forEach((e, k) => (out[e.origin] += persons[k]));
  return out;
}

/** What a group's arrival needs of the year's move step. */
export interface GroupMove {
  world: WorldInput;
  year: number;
  scale: number;
  key: number;
  slots: SlotAllocator;
  out: MoveOutcome;
}

/**
 * Each entry's `persons[k]` (taken from `pool[k]` where there is a pool) as agents arriving in
 * `destination(e)` this year, as `arrival` says (`arriveInHomelands`; kernels/regional-flight.ts).
 */
export function arriveAsGroups<E extends { origin: number }>(
  move: GroupMove,
  entries: readonly E[],
  destination: (e: E) => number,
  persons: ArrayLike<number>,
  pool: Float64Array | undefined,
  arrival: (e: E) => HomelandArrival,
): void {
  const { world, year, scale, key, slots, out } = move;
  const n = world.iso3.length;
  let id = 0;
  entries.forEach((e, k) => {
    if (!(persons[k] > 0)) return;
    if (pool) pool[k] -= persons[k];
    const agents = stochasticRound(persons[k] / scale, uniform(key, k));
    const { status, channel, forced } = arrival(e);
    const to = destination(e);
    const hs = highSkillShare(world.gdpPerCapitaPpp[at(world, year, e.origin)]);
    for (let a = 0; a < agents; a++) {
      const draw = entries.length + id++;
      const u = uniform(key, draw);
      const v = uniform2(key, draw);
      const age = u < MOVER_AGE_CDF[0] ? 0 : u < MOVER_AGE_CDF[1] ? 1 : 2;
      slots.arrival(e.origin, to, status, channel, makeTraits(skillOfDraw(v, hs), age, forced));
      out.inflow[channel * n + to] += scale;
      if (status === ST.asylum_seeker) out.asylumApplications[to] += scale;
      out.emigration[e.origin] += scale;
    }
  });
}
