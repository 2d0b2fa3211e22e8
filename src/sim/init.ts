/**
 * The starting population: one agent per K migrants of the UN DESA bilateral stock of the starting
 * year (destination × origin, including other-territory and unknown origins), with a status mix:
 *   refugees: UNHCR's refugees of the starting year by country of asylum and origin, in their
 *     corridors (`startingCorridors`); where UNHCR has no such table, its totals by asylum country
 *     and by origin spread over corridors by iterative proportional fitting seeded with the
 *     bilateral stock (`refugeeCorridors`);
 *   irregular: irregularShare by tier of the destination (core 10%: Passel 2006, ≈ 3.5 M of
 *     ≈ 20 M US foreign-born in 1990; Clandestino 2009 ≈ 7–13% in the EU; semi-periphery 15% and
 *     periphery 20%: assumption);
 *   temporary workers: the immigrant share of the destination's population, between 3% and 70%
 *     (Gulf states, where most migrants hold temporary permits);
 *   the rest settled: naturalised (core 35%, semi-periphery 20%, periphery 10%: OECD 2011,
 *     assumption outside the OECD), long-term residents 40%, permanent residents otherwise.
 * Years of residence are uniform on 0–29 (naturalised: 10–29); age bands 25/35/25/15%; except in
 *   the corridors settled in one closed episode (`cohorts`, kernels/settlement-cohorts.ts): settled
 *   (naturalised or long-term residents) since an arrival year drawn in the episode, aged as its survivors.
 * Last year's wage, which the first year's permit renewals ask for (employed workers are renewed):
 *   the destination's GDP per capita for those under 65 drawn employed (P = 1 − unemployment),
 *   else 0. (With no one employed at the start, every permit ending in the first year went
 *   unrenewed, and the Gulf states' temporary workers left at once.)
 */
import type { Parameters } from './parameters.ts';
import { CH } from './policy-tables.ts';
import { STREAM, stochasticRound, streamKey, uniform, uniform2, mix32 } from './rng.ts';
import type { AgentStore } from './state.ts';
import { NO_COUNTRY, ST, allocateStore, clockOf, growStore, makeTraits } from './state.ts';
import { highSkillShare, skillOfDraw } from './kernels/move/origin-pool.ts';
import type { CohortStart } from './kernels/settlement-cohorts.ts';
import type { WorldInput } from './world-input.ts';
import { at } from './world-input.ts';

const IRREGULAR_SHARE = [0.1, 0.15, 0.2];
const NATURALISED_SHARE = [0.35, 0.2, 0.1];
const AGE_CDF = [0.25, 0.6, 0.85, 1];

/** Refugees by corridor (d × o, o < n), persons, by IPF of the UNHCR margins seeded with the stock. */
export function refugeeCorridors(world: WorldInput): Float64Array {
  const n = world.iso3.length;
  const m = n + 2;
  const r = new Float64Array(n * n);
  for (let d = 0; d < n; d++) {
    for (let o = 0; o < n; o++)
      r[d * n + o] =
        world.refugeesByOrigin[o] > 0 && world.refugeesByAsylum[d] > 0 ? world.initialStock[d * m + o] : 0;
  }
  for (let it = 0; it < 20; it++) {
    for (let o = 0; o < n; o++) {
      let sum = 0;
      for (let d = 0; d < n; d++) sum += r[d * n + o];
      if (sum > 0) for (let d = 0; d < n; d++) r[d * n + o] *= world.refugeesByOrigin[o] / sum;
    }
    // rows last: the asylum-country totals are kept (UNHCR's origin totals miss ≈ 3 M of unknown origin)
    for (let d = 0; d < n; d++) {
      let sum = 0;
      for (let o = 0; o < n; o++) sum += r[d * n + o];
      if (sum > 0) for (let o = 0; o < n; o++) r[d * n + o] *= world.refugeesByAsylum[d] / sum;
    }
    for (let d = 0; d < n; d++)
      for (let o = 0; o < n; o++) r[d * n + o] = Math.min(r[d * n + o], world.initialStock[d * m + o]);
  }
  // Refugees the caps left out (the asylum country's UNHCR total above its refugee corridors) are
  // spread over the country's other migrants of model origins in proportion to the room left, so
  // the asylum-country totals hold wherever the stock can carry them (UNHCR counts refugees the
  // bilateral stock files under other or unknown origins).
  for (let d = 0; d < n; d++) {
    let placed = 0;
    let room = 0;
    for (let o = 0; o < n; o++) {
      placed += r[d * n + o];
      room += world.initialStock[d * m + o] - r[d * n + o];
    }
    const deficit = world.refugeesByAsylum[d] - placed;
    if (!(deficit > 0) || !(room > 0)) continue;
    const f = Math.min(1, deficit / room);
    for (let o = 0; o < n; o++) r[d * n + o] += f * (world.initialStock[d * m + o] - r[d * n + o]);
  }
  return r;
}

