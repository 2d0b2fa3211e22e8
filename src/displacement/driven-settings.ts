/**
 * simsetting.yml's spawning rules that do not follow the UNHCR series: Flee's conflict-driven
 * spawning and DFlee's flood rules, read as flee/SimulationSettings.py ReadFromYML reads them
 * (djgroen/flee 02cd2cbd), with Flee's defaults. Where Flee stops on a combination (or would fail
 * on its first flooded day) the scenario is refused with the reason; a rule left out here
 * (Poisson spawning) is refused as E_FLEE_UNSUPPORTED.
 */
import { isMap, isScalar } from 'yaml';
import type { Node, Scalar, YAMLMap } from 'yaml';
import { userError } from '../shared/errors.ts';
import { tolerate } from './tolerance.ts';
import type { Tolerance } from './tolerance.ts';

/**
 * How many a conflict zone spawns a day (flee/spawning.py spawn_daily_displaced): `constant`:
 * int(perDay × intensity); `pop_ratio`: int(perDay × population × intensity); `none`: a mode Flee
 * does not know, which spawns nobody.
 */
export interface DrivenSpawning {
  mode: 'constant' | 'pop_ratio' | 'none';
  perDay: number;
}

/** As DrivenSpawning, with the rate interpolated in a list by flood level (Flee's lib_math.interp). */
export interface FloodSpawning {
  mode: 'constant' | 'pop_ratio' | 'none';
  perLevel: number[];
}

/** DFlee's flood rules, each a list interpolated by flood level where the level is above 0. */
export interface FloodRules {
  /** Replaces the move chance of a flooded place. */
  moveChances: number[];
  /** Multiplies the attractiveness of a flooded destination. */
  locWeights: number[];
  /** DFlee's flood forecaster (flood_forecaster: true), else null. */
  forecaster: FloodForecaster | null;
}

/**
 * DFlee's flood forecaster settings (flee/SimulationSettings.py reads them as int(...) and lists);
 * the rules are in model/forecaster.ts.
 */
export interface FloodForecaster {
  /** flood_forecaster_timescale: days ahead an agent looks (the forecaster acts only above 1). */
  timescale: number;
  /** flood_forecaster_end_time: the last day of forecast data; the forecaster acts up to it. */
  endTime: number;
  /** flood_forecaster_weights: the importance of each forecast day, indexed by the day itself. */
  dayWeights: number[];
  /** flood_awareness_weights: the weight of each flood-awareness level (demographics_floodawareness.csv). */
  awarenessWeights: number[];
}

/** The settings read here. */
export interface DrivenSettings {
  takeFromPopulation: boolean;
  conflictDrivenSpawning: DrivenSpawning | null;
  floodDrivenSpawning: FloodSpawning | null;
  floodRules: FloodRules | null;
}

type LineOf = (n: Node | null | undefined) => number | undefined;

interface Ctx {
  root: YAMLMap;
  file: string;
  lineOf: LineOf;
  tol: Tolerance;
}

/** Python's bool() of a YAML value, as Flee reads its switches. */
export const truthy = (v: unknown) =>
  !(
    v === undefined ||
    v === false ||
    v === null ||
    v === 0 ||
    v === '' ||
    (Array.isArray(v) && v.length === 0)
  );

const nodeAt = (c: Ctx, path: string[]) => c.root.getIn(path, true) as Node | undefined;
const valueAt = (c: Ctx, path: string[]): unknown => {
  const n = nodeAt(c, path);
  return n === undefined ? undefined : (n as { toJSON(): unknown }).toJSON();
};

function settingsError(c: Ctx, path: string[], message: string, code = 'E_FLEE_SETTINGS') {
  return userError(code, message, { file: c.file, line: c.lineOf(nodeAt(c, path)) });
}

/** A sub-mapping such as spawn_rules.conflict_driven_spawning, or null when absent or null (Flee's fetchss). */
function subMap(c: Ctx, path: string[]): YAMLMap | null {
  const n = nodeAt(c, path);
  if (n === undefined || n === null || (isScalar(n) && n.value === null)) return null;
  if (!isMap(n)) throw settingsError(c, path, `${path.join('.')} must be a mapping`);
  return n;
}

