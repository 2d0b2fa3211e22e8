/**
 * A Flee conflict scenario as one typed object: the location graph, timed closures and
 * conflicts, and the UNHCR series that drive spawning and validation, already interpolated
 * per simulated day.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { userError } from '../shared/errors.ts';
import {
  addTimeSeries,
  interpolate,
  parseIntStrict,
  readClosures,
  readConflicts,
  readDataLayout,
  readLocations,
  readRegistrationCorrections,
  readRoutes,
  readSimPeriod,
  readTimeSeries,
} from './flee-csv.ts';
import type {
  ClosureRow,
  ConflictTable,
  LocationKind,
  LocationRow,
  RouteRow,
  TimeSeries,
} from './flee-csv.ts';
import { awarenessDraws, FLOOD_AWARENESS_FILE, readFloodAwareness } from './flood-awareness.ts';
import { readSettings, FLEE_DEFAULTS } from './settings.ts';
import type { FleeSettings } from './settings.ts';
import { tolerance } from './tolerance.ts';
import type { FleeWarning } from './tolerance.ts';

export interface FleeScenario {
  /** Folder name, e.g. mali2012. */
  name: string;
  dir: string;
  settings: FleeSettings;
  startDate: string;
  /** Days since 1970-01-01 of startDate. */
  startDay: number;
  /** Simulated days (0..days-1). */
  days: number;
  locations: LocationRow[];
  /** Population after hasten (spawn weight base; 0 for camps). */
  population: Int32Array;
  /** Camp capacity after hasten; -1 for non-camps. */
  capacity: Int32Array;
  /** Country of the first location. */
  homeCountry: string;
  routes: RouteRow[];
  closures: ClosureRow[];
  conflicts: ConflictTable;
  /** Location index of each conflicts.csv column (the first row of a duplicated name). */
  conflictLocation: Int32Array;
  /** flood_level.csv under DFlee's flood rules (then conflicts is empty), else null. */
  floodLevels: ConflictTable | null;
  /** Column of floodLevels of each location, -1 for none (level 0). */
  floodColumn: Int32Array;
  /**
   * Under DFlee's flood forecaster, demographics_floodawareness.csv as draws per location
   * (flood-awareness.ts): row k of location i up to cumulative[i * rows + k], its level levels[k].
   */
  floodAwareness: { cumulative: Float64Array; rows: number; levels: number[] } | null;
  /**
   * Location indices of the camps, in locations.csv order (the out.csv columns); under
   * flood-driven spawning every row (DFlee reports every location), a duplicated name as its later row.
   */
  camps: Int32Array;
  /** UNHCR value per camp per day: campData[day * camps.length + c] (Flee's get_field). */
  campData: Int32Array;
  /** Agents pre-filled in each camp on day 0. */
  campDay0: Int32Array;
  /** Day-0 value of every data_layout row by name (Flee's day0pops), used to reduce capacities. */
  day0Pops: Map<string, number>;
  /** Sum over data_layout rows (not total) of value(t) - value(t-1), t >= 1 (index 0 unused). */
  dailyDifference: Int32Array;
  /** Flee's day-0 "raw" count: total + every layout row at day 0 (a double count Flee prints). */
  rawDay0: number;
  /** What the readers tolerated, and how they read it (empty under `strict`, which refuses instead). */
  warnings: FleeWarning[];
}

export interface LoadOptions {
  /** Override optimisations.hasten. */
  hasten?: number;
  /** Simulate only the first N days (must not exceed sim_period Length... or conflicts rows). */
  days?: number;
  /**
   * Refuse what Flee reads but the readers once refused (unsorted series, conflicts columns for
   * unknown places, unknown closure types …) instead of reading it with a warning.
   */
  strict?: boolean;
}

/**
 * Largest Flee input file read, bytes: the biggest shipped one (car2013's conflicts.csv) is 107 kB.
 * A file is refused on its size before it is read: a 20 MB locations.csv took 760 MB to refuse.
 */
export const FLEE_MAX_BYTES = 10_000_000;

