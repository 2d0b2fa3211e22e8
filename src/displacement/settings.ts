/**
 * Flee's run settings (simsetting.yml) with Flee's built-in defaults.
 *
 * Every default below is Flee's own (flee/SimulationSettings.py, djgroen/flee 02cd2cbd),
 * documented in docs/displacement.md; FabFlee's validation file (shipped with every
 * scenario in data/flee/) overrides some of them. Keys we do not model are ignored.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { userError } from '../shared/errors.ts';

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
  /** Subtract spawned agents from the population. Flee default false (only false is modelled). */
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
    ['take_from_population', 'takeFromPopulation', 'bool'],
    ['insert_day0', 'insertDay0', 'bool'],
    ['empty_camps_on_day0', 'emptyCampsOnDay0', 'bool'],
    ['sum_from_camps', 'sumFromCamps', 'bool'],
    ['conflict_spawn_decay', 'conflictSpawnDecay', 'list'],
    ['conflict_spawn_decay_interval', 'conflictSpawnDecayInterval', 'int'],
  ],
  optimisations: [['hasten', 'hasten', 'int']],
};

/** Reads simsetting.yml text; missing keys take Flee's defaults. Errors point at FILE:LINE. */
export function readSettings(text: string, file: string): FleeSettings {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw userError('E_FLEE_SETTINGS', `invalid YAML: ${e.message.split('\n')[0]}`, {
      file,
      line: e.linePos?.[0]?.line,
    });
  }
  const s: FleeSettings = { ...FLEE_DEFAULTS };
  const root = doc.contents;
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
        if (kind === 'int' && !Number.isInteger(v)) throw bad('an integer');
        (s[key] as number) = v;
      }
    }
  }
  if (s.hasten < 1) throw userError('E_FLEE_SETTINGS', 'optimisations.hasten must be at least 1', { file });
  if (s.awarenessLevel < 1)
    throw userError(
      'E_FLEE_SETTINGS',
      'move_rules.awareness_level must be at least 1 (level 0 is broken in Flee: agents never move)',
      { file },
    );
  if (s.takeFromPopulation)
    throw userError('E_FLEE_SETTINGS', 'spawn_rules.take_from_population: true is not supported', { file });
  return s;
}