/** Keys of a sub-mapping Flee does not read: ignored, as Flee ignores them, with a warning. */
function warnUnread(c: Ctx, path: string[], map: YAMLMap, known: string[]): void {
  for (const pair of map.items) {
    const key = String((pair.key as Scalar | null)?.value ?? pair.key);
    if (known.includes(key)) continue;
    const name = [...path, key].join('.');
    tolerate(c.tol, {
      file: c.file,
      line: c.lineOf(pair.key as Node),
      code: 'E_FLEE_SETTINGS',
      kind: `unknown-key ${name}`,
      reading: `unknown key ${name} ignored (Flee does not read it either)`,
    });
  }
}

function spawnMode(c: Ctx, path: string[], fallback: string): DrivenSpawning['mode'] {
  const v = valueAt(c, path) ?? fallback;
  if (v === 'constant' || v === 'pop_ratio') return v;
  if (typeof v === 'string' && v.toLowerCase() === 'poisson')
    throw settingsError(
      c,
      path,
      `switches on a Flee rule this model does not implement: Poisson spawning (${path.join('.')})`,
      'E_FLEE_UNSUPPORTED',
    );
  tolerate(c.tol, {
    file: c.file,
    line: c.lineOf(nodeAt(c, path)),
    code: 'E_FLEE_SETTINGS',
    kind: `spawn-mode ${path.join('.')}`,
    refusal: `${path.join('.')}: expected constant, pop_ratio or Poisson, got ${JSON.stringify(v)}`,
    reading: `${path.join('.')} ${JSON.stringify(v)} is none of constant, pop_ratio, Poisson: nobody is spawned by it, as in Flee`,
  });
  return 'none';
}

