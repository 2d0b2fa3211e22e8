/**
 * What a tally kept as counts would cost (issue 23; docs/model.md §7.1), measured on the engine's
 * own agents (not a benchmark itself: bench/world.bench.ts runs it).
 *
 * The tally (`tallyPass`, agent-year.ts) reads, of each agent abroad, its location, origin, status,
 * channel, skill, whether it is 65 or older, the violence it fled, the year its residence began (the
 * remittances decay with it) and, for the protected, the year its status began (the counting rule).
 * Agents equal in all of these — a *cohort* — add the same amounts, so a tally kept as one count per
 * cohort, changed only when an agent changes, gives the same stocks. Its costs, measured here
 * (`keptSeconds` = the year's moves in the table of cohorts + the evaluation):
 * - `cohorts`: how many cohorts the store holds (the yearly evaluation visits each once);
 * - `keyChangedShare`: the share of agents whose cohort changed in one year, new agents and the
 *   dead included (each such change moves one count down and one up);
 * - `updateSeconds`: one count added in an open-addressing table of the cohorts (the keys of every
 *   agent inserted in slot order, timed per insertion);
 * - `evaluateSeconds`: the tally over one agent per cohort (`tallyPass` over a store of cohorts),
 *   what the yearly evaluation costs with each cohort's values multiplied by its count;
 * - `recountSeconds`: the tally it would replace, over every agent (`tallyPass` over the store);
 * - `movesSeconds`: the year's moves themselves, applied in slot order to the table of the cohorts
 *   of the year before, and `smallTableMovesSeconds` the same moves in a table of counts by
 *   (location, status) alone, which stays in the cache: what marginal tables would cost.
 * Times are process CPU time, one thread, best of two or three: on a shared machine the wall time
 * also counts the time other processes held the core.
 */
import { tallyPass } from '../src/sim/agent-year.ts';
import type { AgentYear } from '../src/sim/agent-year.ts';
import type { BilateralTally } from '../src/sim/bilateral-tally.ts';
import { TALLY, TALLY_KIND } from '../src/sim/kernels/tally.ts';
import { FREE, ST, TRAIT, allocateStore } from '../src/sim/state.ts';
import type { AgentStore } from '../src/sim/state.ts';

/** Not an agent abroad (a free slot or a returnee): no cohort. */
const NONE = -1;

/** The bits of the traits byte the tally reads: skill, 65+, violence (state.ts). */
function tallyTraits(traits: number): number {
  return (
    (traits & TRAIT.skillMask) |
    ((traits & TRAIT.ageMask) === TRAIT.ageMask ? 4 : 0) |
    (traits & TRAIT.violence ? 8 : 0)
  );
}

/**
 * The cohort key of each slot [0, used): location, origin, status, channel, tally traits, the
 * year the status began (protected only) and the year the residence began, packed in a double
 * (below 2^53 for up to 256 countries); `NONE` for free slots and returnees.
 */
export function cohortKeys(s: AgentStore, lines: number): Float64Array {
  const keys = new Float64Array(s.used);
  for (let i = 0; i < s.used; i++) {
    const st = s.status[i];
    if (st === FREE || st === ST.returnee) {
      keys[i] = NONE;
      continue;
    }
    const since = TALLY_KIND[st] === TALLY.protected ? s.statusSince[i] : 0;
    const cell = ((s.location[i] * lines + s.origin[i]) * 32 + st) * 16 + s.channel[i];
    keys[i] = ((cell * 16 + tallyTraits(s.traits[i])) * 256 + since) * 256 + s.residentSince[i];
  }
  return keys;
}

/** The share of agents (live after the year) whose cohort key differs between `before` and `after`. */
export function keyChangedShare(before: Float64Array, after: Float64Array): number {
  let changed = 0;
  let live = 0;
  for (let i = 0; i < after.length; i++) {
    const was = i < before.length ? before[i] : NONE;
    if (after[i] !== NONE) live++;
    if (was !== after[i]) changed++;
  }
  return changed / live;
}

/** An open-addressing table from cohort key to count (linear probing, power-of-two size). */
class CohortTable {
  readonly keys: Float64Array;
  readonly counts: Int32Array;
  size = 0;
  private readonly mask: number;
  constructor(capacity: number) {
    let n = 1024;
    while (n < 2 * capacity) n *= 2;
    this.keys = new Float64Array(n).fill(NONE);
    this.counts = new Int32Array(n);
    this.mask = n - 1;
  }
  add(key: number, delta: number): void {
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul((key >>> 0) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let j = h & this.mask;
    for (;;) {
      const k = this.keys[j];
      if (k === key) break;
      if (k === NONE) {
        this.keys[j] = key;
        this.size++;
        break;
      }
      j = (j + 1) & this.mask;
    }
    this.counts[j] += delta;
  }
}

/** A store holding one agent of each cohort of `table` (the fields the tally reads). */
function storeOfCohorts(table: CohortTable, lines: number, clock: number): AgentStore {
  const s = allocateStore(Math.max(1, table.size));
  s.clock = clock;
  let i = 0;
  for (let j = 0; j < table.keys.length; j++) {
    let k = table.keys[j];
    if (k === NONE) continue;
    s.residentSince[i] = k % 256;
    k = Math.floor(k / 256);
    s.statusSince[i] = k % 256;
    k = Math.floor(k / 256);
    const t = k % 16;
    s.traits[i] = (t & 3) | (t & 4 ? TRAIT.ageMask : 0) | (t & 8 ? TRAIT.violence : 0);
    k = Math.floor(k / 16);
    s.channel[i] = k % 16;
    k = Math.floor(k / 16);
    s.status[i] = k % 32;
    k = Math.floor(k / 32);
    s.origin[i] = k % lines;
    s.location[i] = Math.floor(k / lines);
    i++;
  }
  s.used = i;
  return s;
}

/** Process CPU seconds of `f()`, best of `rounds`. */
function cpuSeconds(rounds: number, f: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return best;
}

/** The cohort moves of one year: the keys of the agents whose cohort changed, before and after. */
function yearsMoves(before: Float64Array, after: Float64Array): { from: Float64Array; to: Float64Array } {
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const was = i < before.length ? before[i] : NONE;
    if (was === after[i]) continue;
    from.push(was);
    to.push(after[i]);
  }
  return { from: Float64Array.from(from), to: Float64Array.from(to) };
}

