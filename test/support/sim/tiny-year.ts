/**
 * The tiny world after five years (1990–94) on one thread, and the step context of 1995 with flat
 * wages and employment (40,000 and 15,000 a year, 90% employed): what the tests that run one year's
 * agent pass or tally over the engine's own agents start from.
 */
import type { AgentStepContext } from '../../../src/sim/context.ts';
import { standinTablesForYear } from '../../../src/sim/standin-tables.ts';
import type { AgentStore } from '../../../src/sim/state.ts';
import { tinyEngine } from './tiny-engine.ts';
import { tinyWorld } from './tiny-world.ts';

export function tinyWorldIn1995(run: { seed: number; scale: number }): {
  store: AgentStore;
  ctx: AgentStepContext;
  n: number;
} {
  const world = tinyWorld();
  const tables = standinTablesForYear(world);
  const engine = tinyEngine(world, run);
  for (let y = 1990; y <= 1994; y++) engine.step(y);
  const n = engine.n;
  const ctx = engine.stepContext(
    1995,
    tables(1995),
    new Float64Array(n).fill(40000),
    new Float64Array(n).fill(15000),
    new Float64Array(n).fill(0.9),
  );
  const store = engine.store;
  engine.close();
  return { store, ctx, n };
}
