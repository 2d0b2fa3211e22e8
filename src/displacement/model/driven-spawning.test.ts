import { describe, expect, it } from 'vitest';
import {
  FLOODED,
  TINY,
  tinyState,
  writeTinyScenario,
} from '../../../test/support/displacement/tiny-scenario.ts';
import { runModel } from '../model.ts';
import { loadScenario } from '../scenario.ts';
import { applyConflicts } from './conflicts.ts';
import { conflictSpawnCount, floodSpawnCount, spawnByConflict, spawnByFlood } from './driven-spawning.ts';
import { applyFloodLevels } from './flooding.ts';

const ALPHA = 0;
const CONFLICT_DRIVEN = {
  settings:
    'spawn_rules:\n  take_from_population: True\n  conflict_driven_spawning:\n    spawn_mode: pop_ratio\n    displaced_per_conflict_day: 0.01\n',
};

describe('conflictSpawnCount and floodSpawnCount', () => {
  it("truncate as Python's int() does, and spawn nothing without conflict or flood", () => {
    expect(conflictSpawnCount({ mode: 'pop_ratio', perDay: 0.01 }, 10000, 0.5)).toBe(50);
    expect(conflictSpawnCount({ mode: 'pop_ratio', perDay: 0.01 }, 999, 1)).toBe(9);
    expect(conflictSpawnCount({ mode: 'constant', perDay: 500 }, 0, 0.3)).toBe(150);
    expect(conflictSpawnCount({ mode: 'constant', perDay: 500 }, 10000, -1)).toBe(0);
    expect(conflictSpawnCount({ mode: 'none', perDay: 500 }, 10000, 1)).toBe(0);
    expect(floodSpawnCount({ mode: 'pop_ratio', perLevel: [0, 0.1, 0.2] }, 999, 1)).toBe(99);
    expect(floodSpawnCount({ mode: 'constant', perLevel: [0, 100, 200] }, 0, 1)).toBe(100);
    expect(floodSpawnCount({ mode: 'pop_ratio', perLevel: [0, 0.1, 0.2] }, 999, 0)).toBe(0);
  });
});

describe('spawnByConflict', () => {
  it('spawns a share of the population every conflict day and takes it from the population', () => {
    const m = tinyState(CONFLICT_DRIVEN);
    applyConflicts(m, 0);
    spawnByConflict(m, m.settings.conflictDrivenSpawning!, 0);
    expect(m.agents.count).toBe(100);
    expect(m.places.pop[ALPHA]).toBe(9900);
    spawnByConflict(m, m.settings.conflictDrivenSpawning!, 1);
    expect(m.agents.count).toBe(199); // int(0.01 × 9900)
  });

  it('runs a whole scenario: the agent arrays grow, and no UNHCR inflow, debt or raw count', () => {
    const r = runModel(loadScenario(writeTinyScenario(CONFLICT_DRIVEN)), { seed: 1 });
    let expected = 0;
    let pop = 10000;
    for (let t = 0; t < 10; t++) {
      const n = Math.trunc(0.01 * pop);
      pop -= n;
      expected += n;
    }
    expect(r.totalAgents[9]).toBe(expected);
    expect(Array.from(r.raw).every((x) => x === 0)).toBe(true);
    expect(Array.from(r.debt).every((x) => x === 0)).toBe(true);
  });

  it('leaves the UNHCR-driven spawning alone without the setting', () => {
    expect(
      runModel(loadScenario(writeTinyScenario({ conflicts: TINY.conflicts })), { seed: 1 }).totalAgents[9],
    ).toBe(1000);
  });
});

describe('spawnByFlood', () => {
  it('spawns where it floods, by level, taken from the population', () => {
    const m = tinyState(FLOODED);
    applyFloodLevels(m, 2);
    spawnByFlood(m, m.settings.floodDrivenSpawning!, 2);
    expect(m.agents.count).toBe(1000); // 0.1 × 10000 at level 1
    expect(m.agents.loc.length).toBeGreaterThanOrEqual(1000); // grown from none (no day-0 fill)
    expect(m.agents.loc[999]).toBe(ALPHA);
    expect(m.agents.wake[999]).toBeGreaterThanOrEqual(2); // scheduled: decides from day 2 on
    expect(m.agents.wake[999]).toBeLessThan(10);
    expect(m.places.pop[ALPHA]).toBe(9000);
    applyFloodLevels(m, 5);
    spawnByFlood(m, m.settings.floodDrivenSpawning!, 5);
    expect(m.agents.count).toBe(1000);
  });
});
