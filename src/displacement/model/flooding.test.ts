import { describe, expect, it } from 'vitest';
import { FLOODED, tinyState, writeTinyScenario } from '../../../test/support/displacement/tiny-scenario.ts';
import { loadScenario } from '../scenario.ts';
import { locationScore } from './conflicts.ts';
import { applyFloodLevels, floodInterp } from './flooding.ts';
import { moveChanceAt } from './schedule.ts';

const [ALPHA, BETA] = [0, 1];

describe('floodInterp (lib_math.interp)', () => {
  it('interpolates between neighbours and refuses what Flee refuses', () => {
    expect(floodInterp([0, 0.1, 0.2, 0.5, 0.9], 2)).toBe(0.2);
    expect(floodInterp([0, 1], 0.25)).toBe(0.25);
    expect(() => floodInterp([0, 0.1, 0.2], 2)).toThrow(RangeError);
    expect(() => floodInterp([0, 0.1, 0.2], -1)).toThrow(RangeError);
  });
});

describe('applyFloodLevels', () => {
  it("sets each place's level for the day and replaces a flooded place's move chance", () => {
    const m = tinyState(FLOODED);
    applyFloodLevels(m, 1);
    expect(m.places.floodLevel[ALPHA]).toBe(0);
    expect(moveChanceAt(m, ALPHA)).toBe(0.3);
    applyFloodLevels(m, 2);
    expect(m.places.floodLevel[ALPHA]).toBe(1);
    expect(moveChanceAt(m, ALPHA)).toBe(0.8);
    expect(m.places.floodLevel[BETA]).toBe(0); // no column: level 0
    applyFloodLevels(m, 5);
    expect(moveChanceAt(m, ALPHA)).toBe(0.3);
  });

  it("weights a flooded place's attractiveness twice under Flee's rules, once under the improved rules", () => {
    for (const [rules, day, factor] of [
      ['flee', 1, 0.9], // a flood zone at level 0: Flee's scoring still applies flood_loc_weights[0]
      ['flee', 2, 0.25],
      ['improved', 1, 1],
      ['improved', 2, 0.5],
    ] as const) {
      const m = tinyState(FLOODED, { rules });
      applyFloodLevels(m, day);
      expect(locationScore(m, ALPHA, day)).toBeCloseTo(factor, 12);
    }
  });
});

describe('reading flood_level.csv', () => {
  it('reads flood levels instead of conflicts.csv, and every location is an out.csv column', () => {
    const s = loadScenario(writeTinyScenario({ ...FLOODED, conflicts: 'not a conflicts file' }));
    expect(s.floodLevels?.names).toEqual(['Alpha']);
    expect(s.conflicts.names).toEqual([]);
    expect(Array.from(s.camps)).toEqual([0, 1, 2]);
  });

  it('refuses a level beyond the lists, where Flee stops with an IndexError', () => {
    const dir = writeTinyScenario({ ...FLOODED, flood_level: FLOODED.flood_level!.replace('3,1', '3,4') });
    expect(() => loadScenario(dir)).toThrow(/flood level 4 at "Alpha" on day 3: .* levels must be below 4/);
  });

  it('refuses fewer rows than days', () => {
    const dir = writeTinyScenario({ ...FLOODED, flood_level: '#Day,Alpha\n0,1\n' });
    expect(() => loadScenario(dir)).toThrow(/flood_level.csv: has 1 day rows but 10 days are simulated/);
  });

  it('reads a name given twice with a camp among them as Flee does: both columns count the later row', () => {
    const dir = writeTinyScenario({
      ...FLOODED,
      locations: `${FLOODED.locations!}\nGamma,R2,Abroad,0,2,flood_zone,0,100`,
    });
    const s = loadScenario(dir);
    expect(Array.from(s.camps)).toEqual([0, 1, 3, 3]);
    expect(s.warnings.map((w) => w.code)).toContain('E_FLEE_DUPLICATE');
    expect(() => loadScenario(dir, { strict: true })).toThrow(/duplicate location "Gamma"/);
  });
});
