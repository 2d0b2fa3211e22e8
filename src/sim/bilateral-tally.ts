/**
 * The bilateral stock the engine holds: agents by (location, origin line), counted on the main
 * thread after each year's agent pass. Every pair is counted, not only the candidate routes of the
 * decisions, so a route can enter an origin's choice set from its simulated diaspora
 * (kernels/move/choice-set.ts), any corridor of the data can be reported, and the refugees of each
 * origin in each country of asylum are known to the displacement mechanisms. The counts are whole
 * agents, so their sum does not depend on the order of the scan; the scan runs on the main thread in
 * slot order anyway.
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
  const lines = n + 2;
  const { stock, nonSponsors } = out;
  const protectedStock = out.protected;
  stock.fill(0);
  protectedStock.fill(0);
  nonSponsors.fill(0);
  const { status, location, origin, channel } = store;
  for (let i = 0; i < store.used; i++) {
    const st = status[i];
    if (st === FREE || st === ST.returnee) continue;
    const d = location[i];
    const cell = d * lines + origin[i];
    stock[cell] += 1;
    if (TALLY_KIND[st] === TALLY.protected) protectedStock[cell] += 1;
    const ch = channel[i];
    if (!familyAllowed[d * C + ch] && ARRIVAL_STATUS[ch] === st) nonSponsors[cell] += 1;
  }
  return out;
}
