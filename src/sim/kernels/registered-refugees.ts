/**
 * The Palestine refugees registered with UNRWA, as UN DESA counts them (the `registered-refugees`
 * mechanism). UN DESA adds the refugees of UNHCR and of UNRWA to the migrants of the countries that
 * host them (International Migrant Stock, the `type_r` flag of the shipped bilateral stock: Jordan,
 * Lebanon and Syria for those born in Palestine), and UNRWA registers the refugees of 1948 and their
 * descendants in the male line, so the stock of "born in Palestine" in its fields grows by the births
 * to the registered, not by migration (UNRWA, Consolidated Eligibility and Registration Instructions
 * 2009, §III.A). They do not go home: Israel does not admit their return (UNGA res. 194 (III), ¶ 11,
 * unrealised).
 *
 *   start:     those born in Palestine living in a field take the status the host gives them
 *              (Jordan: citizens, Law of Nationality 1954, Art. 3; Lebanon and Syria: residents
 *              without its nationality, Syria's Law 260 of 1956)
 *   each year: births = stochastic round(agents of (field, Palestine) × registeredRefugeeGrowth), new
 *              agents of that corridor at the host's status; no return home from the corridor
 *
 * Without the mechanism they are ordinary migrants of the starting stock (some irregular, some
 * temporary workers, docs/model.md §3.14) who return, are removed or die, and nobody is born into
 * the count.
 */
import type { Parameters } from '../parameters.ts';
import { CH } from '../policy-tables.ts';
import { stochasticRound, uniform, uniform2 } from '../rng.ts';
import type { SlotAllocator } from '../slots.ts';
import type { AgentStore } from '../state.ts';
import { FREE, ST, makeTraits, statusBegins } from '../state.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import { highSkillShare, skillOfDraw } from './move/origin-pool.ts';

/** Where UNRWA registers refugees outside Palestine (UNGA res. 302 (IV), 1949), and the status each host gives them. */
export const UNRWA_FIELDS: readonly { host: string; status: keyof typeof ST }[] = [
  { host: 'JOR', status: 'naturalised' },
  { host: 'LBN', status: 'long_term_resident' },
  { host: 'SYR', status: 'long_term_resident' },
];

/** The country of birth UN DESA gives the registered refugees and their descendants. */
export const REGISTERED_ORIGIN = 'PSE';

/** A corridor of registered refugees in the model: host and origin indices, the host's status code. */
export interface RegisteredCorridor {
  host: number;
  origin: number;
  status: number;
}

/** The corridors of registered refugees among the world's countries (none where Palestine or a field is missing). */
export function registeredCorridors(world: WorldInput): RegisteredCorridor[] {
  const origin = world.iso3.indexOf(REGISTERED_ORIGIN);
  if (origin < 0) return [];
  return UNRWA_FIELDS.flatMap(({ host, status }) => {
    const h = world.iso3.indexOf(host);
    return h < 0 ? [] : [{ host: h, origin, status: ST[status] }];
  });
}

/**
 * At the start: every agent of a registered corridor takes the host's status (a citizen or a
 * resident, not an irregular migrant or a temporary worker). Returns how many agents changed.
 */
export function settleRegisteredRefugees(
  store: AgentStore,
  corridors: readonly RegisteredCorridor[],
): number {
  if (corridors.length === 0) return 0;
  let changed = 0;
  for (let i = 0; i < store.used; i++) {
    if (store.status[i] === FREE) continue;
    for (const c of corridors) {
      if (store.location[i] !== c.host || store.origin[i] !== c.origin) continue;
      if (store.status[i] !== c.status) {
        store.status[i] = c.status;
        statusBegins(store, i);
        changed++;
      }
    }
  }
  return changed;
}

/**
 * The return hazard added per (location, origin), `[location × (n + 2) + origin]`: −1 on the
 * registered corridors (no return home), written over `returnAdd` (the co-ethnic returns, co-ethnic.ts).
 */
export function blockRegisteredReturn(
  returnAdd: Float64Array,
  lines: number,
  corridors: readonly RegisteredCorridor[],
): Float64Array {
  for (const c of corridors) returnAdd[c.host * lines + c.origin] = -1;
  return returnAdd;
}

/**
 * This year's births into the registered corridors: last year's agents of each corridor × the
 * registrations' growth, stochastically rounded (the draw of corridor k is uniform(key, k)), new
 * agents of the corridor at the host's status, skill by the host's high-skill share (they grow up
 * there). They are born in the host, not moved: no inflow or emigration is counted. Returns the
 * agents added.
 */
export function registeredRefugeeBirths(
  world: WorldInput,
  year: number,
  p: Parameters,
  corridors: readonly RegisteredCorridor[],
  /** Agents by (location, origin line), `[j × (n + 2) + o]` (bilateral-tally.ts), at the end of last year. */
  stock: Float64Array,
  key: number,
  slots: SlotAllocator,
): number {
  const lines = world.iso3.length + 2;
  let added = 0;
  corridors.forEach((c, k) => {
    const agents = stochasticRound(
      stock[c.host * lines + c.origin] * p.registeredRefugeeGrowth,
      uniform(key, k),
    );
    const hs = highSkillShare(world.gdpPerCapitaPpp[at(world, year, c.host)]);
    for (let a = 0; a < agents; a++) {
      const v = uniform2(key, corridors.length + added++);
      slots.arrival(c.origin, c.host, c.status, CH.family, makeTraits(skillOfDraw(v, hs), 0, false));
    }
  });
  return added;
}
