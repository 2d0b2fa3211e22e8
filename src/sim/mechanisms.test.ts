import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { MECHANISMS, mechanismSwitches } from './mechanisms.ts';
import { simulate } from './simulate.ts';
import { standinInput } from '../../test/support/sim/standin-input.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

describe('mechanism switches', () => {
  it('are all on by default, and refuse an unknown name with E_SIM_MECHANISM', () => {
    expect(Object.values(mechanismSwitches()).every(Boolean)).toBe(true);
    expect(mechanismSwitches(['repatriation']).repatriation).toBe(false);
    expect(MECHANISMS).toContain('mass-influx');
    let err: unknown;
    try {
      mechanismSwitches(['teleportation']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('E_SIM_MECHANISM');
  });
});

describe('mass influx', () => {
  const world = tinyWorld();
  const refugeesInNeighbour = (off: string[]) =>
    simulate(
      standinInput(world, { seed: 2, scale: 200, toYear: 1993, mechanisms: mechanismSwitches(off) }),
    ).rows.find((r) => r.indicator === 'refugees' && r.country === 'NBR' && r.year === 1993)!.value;

  it('those fleeing WAR walk into its neighbour and are recognised there as a group', () => {
    expect(refugeesInNeighbour([])).toBeGreaterThan(1.2 * refugeesInNeighbour(['mass-influx']));
  });
});
