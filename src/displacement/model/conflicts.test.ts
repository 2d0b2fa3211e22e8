import { describe, expect, it } from 'vitest';
import { FLEE_DEFAULTS } from '../settings.ts';
import { TINY, tinyState } from '../../../test/support/displacement/tiny-scenario.ts';
import { applyConflicts, locationScore, spawnDecay, updateScores, updateSpawnWeights } from './conflicts.ts';

const [ALPHA, BETA, GAMMA] = [0, 1, 2];
const DECAY = 'spawn_rules:\n  conflict_spawn_decay: [1.0, 1.0, 1.0, 0.5, 0.1]\n';

describe('spawnDecay', () => {
  it('steps through conflict_spawn_decay every conflict_spawn_decay_interval days and stays on the last', () => {
    const st = { ...FLEE_DEFAULTS, conflictSpawnDecay: [1, 1, 1, 0.5, 0.1] };
    expect([0, 89, 90, 119, 120, 5000].map((age) => spawnDecay(st, age))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
  });

  it('is 1 without a decay list', () => {
    expect(spawnDecay(FLEE_DEFAULTS, 400)).toBe(1);
  });
});

describe('locationScore', () => {
  it('multiplies foreign_weight, camp_weight and conflict_weight^(decay × intensity)', () => {
    const m = tinyState({
      settings: `move_rules:\n  foreign_weight: 2.0\n  camp_weight: 3.0\n  conflict_weight: 0.25\n${DECAY}`,
    });
    applyConflicts(m, 0);
    expect(locationScore(m, GAMMA, 0)).toBe(6); // a foreign camp
    expect(locationScore(m, BETA, 0)).toBe(1); // a town at home
    expect(locationScore(m, ALPHA, 0)).toBe(0.25); // a fresh conflict
    expect(locationScore(m, ALPHA, 120)).toBeCloseTo(Math.pow(0.25, 0.1), 12); // an old one
  });

  it('gives every candidate route its base weight (weight_softening + score) / (softening + km)^distance_power', () => {
    const m = tinyState({ settings: 'move_rules:\n  softening: 50.0\n  distance_power: 0.75\n' });
    applyConflicts(m, 0);
    updateScores(m, 0);
    const r = m.routes;
    const fromBeta = Array.from(r.locIdx.subarray(r.locOff[BETA], r.locOff[BETA + 1]));
    expect(fromBeta.map((k) => r.dest[k])).toEqual([ALPHA, GAMMA]);
    expect(r.base[fromBeta[1]]).toBeCloseTo(1 / Math.pow(150, 0.75), 15);
    expect(r.base[fromBeta[0]]).toBeCloseTo(Math.pow(1 / Math.sqrt(10), 1) / Math.pow(150, 0.75), 15);
  });
});

describe('applyConflicts', () => {
  const conflicts = (rows: number[]) => ['#Day,Alpha,Beta', ...rows.map((v, d) => `${d},1,${v}`)].join('\n');

  it('starts a conflict when the intensity becomes positive and ignores changes between positive values', () => {
    const m = tinyState({ conflicts: conflicts([0, 0, 0.5, 0.9, 0.9, 0, 0, 0, 0, 0]) });
    expect(applyConflicts(m, 0)).toBe(true); // Alpha starts
    expect(applyConflicts(m, 1)).toBe(false);
    expect(applyConflicts(m, 2)).toBe(true);
    expect(m.places.conflict[BETA]).toBe(0.5);
    expect(m.places.conflictStart[BETA]).toBe(2);
    expect(m.places.isTown[BETA]).toBe(0);
    expect(m.places.moveChance[BETA]).toBe(1); // conflict_movechance
    expect(applyConflicts(m, 3)).toBe(false);
    expect(m.places.conflict[BETA]).toBe(0.5);
  });

  it('turns a place whose intensity drops to zero into a town with the default move chance', () => {
    const m = tinyState({ conflicts: conflicts([0, 0, 0.5, 0.9, 0.9, 0, 0, 0, 0, 0]) });
    for (let t = 0; t < 5; t++) applyConflicts(m, t);
    expect(applyConflicts(m, 5)).toBe(true);
    expect(m.places.conflict[BETA]).toBe(-1);
    expect(m.places.isTown[BETA]).toBe(1);
    expect(m.places.moveChance[BETA]).toBe(0.5);
  });
});

describe('updateSpawnWeights', () => {
  it('weighs conflict zones by population × intensity × decay and nothing else', () => {
    const m = tinyState({ settings: DECAY });
    applyConflicts(m, 0);
    updateSpawnWeights(m, 0);
    expect(Array.from(m.places.spawnWeight)).toEqual([10000, 0, 0]);
    updateSpawnWeights(m, 95);
    expect(m.places.spawnWeight[ALPHA]).toBe(5000);
  });
});

describe('a duplicated name in conflicts.csv', () => {
  it('ends the conflict at every location of that name, as Flee removes it', () => {
    const m = tinyState({
      locations: `${TINY.locations}\nAlpha,R1,Home,0,0,forward,,500`,
      conflicts: ['#Day,Alpha', ...Array.from({ length: 10 }, (_, d) => `${d},${d < 3 ? 1 : 0}`)].join('\n'),
    });
    for (let t = 0; t < 3; t++) applyConflicts(m, t);
    expect([m.places.conflict[0], m.places.isTown[3]]).toEqual([1, 0]);
    expect(applyConflicts(m, 3)).toBe(true);
    expect([m.places.conflict[0], m.places.isTown[0], m.places.isTown[3]]).toEqual([-1, 1, 1]);
  });
});
