import { describe, expect, it } from 'vitest';
import { checkOnHeldOutSeeds } from './calibrate.ts';
import { HELD_OUT_MARGIN, bestVisited, heldOutChoice } from './calibration-guard.ts';
import type { Visited } from './calibration-guard.ts';
import type { Evaluator, LossValue } from './calibration-loss.ts';

const point = (ascStay: number, objective: number, ridge = 0): Visited => ({
  values: { ascStay },
  objective,
  ridge,
  steps: [ascStay],
});

describe("the guard against fitting the search's seeds", () => {
  it("takes the search's best distinct points that beat the start, best first", () => {
    const visited = [
      point(5, 0.8),
      point(6, 0.7),
      point(7, 0.75),
      point(6, 0.7),
      point(8, 0.9),
      point(9, 0.79),
    ];
    expect(bestVisited(visited, 0.8, 5).map((v) => v.values.ascStay)).toEqual([6, 7, 9]);
    expect(bestVisited(visited, 0.8, 2).map((v) => v.values.ascStay)).toEqual([6, 7]);
    expect(bestVisited(visited, 0.6, 5)).toEqual([]);
    expect(() => bestVisited(visited, 0.8, 0)).toThrow(/not a count/);
    expect(() => bestVisited(visited, 0.8, 1, -1)).toThrow(/spacing/);
  });

  it('skips a point closer than the spacing to a better one: it would only redraw which agent moves', () => {
    const visited = [point(6, 0.7), point(6.00001, 0.69), point(6.1, 0.71), point(6.2, 0.72), point(7, 0.73)];
    expect(bestVisited(visited, 0.8, 5).map((v) => v.values.ascStay)).toEqual([6.00001, 6.2, 7]);
    expect(bestVisited(visited, 0.8, 5, 0.05).map((v) => v.values.ascStay)).toEqual([6.00001, 6.1, 6.2, 7]);
    expect(bestVisited(visited, 0.8, 5, 0).map((v) => v.values.ascStay)).toEqual([6.00001, 6, 6.1, 6.2, 7]);
  });

  it('keeps the best held-out point only if it beats the start there by more than the margin', () => {
    expect(heldOutChoice(0.8, [{ heldOut: 0.79 }, { heldOut: 0.76 }, { heldOut: 0.77 }], 0.025)).toBe(1);
    expect(heldOutChoice(0.8, [{ heldOut: 0.79 }, { heldOut: 0.78 }], 0.025)).toBeNull();
    expect(heldOutChoice(0.8, [{ heldOut: 0.79 }], 0)).toBe(0);
    expect(heldOutChoice(0.8, [], 0)).toBeNull();
    expect(() => heldOutChoice(0.8, [{ heldOut: NaN }], 0)).toThrow(/not finite/);
    expect(() => heldOutChoice(0.8, [], -1)).toThrow(/margin/);
  });

  it("scores the candidates on the held-out seeds with their ridge, and keeps the start when the gain was the search seeds' noise", () => {
    // held-out loss: a bowl around ascStay 6; the search's seeds preferred 7 (noise)
    const loss = (over: { ascStay?: number }): LossValue => ({
      total: 0.8 + 0.02 * ((over.ascStay ?? 5) - 6) ** 2,
      groups: {} as LossValue['groups'],
    });
    const heldOut = { loss } as unknown as Evaluator;
    const start = point(5, 0.84);
    const visited = [start, point(7, 0.7, 0.01), point(6, 0.75, 0.005)];
    const check = checkOnHeldOutSeeds(start, visited, { evaluator: heldOut, seeds: [7, 8], margin: 0.01 });
    expect(check.start).toBeCloseTo(0.82);
    expect(check.candidates.map((c) => c.heldOut)).toEqual([0.83, 0.805].map((x) => expect.closeTo(x, 10)));
    expect(check.kept).toBe(1);
    expect(check.candidates[1].values).toEqual({ ascStay: 6 });
    // with the default margin (one sd of a 4-seed difference) a gain of 0.015 is not enough
    const strict = checkOnHeldOutSeeds(start, visited, { evaluator: heldOut, seeds: [7, 8] });
    expect(strict.margin).toBe(HELD_OUT_MARGIN);
    expect(strict.kept).toBeNull();
  });
});
