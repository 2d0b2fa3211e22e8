/**
 * The per-agent part of a year over groups of agents: each group sums into its own accumulator
 * slice (accumulators.ts), so the grouping — not the thread count — fixes the floating-point result.
 * The bilateral stock (whole agents, bilateral-tally.ts) is counted into the thread's own tally by
 * the same pass.
 */
import { compileAgentYear, runAgentYear, tallyPass } from './agent-year.ts';
import type { BilateralTally } from './bilateral-tally.ts';
import type { AgentStepContext } from './context.ts';
import type { AgentStore } from './state.ts';

/** Agents per accumulation group (fixed: the thread count never changes the grouping). */
export const DEFAULT_GROUP_SIZE = 1 << 16;

/**
 * Runs the agents' year over groups `groups` (indices), writing group g's sums at g × sliceLength,
 * and adds their bilateral stock at the end of the year to `bilateral` (this thread's tally).
 */
export function runGroups(
  store: AgentStore,
  ctx: AgentStepContext,
  acc: Float64Array,
  sliceLength: number,
  groupSize: number,
  groups: Iterable<number>,
  bilateral: BilateralTally,
): void {
  const year = compileAgentYear(ctx);
  for (const g of groups) {
    const g0 = g * groupSize;
    const g1 = Math.min(store.used, g0 + groupSize);
    runAgentYear(store, g0, g1, year, acc, g * sliceLength, bilateral);
  }
}

/** Runs only the tally (used once at the start, to have stocks before the first year). */
export function runTally(
  store: AgentStore,
  ctx: AgentStepContext,
  acc: Float64Array,
  bilateral: BilateralTally,
): void {
  tallyPass(store, 0, store.used, compileAgentYear(ctx), acc, 0, bilateral);
}
