/**
 * Remittances (docs/model.md §3.10; claim 8 of docs/experiments.md; Overbeek 2002, §1: 1995 remittances $70 bn vs aid $66 bn).
 *
 *   remitted = wage × remittanceShare(year) × exp(−years in country / remittanceDecayYears) × (½ if naturalised)
 *   remittanceShare(year) = remittanceShare × (1 + remittanceTrend)^(year − 1990)   [recorded share]
 *   savings += wage × savingRate
 * Sent from the destination, received by the origin (nothing is received for unknown origins).
 * Runs inline in the agent pass (agent-year.ts).
 */
import type { AgentStepContext } from '../context.ts';

/**
 * Share of the wage remitted after k = 0…255 years in the country, this year:
 * remittanceShare(year) × exp(−k / remittanceDecayYears) (the agent pass halves it for the naturalised).
 */
export function remittedShare(ctx: AgentStepContext): Float64Array {
  const t = new Float64Array(256);
  for (let k = 0; k < 256; k++) t[k] = ctx.remittanceShare * Math.exp(-k / ctx.params.remittanceDecayYears);
  return t;
}
