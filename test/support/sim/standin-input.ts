/**
 * For tests: a simulation of a world (usually `tinyWorld()`) under the stand-in policy tables, as
 * regime `test` from 1990 unless `run` says otherwise; `run` gives the seed, scale and last year.
 */
import type { SimulationInput } from '../../../src/sim/simulate.ts';
import { standinTablesForYear } from '../../../src/sim/standin-tables.ts';
import type { WorldInput } from '../../../src/sim/world-input.ts';

type RunSettings = Pick<SimulationInput, 'seed' | 'scale' | 'toYear'> & Partial<SimulationInput>;

export function standinInput(world: WorldInput, run: RunSettings): SimulationInput {
  return { world, tablesForYear: standinTablesForYear(world), regimeId: 'test', fromYear: 1990, ...run };
}
