import { describe, expect, it } from 'vitest';
import { resolveLevers } from '../levers.ts';
import { loadScenario } from '../scenario.ts';
import { TINY, tinyState, writeTinyScenario } from '../../../test/support/displacement/tiny-scenario.ts';
import { initialState } from '../model.ts';
import { applyConflicts } from './conflicts.ts';
import { addAgent, fillCampsOnDay0, spawnDay, spawnInConflictZones } from './spawning.ts';
import { F_PERSECUTED } from './state.ts';

const [ALPHA, BETA, GAMMA, DELTA] = [0, 1, 2, 3];
const TWO_ZONES = {
  locations: `${TINY.locations}\nDelta,R1,Home,1,0,conflict_zone,0,30000`,
  routes: `${TINY.routes}\nDelta,Beta,100,`,
  conflicts: ['#Day,Alpha,Delta', ...Array.from({ length: 10 }, (_, d) => `${d},1,1`)].join('\n'),
};

describe('spawnInConflictZones', () => {
  it('places new people in conflict zones in proportion to population × intensity', () => {
    const m = tinyState({
      ...TWO_ZONES,
      series: { 'gamma.csv': 'Date,count\n2020-01-01,0\n2020-01-10,4000\n' },
    });
    applyConflicts(m, 0);
    spawnInConflictZones(m, 4000, 0, 0);
    expect(m.places.occupants[BETA] + m.places.occupants[GAMMA]).toBe(0);
    expect(m.places.occupants[ALPHA] + m.places.occupants[DELTA]).toBe(4000);
    expect(m.places.occupants[DELTA] / 4000).toBeCloseTo(0.75, 1);
  });

  it('refuses to spawn without an active conflict zone', () => {
    const m = tinyState({
      locations: TINY.locations.replace('conflict_zone,0', 'town,'),
      conflicts: ['#Day,Alpha', ...Array.from({ length: 10 }, (_, d) => `${d},0`)].join('\n'),
    });
    applyConflicts(m, 0);
    expect(() => spawnInConflictZones(m, 5, 0, 3)).toThrow(
      /day 3: 5 people to spawn but no active conflict zone/,
    );
  });
});

describe('spawnDay', () => {
  it('adds the growth of the camp series and carries falls as a debt', () => {
    const m = tinyState({
      series: { 'gamma.csv': 'Date,count\n2020-01-01,0\n2020-01-03,200\n2020-01-05,100\n2020-01-10,100\n' },
    });
    for (let t = 0; t < 5; t++) spawnDay(m, t, applyConflicts(m, t));
    expect(m.agents.count).toBe(200);
    expect(m.debt).toBe(100);
  });

  it("spawns with yesterday's weights under Flee's rules unless a conflict changed today", () => {
    const settings = 'spawn_rules:\n  conflict_spawn_decay: [1.0, 1.0, 1.0, 0.5, 0.1]\n';
    const over = { settings, sim_period: 'StartDate,2020-01-01\nLength,100\n' };
    const long = {
      conflicts: ['#Day,Alpha', ...Array.from({ length: 100 }, (_, d) => `${d},1`)].join('\n'),
      series: { 'gamma.csv': 'Date,count\n2020-01-01,0\n2020-04-09,1000\n' },
    };
    for (const [rules, weight] of [
      ['flee', 10000],
      ['improved', 5000],
    ] as const) {
      const m = initialState(loadScenario(writeTinyScenario({ ...over, ...long })), { seed: 1, rules });
      applyConflicts(m, 0);
      spawnDay(m, 90, false); // day 90: the decay steps from 1 to 0.5
      expect(m.places.spawnWeight[ALPHA]).toBe(weight);
    }
  });
});

describe('addAgent and fillCampsOnDay0', () => {
  it('pre-fills every camp with its day-0 count', () => {
    const m = tinyState({ series: { 'gamma.csv': 'Date,count\n2020-01-01,70\n2020-01-10,1000\n' } });
    expect(m.places.occupants[GAMMA]).toBe(70);
    expect(m.agents.count).toBe(70);
    fillCampsOnDay0(m);
    expect(m.places.occupants[GAMMA]).toBe(140);
  });

  it('gives a persecution claim to the persecuted share under asylum levers', () => {
    const s = loadScenario(writeTinyScenario());
    const m = initialState(s, {
      seed: 5,
      levers: resolveLevers({ asylum: { Abroad: 'refugee-1951' }, persecuted_share: 0.3 }, s),
    });
    for (let k = 0; k < 1000; k++) addAgent(m, ALPHA, 0);
    let claims = 0;
    for (let i = 0; i < 1000; i++) if (m.agents.flags[i] & F_PERSECUTED) claims++;
    expect(claims / 1000).toBeCloseTo(0.3, 1);
  });
});
