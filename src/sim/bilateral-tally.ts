/**
 * The bilateral stock the engine holds: agents by (location, origin line), counted by the tally
 * (`tallyPass`, agent-year.ts) the engine evaluates each year over the cohorts it keeps on change
 * (kept-tally.ts). Every pair is counted, not only the candidate routes of the decisions, so a
 * route can enter an origin's choice set from its simulated diaspora (kernels/move/choice-set.ts),
 * any corridor of the data can be reported, and the refugees of each origin in each country of
 * asylum are known to the displacement mechanisms. The counts are whole agents, exact in any order.
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
