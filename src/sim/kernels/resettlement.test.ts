import { describe, expect, it } from 'vitest';
import { standinTablesForYear } from '../standin-tables.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { rowValue, runTiny } from '../../../test/support/sim/tiny-run.ts';
import { parameters } from '../parameters.ts';
import { resettlement, resettlementDestination } from './resettlement.ts';
import { resettlementInYear } from '../../rules/tables.ts';
import type { PolicyTables } from '../policy-tables.ts';

describe('resettlement', () => {
  const world = tinyWorld();
  const base = standinTablesForYear(world);
  /** AAA (core) admits 40,000 refugees a year from 1991. */
  const tables = (year: number): PolicyTables => {
    const t = base(year);
    const resettlementPersons = Float64Array.from(t.resettlementPersons);
    if (year >= 1991) resettlementPersons[0] = 40e3;
    return { ...t, resettlementPersons };
  };
  const run = (off: string[] = []) => runTiny(world, tables, 1994, off);
  const at = rowValue;

  it('takes the admitted refugees from first asylum to the resettling country', () => {
    const on = run();
    const off = run(['resettlement']);
    const admitted = 40e3 * parameters().resettlementFill;
    expect(at(on, 'resettled_refugees', 'AAA', 1990)).toBe(0);
    for (const year of [1991, 1992, 1993])
      expect(Math.abs(at(on, 'resettled_refugees', 'AAA', year) - admitted)).toBeLessThan(0.15 * admitted);
    expect(at(off, 'resettled_refugees', 'AAA', 1993)).toBe(0);
    // the refugees AAA took in came out of the countries of first asylum, not out of nowhere
    const taken = (['NBR', 'WAR'] as const).reduce(
      (s, c) => s + at(off, 'refugees', c, 1993) - at(on, 'refugees', c, 1993),
      0,
    );
    expect(taken).toBeGreaterThan(2 * admitted);
    expect(at(on, 'refugees', 'AAA', 1993)).toBeGreaterThan(at(off, 'refugees', 'AAA', 1993) + 2 * admitted);
  });

  it('is a share of the refugees of the countries of first asylum, at most all of them', () => {
    const tier = [0, 0, 2, 2];
    const hosted = [5e5, 1e5, 3e5, 1e5];
    const r = resettlement([30e3, 0, 10e3, 0], 1, (d) => hosted[d], tier, true);
    // core AAA and BBB, and CCC which resettles itself, are no source: only DDD's 100,000
    expect(Array.from(r.source)).toEqual([0, 0, 0, 1]);
    expect(r.rate).toBeCloseTo(0.4, 12);
    expect(Array.from(r.cumulative)).toEqual([0.75, 0.75, 1, 1]);
    expect(resettlement([30e3, 0, 0, 0], 1, () => 1e3, tier, true).rate).toBe(1);
    expect(resettlement([30e3, 0, 0, 0], 1, () => 1e5, tier, false).rate).toBe(0);
    expect(resettlement([0, 0, 0, 0], 1, () => 1e5, tier, true).rate).toBe(0);
  });

  it('sends each resettled refugee where the admissions are', () => {
    const cumulative = Float64Array.of(0.75, 0.75, 1, 1);
    expect(resettlementDestination(cumulative, 0)).toBe(0);
    expect(resettlementDestination(cumulative, 0.7499)).toBe(0);
    expect(resettlementDestination(cumulative, 0.75)).toBe(2);
    expect(resettlementDestination(cumulative, 0.9999)).toBe(2);
  });

  it("spreads a programme's persons over its days", () => {
    const fy1991 = [{ from: '1990-10-01', to: '1991-09-30', persons: 365e3 }];
    expect(resettlementInYear(fy1991, 1990)).toBeCloseTo(92e3, 6);
    expect(resettlementInYear(fy1991, 1991)).toBeCloseTo(273e3, 6);
    expect(resettlementInYear(fy1991, 1992)).toBe(0);
  });
});
