/** Writes small Flee scenario folders for tests (a temporary directory per call). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialState } from '../../../src/displacement/model.ts';
import type { ModelOptions } from '../../../src/displacement/model.ts';
import type { ModelState } from '../../../src/displacement/model/state.ts';
import { loadScenario } from '../../../src/displacement/scenario.ts';
import { fileTempDirs } from '../temp-dirs.ts';

/** The scenario folders, removed at the end of the test file that wrote them. */
const tinyScenarioDir = fileTempDirs('flee-tiny-');

export interface TinyFiles {
  locations?: string;
  routes?: string;
  closures?: string;
  conflicts?: string;
  sim_period?: string;
  registration_corrections?: string;
  data_layout?: string;
  settings?: string;
  /** input_csv/flood_level.csv (DFlee), written only when given. */
  flood_level?: string;
  /** source_data files by name. */
  series?: Record<string, string>;
}

/**
 * A three-location world: conflict zone Alpha (Home), town Beta (Home), camp Gamma (Abroad),
 * 100 km apart in a line, 10 days from 2020-01-01; the camp series grows from 0 to 1000.
 */
export const TINY: Required<Omit<TinyFiles, 'registration_corrections' | 'flood_level'>> = {
  locations: [
    '#name,region,country,latitude,longitude,location_type,conflict_date,population',
    'Alpha,R1,Home,0,0,conflict_zone,0,10000',
    'Beta,R1,Home,0,1,town,,5000',
    'Gamma,R2,Abroad,0,2,camp,,2000',
  ].join('\n'),
  routes: ['#name1,name2,distance,forced_redirection', 'Alpha,Beta,100,', 'Beta,Gamma,100,'].join('\n'),
  closures: '#closure_type,name1,name2,closure_start,closure_end\n',
  conflicts: ['#Day,Alpha', ...Array.from({ length: 10 }, (_, d) => `${d},1`)].join('\n'),
  sim_period: 'StartDate,2020-01-01\nLength,10\n',
  data_layout: 'total,refugees.csv\nGamma,gamma.csv\n',
  settings:
    'move_rules:\n  max_move_speed: 400.0\n  default_movechance: 0.5\n  avoid_short_stints: True\noptimisations:\n  hasten: 1\n',
  series: {
    'refugees.csv': 'Date,count\n2020-01-01,0\n2020-01-10,1000\n',
    'gamma.csv': 'Date,count\n2020-01-01,0\n2020-01-10,1000\n',
  },
};

/** DFlee's flood-driven spawning (simsetting.yml lines): only flood zones spawn, taken from their population. */
export const FLOOD_SPAWN_RULES = [
  'spawn_rules:',
  '  conflict_zone_spawning_only: False',
  '  flood_zone_spawning_only: True',
  '  take_from_population: True',
  '  flood_driven_spawn_mode:',
  '    displaced_per_flood_day: [0.0, 0.1, 0.2, 0.5, 0.9]',
];

/** TINY with Alpha a flood zone and DFlee's settings: Alpha floods at level 1 from day 2 to day 4. */
export const FLOODED: TinyFiles = {
  locations: TINY.locations.replace(
    'Alpha,R1,Home,0,0,conflict_zone,0,10000',
    'Alpha,R1,Home,0,0,flood_zone,0,10000',
  ),
  settings: [
    ...FLOOD_SPAWN_RULES,
    'move_rules:',
    '  default_movechance: 0.3',
    '  flood_rules:',
    '    flood_movechances: [0.3, 0.8, 0.9, 1.0, 1.0]',
    '    flood_loc_weights: [0.9, 0.5, 0.2, 0.0, 0.0]',
  ].join('\n'),
  flood_level: [
    '#Day,Alpha',
    ...Array.from({ length: 10 }, (_, d) => `${d},${d >= 2 && d <= 4 ? 1 : 0}`),
  ].join('\n'),
  data_layout: 'total,refugees.csv\nAlpha,gamma.csv\nBeta,gamma.csv\nGamma,gamma.csv\n',
};
/** Writes a scenario folder (TINY with overrides) and returns its path. */
export function writeTinyScenario(over: TinyFiles = {}): string {
  const f = { ...TINY, ...over, series: { ...TINY.series, ...over.series } };
  const dir = tinyScenarioDir();
  mkdirSync(join(dir, 'input_csv'));
  mkdirSync(join(dir, 'source_data'));
  writeFileSync(join(dir, 'input_csv', 'locations.csv'), f.locations);
  writeFileSync(join(dir, 'input_csv', 'routes.csv'), f.routes);
  writeFileSync(join(dir, 'input_csv', 'closures.csv'), f.closures);
  writeFileSync(join(dir, 'input_csv', 'conflicts.csv'), f.conflicts);
  writeFileSync(join(dir, 'input_csv', 'sim_period.csv'), f.sim_period);
  if (over.registration_corrections !== undefined)
    writeFileSync(join(dir, 'input_csv', 'registration_corrections.csv'), over.registration_corrections);
  if (over.flood_level !== undefined)
    writeFileSync(join(dir, 'input_csv', 'flood_level.csv'), over.flood_level);
  writeFileSync(join(dir, 'source_data', 'data_layout.csv'), f.data_layout);
  for (const [name, text] of Object.entries(f.series)) writeFileSync(join(dir, 'source_data', name), text);
  writeFileSync(join(dir, 'simsetting.yml'), f.settings);
  return dir;
}

/**
 * The model's state for a tiny scenario (TINY with overrides) on day 0 before the first day: for
 * testing single rules. Locations: 0 Alpha (conflict zone), 1 Beta (town), 2 Gamma (camp).
 */
export function tinyState(over: TinyFiles = {}, opts: Partial<ModelOptions> = {}): ModelState {
  return initialState(loadScenario(writeTinyScenario(over)), { seed: 1, ...opts });
}
