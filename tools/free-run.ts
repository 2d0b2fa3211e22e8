/**
 * What tools/ablation.ts and tools/coverage.ts share: the
 * free run from 1990 to 2005 under the historical regime (`neoliberal`), scored on the in-sample
 * world data (docs/results.md).
 */
import type { Parameters } from '../src/sim/index.ts';
import type { MechanismSwitches } from '../src/sim/mechanisms.ts';
import { prepareSimulation, simulate } from '../src/sim/index.ts';
import { fromWorld } from '../src/sim/world-input.ts';
import { loadWorld } from '../src/world/index.ts';

/** The free run 1990–2005 at `scale` and the world data of 1990–2005 it is scored on. */
export async function freeRun(scale: number) {
  const world = loadWorld();
  const inSample = loadWorld({ first: 1990, last: 2005 });
  const input = fromWorld(world, 1990);
  const prepared = await prepareSimulation({
    regime: 'neoliberal',
    world,
    scale,
    fromYear: 1990,
    toYear: 2005,
  });
  const run = (
    seed: number,
    over: { parameters?: Partial<Parameters>; mechanisms?: MechanismSwitches } = {},
  ) =>
    simulate({
      world: input,
      tablesForYear: prepared.tablesForYear,
      regimeId: 'neoliberal',
      seed,
      scale,
      fromYear: 1990,
      toYear: 2005,
      ...over,
    }).rows;
  return { world, inSample, run };
}
