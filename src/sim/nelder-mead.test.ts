import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.ts';

const bowl = (x: number[]) => (x[0] - 1) ** 2 + 3 * (x[1] + 2) ** 2;

describe('nelderMead', () => {
  it('finds the minimum of a bowl and says it stopped on the tolerance', () => {
    const r = nelderMead(bowl, [0, 0], { step: [0.5, 0.5], tolerance: 1e-12, maxEvaluations: 2000 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
    expect(r.stoppedBy).toBe('tolerance');
  });

  it('stops when the evaluations run out, and says so', () => {
    const r = nelderMead(bowl, [0, 0], { step: [0.5, 0.5], tolerance: 0, maxEvaluations: 10 });
    expect(r.stoppedBy).toBe('evaluations');
    expect(r.evaluations).toBeLessThanOrEqual(10 + 2);
  });

  it('stops before an iteration when asked (a time limit), keeping the best point so far', () => {
    let calls = 0;
    const r = nelderMead(bowl, [0, 0], {
      step: [0.5, 0.5],
      tolerance: 0,
      maxEvaluations: 2000,
      shouldStop: () => ++calls > 3,
    });
    expect(r.stoppedBy).toBe('stop');
    expect(r.evaluations).toBeLessThan(20);
    expect(r.value).toBeLessThan(bowl([0, 0]));
  });
});
