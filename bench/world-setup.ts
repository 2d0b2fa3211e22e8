/**
 * The world the world benchmarks step (bench/world.bench.ts, bench/world-profile.ts; not a
 * benchmark itself): the real world under the compiled `neoliberal` tables — the flows a
 * `regimes run` has — with the tables of 1990–2000 compiled before any timing (an engine would
 * otherwise compile them inside its timed steps; those to 2005 are compiled when first asked for,
 * outside the timings), and engines on it from 1990, seed 1.
 */
import { assembleWorld, buildWorldDataFromCsv, loadWorld } from '../src/world/index.ts';
import type { World } from '../src/world/index.ts';
import { Engine } from '../src/sim/engine.ts';
import { parameters } from '../src/sim/parameters.ts';
import { prepareSimulation } from '../src/sim/prepare.ts';
import type { PolicyTables } from '../src/sim/policy-tables.ts';
import type { WorldInput } from '../src/sim/world-input.ts';

function loadAnyWorld(): World {
  try {
    return loadWorld();
  } catch {
    return assembleWorld(buildWorldDataFromCsv());
  }
}

export interface BenchWorld {
  world: WorldInput;
  tables: (year: number) => PolicyTables;
  /** The migrant stock of 1990, persons. */
  stock: number;
  /** An engine at the scale that gives about `agents` agents in 1990. */
  engineFor(agents: number, threads: number): Engine;
}

export async function benchWorld(): Promise<BenchWorld> {
  const prepared = await prepareSimulation({
    regime: 'neoliberal',
    fromYear: 1990,
    toYear: 2005,
    world: loadAnyWorld(),
  });
  const world = prepared.world as WorldInput;
  const tables = prepared.tablesForYear;
  for (let y = 1990; y <= 2000; y++) tables(y);
  const stock = world.initialStock.reduce((s, v) => s + v, 0);
  return {
    world,
    tables,
    stock,
    engineFor: (agents, threads) =>
      new Engine({
        world,
        tablesForYear: tables,
        seed: 1,
        scale: stock / agents,
        fromYear: 1990,
        threads,
        params: parameters(),
      }),
  };
}
