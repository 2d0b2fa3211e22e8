/**
 * The bilateral stock the engine holds: agents by (location, origin line), counted by the tally of
 * each year's agent pass (`tallyPass`, agent-year.ts). Every pair is counted, not only the candidate routes of the
 * decisions, so a route can enter an origin's choice set from its simulated diaspora
 * (kernels/move/choice-set.ts), any corridor of the data can be reported, and the refugees of each
 * origin in each country of asylum are known to the displacement mechanisms. The counts are whole
 * agents, so their sum does not depend on the order of the scan: each thread of the agent pass
 * counts its groups into a tally of its own (`bilateralTallyOf`), and the main thread adds the
 * threads' tallies (`addBilateral`), exactly, with any number of threads.
 */
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
