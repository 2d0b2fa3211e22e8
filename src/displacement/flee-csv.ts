/**
 * Readers for Flee's scenario files (input_csv/ and source_data/).
 *
 * Flee's CSVs are plain comma-separated text without quoting; this reader keeps the
 * 1-based line number of every row so that every malformed row is reported as
 * `FILE:LINE: message`. Each reader takes the text and the file name (as the user
 * should see it) so that it can be tested without touching the disk.
 */
import { userError } from '../shared/errors.ts';
import { tolerance, tolerate } from './tolerance.ts';
import type { Tolerance } from './tolerance.ts';

/** One non-empty CSV row with its 1-based line number. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into rows; empty lines are skipped. Double quotes are honoured if present.
 * A byte-order mark and Windows line ends are read through (with a warning when `tol` is given).
 */
export function parseCsv(text: string, file = '', tol?: Tolerance): CsvRow[] {
  if (tol && text.startsWith('\uFEFF'))
    tolerate(tol, {
      file,
      line: 1,
      code: 'E_FLEE_ENCODING',
      kind: 'bom',
      perScenario: true,
      reading:
        'byte-order mark at the start of the file skipped (Flee would read it as part of the first cell)',
    });
  if (tol && text.includes('\r\n'))
    tolerate(tol, {
      file,
      code: 'E_FLEE_LINE_ENDS',
      kind: 'crlf',
      perScenario: true,
      reading: "Windows line ends (CRLF) read as line ends, as Flee's csv reader reads them",
    });
  const rows: CsvRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    rows.push({ line: i + 1, cells: raw.includes('"') ? splitQuoted(raw) : raw.split(',') });
  }
  return rows;
}

