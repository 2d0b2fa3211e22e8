/**
 * The tally kept on change (issue 23; docs/model.md §7.1). The stocks, the bilateral stock and the
 * labour market and remittances in expectation are sums over the agents abroad of amounts that
 * depend only on the agent's cohort (cohorts.ts). The engine keeps one whole-number count per
 * cohort, moves an agent's count when the agent changes cohort, and once a year evaluates the tally
 * over one agent per cohort weighted by its count (`tallyPass`, agent-year.ts), instead of
 * recounting every agent.
 *
 * Where the counts change:
 * - an agent pass (agent-pass.ts) takes a copy of each group's fields before the mechanisms run and
 *   compares it after (`countChanges`), so no kernel of the pass can change an agent without its
 *   count, whatever it writes; each thread gathers its changes in a table of its own;
 * - new agents arrive on the main thread only, through `SlotAllocator.arrival` (slots.ts), which
 *   lists their slots; the engine adds them after the year's decisions (`addArrivals`).
 * The counts are whole numbers, so the threads' changes add up exactly in any order; cohorts not
 * seen before are appended in the order of their keys, so the order of evaluation, and with it
 * every floating-point sum, does not depend on the number of threads. A count that would go below
 * zero — an agent leaving a cohort the tally does not hold — is a missed change and throws.
 */
import { reduceGroups } from './accumulators.ts';
import { tallyPass } from './agent-year.ts';
import type { AgentYear } from './agent-year.ts';
import type { BilateralTally } from './bilateral-tally.ts';
import { NO_COHORT, cohortKeyAt, cohortKeyOf, writeCohort } from './cohorts.ts';
import { allocateStore, growStore, storeBuffers } from './state.ts';
import type { AgentStore, StoreBuffers } from './state.ts';

/**
 * An open-addressing map from cohort key to a 32-bit whole number (linear probing, a power-of-two
 * table that doubles when half full).
 */
export class KeyCounts {
  keys: Float64Array;
  values: Int32Array;
  size = 0;
  private mask: number;
  /**
   * @param capacity entries it holds before it first grows
   * @param shared on shared memory, for other threads to read (`KeyCounts.over`)
   */
  constructor(
    capacity = 512,
    private readonly shared = false,
  ) {
    let n = 1024;
    while (n < 2 * capacity) n *= 2;
    this.keys = this.newKeys(n);
    this.values = this.newValues(n);
    this.mask = n - 1;
  }

  private newKeys(n: number): Float64Array {
    const keys = this.shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
    return keys.fill(NO_COHORT);
  }

  private newValues(n: number): Int32Array {
    return this.shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
  }

  /** The table held in `keys` and `values` (another thread's, on shared memory), to look keys up in. */
  static over(table: { keys: Float64Array; values: Int32Array }): KeyCounts {
    const view = Object.create(KeyCounts.prototype) as KeyCounts;
    view.keys = table.keys;
    view.values = table.values;
    view.mask = table.keys.length - 1;
    return view;
  }