/** The starting migrants by corridor (d × (n + 2) lines) and, of them, the refugees (d × n). */
export interface StartingCorridors {
  stock: Float64Array;
  refugees: Float64Array;
}

/**
 * The starting refugees in UNHCR's corridors of the starting year (`world.refugeesByCorridor`), the
 * starting state and not a target (nothing after it enters). UN DESA's bilateral stock files many
 * refugees under other origins (China 1990: 17 k born in Viet Nam against UNHCR's 283 k Vietnamese
 * refugees), so a corridor's refugees above its stock are migrants of the same country of asylum
 * relabelled from its other lines (other origins, other territories, unknown origin), in
 * proportion to the migrants each line has beyond its own refugees: the country's migrant total
 * is kept. Where the country has too few migrants, every corridor's refugees are cut in the same
 * proportion. The rest of the country's UNHCR total (unknown or non-model origins, e.g. Mexico's
 * 307 k of unknown origin in 1990) goes to its migrants beyond their refugees, first from origins
 * with refugees anywhere that year (UNHCR's origin totals), then from any model origin, in
 * proportion to that room. Refugees in countries of asylum the model lacks are not placed.
 * Without a corridor table (absent or empty): `refugeeCorridors` on the unchanged stock.
 */
export function startingCorridors(world: WorldInput): StartingCorridors {
  const n = world.iso3.length;
  const table = world.refugeesByCorridor;
  if (!table || !table.some((v) => v > 0)) {
    return { stock: world.initialStock, refugees: refugeeCorridors(world) };
  }
  const m = n + 2;
  const stock = Float64Array.from(world.initialStock);
  const refugees = new Float64Array(n * n);
  // each country of asylum d reads and writes its own rows only
  for (let d = 0; d < n; d++) {
    const migrants = stock.subarray(d * m, (d + 1) * m);
    const placed = refugees.subarray(d * n, (d + 1) * n);
    relabelForRefugees(migrants, placed, table.subarray(d * n, (d + 1) * n));
    placeRefugeesOfOtherOrigins(migrants, placed, world.refugeesByAsylum[d], world.refugeesByOrigin);
  }
  return { stock, refugees };
}

/**
 * Puts a country's UNHCR corridors (`listed`, by origin) in `refugees`, relabelling its other
 * migrants (`migrants`, by origin line) where a corridor's stock is short. The lines' spare
 * migrants (beyond their own refugees) always cover what the short corridors lack, since the
 * refugees placed never exceed the country's migrants.
 */
function relabelForRefugees(migrants: Float64Array, refugees: Float64Array, listed: Float64Array): void {
  const n = refugees.length;
  let total = 0;
  let listedTotal = 0;
  for (let o = 0; o < migrants.length; o++) total += migrants[o];
  for (let o = 0; o < n; o++) listedTotal += listed[o];
  if (!(listedTotal > 0)) return;
  const cut = Math.min(1, total / listedTotal);
  const target = (o: number) => (o < n ? listed[o] * cut : 0);
  let lacking = 0;
  let spare = 0;
  for (let o = 0; o < migrants.length; o++) {
    const gap = target(o) - migrants[o];
    if (gap > 0) lacking += gap;
    else spare -= gap;
  }
  const give = spare > 0 ? Math.min(1, lacking / spare) : 0;
  for (let o = 0; o < migrants.length; o++) {
    const gap = target(o) - migrants[o];
    migrants[o] += gap > 0 ? gap : give * gap;
    if (o < n) refugees[o] = Math.min(target(o), migrants[o]);
  }
}

/**
 * Places the rest of a country's UNHCR total `hosted` (origins its table does not name) on its
 * migrants beyond their refugees.
 */
function placeRefugeesOfOtherOrigins(
  migrants: Float64Array,
  refugees: Float64Array,
  hosted: number,
  refugeesByOrigin: Float64Array,
): void {
  const n = refugees.length;
  let placed = 0;
  for (let o = 0; o < n; o++) placed += refugees[o];
  let rest = hosted - placed;
  for (const fromRefugeeOrigins of [true, false]) {
    if (!(rest > 0)) return;
    const takes = (o: number) => !fromRefugeeOrigins || refugeesByOrigin[o] > 0;
    let room = 0;
    for (let o = 0; o < n; o++) if (takes(o)) room += migrants[o] - refugees[o];
    if (!(room > 0)) continue;
    const f = Math.min(1, rest / room);
    for (let o = 0; o < n; o++) {
      if (!takes(o)) continue;
      const add = f * (migrants[o] - refugees[o]);
      refugees[o] += add;
      rest -= add;
    }
  }
}

/** Number of agents the starting stock gives at scale K (expected value, before rounding). */
export function expectedInitialAgents(world: WorldInput, scale: number): number {
  let s = 0;
  for (const v of world.initialStock) s += v;
  return s / scale;
}

