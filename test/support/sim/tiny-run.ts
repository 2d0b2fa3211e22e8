/**
 * A run of the tiny world (tiny-world.ts) from 1990 at scale 200, seed 1, with some mechanisms
 * switched off, and the value of one of its rows: what the tests of the mechanisms compare.
 */
import { simulate } from '../../../src/sim/simulate.ts';
import { mechanismSwitches } from '../../../src/sim/mechanisms.ts';
import type { PolicyTables } from '../../../src/sim/policy-tables.ts';
import type { WorldInput } from '../../../src/sim/world-input.ts';

export type TinyRows = ReturnType<typeof simulate>['rows'];

/** The rows of a run of `world` under `tablesForYear` to `toYear`, the mechanisms `off` switched off. */
export function runTiny(
  world: WorldInput,
  tablesForYear: (year: number) => PolicyTables,
  toYear: number,
  off: readonly string[] = [],
): TinyRows {
  return simulate({
    world,
    tablesForYear,
    regimeId: 'test',
    seed: 1,
    scale: 200,
    fromYear: 1990,
    toYear,
    mechanisms: mechanismSwitches(off),
  }).rows;
}

/** The value of `indicator` for `country` in `year` (throws if the run has no such row). */
export function rowValue(rows: TinyRows, indicator: string, country: string, year: number): number {
  const row = rows.find((r) => r.indicator === indicator && r.country === country && r.year === year);
  if (!row) throw new Error(`no row ${indicator} ${country} ${year}`);
  return row.value;
}