  private static hash(key: number): number {
    const hi = (key / 4294967296) >>> 0;
    const h = Math.imul((key >>> 0) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  /** The position of `key` in the table, or -1. */
  find(key: number): number {
    const keys = this.keys;
    let j = KeyCounts.hash(key) & this.mask;
    for (;;) {
      const k = keys[j];
      if (k === key) return j;
      if (k === NO_COHORT) return -1;
      j = (j + 1) & this.mask;
    }
  }

  /** The position of `key`, inserted with the value 0 if absent. */
  at(key: number): number {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const keys = this.keys;
    let j = KeyCounts.hash(key) & this.mask;
    for (;;) {
      const k = keys[j];
      if (k === key) return j;
      if (k === NO_COHORT) {
        keys[j] = key;
        this.size++;
        return j;
      }
      j = (j + 1) & this.mask;
    }
  }

  add(key: number, delta: number): void {
    // the position first: `at` may grow the table and replace `values`
    const j = this.at(key);
    this.values[j] += delta;
  }

  /** Sets the value of `key`. */
  set(key: number, value: number): void {
    const j = this.at(key);
    this.values[j] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    const n = keys.length * 2;
    this.keys = this.newKeys(n);
    this.values = this.newValues(n);
    this.mask = n - 1;
    this.size = 0;
    for (let j = 0; j < keys.length; j++) if (keys[j] !== NO_COHORT) this.set(keys[j], values[j]);
  }

  /** The entries whose value is not zero (in table order). */
  nonZero(): CohortChanges {
    let count = 0;
    for (let j = 0; j < this.keys.length; j++) if (this.values[j] !== 0) count++;
    const keys = new Float64Array(count);
    const deltas = new Int32Array(count);
    for (let j = 0, m = 0; j < this.keys.length; j++) {
      if (this.values[j] === 0) continue;
      keys[m] = this.keys[j];
      deltas[m++] = this.values[j];
    }
    return { keys, deltas };
  }
}

/** Changes of the cohorts' counts: agents that joined (+) or left (−) the cohort of each key. */
export interface CohortChanges {
  keys: Float64Array;
  deltas: Int32Array;
}

/** A copy of the fields of a group of agents that the cohort key reads (`takeFields`). */
export interface GroupFields {
  status: Uint8Array;
  location: Uint16Array;
  origin: Uint16Array;
  channel: Uint8Array;
  traits: Uint8Array;
  statusSince: Uint8Array;
  residentSince: Uint8Array;
}

/** Room for the fields of `size` agents. */
export function groupFields(size: number): GroupFields {
  return {
    status: new Uint8Array(size),
    location: new Uint16Array(size),
    origin: new Uint16Array(size),
    channel: new Uint8Array(size),
    traits: new Uint8Array(size),
    statusSince: new Uint8Array(size),
    residentSince: new Uint8Array(size),
  };
}

/** Copies the key's fields of agents [from, to) into `into` (plain copies, a few ns per agent). */
export function takeFields(s: AgentStore, from: number, to: number, into: GroupFields): void {
  into.status.set(s.status.subarray(from, to));
  into.location.set(s.location.subarray(from, to));
  into.origin.set(s.origin.subarray(from, to));
  into.channel.set(s.channel.subarray(from, to));
  into.traits.set(s.traits.subarray(from, to));
  into.statusSince.set(s.statusSince.subarray(from, to));
  into.residentSince.set(s.residentSince.subarray(from, to));
}

/**
 * A thread's cohort changes: whole numbers by the index of the cohorts the tally held when the pass
 * began (`byIndex`), and by key for the cohorts it did not hold (`fresh`).
 */
export interface ThreadChanges {
  byIndex: Int32Array;
  fresh: CohortChanges;
}

/** Where a thread counts its changes: the tally's table of cohorts (read only) and its own counts. */
export interface ChangeCounter {
  /** Key → cohort index, the tally's (`KeptTally.index`). */
  index: KeyCounts;
  byIndex: Int32Array;
  fresh: KeyCounts;
}

/** One agent into (+1) or out of (−1) the cohort of `key`. */
function count(counter: ChangeCounter, key: number, delta: number): void {
  const j = counter.index.find(key);
  if (j >= 0) counter.byIndex[counter.index.values[j]] += delta;
  else counter.fresh.add(key, delta);
}

/**
 * Counts in `counter` the cohort changes of agents [from, to) since `before` was taken of them: for
 * each agent whose key differs, one out of the old cohort and one into the new. (The fields are held
 * in locals: the loop reads fourteen arrays for every agent and counts the few that changed.)
 */
export function countChanges(
  s: AgentStore,
  before: GroupFields,
  from: number,
  to: number,
  lines: number,
  counter: ChangeCounter,
): void {
  const { status, location, origin, channel, traits, statusSince, residentSince } = s;
  const status0 = before.status;
  const location0 = before.location;
  const origin0 = before.origin;
  const channel0 = before.channel;
  const traits0 = before.traits;
  const statusSince0 = before.statusSince;
  const residentSince0 = before.residentSince;
  for (let i = from, k = 0; i < to; i++, k++) {
    if (
      status0[k] !== status[i] ||
      location0[k] !== location[i] ||
      channel0[k] !== channel[i] ||
      traits0[k] !== traits[i] ||
      residentSince0[k] !== residentSince[i] ||
      statusSince0[k] !== statusSince[i] ||
      origin0[k] !== origin[i]
    )
      countChange(s, i, before, k, lines, counter);
  }
}

/** Agent i (at k in `before`) changed a field: counts its change of cohort, if any. */
function countChange(
  s: AgentStore,
  i: number,
  before: GroupFields,
  k: number,
  lines: number,
  counter: ChangeCounter,
): void {
  const was = cohortKeyOf(
    before.status[k],
    before.location[k],
    before.origin[k],
    before.channel[k],
    before.traits[k],
    before.statusSince[k],
    before.residentSince[k],
    lines,
  );
  const now = cohortKeyAt(s, i, lines);
  if (was === now) return;
  if (was !== NO_COHORT) count(counter, was, -1);
  if (now !== NO_COHORT) count(counter, now, 1);
}

/** The kept tally's state (an engine field, saved in checkpoints): the cohorts in the order they are evaluated, and their counts. */
export interface Cohorts {
  /** Cohort keys (cohorts.ts), `size` of them in use. */
  keys: Float64Array;
  /** Agents in each cohort (whole numbers; a cohort may fall to 0 and stay until `compact`). */
  counts: Float64Array;
  size: number;
}

/** Counts on shared memory, for the threads that evaluate them. */
function sharedCounts(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}

/**
 * The tally over the cohort groups `groups` of `groupSize` cohorts (the run's `groupSize`, as for the
 * agents): `tallyPass` over one agent per cohort of `agents`, weighted by `counts`, group k summing
 * into the slice k of `acc` and adding to `bilateral` (whole numbers, exact in any order). Runs on
 * any thread; the slices are added in group order, so the threads do not change the sums.
 */
export function evaluateGroups(
  agents: AgentStore,
  counts: Float64Array,
  y: AgentYear,
  acc: Float64Array,
  sliceLength: number,
  groupSize: number,
  groups: Iterable<number>,
  bilateral: BilateralTally,
): void {
  for (const k of groups) {
    const from = k * groupSize;
    const to = Math.min(agents.used, from + groupSize);
    tallyPass(agents, from, to, y, acc, k * sliceLength, bilateral, counts);
  }
}

/** Cohorts at count 0 beyond this share of the table are dropped at the year's end (`compact`). */
const EMPTY_SHARE_KEPT = 0.25;

/** The tally kept as counts by cohort, with the table that finds a key's cohort and one agent per cohort. */
export class KeptTally {
  readonly cohorts: Cohorts;
  private index: KeyCounts;
  private agents: AgentStore;
  /**
   * @param lines the origin lines of the run (countries + 2)
   * @param cohorts a saved state (a checkpoint's); without it, none
   */
  constructor(
    private readonly lines: number,
    cohorts?: Cohorts,
  ) {
    this.cohorts = cohorts ?? { keys: new Float64Array(1024), counts: sharedCounts(1024), size: 0 };
    // a restored checkpoint's counts are not shared: copied onto shared memory for the threads
    if (!(this.cohorts.counts.buffer instanceof SharedArrayBuffer)) {
      const counts = sharedCounts(this.cohorts.counts.length);
      counts.set(this.cohorts.counts);
      this.cohorts.counts = counts;
    }
    const { keys, size } = this.cohorts;
    this.index = new KeyCounts(size, true);
    this.agents = allocateStore(Math.max(1024, keys.length));
    for (let c = 0; c < size; c++) {
      this.index.set(keys[c], c);
      writeCohort(this.agents, c, keys[c], lines);
    }
    this.agents.used = size;
  }

  /** The tally of the agents of `store`, counted in slot order. */
  static recount(store: AgentStore, lines: number): KeptTally {
    const kept = new KeptTally(lines);
    for (let i = 0; i < store.used; i++) {
      const key = cohortKeyAt(store, i, lines);
      if (key !== NO_COHORT) kept.add(key, 1);
    }
    return kept;
  }

  /** Agents in the cohorts, by key (for tests and checks). */
  countsByKey(): Map<number, number> {
    const out = new Map<number, number>();
    const { keys, counts, size } = this.cohorts;
    for (let c = 0; c < size; c++) if (counts[c] !== 0) out.set(keys[c], counts[c]);
    return out;
  }

  /** Moves `delta` agents into the cohort of `key` (appended if new). */
  add(key: number, delta: number): void {
    const j = this.index.find(key);
    const c = j >= 0 ? this.index.values[j] : this.append(key);
    const count = this.cohorts.counts[c] + delta;
    if (count < 0)
      throw new Error(`kept tally: cohort ${key} would hold ${count} agents (a change not counted)`);
    this.cohorts.counts[c] = count;
  }

  private append(key: number): number {
    const cohorts = this.cohorts;
    const c = cohorts.size;
    if (c === cohorts.keys.length) {
      const keys = new Float64Array(Math.ceil(c * 1.5));
      const counts = sharedCounts(keys.length);
      keys.set(cohorts.keys);
      counts.set(cohorts.counts);
      cohorts.keys = keys;
      cohorts.counts = counts;
    }
    if (c === this.agents.capacity) this.agents = growStore(this.agents, Math.ceil(c * 1.5));
    cohorts.keys[c] = key;
    this.index.set(key, c);
    writeCohort(this.agents, c, key, this.lines);
    this.agents.used = c + 1;
    cohorts.size = c + 1;
    return c;
  }

  /** Adds the agents that arrived in `slots` of `store` (in the order given). */
  addArrivals(store: AgentStore, slots: readonly number[]): void {
    for (const i of slots) {
      const key = cohortKeyAt(store, i, this.lines);
      if (key !== NO_COHORT) this.add(key, 1);
    }
  }

  /** The table of the cohorts, key → index, on shared memory: what the threads count their changes against (`countChanges`). */
  table(): { keys: Float64Array; values: Int32Array; cohorts: number } {
    return { keys: this.index.keys, values: this.index.values, cohorts: this.cohorts.size };
  }

  /**
   * Applies the threads' changes: to the cohorts held, by index, in any order (whole numbers); the
   * cohorts not held yet are appended in the order of their keys, so the result does not depend on
   * how the changes were split over threads.
   */
  merge(parts: readonly ThreadChanges[]): void {
    const counts = this.cohorts.counts;
    for (const { byIndex } of parts) for (let c = 0; c < byIndex.length; c++) counts[c] += byIndex[c];
    for (let c = 0; c < this.cohorts.size; c++)
      if (counts[c] < 0)
        throw new Error(
          `kept tally: cohort ${this.cohorts.keys[c]} would hold ${counts[c]} agents (a change not counted)`,
        );
    const fresh = new KeyCounts();
    for (const { keys, deltas } of parts.map((p) => p.fresh))
      for (let m = 0; m < keys.length; m++) fresh.add(keys[m], deltas[m]);
    const added = fresh.nonZero().keys.sort(); // a Float64Array sorts by value
    for (const key of added) this.add(key, fresh.values[fresh.find(key)]);
  }

  /**
   * Drops the cohorts at count 0 when they are more than `EMPTY_SHARE_KEPT` of the table, keeping
   * the others in their order (a function of the counts alone, so the same on any thread count).
   */
  compact(): void {
    const { keys, counts, size } = this.cohorts;
    let empty = 0;
    for (let c = 0; c < size; c++) if (counts[c] === 0) empty++;
    if (empty <= EMPTY_SHARE_KEPT * size) return;
    let m = 0;
    for (let c = 0; c < size; c++) {
      if (counts[c] === 0) continue;
      keys[m] = keys[c];
      counts[m++] = counts[c];
    }
    counts.fill(0, m);
    this.cohorts.size = m;
    this.index = new KeyCounts(m, true);
    for (let c = 0; c < m; c++) {
      this.index.set(keys[c], c);
      writeCohort(this.agents, c, keys[c], this.lines);
    }
    this.agents.used = m;
  }

  /** Evaluation groups of `groupSize` cohorts (`evaluateGroups`). */
  groups(groupSize: number): number {
    return Math.max(1, Math.ceil(this.cohorts.size / groupSize));
  }

  /** One agent per cohort on the store's `clock`, and the counts: what `evaluateGroups` reads, shared with the threads. */
  shared(clock: number): { agents: AgentStore; buffers: StoreBuffers; counts: SharedArrayBuffer } {
    this.agents.clock = clock;
    return {
      agents: this.agents,
      buffers: storeBuffers(this.agents),
      counts: this.cohorts.counts.buffer as SharedArrayBuffer,
    };
  }

  /**
   * The tally of the year over all the cohorts on this thread, on the store's `clock`: the sums of
   * the evaluation groups (`evaluateGroups`) added in group order into one slice, and `bilateral`.
   */
  evaluate(
    y: AgentYear,
    clock: number,
    sliceLength: number,
    groupSize: number,
    bilateral: BilateralTally,
  ): Float64Array {
    this.agents.clock = clock;
    const groups = this.groups(groupSize);
    const acc = new Float64Array(groups * sliceLength);
    const all = Array.from({ length: groups }, (_, k) => k);
    evaluateGroups(this.agents, this.cohorts.counts, y, acc, sliceLength, groupSize, all, bilateral);
    return reduceGroups(acc, groups, sliceLength);
  }
}