/**
 * Builds the starting store. `capacity` slots are allocated (at least the agents created).
 * `estimateYears[d]` > 0: d's starting refugees were recognised over that many years (UNHCR's
 * counting rule, kernels/counting-rule.ts), else over 30.
 */
export function initialPopulation(
  world: WorldInput,
  year: number,
  seed: number,
  scale: number,
  _p: Parameters,
  capacity: number,
  estimateYears: Uint8Array = new Uint8Array(world.iso3.length),
  cohorts: ReadonlyMap<number, CohortStart> = new Map(),
): AgentStore {
  const n = world.iso3.length;
  const m = n + 2;
  const key = streamKey(seed, year, STREAM.init);
  const { stock, refugees } = startingCorridors(world);
  let store = allocateStore(Math.max(capacity, 1024));
  // durations are counted from the clock of the year before the first pass (state.ts)
  store.clock = clockOf(year - 1);
  let i = 0;
  for (let d = 0; d < n; d++) {
    const pd = at(world, year, d);
    const tier = Math.min(2, world.tier[pd]);
    let total = 0;
    for (let o = 0; o < m; o++) total += stock[d * m + o];
    const temporaryShare = Math.min(0.7, Math.max(0.03, total / Math.max(world.population[pd], 1)));
    for (let o = 0; o < m; o++) {
      const persons = stock[d * m + o];
      if (!(persons > 0)) continue;
      const cell = d * m + o;
      const agents = stochasticRound(persons / scale, uniform(key, cell));
      if (agents === 0) continue;
      const refugeeShare = o < n ? refugees[d * n + o] / persons : 0;
      const hs = o < n ? highSkillShare(world.gdpPerCapitaPpp[at(world, year, o)]) : 0.15;
      const cellKey = mix32(key ^ Math.imul(cell + 1, 0x9e3779b1));
      const cohort = cohorts.get(cell);
      for (let a = 0; a < agents; a++) {
        if (i >= store.capacity) store = growStore(store, Math.ceil(store.capacity * 1.5));
        const u1 = uniform(cellKey, 2 * a);
        const u2 = uniform2(cellKey, 2 * a);
        const u3 = uniform(cellKey, 2 * a + 1);
        const u4 = uniform2(cellKey, 2 * a + 1);
        let status: number;
        let channel: number;
        let violence = false;
        let years = Math.floor(u4 * 30);
        let x = u1;
        if (x < refugeeShare) {
          status = ST.recognised_refugee;
          channel = CH.asylum;
          violence = true;
          // where UNHCR's figure counts the recognitions of the last N years, they are those years'
          // recognised (kernels/counting-rule.ts)
          if (estimateYears[d] > 0) years = Math.floor(u4 * estimateYears[d]);
        } else if (cohort) {
          // settled in a closed episode: arrived in its years, settled ever since (settlement-cohorts.ts)
          x = (x - refugeeShare) / (1 - refugeeShare);
          channel = x < 0.5 ? CH.family : CH.labour;
          status = cohort.naturalised ? ST.naturalised : ST.long_term_resident;
          // counted, like every duration here, at the clock of the year before the first pass
          years =
            year -
            1 -
            (cohort.firstArrival + Math.floor(u4 * (cohort.lastArrival - cohort.firstArrival + 1)));
        } else if ((x = (x - refugeeShare) / (1 - refugeeShare)) < IRREGULAR_SHARE[tier]) {
          status = ST.irregular;
          channel = CH.irregular;
          years = Math.floor(u4 * 10);
        } else if ((x = (x - IRREGULAR_SHARE[tier]) / (1 - IRREGULAR_SHARE[tier])) < temporaryShare) {
          status = ST.temporary_worker;
          channel = CH.temporary_labour;
          years = Math.floor(u4 * 2);
        } else {
          x = (x - temporaryShare) / (1 - temporaryShare);
          channel = x < 0.5 ? CH.family : CH.labour;
          if (x < NATURALISED_SHARE[tier]) {
            status = ST.naturalised;
            years = 10 + Math.floor(u4 * 20);
          } else if (x < NATURALISED_SHARE[tier] + 0.4) status = ST.long_term_resident;
          else status = ST.permanent_resident;
        }
        const skill = skillOfDraw(u2, hs);
        const ages = cohort && status !== ST.recognised_refugee ? cohort.ageCdf : AGE_CDF;
        const age = u3 < ages[0] ? 0 : u3 < ages[1] ? 1 : u3 < ages[2] ? 2 : 3;
        store.origin[i] = o;
        store.location[i] = d;
        store.previous[i] = NO_COUNTRY;
        store.status[i] = status;
        store.channel[i] = channel;
        store.traits[i] = makeTraits(skill, age, violence);
        store.statusSince[i] = (store.clock - years) & 255;
        store.residentSince[i] = (store.clock - years) & 255;
        i++;
      }
    }
  }
  store.used = i;
  return store;
}
