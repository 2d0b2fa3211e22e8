/**
 * The per-agent part of a year: every kernel over a cache-sized block of agents, block after block
 * (cache blocking: the first kernel brings a block's arrays into cache, the others find them
 * there), each group of blocks summing into its own accumulator slice.
 */
import type { AgentStepContext } from './context.ts';
import { asylumKernel } from './kernels/asylum.ts';
import { labourMarketKernel } from './kernels/labour-market.ts';
import { remittancesKernel } from './kernels/remittances.ts';
import { removalKernel } from './kernels/removal.ts';
import { returnKernel } from './kernels/return.ts';
import { tallyKernel } from './kernels/tally.ts';
import { transitionsKernel } from './kernels/transitions.ts';
import type { AgentStore } from './state.ts';

/** Agents per cache block: 16,384 × 22 B ≈ 350 KB, within a core's L2. */
export const CACHE_BLOCK = 1 << 14;

/** Agents per accumulation group (fixed: the thread count never changes the grouping). */
export const DEFAULT_GROUP_SIZE = 1 << 16;

/** Runs the agent kernels over groups `groups` (indices), writing group g's sums at g × sliceLength. */
export function runGroups(
  store: AgentStore,
  ctx: AgentStepContext,
  acc: Float64Array,
  sliceLength: number,
  groupSize: number,
  groups: Iterable<number>,
): void {
  for (const g of groups) {
    const base = g * sliceLength;
    const g0 = g * groupSize;
    const g1 = Math.min(store.used, g0 + groupSize);
    for (let b = g0; b < g1; b += CACHE_BLOCK) {
      const e = Math.min(g1, b + CACHE_BLOCK);
      transitionsKernel(store, b, e, ctx, acc, base);
      asylumKernel(store, b, e, ctx, acc, base);
      removalKernel(store, b, e, ctx, acc, base);
      returnKernel(store, b, e, ctx, acc, base);
      labourMarketKernel(store, b, e, ctx, acc, base);
      remittancesKernel(store, b, e, ctx, acc, base);
      tallyKernel(store, b, e, ctx, acc, base);
    }
  }
}

/** Runs only the tally (used once at the start, to have stocks before the first year). */
export function runTally(store: AgentStore, ctx: AgentStepContext, acc: Float64Array): void {
  tallyKernel(store, 0, store.used, ctx, acc, 0);
}
