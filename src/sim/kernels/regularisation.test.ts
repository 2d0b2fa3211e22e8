import { describe, expect, it } from 'vitest';
import { standinTablesForYear } from '../standin-tables.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { rowValue, runTiny } from '../../../test/support/sim/tiny-run.ts';
import type { TinyRows } from '../../../test/support/sim/tiny-run.ts';
import { ST } from '../state.ts';
import { regularisationRates } from './regularisation.ts';
import type { PolicyTables } from '../policy-tables.ts';

describe('regularisations', () => {
  const world = tinyWorld();
  const base = standinTablesForYear(world);
  /** AAA regularises 300,000 irregular residents in 1993 into temporary workers. */
  const tables = (year: number): PolicyTables => {
    const t = base(year);
    if (year !== 1993) return t;
    const regularisedPersons = Float64Array.from(t.regularisedPersons);
    const regularisedStatus = Uint8Array.from(t.regularisedStatus);
    const regularisedEligible = Uint32Array.from(t.regularisedEligible);
    regularisedPersons[0] = 300e3;
    regularisedStatus[0] = ST.temporary_worker;
    regularisedEligible[0] = 1 << ST.irregular;
    return { ...t, regularisedPersons, regularisedStatus, regularisedEligible };
  };
  const run = (off: string[] = []) => runTiny(world, tables, 1994, off);
  const at = (rows: TinyRows, indicator: string, year: number) => rowValue(rows, indicator, 'AAA', year);

  it('gives lawful status to as many eligible residents as the programme did, in its year', () => {
    const rows = run();
    expect(at(rows, 'regularisations', 1992)).toBe(0);
    // the eligible stock counts the rejected awaiting removal too, so a little more than the programme's
    expect(Math.abs(at(rows, 'regularisations', 1993) - 300e3)).toBeLessThan(0.1 * 300e3);
    expect(at(rows, 'irregular_stock', 1993)).toBeLessThan(
      at(run(['regularisation']), 'irregular_stock', 1993) - 250e3,
    );
  });

  it('is a share of the eligible stock, at most all of it', () => {
    const t = tables(1993);
    expect(regularisationRates(t, () => 600e3, true)[0]).toBeCloseTo(0.5, 12);
    expect(regularisationRates(t, () => 100e3, true)[0]).toBe(1);
    expect(regularisationRates(t, () => 600e3, false)[0]).toBe(0);
  });
});
