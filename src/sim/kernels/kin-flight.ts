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
 * fleeing violence as a group (options.ts, `fleeingViolenceProtected`, or humanitarian non-return),
 * asylum seekers otherwise. Without the `kin-flight` mechanism they flee with everyone else.
 */
import type { Parameters } from '../parameters.ts';
import type { PolicyTables } from '../policy-tables.ts';
import { CH } from '../policy-tables.ts';
import { stochasticRound, uniform, uniform2 } from '../rng.ts';
import type { SlotAllocator } from '../slots.ts';
import { NO_COUNTRY, ST, makeTraits } from '../state.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import type { MoveOutcome } from './move/move-year.ts';
import { MOVER_AGE_CDF } from './move/draws.ts';
import { fleeingViolenceProtected } from './move/options.ts';
import { MEDIUM_SKILL_SHARE, forcedMovers, highSkillShare } from './move/origin-pool.ts';

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

/** Whether the kin state `kin` receives those fleeing origin `o` as refugees on arrival. */
export function kinStateRecognises(
  tables: PolicyTables,
  claimIndex: ArrayLike<number>,
  kin: number,
  o: number,
): boolean {
  const n = tables.countries.length;
  return (
    tables.humanitarianNonReturn[kin] === 1 ||
    fleeingViolenceProtected(tables.protection, (kin * n + o) * tables.claimTypes.length, claimIndex)
  );
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
  const n = world.iso3.length;
  let id = 0;
  world.coEthnic.forEach((e, k) => {
    const persons = fleeing[k];
    if (!(persons > 0)) return;
    pool[k] -= persons;
    const agents = stochasticRound(persons / scale, uniform(key, k));
    const refugee = recognises(e.homeland, e.origin);
    const hs = highSkillShare(world.gdpPerCapitaPpp[at(world, year, e.origin)]);
    for (let a = 0; a < agents; a++) {
      const draw = world.coEthnic.length + id++;
      const u = uniform(key, draw);
      const v = uniform2(key, draw);
      const i = slots.next();
      const st = slots.store;
      st.origin[i] = e.origin;
      st.location[i] = e.homeland;
      st.previous[i] = NO_COUNTRY;
      st.status[i] = refugee ? ST.recognised_refugee : ST.asylum_seeker;
      st.channel[i] = CH.asylum;
      const skill = v < hs ? 2 : v < hs + MEDIUM_SKILL_SHARE ? 1 : 0;
      st.traits[i] = makeTraits(skill, u < MOVER_AGE_CDF[0] ? 0 : u < MOVER_AGE_CDF[1] ? 1 : 2, true);
      st.yearsInStatus[i] = 0;
      st.yearsInCountry[i] = 0;
      out.inflow[CH.asylum * n + e.homeland] += scale;
      if (!refugee) out.asylumApplications[e.homeland] += scale;
      out.emigration[e.origin] += scale;
    }
  });
}