function readText(file: string): string {
  if (!existsSync(file)) throw userError('E_FLEE_MISSING_FILE', 'file not found', { file });
  const size = statSync(file).size;
  if (size > FLEE_MAX_BYTES)
    throw userError(
      'E_FILE_TOO_LARGE',
      `file is ${size} bytes; Flee input files are limited to ${FLEE_MAX_BYTES}`,
      {
        file,
      },
    );
  return readFileSync(file, 'utf8');
}

/** Reads a scenario folder in Flee's layout (input_csv/, source_data/, simsetting.yml). */
export function loadScenario(dir: string, opts: LoadOptions = {}): FleeScenario {
  if (!existsSync(join(dir, 'input_csv'))) {
    throw userError('E_FLEE_MISSING_FILE', 'not a Flee scenario folder (no input_csv/ inside)', {
      file: dir,
    });
  }
  const tol = tolerance(opts.strict ?? false);
  const settingsFile = join(dir, 'simsetting.yml');
  const settings = existsSync(settingsFile)
    ? readSettings(readText(settingsFile), settingsFile, tol)
    : { ...FLEE_DEFAULTS };
  if (opts.hasten !== undefined) settings.hasten = opts.hasten;
  const hasten = settings.hasten;

  const inp = (f: string) => join(dir, 'input_csv', f);
  // Under flood-driven spawning Flee reports (and pre-fills) every location, not only the camps.
  const everyRowReported = settings.floodDrivenSpawning !== null;
  const locations = readLocations(
    readText(inp('locations.csv')),
    inp('locations.csv'),
    tol,
    everyRowReported,
  );
  const growing = locations.find((l) => {
    const perDay = (l.attributes.capacity_per_day ?? '').trim();
    if (perDay === '') return false;
    const n = parseIntStrict(perDay);
    if (n === null)
      throw userError(
        'E_FLEE_ROW',
        `bad capacity_per_day "${perDay}" for "${l.name}" (expected an integer)`,
        {
          file: inp('locations.csv'),
          line: l.line,
        },
      );
    return n !== 0;
  });
  if (growing)
    throw userError(
      'E_FLEE_UNSUPPORTED',
      `"${growing.name}" has a capacity_per_day column: capacities growing every day are a Flee rule this model does not implement`,
      { file: inp('locations.csv'), line: growing.line },
    );
  const names = new Set(locations.map((l) => l.name));
  const countries = new Set(locations.map((l) => l.country));
  const routes = readRoutes(readText(inp('routes.csv')), inp('routes.csv'), names, tol);
  const closures = existsSync(inp('closures.csv'))
    ? readClosures(readText(inp('closures.csv')), inp('closures.csv'), names, countries, tol)
    : [];
  const period = readSimPeriod(readText(inp('sim_period.csv')), inp('sim_period.csv'), tol);
  let days = period.length;
  if (opts.days !== undefined && opts.days > 0) days = opts.days;
  // Under DFlee's flood rules Flee reads flood_level.csv and no conflicts (InputGeography.py).
  const flooding = settings.floodRules !== null;
  const dayTable = flooding ? 'flood_level.csv' : 'conflicts.csv';
  const table = readConflicts(
    readText(inp(dayTable)),
    inp(dayTable),
    names,
    tol,
    flooding ? 'flood level' : 'intensity',
  );
  if (table.days < days) {
    throw userError(
      'E_FLEE_ROW',
      `has ${table.days} day rows but ${days} days are simulated (one row per day is needed)`,
      { file: inp(dayTable) },
    );
  }
  const conflicts = flooding ? { names: [], days: table.days, values: new Float64Array(0) } : table;
  const floodLevels = flooding ? table : null;
  const forecaster = settings.floodRules?.forecaster;
  let floodAwareness: FleeScenario['floodAwareness'] = null;
  // Days of flood_level.csv read: the run's, and under the forecaster up to its end time.
  let levelDays = days;
  if (forecaster && forecaster.timescale > 1) {
    if (floodLevels!.days <= forecaster.endTime)
      throw userError(
        'E_FLEE_ROW',
        `has ${floodLevels!.days} day rows but the flood forecaster reads day ${forecaster.endTime} (flood_forecaster_end_time; Flee stops with an IndexError)`,
        { file: inp(dayTable) },
      );
    levelDays = Math.max(days, forecaster.endTime + 1);
    const awareFile = inp(FLOOD_AWARENESS_FILE);
    const table = readFloodAwareness(readText(awareFile), awareFile, forecaster.awarenessWeights.length);
    floodAwareness = {
      ...awarenessDraws(
        table,
        locations.map((l) => l.name),
      ),
      levels: table.levels,
    };
  }
  if (floodLevels) checkFloodLevels(floodLevels, levelDays, settings, inp(dayTable));

  const population = new Int32Array(locations.length);
  const capacity = new Int32Array(locations.length).fill(-1);
  locations.forEach((l, i) => {
    const v = Math.floor(l.population / hasten);
    if (isCampKind(l.kind)) capacity[i] = v;
    else population[i] = v;
  });
  // Flee's run.py looks each reported name up in a dict: a duplicated name means its later row.
  const lastIndex = new Map(locations.map((l, i) => [l.name, i]));
  const camps = everyRowReported
    ? Int32Array.from(locations, (l) => lastIndex.get(l.name)!)
    : Int32Array.from(locations.flatMap((l, i) => (isCampKind(l.kind) ? [i] : [])));

  // Validation data.
  const src = (f: string) => join(dir, 'source_data', f);
  const layout = readDataLayout(readText(src('data_layout.csv')), src('data_layout.csv'), tol);
  const series = new Map<string, TimeSeries>();
  const readSeries = (f: string) => readTimeSeries(readText(src(f)), src(f), period.startDay, hasten, tol);
  for (const row of layout) {
    let ts = readSeries(row.files[0]);
    for (const extra of row.files.slice(1)) ts = addTimeSeries(ts, readSeries(extra));
    series.set(row.name, ts);
  }
  for (const ci of camps) {
    if (!series.has(locations[ci].name)) {
      throw userError(
        'E_FLEE_ROW',
        `${everyRowReported ? 'location' : 'camp'} "${locations[ci].name}" (locations.csv line ${locations[ci].line}) has no row in data_layout.csv${everyRowReported ? ' (under flood-driven spawning Flee reports every location)' : ''}`,
        { file: src('data_layout.csv') },
      );
    }
  }
  const corrFile = inp('registration_corrections.csv');
  if (existsSync(corrFile)) {
    for (const c of readRegistrationCorrections(readText(corrFile), corrFile, tol)) {
      const ts = series.get(c.camp);
      if (!ts)
        throw userError('E_FLEE_UNKNOWN_LOCATION', `unknown camp "${c.camp}" (no row in data_layout.csv)`, {
          file: corrFile,
          line: c.line,
        });
      const day = c.day - period.startDay;
      if (day < 0) continue; // Flee ignores corrections before the start date.
      if (!ts.days.includes(day))
        throw userError(
          'E_FLEE_DATE',
          `no data point of "${c.camp}" on that date (the date must be one of the camp's data dates)`,
          { file: corrFile, line: c.line },
        );
      // As Flee's correctLevel1Registrations: every row on that date rescales the rows before it.
      ts.days.forEach((d, i) => {
        if (d !== day || i === 0) return;
        if (ts.values[i - 1] < 1)
          throw userError(
            'E_FLEE_ROW',
            `the data point before that date of "${c.camp}" is below 1, cannot rescale`,
            { file: corrFile, line: c.line },
          );
        const factor = ts.values[i] / ts.values[i - 1];
        for (let k = 0; k < i; k++) ts.values[k] *= factor;
      });
    }
  }

  const nc = camps.length;
  const campData = new Int32Array(days * nc);
  const startEmpty = settings.emptyCampsOnDay0;
  const day0Pops = new Map<string, number>();
  for (const [name, ts] of series) day0Pops.set(name, interpolate(ts, 0));
  for (let c = 0; c < nc; c++) {
    const ts = series.get(locations[camps[c]].name)!;
    const shift = startEmpty ? day0Pops.get(locations[camps[c]].name)! : 0;
    for (let t = 0; t < days; t++) campData[t * nc + c] = interpolate(ts, t) - shift;
  }
  const campDay0 = new Int32Array(nc);
  if (settings.insertDay0 && !startEmpty) {
    for (let c = 0; c < nc; c++)
      campDay0[c] = campData[c] + Math.trunc(Number(locations[camps[c]].attributes.initial_idps ?? 0) || 0);
  }
  const dailyDifference = new Int32Array(days);
  const driven = settings.conflictDrivenSpawning !== null || settings.floodDrivenSpawning !== null;
  const totalRow = layout.find((r) => r.name === 'total');
  // Flee's sum_from_camps: false reads the total by name (DataTable.get_field("total")).
  if (!settings.sumFromCamps && !driven && totalRow === undefined)
    throw userError('E_FLEE_ROW', 'no row named "total" (read by name when sum_from_camps is false)', {
      file: src('data_layout.csv'),
    });
  const layoutRows = settings.sumFromCamps ? layout.slice(1) : totalRow ? [totalRow] : [];
  for (let t = 1; t < days; t++) {
    let sum = 0;
    for (const row of layoutRows) {
      const ts = series.get(row.name)!;
      sum += interpolate(ts, t) - interpolate(ts, t - 1);
    }
    dailyDifference[t] = sum;
  }
  let rawDay0 = 0;
  if (settings.sumFromCamps) for (const row of layout) rawDay0 += day0Pops.get(row.name)!;
  else rawDay0 = day0Pops.get('total') ?? 0;
  if (startEmpty) rawDay0 = 0;

  // A duplicated name: conflicts.csv starts the conflict at the first row of it (Flee's
  // add_conflict_zone stops at the first match; links, via `index`, go to the last).
  const firstIndex = new Map<string, number>();
  locations.forEach((l, i) => firstIndex.has(l.name) || firstIndex.set(l.name, i));
  const conflictLocation = Int32Array.from(conflicts.names.map((n) => firstIndex.get(n)!));
  // Flee's UpdateLocationAttributes gives every location of a name its column's level.
  const floodColumn = Int32Array.from(locations, (l) => floodLevels?.names.indexOf(l.name) ?? -1);
  return {
    name: basename(resolve(dir)),
    dir,
    settings,
    startDate: period.startDate,
    startDay: period.startDay,
    days,
    locations,
    population,
    capacity,
    homeCountry: locations[0].country,
    routes,
    closures,
    conflicts,
    conflictLocation,
    floodLevels,
    floodColumn,
    floodAwareness,
    camps,
    campData,
    campDay0,
    day0Pops,
    dailyDifference,
    rawDay0,
    warnings: tol.warnings,
  };
}

