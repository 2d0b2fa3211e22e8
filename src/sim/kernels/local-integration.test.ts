import { describe, expect, it } from 'vitest';
import { standinTablesForYear } from '../standin-tables.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { rowValue, runTiny } from '../../../test/support/sim/tiny-run.ts';
import type { TinyRows } from '../../../test/support/sim/tiny-run.ts';
import { RIGHTS, STATUSES } from '../../regime/schema/vocabulary.ts';
import { integratedRefugees } from './local-integration.ts';

describe('local integration', () => {
  // WAR at peace from the start: its refugees repatriate wherever they have not integrated
  const world = tinyWorld({ battleDeaths: 0 });
  const run = (off: string[] = []) => runTiny(world, standinTablesForYear(world), 1995, off);
  const at = (rows: TinyRows, country: string, year: number) => rowValue(rows, 'refugees', country, year);

  it('keeps the refugees whose status gives residence security where they are', () => {
    const on = run();
    const off = run(['local-integration']);
    // the core's refugees hold residence security: without the mechanism they repatriate like the rest
    expect(at(on, 'AAA', 1995)).toBeGreaterThan(1.25 * at(off, 'AAA', 1995));
    expect(at(on, 'AAA', 1995)).toBeGreaterThan(0.8 * at(on, 'AAA', 1990));
  });

  it('reads residence security of the repatriating statuses only', () => {
    const S = STATUSES.length;
    const secure = 1 << RIGHTS.indexOf('residence_security');
    const mask = new Uint16Array(2 * S);
    mask[STATUSES.indexOf('recognised_refugee')] = secure;
    mask[STATUSES.indexOf('long_term_resident')] = secure;
    mask[S + STATUSES.indexOf('recognised_refugee')] = 1 << RIGHTS.indexOf('permanent_residence');
    const integrated = integratedRefugees(mask, true);
    expect(integrated[STATUSES.indexOf('recognised_refugee')]).toBe(1);
    // a settled status returns as it always did; a route to permanent residence is not security
    expect(integrated[STATUSES.indexOf('long_term_resident')]).toBe(0);
    expect(integrated[S + STATUSES.indexOf('recognised_refugee')]).toBe(0);
    expect(integratedRefugees(mask, false).every((x) => x === 0)).toBe(true);
  });
});
