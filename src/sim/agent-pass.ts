/**
 * The per-agent part of a year over groups of agents: each group sums into its own accumulator
 * slice (accumulators.ts), so the grouping — not the thread count — fixes the floating-point result.
 */
import { compileAgentYear, runAgentYear, tallyPass } from './agent-year.ts';
import type { AgentStepContext } from './context.ts';
import type { AgentStore } from './state.ts';

/** Agents per accumulation group (fixed: the thread count never changes the grouping). */
export const DEFAULT_GROUP_SIZE = 1 << 16;

/** Runs the agents' year over groups `groups` (indices), writing group g's sums at g × sliceLength. */
export function runGroups(
  store: AgentStore,
  ctx: AgentStepContext,
  acc: Float64Array,
  sliceLength: number,
  groupSize: number,
  groups: Iterable<number>,
): void {
  const year = compileAgentYear(ctx);
  for (const g of groups) {
    const g0 = g * groupSize;
    runAgentYear(store, g0, Math.min(store.used, g0 + groupSize), year, acc, g * sliceLength);
  }
}

/** Runs only the tally (used once at the start, to have stocks before the first year). */
export function runTally(store: AgentStore, ctx: AgentStepContext, acc: Float64Array): void {
  tallyPass(store, 0, store.used, compileAgentYear(ctx), acc, 0);
}
