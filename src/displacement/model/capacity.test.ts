import { describe, expect, it } from 'vitest';
import { tinyState } from '../../../test/support/displacement/tiny-scenario.ts';
import { capacityMultiplier, reduceCapacitiesByDay0, refreshCapacities } from './capacity.ts';

const GAMMA = 2; // the tiny scenario's camp, capacity 2000

describe('capacityMultiplier (Flee getCapMultiplier)', () => {
  it('is 1 up to capacity_buffer × cap, 0 at cap and beyond, linear in between', () => {
    const m = tinyState();
    expect(m.places.cap[GAMMA]).toBe(2000);
    const at = (occupants: number) => {
      m.places.occupants[GAMMA] = occupants;
      return capacityMultiplier(m, GAMMA);
    };
    expect(at(0)).toBe(1);
    expect(at(1800)).toBe(1);
    expect(at(1900)).toBeCloseTo(0.5, 12);
    expect(at(1950)).toBeCloseTo(0.25, 12);
    expect(at(2000)).toBe(0);
    expect(at(5000)).toBe(0);
  });

  it('is 1 for places without a capacity', () => {
    const m = tinyState();
    m.places.occupants[1] = 1e6;
    expect(m.places.cap[1]).toBeLessThan(1);
    expect(capacityMultiplier(m, 1)).toBe(1);
  });

  it("counts people on a link into the camp under the improved rules, not under Flee's", () => {
    const flee = tinyState({}, { rules: 'flee' });
    const improved = tinyState({}, { rules: 'improved' });
    for (const m of [flee, improved]) {
      m.places.occupants[GAMMA] = 1000;
      m.places.enRoute[GAMMA] = 1000;
    }
    expect(capacityMultiplier(flee, GAMMA)).toBe(1);
    expect(capacityMultiplier(improved, GAMMA)).toBe(0);
  });

  it('scales capacities by capacity_scaling and the lever multiplier of the country', () => {
    const m = tinyState({ settings: 'move_rules:\n  capacity_scaling: 1.25\n' });
    expect(m.places.cap[GAMMA]).toBe(2500);
    m.places.capacityLever[GAMMA] = 0.5;
    refreshCapacities(m);
    expect(m.places.cap[GAMMA]).toBe(1250);
  });

  it("subtracts each camp's day-0 count from its capacity (Flee's double count)", () => {
    const m = tinyState({
      series: { 'gamma.csv': 'Date,count\n2020-01-01,300\n2020-01-10,1000\n' },
    });
    expect(m.places.occupants[GAMMA]).toBe(300); // pre-filled
    reduceCapacitiesByDay0(m);
    expect(m.places.cap[GAMMA]).toBe(1700);
  });
});
