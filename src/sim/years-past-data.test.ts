import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { simulate } from './index.ts';
import { standinInput } from '../../test/support/sim/standin-input.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';
import { YEARS_PAST_DATA, at } from './world-input.ts';

// world-1990-2024 runs one year past the world data (issue 20): every input is held at its last
// observed value, never extrapolated (src/sim/world-input.ts).
describe('years past the world data', () => {
  const world = tinyWorld();
  const last = world.span.last;
  const input = (toYear: number) => standinInput(world, { seed: 1, scale: 1000, fromYear: last - 1, toYear });

  it('read every panel at the last year of data', () => {
    expect(at(world, last + 1, 2)).toBe(at(world, last, 2));
    expect(world.population[at(world, last + YEARS_PAST_DATA, 0)]).toBe(world.population[at(world, last, 0)]);
  });

  it(`are simulated up to ${YEARS_PAST_DATA} past the data and refused beyond`, () => {
    const r = simulate(input(last + YEARS_PAST_DATA));
    expect(r.rows.some((row) => row.year === last + YEARS_PAST_DATA)).toBe(true);
    expect(() => simulate(input(last + YEARS_PAST_DATA + 1))).toThrow(UserError);
    expect(() => simulate(input(last + YEARS_PAST_DATA + 1))).toThrow(/carried forward/);
  });
});
