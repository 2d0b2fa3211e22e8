/**
 * Flee's run settings (simsetting.yml) with Flee's built-in defaults.
 *
 * Every default below is Flee's own (flee/SimulationSettings.py, djgroen/flee 02cd2cbd),
 * documented in docs/displacement.md; FabFlee's validation file (shipped with every
 * scenario in data/flee/) overrides some of them. Keys we do not model are ignored.
 */
import { isMap, isScalar } from 'yaml';
import { parseLimitedDocument } from '../regime/load/yaml-source.ts';
import type { Node, Scalar, YAMLMap } from 'yaml';
import { userError } from '../shared/errors.ts';
import { readDrivenSpawning, truthy } from './driven-settings.ts';
import type { DrivenSpawning, FloodRules, FloodSpawning } from './driven-settings.ts';
import { tolerance, tolerate } from './tolerance.ts';
import type { Tolerance } from './tolerance.ts';

export interface FleeSettings {
  /** km per day on a link. Flee default 360; validation file 400. */
  maxMoveSpeed: number;
  /** km per day walking. Flee default 35. */
  maxWalkSpeed: number;
  /** First link of a journey walked. Flee default false. */
  startOnFoot: boolean;
  /** Daily leave probability in towns. Flee default 0.3; validation file 0.5. */
  defaultMoveChance: number;
  /** In conflict zones. Flee default 1.0. */
  conflictMoveChance: number;
  /** In camps. Flee default 0.001. */
  campMoveChance: number;
  /** In IDP camps. Flee default 0.1. */
  idpcampMoveChance: number;
  /** Attractiveness multiplier of camps. Flee default 1.0. */
  campWeight: number;
  /** Attractiveness multiplier of foreign locations. Flee default 1.0. */
  foreignWeight: number;
  /** Base attractiveness of a conflict zone. Flee default 1/sqrt(10); validation file 0.25. */
  conflictWeight: number;
  /** km added to every route length in the weight. Flee default 10; validation file 50. */
  softening: number;
  /** Exponent on the softened distance. Flee default 1.0; validation file 0.75. */
  distancePower: number;
  /** Constant added to every destination score. Flee default 0. */
  weightSoftening: number;
  /** Exponent on the final weight. Flee default 1.0. */
  weightPower: number;
  /** Link steps an agent looks ahead. Flee default 1. */
  awarenessLevel: number;
  /** Occupancy fraction where camp attractiveness starts to fall. Flee default 0.9. */
  capacityBuffer: number;
  /** Multiplier on camp capacities. Flee default 1.0; validation file 1.25. */
  capacityScaling: number;
  /** Force a move after a short mid-day stint in a town. Flee default false; validation file true. */
  avoidShortStints: boolean;
  /** Subtract each spawned agent from its location's population. Flee default false. */
  takeFromPopulation: boolean;
  /** Pre-fill camps with their day-0 counts. Flee default true. */
  insertDay0: boolean;
  /** Start with empty camps (and shift the data). Flee default false. */
  emptyCampsOnDay0: boolean;
  /** Daily inflow = growth of the sum of camp series (else refugees.csv). Flee default true. */
  sumFromCamps: boolean;
  /** Spawn multiplier by conflict age (also used for the conflict-zone score). Flee default none. */
  conflictSpawnDecay: number[] | null;
  /** Days per step of conflictSpawnDecay. Flee default 30. */
  conflictSpawnDecayInterval: number;
  /** Divide all populations and counts by this. Flee default 1. */
  hasten: number;
  /**
   * Flee's conflict_driven_spawning: every day each conflict zone spawns a number of people set
   * by its intensity (and population), instead of the growth of the UNHCR series. Default off.
   */
  conflictDrivenSpawning: DrivenSpawning | null;
  /** DFlee's flood-driven spawning (spawn_rules.flood_driven_spawn_mode): people spawn where it floods. Default off. */
  floodDrivenSpawning: FloodSpawning | null;
  /** DFlee's flood rules (move_rules.flood_rules): move chances and attractiveness by flood level. Default off. */
  floodRules: FloodRules | null;
}

export const FLEE_DEFAULTS: FleeSettings = {
  maxMoveSpeed: 360,
  maxWalkSpeed: 35,
  startOnFoot: false,
  defaultMoveChance: 0.3,
  conflictMoveChance: 1.0,
  campMoveChance: 0.001,
  idpcampMoveChance: 0.1,
  campWeight: 1.0,
  foreignWeight: 1.0,
  conflictWeight: 1 / Math.sqrt(10),
  softening: 10,
  distancePower: 1.0,
  weightSoftening: 0,
  weightPower: 1.0,
  awarenessLevel: 1,
  capacityBuffer: 0.9,
  capacityScaling: 1.0,
  avoidShortStints: false,
  takeFromPopulation: false,
  insertDay0: true,
  emptyCampsOnDay0: false,
  sumFromCamps: true,
  conflictSpawnDecay: null,
  conflictSpawnDecayInterval: 30,
  hasten: 1,
  conflictDrivenSpawning: null,
  floodDrivenSpawning: null,
  floodRules: null,
};