/**
 * Flee interpolates each flood-rule list at a flooded place's level (lib_math.interp), and stops
 * with an IndexError when the level is not below the list's last index: refused before the run.
 */
function checkFloodLevels(table: ConflictTable, days: number, st: FleeSettings, file: string): void {
  const lists: [string, number[]][] = [
    ['spawn_rules.flood_driven_spawn_mode.displaced_per_flood_day', st.floodDrivenSpawning!.perLevel],
    ['move_rules.flood_rules.flood_movechances', st.floodRules!.moveChances],
    ['move_rules.flood_rules.flood_loc_weights', st.floodRules!.locWeights],
  ];
  const cols = table.names.length;
  for (let t = 0; t < days; t++)
    for (let j = 0; j < cols; j++) {
      const level = Math.trunc(table.values[t * cols + j]);
      if (level <= 0) continue;
      for (const [key, list] of lists)
        if (level >= list.length - 1)
          throw userError(
            'E_FLEE_ROW',
            `flood level ${level} at "${table.names[j]}" on day ${t}: ${key} has ${list.length} values, so levels must be below ${list.length - 1} (Flee stops with an IndexError)`,
            { file },
          );
    }
}

export function isCampKind(k: LocationKind): boolean {
  return k === 'camp' || k === 'idpcamp';
}
