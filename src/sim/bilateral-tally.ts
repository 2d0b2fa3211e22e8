/**
 * The bilateral stock the engine holds: agents by (location, origin line), counted on the main
 * thread after each year's agent pass. Every pair is counted, not only the candidate routes of the
 * decisions, so a route can enter an origin's choice set from its simulated diaspora
 * (kernels/move/choice-set.ts), any corridor of the data can be reported, and the refugees of each
 * origin in each country of asylum are known to the displacement mechanisms. The counts are whole
 * agents, so their sum does not depend on the order of the scan: each thread of the agent pass
 * counts its groups into a tally of its own (`bilateralTallyOf`), and the main thread adds the
 * threads' tallies (`addBilateral`), exactly, with any number of threads.
 */
import { CHANNELS } from '../regime/schema/vocabulary.ts';
import { ARRIVAL_STATUS } from './kernels/move/draws.ts';
import { TALLY, TALLY_KIND } from './kernels/tally.ts';
import type { AgentStore } from './state.ts';
import { FREE, ST } from './state.ts';

const C = CHANNELS.length;

/** Agents by (location d, origin line o), `[d × (n + 2) + o]` (origin lines: the countries, other territory, unknown). */
export interface BilateralTally {
  /** Live agents abroad (returnees are at home, not counted). */
  stock: Float64Array;
  /** Of them, under protection: recognised refugees, complementary and temporary protection (UNHCR's refugees). */
  protected: Float64Array;
  /** Of them, those who may not sponsor family: still on the permit of a channel whose holders may not bring their family (`familyAllowed` = 0 at d). */
  nonSponsors: Float64Array;
}

/** An empty tally for n countries. */
export function newBilateralTally(n: number): BilateralTally {
  const size = n * (n + 2);
  return {
    stock: new Float64Array(size),
    protected: new Float64Array(size),
    nonSponsors: new Float64Array(size),
  };
}

/**
 * Counts the agents of `store` into `out` (zeroed first).
 * @param familyAllowed the tables' `familyAllowed[d × C + channel]` of the year
 */
export function tallyBilateral(
  store: AgentStore,
  n: number,
  familyAllowed: Uint8Array,
  out: BilateralTally = newBilateralTally(n),
): BilateralTally {
  out.stock.fill(0);
  out.protected.fill(0);
  out.nonSponsors.fill(0);
  countBilateral(store, 0, store.used, n, familyAllowed, out);
  return out;
}

/** Adds the agents [from, to) of `store` to `out` (whole agents: the order of the calls does not matter). */
export function countBilateral(
  store: AgentStore,
  from: number,
  to: number,
  n: number,
  familyAllowed: Uint8Array,
  out: BilateralTally,
): void {
  const lines = n + 2;
  const { stock, nonSponsors } = out;
  const protectedStock = out.protected;
  const { status, location, origin, channel } = store;
  for (let i = from; i < to; i++) {
    const st = status[i];
    if (st === FREE || st === ST.returnee) continue;
    const d = location[i];
    const cell = d * lines + origin[i];
    stock[cell] += 1;
    if (TALLY_KIND[st] === TALLY.protected) protectedStock[cell] += 1;
    const ch = channel[i];
    if (!familyAllowed[d * C + ch] && ARRIVAL_STATUS[ch] === st) nonSponsors[cell] += 1;
  }
}

/** Doubles of one thread's tally in a shared buffer (`bilateralTallyOf`). */
export function bilateralTallyLength(n: number): number {
  return 3 * n * (n + 2);
}

/** The tally of thread `thread` in a buffer holding one per thread, back to back (views, not copies). */
export function bilateralTallyOf(buffer: SharedArrayBuffer, n: number, thread: number): BilateralTally {
  const size = n * (n + 2);
  const at = thread * bilateralTallyLength(n);
  return {
    stock: new Float64Array(buffer, 8 * at, size),
    protected: new Float64Array(buffer, 8 * (at + size), size),
    nonSponsors: new Float64Array(buffer, 8 * (at + 2 * size), size),
  };
}

/** Sets `out` to the sum of the threads' tallies (exact: whole agents, far below 2^53). */
export function addBilateral(tallies: readonly BilateralTally[], out: BilateralTally): void {
  for (const key of ['stock', 'protected', 'nonSponsors'] as const) {
    const sum = out[key];
    sum.set(tallies[0][key]);
    for (let t = 1; t < tallies.length; t++) {
      const part = tallies[t][key];
      for (let k = 0; k < sum.length; k++) sum[k] += part[k];
    }
  }
}
