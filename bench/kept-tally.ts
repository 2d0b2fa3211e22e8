/**
 * What a tally kept as counts would cost (issue 23; docs/model.md §7.1), measured on the engine's
 * own agents (not a benchmark itself: bench/world.bench.ts runs it).
 *
 * Agents abroad equal in every field the tally reads — a cohort (src/sim/cohorts.ts) — add the
 * same amounts, so a tally kept as one count per cohort, changed only when an agent changes, gives
 * the same sums. Its costs, measured here
 * (`keptSeconds` = the year's moves in the table of cohorts + the evaluation):
 * - `cohorts`: how many cohorts the store holds (the yearly evaluation visits each once);
 * - `keyChangedShare`: the share of agents whose cohort changed in one year, new agents and the
 *   dead included (each such change moves one count down and one up);
 * - `updateSeconds`: one count added in an open-addressing table of the cohorts (the keys of every
 *   agent inserted in slot order, timed per insertion);
 * - `evaluateSeconds`: the yearly evaluation, `tallyPass` over one agent per cohort weighted by
 *   the cohort's count;
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
import { NO_COHORT as NONE, cohortKeys, storeOfCohorts } from '../src/sim/cohorts.ts';
import type { AgentStore } from '../src/sim/state.ts';

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
  const held = table.keys.map((k, j) => (k === NONE ? -1 : j)).filter((j) => j >= 0);
  const cohorts = storeOfCohorts(
    held.map((j) => table.keys[j]),
    lines,
    s.clock,
  );
  const counts = held.map((j) => table.counts[j]);
  const evaluateSeconds = cpuSeconds(3, () =>
    tallyPass(cohorts, 0, cohorts.used, year, acc, 0, bilateral, counts),
  );
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
