import { describe, expect, it } from 'vitest';
import { refugeeCorridors } from './init.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

describe('starting refugees', () => {
  it('keeps the asylum-country totals when the refugee corridor is smaller than the country’s refugees', () => {
    // AAA hosts 1.5 M refugees but only 1 M people born in WAR: 0.5 M go to its other migrants
    const world = tinyWorld();
    const n = world.iso3.length;
    const m = n + 2;
    const refugeesByAsylum = Float64Array.from([1.5e6, 100e3, 1e6, 0]);
    const r = refugeeCorridors({
      ...world,
      refugeesByAsylum,
      refugeesByOrigin: Float64Array.from([0, 0, 0, 2.6e6]),
    });
    for (let d = 0; d < n; d++) {
      let sum = 0;
      for (let o = 0; o < n; o++) {
        sum += r[d * n + o];
        expect(r[d * n + o]).toBeLessThanOrEqual(world.initialStock[d * m + o] + 1e-6);
      }
      expect(sum).toBeCloseTo(refugeesByAsylum[d], -2);
    }
    // the corridor from WAR is full, the rest sits with AAA's other migrants of model origins
    expect(r[0 * n + 3]).toBeCloseTo(1e6, -2);
    expect(r[0 * n + 2]).toBeGreaterThan(0);
  });
});
