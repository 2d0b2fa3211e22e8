import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario.ts';
import { writeTinyScenario } from '../../../test/support/displacement/tiny-scenario.ts';
import { newArrivals, plannedAgents } from './inflow.ts';

describe('newArrivals', () => {
  it('spawns the growth of the camp series less the carried debt', () => {
    expect(newArrivals(100, 0)).toEqual({ count: 100, debt: 0 });
    expect(newArrivals(100, 30)).toEqual({ count: 70, debt: 0 });
  });

  it('carries a fall (or growth below the debt) as a debt and removes nobody', () => {
    expect(newArrivals(-40, 0)).toEqual({ count: 0, debt: 40 });
    expect(newArrivals(10, 40)).toEqual({ count: 0, debt: 30 });
  });
});

describe('plannedAgents', () => {
  it('counts the day-0 fill plus everyone spawned, paying falls back from later growth', () => {
    const dir = writeTinyScenario({
      series: {
        'gamma.csv': 'Date,count\n2020-01-01,100\n2020-01-04,400\n2020-01-06,200\n2020-01-10,500\n',
      },
    });
    // Day 0: 100 in the camp; growth to 400, fall to 200 (debt 200), growth to 500 (pays the debt back).
    expect(plannedAgents(loadScenario(dir))).toBe(100 + 300 + 100);
  });
});
