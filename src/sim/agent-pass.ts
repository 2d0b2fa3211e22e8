/**
 * The per-agent part of a year over groups of agents: each group sums the year's events into its
 * own accumulator slice (accumulators.ts), so the grouping — not the thread count — fixes the
 * floating-point result. The tally is kept on change (kept-tally.ts): each group's fields are
 * copied before the mechanisms run and compared after, and the cohort changes are counted by the
 * index of the tally's cohorts (a table the threads read) in the thread's own counts, whole numbers
 * that add up exactly in any order.
 */
import { agentYearPass, compileAgentYear, tallyPass } from './agent-year.ts';
import type { BilateralTally } from './bilateral-tally.ts';
import type { AgentStepContext } from './context.ts';
import { KeyCounts, countChanges, groupFields, takeFields } from './kept-tally.ts';
import type { ThreadChanges } from './kept-tally.ts';
import type { AgentStore } from './state.ts';

/** Agents per accumulation group (fixed: the thread count never changes the grouping). */
export const DEFAULT_GROUP_SIZE = 1 << 16;

/**
 * Runs the agents' year over groups `groups` (indices), writing group g's events at g × sliceLength,
 * and returns the groups' cohort changes, counted against the tally's `table` (kept-tally.ts).
 */
export function runGroups(
  store: AgentStore,
  ctx: AgentStepContext,
  acc: Float64Array,
  sliceLength: number,
  groupSize: number,
  groups: Iterable<number>,
  table: { keys: Float64Array; values: Int32Array; cohorts: number },
): ThreadChanges {
  const year = compileAgentYear(ctx);
  const lines = ctx.n + 2;
  const before = groupFields(groupSize);
  const changes = {
    index: KeyCounts.over(table),
    byIndex: new Int32Array(table.cohorts),
    fresh: new KeyCounts(),
  };
  for (const g of groups) {
    const g0 = g * groupSize;
    const g1 = Math.min(store.used, g0 + groupSize);
    takeFields(store, g0, g1, before);
    agentYearPass(store, g0, g1, year, acc, g * sliceLength);
    countChanges(store, before, g0, g1, lines, changes);
  }
  return { byIndex: changes.byIndex, fresh: changes.fresh.nonZero() };
}

/** Recounts the tally over every agent (the check of the kept tally, and the benchmark's recount). */
export function runTally(
  store: AgentStore,
  ctx: AgentStepContext,
  acc: Float64Array,
  bilateral: BilateralTally,
): void {
  tallyPass(store, 0, store.used, compileAgentYear(ctx), acc, 0, bilateral);
}