type Kind = 'number' | 'int' | 'bool' | 'list';
const KEYS: Record<string, [section: string, key: keyof FleeSettings, kind: Kind][]> = {
  move_rules: [
    ['max_move_speed', 'maxMoveSpeed', 'number'],
    ['max_walk_speed', 'maxWalkSpeed', 'number'],
    ['start_on_foot', 'startOnFoot', 'bool'],
    ['default_movechance', 'defaultMoveChance', 'number'],
    ['conflict_movechance', 'conflictMoveChance', 'number'],
    ['camp_movechance', 'campMoveChance', 'number'],
    ['idpcamp_movechance', 'idpcampMoveChance', 'number'],
    ['camp_weight', 'campWeight', 'number'],
    ['foreign_weight', 'foreignWeight', 'number'],
    ['conflict_weight', 'conflictWeight', 'number'],
    ['softening', 'softening', 'number'],
    ['distance_power', 'distancePower', 'number'],
    ['weight_softening', 'weightSoftening', 'number'],
    ['weight_power', 'weightPower', 'number'],
    ['awareness_level', 'awarenessLevel', 'int'],
    ['capacity_buffer', 'capacityBuffer', 'number'],
    ['capacity_scaling', 'capacityScaling', 'number'],
    ['avoid_short_stints', 'avoidShortStints', 'bool'],
  ],
  spawn_rules: [
    ['insert_day0', 'insertDay0', 'bool'],
    ['empty_camps_on_day0', 'emptyCampsOnDay0', 'bool'],
    ['sum_from_camps', 'sumFromCamps', 'bool'],
    ['conflict_spawn_decay', 'conflictSpawnDecay', 'list'],
    ['conflict_spawn_decay_interval', 'conflictSpawnDecayInterval', 'int'],
  ],
  optimisations: [['hasten', 'hasten', 'int']],
};

/**
 * Flee rules this model does not implement (flee/SimulationSettings.py ReadFromYML), by section and
 * key, each with what it does: a scenario that switches one on is refused rather than run as a
 * different model. A key is switched on when Flee's bool() of its value is true, unless
 * `SWITCHED_ON` gives its own test.
 */
const UNMODELLED: Record<string, Record<string, string>> = {
  spawn_rules: {
    starvation_driven_spawning: 'starvation-driven spawning',
    read_from_agents_csv_file: 'agents read from agents.csv',
    camps_are_sicks: 'camps that deactivate agents',
  },
  move_rules: {
    stay_close_to_home: 'weighting routes by the distance to home',
    use_pop_for_loc_weight: 'weighting places by population',
    movechance_pop_scale_factor: 'move chances scaled by population',
    pruning_threshold: 'route pruning',
    ...Object.fromEntries(
      [
        'WomenAvoidHazards',
        'ChildrenAvoidHazards',
        'ElderlyAvoidHazards',
        'BoysTakeRisk',
        'MatchCampReligion',
        'MatchCampEthnicity',
        'MatchTownEthnicity',
        'MatchConflictEthnicity',
      ].map((k) => [k, 'demographic route preferences']),
    ),
    fixed_routes: 'fixed location routes',
    two_system_decision_making: 'two-system decision making',
    use_economic_pull: 'economic pull factors',
    harvest_months: 'farmers returning for the harvest',
    flee_when_starving: 'food-security rules',
    avoid_food_deprived_locations: 'food-security rules',
  },
};

/** The unmodelled keys Flee switches on by something other than bool(). */
const SWITCHED_ON: Record<string, (v: unknown) => boolean> = {
  pruning_threshold: (v) => typeof v === 'number' && v < 1,
};

/** Other keys Flee reads: use_v1_rules (applied below) and keys that change nothing here (parameters of rules left off, other run scripts). */
const OTHER_KEYS: Record<string, string[]> = {
  spawn_rules: [
    'take_from_population',
    'conflict_zone_spawning_only',
    'flood_zone_spawning_only',
    'conflict_driven_spawning',
    'flood_driven_spawn_mode',
    'average_social_connectivity',
  ],
  move_rules: [
    'max_crossing_speed',
    'use_v1_rules',
    'home_distance_power',
    'pop_power_for_loc_weight',
    'movechance_pop_base',
    'avg_religion_fraction',
    'flood_rules',
  ],
  optimisations: [],
};
const TOP_LEVEL = [
  'log_levels',
  'spawn_rules',
  'move_rules',
  'optimisations',
  'number_of_steps',
  'conflict_input_file',
  'flood_level_input_file',
  'default_conflict_intensity',
];

/** Flee's use_v1_rules: the version-1 values it puts over five settings. */
const V1_RULES: Partial<FleeSettings> = {
  maxMoveSpeed: 200,
  startOnFoot: false,
  avoidShortStints: false,
  campWeight: 2.0,
  conflictWeight: 0.25,
};

/**
 * Reads simsetting.yml text; missing keys take Flee's defaults. Errors point at FILE:LINE. A Flee
 * rule the model does not implement is refused; keys Flee does not know are ignored with a warning.
 */
