/**
 * An engine on a (tiny) world from 1990 on one thread, under the stand-in policy tables: what the
 * tests that step the engine or read its step context start from.
 */
import { Engine } from '../../../src/sim/engine.ts';
import { parameters } from '../../../src/sim/parameters.ts';
import type { Parameters } from '../../../src/sim/parameters.ts';
import { standinTablesForYear } from '../../../src/sim/standin-tables.ts';
import type { WorldInput } from '../../../src/sim/world-input.ts';
import type { AgentStepContext } from '../../../src/sim/context.ts';

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

/**
 * The engine's context for the agent pass of `year` under the stand-in tables, with wages of
 * US$ 40,000 (high skill) and 15,000 (low skill) and employment 0.9 everywhere: what the tests that
 * run one agent year on a store of their own start from.
 */
export function tinyStepContext(engine: Engine, world: WorldInput, year: number): AgentStepContext {
  const n = world.iso3.length;
  return engine.stepContext(
    year,
    standinTablesForYear(world)(year),
    new Float64Array(n).fill(40000),
    new Float64Array(n).fill(15000),
    new Float64Array(n).fill(0.9),
  );
}
