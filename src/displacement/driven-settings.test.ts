import { describe, expect, it } from 'vitest';
import { readSettings } from './settings.ts';
import { tolerance } from './tolerance.ts';
import { FLOOD_SPAWN_RULES } from '../../test/support/displacement/tiny-scenario.ts';

const read = (yaml: string, strict = false) => {
  const tol = tolerance(strict);
  return { s: readSettings(yaml, 'simsetting.yml', tol), warnings: tol.warnings };
};

const FLOOD = [
  ...FLOOD_SPAWN_RULES,
  'move_rules:',
  '  flood_rules:',
  '    flood_movechances: [0.3, 0.4, 0.7, 1.0, 1.0]',
  '    flood_loc_weights: [1.0, 0.5, 0.2, 0.0, 0.0]',
].join('\n');

describe('conflict-driven spawning settings', () => {
  it('reads spawn_mode and displaced_per_conflict_day, and take_from_population', () => {
    const { s } = read(
      'spawn_rules:\n  take_from_population: True\n  conflict_driven_spawning:\n    spawn_mode: "pop_ratio"\n    displaced_per_conflict_day: 0.01\n',
    );
    expect(s.conflictDrivenSpawning).toEqual({ mode: 'pop_ratio', perDay: 0.01 });
    expect(s.takeFromPopulation).toBe(true);
    expect(s.floodRules).toBeNull();
  });

  it("takes Flee's defaults: constant mode, 500 a day, truncated as Flee's int() does", () => {
    expect(read('spawn_rules:\n  conflict_driven_spawning: {}\n').s.conflictDrivenSpawning).toEqual({
      mode: 'constant',
      perDay: 500,
    });
    const { s } = read('spawn_rules:\n  conflict_driven_spawning:\n    displaced_per_conflict_day: 7.9\n');
    expect(s.conflictDrivenSpawning).toEqual({ mode: 'constant', perDay: 7 });
  });

  it('is off when the key is null, as Flee reads it', () => {
    expect(read('spawn_rules:\n  conflict_driven_spawning:\n').s.conflictDrivenSpawning).toBeNull();
  });

  it('refuses Poisson spawning as a rule not implemented', () => {
    expect(() => read('spawn_rules:\n  conflict_driven_spawning:\n    spawn_mode: Poisson\n')).toThrow(
      /simsetting.yml:3: .*Poisson spawning.*E_FLEE_UNSUPPORTED/,
    );
  });

  it('reads a mode Flee does not know as spawning nobody, with a warning; --strict refuses it', () => {
    const yaml = 'spawn_rules:\n  conflict_driven_spawning:\n    spawn_mode: steady\n';
    const { s, warnings } = read(yaml);
    expect(s.conflictDrivenSpawning?.mode).toBe('none');
    expect(warnings[0].message).toMatch(/nobody is spawned/);
    expect(() => read(yaml, true)).toThrow(/expected constant, pop_ratio or Poisson/);
  });
});

describe('flood settings (DFlee)', () => {
  it('reads flood-driven spawning and the flood rules', () => {
    const { s } = read(FLOOD);
    expect(s.floodDrivenSpawning).toEqual({ mode: 'pop_ratio', perLevel: [0.0, 0.1, 0.2, 0.5, 0.9] });
    expect(s.floodRules).toEqual({
      moveChances: [0.3, 0.4, 0.7, 1.0, 1.0],
      locWeights: [1.0, 0.5, 0.2, 0.0, 0.0],
      forecaster: null,
    });
    expect(s.conflictDrivenSpawning).toBeNull();
  });

  it('warns about keys Flee does not read (flood_spawn_mode is not spawn_mode) and reads the default mode', () => {
    const yaml = FLOOD.replace(
      'flood_driven_spawn_mode:\n',
      'flood_driven_spawn_mode:\n    flood_spawn_mode: "constant"\n',
    );
    const { s, warnings } = read(yaml);
    expect(s.floodDrivenSpawning?.mode).toBe('pop_ratio');
    expect(warnings.map((w) => w.message)).toContain(
      'unknown key spawn_rules.flood_driven_spawn_mode.flood_spawn_mode ignored (Flee does not read it either)',
    );
  });

  it('refuses what Flee stops on', () => {
    expect(() => read(FLOOD.replace('  conflict_zone_spawning_only: False\n', ''))).toThrow(
      /needs conflict_zone_spawning_only: false/,
    );
    expect(() => read(FLOOD.replace('take_from_population: True', 'take_from_population: False'))).toThrow(
      /needs spawn_rules.take_from_population: true/,
    );
    expect(() => read(FLOOD.replace(/move_rules:[\s\S]*/, ''))).toThrow(/needs move_rules.flood_rules/);
    expect(() => read(FLOOD.replace('    flood_loc_weights: [1.0, 0.5, 0.2, 0.0, 0.0]', ''))).toThrow(
      /needs flood_movechances and flood_loc_weights/,
    );
    expect(() => read(FLOOD.replace(/spawn_rules:[\s\S]*(?=move_rules)/, ''))).toThrow(
      /flood_rules without flood-driven spawning/,
    );
  });

  it("reads the flood forecaster's settings, with Flee's defaults when it does not act", () => {
    const fc = [
      '    flood_forecaster: True',
      '    flood_forecaster_timescale: 5',
      '    flood_forecaster_end_time: 2',
      '    flood_forecaster_weights: [1.0, 0.9, 0.8]',
      '    flood_awareness_weights: [0.0, 0.5, 1.0]',
    ].join('\n');
    expect(read(`${FLOOD}\n${fc}\n`).s.floodRules!.forecaster).toEqual({
      timescale: 5,
      endTime: 2,
      dayWeights: [1.0, 0.9, 0.8],
      awarenessWeights: [0.0, 0.5, 1.0],
    });
    expect(read(`${FLOOD}\n    flood_forecaster: True\n`).s.floodRules!.forecaster).toEqual({
      timescale: 0,
      endTime: 0,
      dayWeights: [],
      awarenessWeights: [],
    });
    expect(read(FLOOD).s.floodRules!.forecaster).toBeNull();
  });

  it('refuses a forecaster that acts without its lists or with too few day weights', () => {
    const on = `${FLOOD}\n    flood_forecaster: True\n    flood_forecaster_timescale: 3\n    flood_forecaster_end_time: 4\n`;
    expect(() => read(`${on}    flood_awareness_weights: [0, 1]\n`)).toThrow(
      /needs .*flood_forecaster_weights/,
    );
    expect(() =>
      read(`${on}    flood_awareness_weights: [0, 1]\n    flood_forecaster_weights: [1, 1, 1, 1]\n`),
    ).toThrow(/has 4 values but the forecast reaches day 4/);
    expect(() => read(`${FLOOD}\n    flood_forecaster: True\n    flood_forecaster_timescale: 2.5\n`)).toThrow(
      /expected a whole number/,
    );
  });
});
