import { describe, it, expect } from 'vitest';
import { loadScenario } from './scenario.ts';
import { runModel } from './model.ts';
import type { ModelResult } from './model.ts';
import { noLevers, resolveLevers } from './levers.ts';
import { TINY, writeTinyScenario } from '../../test/support/displacement/tiny-scenario.ts';

const tiny = loadScenario(writeTinyScenario());
const last = (r: ModelResult) => r.totalAgents[r.days - 1];
const stranded = (r: ModelResult) => r.strandedAt.reduce((a, b) => a + b, 0);
const gamma = (r: ModelResult) => r.campSim[r.days - 1];

describe('the displacement model', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const s = loadScenario('data/flee/mali2012', { days: 60 });
    const a = runModel(s, { seed: 7 });
    const b = runModel(s, { seed: 7 });
    const c = runModel(s, { seed: 8 });
    expect(Array.from(a.campSim)).toEqual(Array.from(b.campSim));
    expect(Array.from(a.campSim)).not.toEqual(Array.from(c.campSim));
  });

  it('spawns what the camp data grow by and keeps every agent somewhere', () => {
    const r = runModel(tiny, { seed: 1 });
    expect(last(r)).toBe(1000);
    const placed = r.atLocation.reduce((x, y) => x + y, 0) + r.inTransit + stranded(r);
    expect(placed).toBe(last(r));
  });

  it('moves people from the conflict zone through the town into the camp', () => {
    const r = runModel(tiny, { seed: 1 });
    expect(gamma(r)).toBeGreaterThan(500);
    expect(r.campArrivals[0]).toBeGreaterThanOrEqual(gamma(r));
  });

  it('keeps a closed border closed until it reopens', () => {
    const closed = loadScenario(writeTinyScenario({ closures: '#h\ncountry,Home,Abroad,0,99\n' }));
    const shut = runModel(closed, { seed: 1 });
    expect(gamma(shut)).toBe(0);
    const reopened = loadScenario(writeTinyScenario({ closures: '#h\ncountry,Home,Abroad,0,6\n' }));
    const r = runModel(reopened, { seed: 1 });
    expect(r.campSim[5]).toBe(0);
    expect(gamma(r)).toBeGreaterThan(0);
  });

  it('closes every link of a location named in a location closure (Flee uses name1 only)', () => {
    const s = loadScenario(writeTinyScenario({ closures: '#h\nlocation,Alpha,Gamma,0,99\n' }));
    const r = runModel(s, { seed: 1 });
    expect(r.atLocation[0]).toBe(1000); // nobody can leave Alpha
  });

  it('counts people on their way in against a camp capacity under the improved rules', () => {
    const small = loadScenario(
      writeTinyScenario({ locations: TINY.locations.replace('camp,,2000', 'camp,,100') }),
    );
    for (let seed = 1; seed <= 3; seed++) {
      const r = runModel(small, { seed, rules: 'improved' });
      expect(Math.max(...r.campSim)).toBeLessThanOrEqual(100);
    }
  });

  it('makes turning straight back less attractive under the improved rules', () => {
    // Slow travel on short links, all places equally attractive: from Beta, people who came from
    // Alpha choose between going back and going on to Gamma.
    const slow = loadScenario(
      writeTinyScenario({
        routes: TINY.routes.replace(/,100,/g, ',30,'),
        settings: 'move_rules:\n  max_move_speed: 20.0\n  conflict_weight: 1.0\n',
      }),
    );
    const arrivals = (backtrackWeight: number) =>
      [1, 2, 3].reduce(
        (a, seed) =>
          a + runModel(slow, { seed, rules: 'improved', switches: { backtrackWeight } }).campArrivals[0],
        0,
      );
    const flee = arrivals(1);
    const improved = arrivals(0.5);
    expect(improved).toBeGreaterThan(flee * 1.15);
    expect(arrivals(0)).toBeGreaterThan(improved * 1.15);
  });

  it('runs with hasten on a real conflict', () => {
    const s = loadScenario('data/flee/burundi2015', { hasten: 20, days: 120 });
    const r = runModel(s, { seed: 3 });
    expect(last(r)).toBeGreaterThan(1000);
    expect(r.campSim.some((v) => v > 0)).toBe(true);
  });
});

describe('regime levers in the model', () => {
  const lv = (input: unknown) => resolveLevers(input, tiny);

  it('with no levers behaves like Flee (everyone who reaches a border is admitted)', () => {
    const r = runModel(tiny, { seed: 2, levers: noLevers() });
    expect(stranded(r)).toBe(0);
    expect(r.turnedAway).toBe(0);
  });

  it('strands everyone at a closed asylum system when they cannot be returned', () => {
    const r = runModel(tiny, {
      seed: 2,
      levers: lv({ asylum: { Abroad: 'closed' }, strand_non_returnable: true }),
    });
    expect(gamma(r)).toBe(0);
    expect(stranded(r)).toBeGreaterThan(500);
    expect(r.strandedAt[2]).toBe(stranded(r));
  });

  it('sends people back who may be returned, and they do not try that country again', () => {
    const r = runModel(tiny, {
      seed: 2,
      levers: lv({ asylum: { Abroad: 'closed' }, strand_non_returnable: false }),
    });
    expect(gamma(r)).toBe(0);
    expect(stranded(r)).toBe(0);
    expect(r.turnedAway).toBeGreaterThan(0);
    expect(r.turnedAway).toBeLessThanOrEqual(1000);
  });

  it('under a narrow 1951 doctrine admits only people with a persecution claim; a broad doctrine admits all', () => {
    const narrow = runModel(tiny, {
      seed: 2,
      levers: lv({ asylum: { Abroad: 'refugee-1951' }, persecuted_share: 0.3 }),
    });
    const broad = runModel(tiny, { seed: 2, levers: lv({ asylum: { Abroad: 'violence-broad' } }) });
    expect(stranded(broad)).toBe(0);
    expect(stranded(narrow)).toBeGreaterThan(0);
    const admittedShare = narrow.campArrivals[0] / (narrow.campArrivals[0] + stranded(narrow));
    expect(admittedShare).toBeGreaterThan(0.2);
    expect(admittedShare).toBeLessThan(0.4);
  });

  it('applies border closures by date and camp capacity multipliers by country', () => {
    const shut = runModel(tiny, {
      seed: 2,
      levers: lv({ border_closures: [{ between: ['Home', 'Abroad'], from: '2019-06-01' }] }),
    });
    expect(gamma(shut)).toBe(0);
    const small = runModel(tiny, {
      seed: 2,
      rules: 'improved',
      levers: lv({ camp_capacity: { Abroad: 0.05 } }),
    });
    expect(Math.max(...small.campSim)).toBeLessThanOrEqual(100);
  });
});