/** The (location, status) cell of a cohort key (`cohortKeys`), or -1 for `NONE`. */
function locationStatusCell(key: number, lines: number): number {
  if (key === NONE) return -1;
  const cell = Math.floor(key / 65536 / 16 / 16);
  return Math.floor(cell / 32 / lines) * 32 + (cell % 32);
}

/**
 * Process CPU seconds of the year's moves applied in slot order: to `table`, rebuilt from the
 * keys `before` outside the timing (best of 2), and to a table of counts by (location, status) that
 * stays in the cache (best of 3).
 */
function movesSeconds(
  before: Float64Array,
  after: Float64Array,
  lines: number,
  agents: number,
): { cohortTable: number; smallTable: number; moves: number } {
  const { from, to } = yearsMoves(before, after);
  let cohortTable = Infinity;
  for (let r = 0; r < 2; r++) {
    const table = new CohortTable(agents);
    for (const k of before) if (k !== NONE) table.add(k, 1);
    cohortTable = Math.min(
      cohortTable,
      cpuSeconds(1, () => {
        for (let m = 0; m < from.length; m++) {
          if (from[m] !== NONE) table.add(from[m], -1);
          if (to[m] !== NONE) table.add(to[m], 1);
        }
      }),
    );
  }
  const fromCell = Int32Array.from(from, (k) => locationStatusCell(k, lines));
  const toCell = Int32Array.from(to, (k) => locationStatusCell(k, lines));
  const counts = new Int32Array(lines * 32);
  const smallTable = cpuSeconds(3, () => {
    for (let m = 0; m < fromCell.length; m++) {
      if (fromCell[m] >= 0) counts[fromCell[m]] -= 1;
      if (toCell[m] >= 0) counts[toCell[m]] += 1;
    }
  });
  return { cohortTable, smallTable, moves: from.length };
}

export interface KeptTallyCost {
  cohorts: number;
  agents: number;
  keyChangedShare: number;
  /** Seconds to move one count (best of 2). */
  updateSeconds: number;
  /** Seconds of the tally over one agent per cohort (best of 3). */
  evaluateSeconds: number;
  /** Seconds of the tally over every agent (best of 2). */
  recountSeconds: number;
  /** Seconds a year of the kept tally: the year's moves in the table of cohorts, the evaluation. */
  keptSeconds: number;
  /** Agents that changed cohort in the year (new and dead included). */
  moves: number;
  /** Seconds of the year's moves in the table of cohorts, in slot order. */
  movesSeconds: number;
  /** Seconds of the same moves in a table by (location, status) that stays in the cache. */
  smallTableMovesSeconds: number;
}

/**
 * The costs of a tally kept by cohorts for the store `s` at the end of a year, given the cohort
 * keys of the year before (`before`) and the year's compiled numbers (`year`, `acc`, `bilateral`).
 */
export function keptTallyCost(
  s: AgentStore,
  lines: number,
  before: Float64Array,
  year: AgentYear,
  acc: Float64Array,
  bilateral: BilateralTally,
): KeptTallyCost {
  const keys = cohortKeys(s, lines);
  let agents = 0;
  for (const k of keys) if (k !== NONE) agents++;
  let table = new CohortTable(agents);
  const updateSeconds =
    cpuSeconds(2, () => {
      table = new CohortTable(agents);
      for (const k of keys) if (k !== NONE) table.add(k, 1);
    }) / agents;
  const cohorts = storeOfCohorts(table, lines, s.clock);
  const evaluateSeconds = cpuSeconds(3, () => tallyPass(cohorts, 0, cohorts.used, year, acc, 0, bilateral));
  const recountSeconds = cpuSeconds(2, () => tallyPass(s, 0, s.used, year, acc, 0, bilateral));
  const changed = keyChangedShare(before, keys);
  const moves = movesSeconds(before, keys, lines, agents);
  return {
    moves: moves.moves,
    movesSeconds: moves.cohortTable,
    smallTableMovesSeconds: moves.smallTable,
    cohorts: table.size,
    agents,
    keyChangedShare: changed,
    updateSeconds,
    evaluateSeconds,
    recountSeconds,
    keptSeconds: moves.cohortTable + evaluateSeconds,
  };
}