export function readSettings(text: string, file: string, tol: Tolerance = tolerance(true)): FleeSettings {
  // within the limits of every YAML file (src/regime/load/yaml-source.ts): no deep or huge text
  const { doc, lineCounter: lc } = parseLimitedDocument(file, text, 'E_FLEE_SETTINGS');
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
  const s: FleeSettings = { ...FLEE_DEFAULTS };
  const root = doc?.contents;
  if (root === null || root === undefined) return s;
  if (!isMap(root))
    throw userError('E_FLEE_SETTINGS', 'expected a mapping with move_rules, spawn_rules, optimisations', {
      file,
      line: lineOf(root),
    });
  for (const [section, keys] of Object.entries(KEYS)) {
    const sec = root.get(section, true) as Node | undefined;
    if (sec === undefined || sec === null || (isScalar(sec) && sec.value === null)) continue;
    if (!isMap(sec))
      throw userError('E_FLEE_SETTINGS', `${section} must be a mapping`, { file, line: lineOf(sec) });
    for (const [yamlKey, key, kind] of keys) {
      const node = sec.get(yamlKey, true) as Node | undefined;
      if (node === undefined) continue;
      const v = (node as { toJSON(): unknown }).toJSON();
      const bad = (what: string) =>
        userError('E_FLEE_SETTINGS', `${section}.${yamlKey}: expected ${what}, got ${JSON.stringify(v)}`, {
          file,
          line: lineOf(node),
        });
      if (kind === 'bool') {
        if (typeof v !== 'boolean') throw bad('true or false');
        (s[key] as boolean) = v;
      } else if (kind === 'list') {
        if (v === null) (s[key] as number[] | null) = null;
        else if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
          throw bad('a list of numbers');
        else (s[key] as number[] | null) = v as number[];
      } else {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('a number');
        let n = v;
        if (kind === 'int' && !Number.isInteger(v)) {
          n = Math.trunc(v);
          tolerate(tol, {
            file,
            line: lineOf(node),
            code: 'E_FLEE_SETTINGS',
            kind: `int ${section}.${yamlKey}`,
            refusal: `${section}.${yamlKey}: expected an integer, got ${JSON.stringify(v)}`,
            reading: `${section}.${yamlKey}: ${v} read as ${n}, as Flee's int() truncates it`,
          });
        }
        (s[key] as number) = n;
      }
    }
  }
  const unmodelled = Object.entries(UNMODELLED).flatMap(([section, rules]) => {
    const sec = root.get(section, true);
    return Object.entries(rules).flatMap(([key, rule]) => {
      const node = isMap(sec) ? (sec.get(key, true) as Node | undefined) : undefined;
      const on = SWITCHED_ON[key] ?? truthy;
      return node !== undefined && on((node as { toJSON(): unknown }).toJSON())
        ? [{ what: `${rule} (${section}.${key})`, line: lineOf(node) }]
        : [];
    });
  });
  if (unmodelled.length > 0)
    throw userError(
      'E_FLEE_UNSUPPORTED',
      `switches on Flee rules this model does not implement: ${[...new Set(unmodelled.map((u) => u.what))].join('; ')}`,
      { file, line: unmodelled[0].line },
    );
  Object.assign(s, readDrivenSpawning(root, file, lineOf, tol));
  warnUnknownKeys(root, file, lineOf, tol);
  if (truthy(root.getIn(['move_rules', 'use_v1_rules']))) Object.assign(s, V1_RULES);
  if (s.hasten < 1) throw userError('E_FLEE_SETTINGS', 'optimisations.hasten must be at least 1', { file });
  if (s.awarenessLevel < 1)
    throw userError(
      'E_FLEE_SETTINGS',
      'move_rules.awareness_level must be at least 1 (level 0 is broken in Flee: agents never move)',
      { file },
    );
  return s;
}

/** Warns about keys Flee does not read (a typo reads as the default, in Flee as here). */
function warnUnknownKeys(
  root: YAMLMap,
  file: string,
  lineOf: (n: Node | null | undefined) => number | undefined,
  tol: Tolerance,
): void {
  const known = (section: string) =>
    new Set([
      ...(KEYS[section] ?? []).map(([k]) => k),
      ...Object.keys(UNMODELLED[section] ?? {}),
      ...(OTHER_KEYS[section] ?? []),
    ]);
  const unknown = (key: Node, name: string) =>
    tolerate(tol, {
      file,
      line: lineOf(key),
      code: 'E_FLEE_SETTINGS',
      kind: `unknown-key ${name}`,
      reading: `unknown key ${name} ignored (Flee does not read it either)`,
    });
  for (const pair of root.items) {
    const name = String((pair.key as Scalar | null)?.value ?? pair.key);
    if (!TOP_LEVEL.includes(name)) {
      unknown(pair.key as Node, name);
      continue;
    }
    if (name === 'log_levels' || !isMap(pair.value)) continue;
    const keys = known(name);
    for (const inner of pair.value.items) {
      const key = String((inner.key as Scalar | null)?.value ?? inner.key);
      if (!keys.has(key)) unknown(inner.key as Node, `${name}.${key}`);
    }
  }
}
