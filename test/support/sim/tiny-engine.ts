/**
 * An engine on a (tiny) world from 1990 on one thread, under the stand-in policy tables: what the
 * tests that step the engine or read its step context start from.
 */
import { Engine } from '../../../src/sim/engine.ts';
import { parameters } from '../../../src/sim/parameters.ts';
import type { Parameters } from '../../../src/sim/parameters.ts';
import { standinTablesForYear } from '../../../src/sim/standin-tables.ts';
import type { WorldInput } from '../../../src/sim/world-input.ts';

/** The engine on `world` from 1990, one thread, the stand-in tables, with `seed` and `scale` (persons per agent). */
export function tinyEngine(
  world: WorldInput,
  run: { seed: number; scale: number; params?: Parameters },
): Engine {
  return new Engine({
    world,
    tablesForYear: standinTablesForYear(world),
    seed: run.seed,
    scale: run.scale,
    fromYear: 1990,
    threads: 1,
    params: run.params ?? parameters(),
  });
}
