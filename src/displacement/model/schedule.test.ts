import { describe, expect, it } from 'vitest';
import { tinyState } from '../../../test/support/displacement/tiny-scenario.ts';
import { geometricDelay, schedule, setMoveChance } from './schedule.ts';
import { NEVER } from './state.ts';

const [ALPHA, BETA, GAMMA] = [0, 1, 2];

describe('geometricDelay', () => {
  it('gives the day of the first success of daily draws with probability p', () => {
    const days = [0, 0.49, 0.5, 0.74, 0.75].map((u) => geometricDelay(0.5, u) | 0);
    expect(days).toEqual([0, 0, 1, 1, 2]);
  });

  it('has the mean (1 - p) / p of daily draws', () => {
    const p = 0.1;
    let sum = 0;
    const n = 100000;
    for (let k = 0; k < n; k++) sum += geometricDelay(p, (k + 0.5) / n);
    expect(sum / n).toBeCloseTo((1 - p) / p, 1);
  });
});

describe('schedule', () => {
  it('has an agent with an unfinished route or at a place with move chance 1 decide today', () => {
    const m = tinyState();
    m.agents.count = 2;
    schedule(m, 0, ALPHA, 3); // conflict zone: move chance 1
    expect(m.agents.wake[0]).toBe(3);
    m.agents.route[1] = 0;
    schedule(m, 1, GAMMA, 3); // a camp, but following a route
    expect(m.agents.wake[1]).toBe(3);
    expect(m.agents.buckets[3]).toEqual([0, 1]);
  });

  it('never wakes an agent at a place with move chance 0 or without a way out', () => {
    const m = tinyState();
    m.agents.count = 2;
    m.places.moveChance[BETA] = 1;
    schedule(m, 0, BETA, 0);
    expect(m.agents.wake[0]).toBe(0);
    m.places.moveChance[BETA] = 0;
    schedule(m, 0, BETA, 0);
    expect(m.agents.wake[0]).toBe(NEVER);
    m.routes.locOff.fill(0); // no candidate routes anywhere
    schedule(m, 1, GAMMA, 0);
    expect(m.agents.wake[1]).toBe(NEVER);
  });

  it('redraws the decision days of everyone at a place whose move chance changes', () => {
    const m = tinyState({ series: { 'gamma.csv': 'Date,count\n2020-01-01,50\n2020-01-10,1000\n' } });
    const inCamp = Array.from({ length: 50 }, (_, i) => i);
    expect(inCamp.filter((i) => m.agents.wake[i] < m.days).length).toBeLessThan(5); // camp move chance 0.001
    setMoveChance(m, GAMMA, 1, 4);
    expect(inCamp.every((i) => m.agents.wake[i] === 4)).toBe(true);
  });
});