function splitQuoted(raw: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoted) {
      if (ch === '"' && raw[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** A row is a comment/header when its first cell starts with `#`. */
export function isComment(row: CsvRow): boolean {
  return (row.cells[0] ?? '').trimStart().startsWith('#');
}

/** The cells of a comment row without its leading `#` (Flee's header lines are comments). */
function commentCells(row: CsvRow): string[] {
  return row.cells.map((c, i) => (i === 0 ? c.replace(/^\s*#/, '') : c).trim());
}

function rowError(file: string, line: number, message: string, code = 'E_FLEE_ROW') {
  return userError(code, message, { file, line });
}

/** Parses a float the way Python's float() does for these files (surrounding spaces allowed). */
export function parseFloatStrict(s: string): number | null {
  const t = s.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Parses an integer the way Python's int() does (surrounding spaces allowed, no decimals). */
export function parseIntStrict(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) return null;
  return Number(t);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (month and day may have one digit), or null. */
export function parseDate(s: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/** `YYYY-MM-DD` of a day number since 1970-01-01. */
export function formatDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- locations.csv

/** What a location is, from its location_type (Flee's substring rules, in Flee's order). */
export type LocationKind = 'camp' | 'idpcamp' | 'conflict' | 'forward' | 'marker' | 'flood' | 'town';

export interface LocationRow {
  name: string;
  region: string;
  country: string;
  x: number;
  y: number;
  locationType: string;
  kind: LocationKind;
  /** conflict_date for conflict-zone rows, else null. */
  conflictDate: number | null;
  /** Raw population column (capacity for camps), before hasten. */
  population: number;
  /** Extra columns (8+), named by the header row. */
  attributes: Record<string, string>;
  line: number;
}

/** Flee's location_type rules: substring match, case-insensitive, checked in this order. */
export function locationKind(type: string): LocationKind | null {
  const t = type.toLowerCase();
  if (t.includes('camp')) return t.includes('idp') ? 'idpcamp' : 'camp';
  if (t.includes('conflict')) return 'conflict';
  if (t.includes('forward')) return 'forward';
  if (t.includes('marker')) return 'marker';
  if (t.includes('flood_zone')) return 'flood';
  if (t.includes('default') || t.includes('town')) return 'town';
  return null;
}

const isCampLike = (k: LocationKind | null) => k === 'camp' || k === 'idpcamp';

/**
 * `everyRowReported`: under DFlee's flood-driven spawning every row is an out.csv column (Flee's
 * get_camp_names), so a duplicated name is read as Flee reads it even when one row is a camp.
 */
export function readLocations(
  text: string,
  file: string,
  tol: Tolerance = tolerance(true),
  everyRowReported = false,
): LocationRow[] {
  const out: LocationRow[] = [];
  const seen = new Map<string, { line: number; kind: LocationKind | null }>();
  let header: string[] | null = null;
  for (const row of parseCsv(text, file, tol)) {
    if (isComment(row)) {
      header ??= commentCells(row);
      continue;
    }
    const c = row.cells;
    if (c.length < 8) {
      throw rowError(
        file,
        row.line,
        `expected at least 8 columns (name,region,country,latitude,longitude,location_type,conflict_date,population), found ${c.length}`,
        'E_FLEE_COLUMNS',
      );
    }
    const name = c[0];
    if (name.trim() === '') throw rowError(file, row.line, 'empty location name');
    const kind = locationKind(c[5]);
    const prev = seen.get(name);
    if (prev !== undefined) {
      const refusal = `duplicate location "${name}" (first defined on line ${prev.line})`;
      // Flee would pre-fill a duplicated camp twice (its camp list has the name twice).
      if (!everyRowReported && (isCampLike(kind) || isCampLike(prev.kind)))
        throw rowError(file, row.line, refusal, 'E_FLEE_DUPLICATE');
      tolerate(tol, {
        file,
        line: row.line,
        code: 'E_FLEE_DUPLICATE',
        kind: 'duplicate-location',
        refusal,
        reading: everyRowReported
          ? `${refusal}: both rows kept as Flee keeps them; routes, closures and both out.csv columns of the name go to the later row, which is pre-filled once for each, as Flee's name lookups do`
          : `${refusal}: both rows kept as Flee keeps them; routes and closures attach to the later row and conflicts.csv to the first, as Flee's name lookups do`,
      });
    } else seen.set(name, { line: row.line, kind });
    if (!kind) {
      throw rowError(
        file,
        row.line,
        `unknown location_type "${c[5]}" for "${name}" (expected one containing camp, conflict, forward, marker, flood_zone, town or default)`,
      );
    }
    const x = c[3].trim() === '' ? 0 : parseFloatStrict(c[3]);
    const y = c[4].trim() === '' ? 0 : parseFloatStrict(c[4]);
    if (x === null || y === null)
      throw rowError(
        file,
        row.line,
        `bad coordinate "${x === null ? c[3] : c[4]}" for "${name}" (expected a number)`,
      );
    let conflictDate: number | null = null;
    if (kind === 'conflict') {
      conflictDate = parseIntStrict(c[6]);
      if (conflictDate === null)
        throw rowError(
          file,
          row.line,
          `bad conflict_date "${c[6]}" for conflict zone "${name}" (expected an integer day)`,
        );
    }
    let population = 0;
    if (c[7].trim() !== '') {
      const p = parseIntStrict(c[7]);
      if (p === null || p < 0)
        throw rowError(
          file,
          row.line,
          `bad population "${c[7]}" for "${name}" (expected a non-negative integer)`,
        );
      population = p;
    }
    const attributes: Record<string, string> = {};
    for (let i = 8; i < c.length; i++) attributes[header?.[i] || `column${i + 1}`] = c[i];
    out.push({
      name,
      region: c[1] === '' ? 'unknown' : c[1],
      country: c[2] === '' ? 'unknown' : c[2],
      x,
      y,
      locationType: c[5],
      kind,
      conflictDate,
      population,
      attributes,
      line: row.line,
    });
  }
  if (out.length === 0) throw userError('E_FLEE_ROW', 'no locations defined', { file });
  return out;
}

// ---------------------------------------------------------------- routes.csv

export interface RouteRow {
  from: string;
  to: string;
  distance: number;
  /** 0 none, 1 on from->to (plus a plain copy, Flee's quirk), 2 on to->from. */
  forcedRedirection: 0 | 1 | 2;
  attributes: Record<string, string>;
  line: number;
}

export function readRoutes(
  text: string,
  file: string,
  locationNames: ReadonlySet<string>,
  tol: Tolerance = tolerance(true),
): RouteRow[] {
  const out: RouteRow[] = [];
  let header: string[] | null = null;
  for (const row of parseCsv(text, file, tol)) {
    if (isComment(row)) {
      header ??= commentCells(row);
      continue;
    }
    const c = row.cells;
    if (c.length < 3)
      throw rowError(
        file,
        row.line,
        `expected at least 3 columns (name1,name2,distance), found ${c.length}`,
        'E_FLEE_COLUMNS',
      );
    for (const n of [c[0], c[1]]) {
      if (!locationNames.has(n))
        throw rowError(
          file,
          row.line,
          `unknown location "${n}" (not in locations.csv)`,
          'E_FLEE_UNKNOWN_LOCATION',
        );
    }
    if (c[0] === c[1])
      tolerate(tol, {
        file,
        line: row.line,
        code: 'E_FLEE_ROW',
        kind: 'self-route',
        refusal: `route from "${c[0]}" to itself`,
        reading: `route from "${c[0]}" to itself: kept as a link from the place to itself, as Flee links it`,
      });
    const distance = parseFloatStrict(c[2]);
    if (distance === null || distance < 0)
      throw rowError(file, row.line, `bad distance "${c[2]}" (expected a non-negative number of km)`);
    let fr: 0 | 1 | 2 = 0;
    if (c.length > 3 && c[3].trim() !== '') {
      const v = parseIntStrict(c[3]);
      if (v === null)
        throw rowError(file, row.line, `bad forced_redirection "${c[3]}" (expected empty, 0, 1 or 2)`);
      if (v === 1 || v === 2) fr = v;
      else if (v !== 0)
        tolerate(tol, {
          file,
          line: row.line,
          code: 'E_FLEE_ROW',
          kind: 'forced-redirection',
          refusal: `bad forced_redirection "${c[3]}" (expected empty, 0, 1 or 2)`,
          reading: `forced_redirection "${c[3]}" read as 0 (a plain link), as Flee reads any value other than 1 and 2`,
        });
    }
    const attributes: Record<string, string> = {};
    for (let i = 4; i < c.length; i++) {
      const key = header?.[i] || `column${i + 1}`;
      if (
        (key === 'max_move_speed' || key === 'walk_probability') &&
        c[i].trim() !== '' &&
        parseFloatStrict(c[i]) === null
      ) {
        throw rowError(file, row.line, `bad ${key} "${c[i]}" (expected a number)`);
      }
      attributes[key] = c[i];
    }
    out.push({ from: c[0], to: c[1], distance, forcedRedirection: fr, attributes, line: row.line });
  }
  return out;
}

// ---------------------------------------------------------------- closures.csv

export const CLOSURE_TYPES = [
  'country',
  'location',
  'link',
  'camp',
  'idpcamp',
  'remove_forced_redirection',
] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];

export interface ClosureRow {
  type: ClosureType;
  name1: string;
  name2: string;
  start: number;
  end: number;
  line: number;
}

export function readClosures(
  text: string,
  file: string,
  locationNames: ReadonlySet<string>,
  countries: ReadonlySet<string>,
  tol: Tolerance = tolerance(true),
): ClosureRow[] {
  const out: ClosureRow[] = [];
  for (const row of parseCsv(text, file, tol)) {
    if (isComment(row)) continue;
    const c = row.cells;
    if (c.length < 5)
      throw rowError(
        file,
        row.line,
        `expected 5 columns (closure_type,name1,name2,closure_start,closure_end), found ${c.length}`,
        'E_FLEE_COLUMNS',
      );
    // Flee converts the days of every row first, whatever its type.
    const start = parseIntStrict(c[3]);
    const end = parseIntStrict(c[4]);
    if (start === null)
      throw rowError(file, row.line, `bad closure_start "${c[3]}" (expected an integer day)`);
    if (end === null) throw rowError(file, row.line, `bad closure_end "${c[4]}" (expected an integer day)`);
    const type = c[0].trim() as ClosureType;
    const ignored = (kind: string, refusal: string, code = 'E_FLEE_UNKNOWN_LOCATION') =>
      tolerate(tol, {
        file,
        line: row.line,
        code,
        kind,
        refusal,
        reading: `${refusal}: the row is ignored, as Flee's closures ignore it`,
      });
    if (!CLOSURE_TYPES.includes(type)) {
      ignored(
        'closure-type',
        `unknown closure_type "${c[0]}" (expected one of ${CLOSURE_TYPES.join(', ')})`,
        'E_FLEE_ROW',
      );
      continue;
    }
    const unknown =
      type === 'country'
        ? [c[1], c[2]].find((n) => !countries.has(n))
        : [c[1], ...(type === 'link' || type === 'remove_forced_redirection' ? [c[2]] : [])].find(
            (n) => !locationNames.has(n),
          );
    if (unknown !== undefined) {
      // Flee applies a camp closure of an unknown name to the first location (its name lookup
      // returns False, read as index 0); we ignore the row instead (docs/displacement.md).
      ignored(
        'closure-name',
        type === 'country'
          ? `unknown country "${unknown}" (no location in locations.csv has it)`
          : `unknown location "${unknown}" (not in locations.csv)`,
      );
      continue;
    }
    out.push({ type, name1: c[1], name2: c[2], start, end, line: row.line });
  }
  return out;
}

// ---------------------------------------------------------------- conflicts.csv

export interface ConflictTable {
  /** Location name of each column. */
  names: string[];
  /** Number of day rows. */
  days: number;
  /** Row-major intensities: values[day * names.length + column]. */
  values: Float64Array;
}

export function readConflicts(
  text: string,
  file: string,
  locationNames: ReadonlySet<string>,
  tol: Tolerance = tolerance(true),
  valueName = 'intensity',
): ConflictTable {
  const rows = parseCsv(text, file, tol);
  if (rows.length === 0)
    throw userError('E_FLEE_ROW', 'empty conflicts file (expected a "#Day,<location>,..." header)', { file });
  // Flee takes the first row as the header, with or without its "#".
  const head = rows[0];
  if (!isComment(head))
    tolerate(tol, {
      file,
      line: head.line,
      code: 'E_FLEE_ROW',
      kind: 'header-without-hash',
      refusal: 'expected a header row "#Day,<location>,..."',
      reading: 'first row read as the header although it does not start with "#", as Flee reads it',
    });
  const header = head.cells.slice(1).map((s) => s.trim());
  // Flee skips empty header cells; the shipped files end the header with a trailing comma.
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const maxCells = head.cells.length;
  // Columns kept: Flee reports a column for a place it does not know and goes on without it.
  const kept: number[] = [];
  header.forEach((n, j) => {
    if (n === '') throw rowError(file, head.line, 'empty location name in header');
    if (locationNames.has(n)) kept.push(j);
    else
      tolerate(tol, {
        file,
        line: head.line,
        code: 'E_FLEE_UNKNOWN_LOCATION',
        kind: `unknown-column ${n}`,
        refusal: `unknown location "${n}" in header (not in locations.csv)`,
        reading: `column "${n}" names no location in locations.csv: ignored, as Flee ignores it`,
      });
  });
  const names = kept.map((j) => header[j]);
  const data = rows.slice(1).filter((r) => !isComment(r));
  const values = new Float64Array(data.length * names.length);
  data.forEach((r, day) => {
    if (r.cells.length < header.length + 1 || r.cells.length > maxCells) {
      throw rowError(
        file,
        r.line,
        `expected ${header.length + 1} columns like the header, found ${r.cells.length}`,
        'E_FLEE_COLUMNS',
      );
    }
    const row = header.map((n, j) => {
      const v = parseFloatStrict(r.cells[j + 1]);
      if (v === null)
        throw rowError(file, r.line, `bad ${valueName} "${r.cells[j + 1]}" for ${n} (expected a number)`);
      return v;
    });
    kept.forEach((j, k) => (values[day * names.length + k] = row[j]));
  });
  return { names, days: data.length, values };
}

// ---------------------------------------------------------------- sim_period.csv

export interface SimPeriod {
  startDate: string;
  /** Days since 1970-01-01. */
  startDay: number;
  length: number;
}

export function readSimPeriod(text: string, file: string, tol: Tolerance = tolerance(true)): SimPeriod {
  let start: { date: string; day: number } | null = null;
  let length: number | null = null;
  for (const row of parseCsv(text, file, tol)) {
    if (isComment(row)) continue;
    const key = row.cells[0].trim().toLowerCase();
    const val = (row.cells[1] ?? '').trim();
    if (key === 'startdate') {
      const d = parseDate(val);
      if (d === null)
        throw rowError(file, row.line, `bad date "${val}" (expected YYYY-MM-DD)`, 'E_FLEE_DATE');
      start = { date: formatDate(d), day: d };
    } else if (key === 'length') {
      const n = parseIntStrict(val);
      if (n === null || n < 1)
        throw rowError(file, row.line, `bad Length "${val}" (expected a positive integer number of days)`);
      length = n;
    } else
      tolerate(tol, {
        file,
        line: row.line,
        code: 'E_FLEE_ROW',
        kind: 'period-key',
        refusal: `unknown key "${row.cells[0]}" (expected StartDate or Length)`,
        reading: `unknown key "${row.cells[0]}" ignored (Flee reads only StartDate and Length)`,
      });
  }
  if (!start) throw userError('E_FLEE_ROW', 'missing StartDate row', { file });
  if (length === null) throw userError('E_FLEE_ROW', 'missing Length row', { file });
  return { startDate: start.date, startDay: start.day, length };
}

// ---------------------------------------------------------------- registration_corrections.csv

export interface RegistrationCorrection {
  camp: string;
  /** Days since 1970-01-01. */
  day: number;
  line: number;
}

export function readRegistrationCorrections(
  text: string,
  file: string,
  tol: Tolerance = tolerance(true),
): RegistrationCorrection[] {
  const out: RegistrationCorrection[] = [];
  for (const row of parseCsv(text, file, tol)) {
    if (isComment(row) || row.cells.length < 2) continue;
    const d = parseDate(row.cells[1]);
    if (d === null)
      throw rowError(file, row.line, `bad date "${row.cells[1]}" (expected YYYY-MM-DD)`, 'E_FLEE_DATE');
    out.push({ camp: row.cells[0], day: d, line: row.line });
  }
  return out;
}

// ---------------------------------------------------------------- source_data

export interface DataLayoutRow {
  name: string;
  files: string[];
  line: number;
}

export function readDataLayout(
  text: string,
  file: string,
  tol: Tolerance = tolerance(true),
): DataLayoutRow[] {
  const out: DataLayoutRow[] = [];
  for (const row of parseCsv(text, file, tol)) {
    if (isComment(row) || row.cells.length < 2) continue;
    const files = row.cells
      .slice(1)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (files.length === 0) throw rowError(file, row.line, `no data file named for "${row.cells[0]}"`);
    out.push({ name: row.cells[0], files, line: row.line });
  }
  if (out.length === 0)
    throw userError('E_FLEE_ROW', 'no rows (the first must be "total,<file>", the total refugee count)', {
      file,
    });
  if (out[0].name !== 'total')
    tolerate(tol, {
      file,
      line: out[0].line,
      code: 'E_FLEE_ROW',
      kind: 'layout-first-row',
      refusal: 'the first row must be "total,<file>" (the total refugee count)',
      reading: `first row "${out[0].name}" read as the total refugee count (and as the series of that name), as Flee reads the first row whatever its name`,
    });
  return out;
}

/** A time series read from a source_data file: day offsets from the start date and counts. */
export interface TimeSeries {
  days: number[];
  values: number[];
}

/**
 * Reads `YYYY-MM-DD,count` rows (Flee's ConvertCsvFileToNumPyTable): a first row whose first
 * cell is Date/DateTime is a header; `#` rows and rows with an empty count are skipped; only
 * the first two columns are read. Counts are divided by `hasten`. Rows stay in file order, as
 * Flee keeps them: `interpolate` then reads an unsorted series the way Flee does.
 */
export function readTimeSeries(
  text: string,
  file: string,
  startDay: number,
  hasten: number,
  tol: Tolerance = tolerance(true),
): TimeSeries {
  const days: number[] = [];
  const values: number[] = [];
  const seen = new Set<number>();
  const rows = parseCsv(text, file, tol);
  rows.forEach((row, i) => {
    const c = row.cells;
    const at = { file, line: row.line };
    const blank = () =>
      tolerate(tol, {
        ...at,
        code: 'E_FLEE_ROW',
        kind: 'blank-count',
        reading: 'row without a count skipped, as Flee skips it',
      });
    if (c[0].startsWith('#')) return;
    if (c.length < 2) return blank();
    if (i === 0 && (c[0] === 'Date' || c[0] === 'DateTime' || c[0] === '')) return;
    if (c.slice(2).some((x) => x.trim() !== ''))
      tolerate(tol, {
        ...at,
        code: 'E_FLEE_COLUMNS',
        kind: 'extra-columns',
        reading: 'columns after the count ignored (Flee reads only the date and the count)',
      });
    if (c[1] === '') return blank();
    const d = parseDate(c[0]);
    if (d === null) throw rowError(file, row.line, `bad date "${c[0]}" (expected YYYY-MM-DD)`, 'E_FLEE_DATE');
    const v = parseFloatStrict(c[1]);
    if (v === null) throw rowError(file, row.line, `bad count "${c[1]}" (expected a number)`);
    const day = d - startDay;
    const last = days[days.length - 1];
    if (days.length > 0 && day < last)
      tolerate(tol, {
        ...at,
        code: 'E_FLEE_DATE',
        kind: 'unsorted',
        refusal: `date ${c[0]} is earlier than the row before (rows must be in date order)`,
        reading: `date ${c[0].trim()} is earlier than the row before: rows read in file order as Flee reads them (for each day it interpolates between the first row with a later date and the row before that one), not sorted`,
      });
    else if (seen.has(day))
      tolerate(tol, {
        ...at,
        code: 'E_FLEE_DATE',
        kind: 'duplicate-date',
        reading: `date ${c[0].trim()} given more than once: rows kept in file order as Flee keeps them (before the date the series runs towards the first such row, from the date on the last one counts)`,
      });
    seen.add(day);
    days.push(day);
    values.push(v / hasten);
  });
  if (days.length === 0) throw userError('E_FLEE_ROW', 'no data rows (expected YYYY-MM-DD,count)', { file });
  return { days, values };
}

/**
 * Adds a second series onto a first exactly as Flee's AddCSVTables does (used where
 * data_layout.csv names several files for one camp). Its quirks are kept on purpose: values
 * are not interpolated, and rows of the first table after the second one ends are dropped.
 */
export function addTimeSeries(t1: TimeSeries, t2: TimeSeries): TimeSeries {
  const days: number[] = [];
  const values: number[] = [];
  let offset = 0;
  let lastC2 = 0;
  for (let k = 0; k < t2.days.length; k++) {
    const d2 = t2.days[k];
    const v2 = t2.values[k];
    while (d2 > t1.days[offset]) {
      days.push(t1.days[offset]);
      values.push(lastC2 + t1.values[offset]);
      if (offset < t1.days.length - 1) offset++;
      else break;
    }
    if (d2 === t1.days[offset]) {
      days.push(d2);
      values.push(v2 + t1.values[offset]);
      if (offset < t1.days.length - 1) offset++;
      lastC2 = v2;
      continue;
    }
    if (d2 < t1.days[offset]) {
      days.push(d2);
      values.push(v2 + t1.values[offset]);
      lastC2 = v2;
    }
  }
  return { days, values };
}

/** Flee's get_interpolated_data: clamp at the ends, linear in between, truncated to an integer. */
export function interpolate(ts: TimeSeries, day: number): number {
  const { days, values } = ts;
  if (day <= days[0]) return Math.trunc(values[0]);
  for (let i = 1; i < days.length; i++) {
    if (day < days[i]) {
      const fraction = (day - days[i - 1]) / (days[i] - days[i - 1]);
      return Math.trunc(values[i - 1] + fraction * (values[i] - values[i - 1]));
    }
  }
  return Math.trunc(values[values.length - 1]);
}