function numberList(c: Ctx, path: string[], fallback: number[] | null): number[] | null {
  const v = valueAt(c, path);
  if (v === undefined || v === null) return fallback;
  if (!Array.isArray(v) || v.length < 2 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
    throw settingsError(
      c,
      path,
      `${path.join('.')}: expected a list of at least two numbers, got ${JSON.stringify(v)}`,
    );
  return v as number[];
}

/** Flee's conflict_driven_spawning (only when flood_zone_spawning_only is off). */
function readConflictDriven(c: Ctx): DrivenSpawning | null {
  const path = ['spawn_rules', 'conflict_driven_spawning'];
  const map = subMap(c, path);
  if (map === null) return null;
  warnUnread(c, path, map, ['spawn_mode', 'displaced_per_conflict_day']);
  const mode = spawnMode(c, [...path, 'spawn_mode'], 'constant');
  const perPath = [...path, 'displaced_per_conflict_day'];
  const v = valueAt(c, perPath) ?? (mode === 'pop_ratio' ? 0.01 : 500);
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw settingsError(
      c,
      perPath,
      `${perPath.join('.')}: expected a number of at least 0, got ${JSON.stringify(v)}`,
    );
  // Flee: float() for pop_ratio, int() (truncating) otherwise.
  return { mode, perDay: mode === 'pop_ratio' ? v : Math.trunc(v) };
}

/** DFlee's flood_driven_spawn_mode (only when flood_zone_spawning_only is on). */
function readFloodSpawning(c: Ctx, takeFromPopulation: boolean): FloodSpawning | null {
  const path = ['spawn_rules', 'flood_driven_spawn_mode'];
  const map = subMap(c, path);
  if (map === null) return null;
  if (!takeFromPopulation)
    throw settingsError(
      c,
      path,
      'flood-driven spawning needs spawn_rules.take_from_population: true (Flee stops without it)',
    );
  warnUnread(c, path, map, ['spawn_mode', 'displaced_per_flood_day']);
  const mode = spawnMode(c, [...path, 'spawn_mode'], 'pop_ratio');
  const perLevel = numberList(
    c,
    [...path, 'displaced_per_flood_day'],
    mode === 'pop_ratio' ? [0.0, 0.1, 0.2, 0.5, 0.9] : [0, 100, 200, 300, 500],
  )!;
  return { mode, perLevel };
}

/** DFlee's move_rules.flood_rules. */
function readFloodRules(c: Ctx): FloodRules | null {
  const path = ['move_rules', 'flood_rules'];
  const map = subMap(c, path);
  if (map === null) return null;
  warnUnread(c, path, map, [
    'max_flood_level',
    'flood_movechances',
    'flood_loc_weights',
    'flood_link_weights',
    'flood_forecaster',
    'flood_forecaster_timescale',
    'flood_forecaster_weights',
    'flood_forecaster_end_time',
    'flood_awareness_weights',
  ]);
  const moveChances = numberList(c, [...path, 'flood_movechances'], null);
  const locWeights = numberList(c, [...path, 'flood_loc_weights'], null);
  if (moveChances === null || locWeights === null)
    throw settingsError(
      c,
      path,
      `${path.join('.')} needs flood_movechances and flood_loc_weights (Flee fails on the first flooded day without them)`,
    );
  const forecaster = truthy(valueAt(c, [...path, 'flood_forecaster'])) ? readForecaster(c, path) : null;
  return { moveChances, locWeights, forecaster };
}

/** Flee's int() of a setting: a whole number (Flee truncates; a fraction here is refused). */
function wholeNumber(c: Ctx, path: string[], fallback: number): number {
  const v = valueAt(c, path) ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw settingsError(
      c,
      path,
      `${path.join('.')}: expected a whole number of at least 0, got ${JSON.stringify(v)}`,
    );
  return v;
}

/**
 * The forecaster's settings, with Flee's defaults (timescale and end time 0). Flee indexes
 * flood_forecaster_weights by forecast day (at most the end time) and flood_awareness_weights by
 * awareness level, and fails on a missing list once the forecaster acts: refused here instead.
 */
function readForecaster(c: Ctx, path: string[]): FloodForecaster {
  const timescale = wholeNumber(c, [...path, 'flood_forecaster_timescale'], 0);
  const endTime = wholeNumber(c, [...path, 'flood_forecaster_end_time'], 0);
  const acts = timescale > 1;
  const dayPath = [...path, 'flood_forecaster_weights'];
  const awarePath = [...path, 'flood_awareness_weights'];
  const dayWeights = numberList(c, dayPath, acts ? null : []);
  const awarenessWeights = numberList(c, awarePath, acts ? null : []);
  if (dayWeights === null || awarenessWeights === null)
    throw settingsError(
      c,
      [...path, 'flood_forecaster'],
      `the flood forecaster needs ${dayPath.join('.')} and ${awarePath.join('.')} (Flee fails on the forecaster's first day without them)`,
    );
  if (acts && dayWeights.length <= endTime)
    throw settingsError(
      c,
      dayPath,
      `${dayPath.join('.')} has ${dayWeights.length} values but the forecast reaches day ${endTime} (flood_forecaster_end_time); Flee indexes it by day and stops with an IndexError`,
    );
  return { timescale, endTime, dayWeights, awarenessWeights };
}

/**
 * take_from_population, conflict-driven spawning and the flood rules from the document, as Flee combines them: flood_zone_spawning_only chooses flood-driven over
 * conflict-driven spawning, and both *_zone_spawning_only on is an error in Flee.
 */
export function readDrivenSpawning(
  root: YAMLMap,
  file: string,
  lineOf: LineOf,
  tol: Tolerance,
): DrivenSettings {
  const c: Ctx = { root, file, lineOf, tol };
  const takeFromPopulation = truthy(valueAt(c, ['spawn_rules', 'take_from_population']));
  const conflictOnly = valueAt(c, ['spawn_rules', 'conflict_zone_spawning_only']);
  const floodOnly = truthy(valueAt(c, ['spawn_rules', 'flood_zone_spawning_only']));
  if (floodOnly && (conflictOnly === undefined || truthy(conflictOnly)))
    throw settingsError(
      c,
      ['spawn_rules', 'flood_zone_spawning_only'],
      'flood_zone_spawning_only needs conflict_zone_spawning_only: false (on by default; Flee stops when both are on)',
    );
  const floodDrivenSpawning = floodOnly ? readFloodSpawning(c, takeFromPopulation) : null;
  const conflictDrivenSpawning = floodOnly ? null : readConflictDriven(c);
  const floodRules = readFloodRules(c);
  if (floodRules !== null && floodDrivenSpawning === null)
    throw settingsError(
      c,
      ['move_rules', 'flood_rules'],
      'move_rules.flood_rules without flood-driven spawning (spawn_rules.flood_zone_spawning_only and flood_driven_spawn_mode): Flee then reads neither flood levels nor conflicts and stops on day 0',
    );
  if (floodDrivenSpawning !== null && floodRules === null)
    throw settingsError(
      c,
      ['spawn_rules', 'flood_driven_spawn_mode'],
      'flood-driven spawning needs move_rules.flood_rules (Flee fails at the first move from a flooded place without it)',
    );
  return { takeFromPopulation, conflictDrivenSpawning, floodDrivenSpawning, floodRules };
}
