import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/support/user-error.ts';
import {
  interpolate,
  parseCsv,
  readClosures,
  readConflicts,
  readLocations,
  readRoutes,
  readSimPeriod,
  readTimeSeries,
} from './flee-csv.ts';
import { readSettings } from './settings.ts';
import { formatWarning, tolerance, tolerate } from './tolerance.ts';
import type { Tolerance } from './tolerance.ts';

const lenient = () => tolerance(false);
const strict = () => tolerance(true);
const names = new Set(['A', 'B', 'C']);
const countries = new Set(['X', 'Y']);

/** The warnings of a tolerance, rendered. */
const shown = (t: Tolerance) => t.warnings.map(formatWarning);

describe('tolerate', () => {
  it('records a warning, counting repeats of a kind in a file on the first', () => {
    const t = lenient();
    const x = { file: 'f.csv', code: 'E_X', kind: 'k', refusal: 'bad', reading: 'read anyway' };
    tolerate(t, { ...x, line: 3 });
    tolerate(t, { ...x, line: 9 });
    tolerate(t, { ...x, file: 'g.csv', line: 1 });
    expect(shown(t)).toEqual(['f.csv:3: read anyway (first of 2) [E_X]', 'g.csv:1: read anyway [E_X]']);
  });

  it('throws the refusal under strict, and records what strict reads too', () => {
    const t = strict();
    expect(
      errorOf(() =>
        tolerate(t, { file: 'f.csv', line: 3, code: 'E_X', kind: 'k', refusal: 'bad', reading: 'r' }),
      ),
    ).toBe('f.csv:3: bad (refused under --strict) [E_X]');
    tolerate(t, { file: 'f.csv', code: 'E_Y', kind: 'j', reading: 'always read' });
    expect(shown(t)).toEqual(['f.csv: always read [E_Y]']);
  });
});

describe('source_data series Flee reads', () => {
  const series = (rows: string[], t: Tolerance) =>
    readTimeSeries(['Date,count', ...rows].join('\n'), 'camp.csv', 0, 1, t);
  const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

  it('keeps unsorted rows in file order and interpolates them as Flee does', () => {
    const t = lenient();
    const ts = series([`${day(0)},10`, `${day(10)},30`, `${day(5)},100`], t);
    expect(ts.days).toEqual([0, 10, 5]);
    // Flee: the first row with a later date and the row before it; past it, the last row.
    expect([3, 7, 10, 12].map((d) => interpolate(ts, d))).toEqual([16, 24, 100, 100]);
    expect(shown(t)).toEqual([
      'camp.csv:4: date 1970-01-06 is earlier than the row before: rows read in file order as Flee reads them (for each day it interpolates between the first row with a later date and the row before that one), not sorted [E_FLEE_DATE]',
    ]);
  });

  it('refuses unsorted rows under --strict', () => {
    expect(errorOf(() => series([`${day(0)},10`, `${day(10)},30`, `${day(5)},100`], strict()))).toBe(
      'camp.csv:4: date 1970-01-06 is earlier than the row before (rows must be in date order) (refused under --strict) [E_FLEE_DATE]',
    );
  });

  it('keeps duplicated dates in file order: the first counts before the date, the last from it (also under --strict)', () => {
    for (const t of [lenient(), strict()]) {
      const ts = series([`${day(0)},10`, `${day(5)},20`, `${day(5)},40`, `${day(10)},60`], t);
      expect([4, 5, 7].map((d) => interpolate(ts, d))).toEqual([18, 40, 48]);
      expect(t.warnings.map((w) => [w.line, w.code])).toEqual([[4, 'E_FLEE_DATE']]);
    }
  });

  it('skips rows without a count and ignores columns after the count, with a warning (also under --strict)', () => {
    for (const t of [lenient(), strict()]) {
      const ts = series([`${day(0)},10,note`, `${day(3)},`, `${day(4)}`, `${day(6)},70,,x`], t);
      expect(ts).toEqual({ days: [0, 6], values: [10, 70] });
      expect(shown(t)).toEqual([
        'camp.csv:2: columns after the count ignored (Flee reads only the date and the count) (first of 2) [E_FLEE_COLUMNS]',
        'camp.csv:3: row without a count skipped, as Flee skips it (first of 2) [E_FLEE_ROW]',
      ]);
    }
  });
});

describe('byte-order marks and Windows line ends', () => {
  it('are read through with one warning for the scenario (also under --strict)', () => {
    for (const t of [lenient(), strict()]) {
      expect(parseCsv('\uFEFF#h,x\r\na,1\r\n', 'a.csv', t).map((r) => r.cells)).toEqual([
        ['#h', 'x'],
        ['a', '1'],
      ]);
      parseCsv('b,2\r\n', 'b.csv', t);
      expect(shown(t)).toEqual([
        'a.csv:1: byte-order mark at the start of the file skipped (Flee would read it as part of the first cell) [E_FLEE_ENCODING]',
        "a.csv: Windows line ends (CRLF) read as line ends, as Flee's csv reader reads them (and in 1 more file) [E_FLEE_LINE_ENDS]",
      ]);
    }
  });
});

describe('conflicts.csv columns Flee ignores', () => {
  const text = '#Day,A,Nowhere,B\n0,1,1,0\n1,1,0.5,1\n';

  it('drops a column for a place not in locations.csv, with a warning', () => {
    const t = lenient();
    const c = readConflicts(text, 'conflicts.csv', names, t);
    expect(c.names).toEqual(['A', 'B']);
    expect(Array.from(c.values)).toEqual([1, 0, 1, 1]);
    expect(shown(t)).toEqual([
      'conflicts.csv:1: column "Nowhere" names no location in locations.csv: ignored, as Flee ignores it [E_FLEE_UNKNOWN_LOCATION]',
    ]);
  });

  it('refuses it under --strict', () => {
    expect(errorOf(() => readConflicts(text, 'conflicts.csv', names, strict()))).toMatch(
      /^conflicts\.csv:1: unknown location "Nowhere" in header \(not in locations\.csv\) \(refused under --strict\) \[E_FLEE_UNKNOWN_LOCATION\]$/,
    );
  });

  it('still checks the values of an ignored column, as Flee converts them', () => {
    expect(
      errorOf(() => readConflicts('#Day,A,Nowhere\n0,1,x\n', 'conflicts.csv', names, lenient())),
    ).toMatch(/conflicts\.csv:2: bad intensity "x" for Nowhere/);
  });

  it('reads a first row without "#" as the header, and refuses it under --strict', () => {
    const t = lenient();
    expect(readConflicts('Day,A\n0,1\n', 'conflicts.csv', names, t).names).toEqual(['A']);
    expect(t.warnings[0].code).toBe('E_FLEE_ROW');
    expect(errorOf(() => readConflicts('Day,A\n0,1\n', 'conflicts.csv', names, strict()))).toMatch(
      /conflicts\.csv:1: expected a header row/,
    );
  });
});

describe('closures Flee ignores', () => {
  const rows = [
    'shutdown,A,B,0,5', // unknown type
    'location,Nowhere,B,0,5', // unknown place
    'country,X,Atlantis,0,5', // unknown country
    'country,X,Y,1,4',
  ];

  it('drops rows of an unknown type, place or country, one warning each', () => {
    const t = lenient();
    const c = readClosures(rows.join('\n'), 'closures.csv', names, countries, t);
    expect(c.map((r) => [r.type, r.line])).toEqual([['country', 4]]);
    expect(shown(t)).toEqual([
      'closures.csv:1: unknown closure_type "shutdown" (expected one of country, location, link, camp, idpcamp, remove_forced_redirection): the row is ignored, as Flee\'s closures ignore it [E_FLEE_ROW]',
      'closures.csv:2: unknown location "Nowhere" (not in locations.csv): the row is ignored, as Flee\'s closures ignore it (first of 2) [E_FLEE_UNKNOWN_LOCATION]',
    ]);
  });

  it('refuses each under --strict', () => {
    const one = (row: string) => () => readClosures(row, 'closures.csv', names, countries, strict());
    expect(errorOf(one(rows[0]))).toMatch(/unknown closure_type "shutdown".*\[E_FLEE_ROW\]$/);
    expect(errorOf(one(rows[1]))).toMatch(/unknown location "Nowhere".*\[E_FLEE_UNKNOWN_LOCATION\]$/);
    expect(errorOf(one(rows[2]))).toMatch(/unknown country "Atlantis".*\[E_FLEE_UNKNOWN_LOCATION\]$/);
  });

  it('still refuses days that are not integers, as Flee converts them for every row', () => {
    expect(
      errorOf(() => readClosures('shutdown,A,B,soon,5', 'closures.csv', names, countries, lenient())),
    ).toMatch(/closures\.csv:1: bad closure_start "soon"/);
  });
});

describe('routes Flee links', () => {
  it('keeps a route from a place to itself, and refuses it under --strict', () => {
    const t = lenient();
    expect(readRoutes('A,A,10\nA,B,20', 'routes.csv', names, t).map((r) => [r.from, r.to])).toEqual([
      ['A', 'A'],
      ['A', 'B'],
    ]);
    expect(t.warnings.map((w) => [w.line, w.code])).toEqual([[1, 'E_FLEE_ROW']]);
    expect(errorOf(() => readRoutes('A,A,10', 'routes.csv', names, strict()))).toMatch(
      /routes\.csv:1: route from "A" to itself \(refused under --strict\)/,
    );
  });

  it('reads a forced_redirection other than 1 or 2 as a plain link, and refuses it under --strict', () => {
    const t = lenient();
    expect(readRoutes('A,B,10,3', 'routes.csv', names, t)[0].forcedRedirection).toBe(0);
    expect(shown(t)[0]).toMatch(/forced_redirection "3" read as 0 \(a plain link\)/);
    expect(errorOf(() => readRoutes('A,B,10,3', 'routes.csv', names, strict()))).toMatch(
      /bad forced_redirection "3"/,
    );
    // Not an integer: Flee stops on it too.
    expect(errorOf(() => readRoutes('A,B,10,drive', 'routes.csv', names, lenient()))).toMatch(
      /routes\.csv:1: bad forced_redirection "drive"/,
    );
  });

  it('still refuses a route to a place that does not exist', () => {
    expect(errorOf(() => readRoutes('A,Atlantis,10', 'routes.csv', names, lenient()))).toMatch(
      /routes\.csv:1: unknown location "Atlantis".*\[E_FLEE_UNKNOWN_LOCATION\]/,
    );
  });
});

describe('sim_period.csv rows Flee ignores', () => {
  it('ignores keys other than StartDate and Length, and refuses them under --strict', () => {
    const text = 'StartDate,2020-01-01\nEndDate,2020-12-31\nLength,30\n';
    const t = lenient();
    expect(readSimPeriod(text, 'sim_period.csv', t).length).toBe(30);
    expect(t.warnings.map((w) => w.line)).toEqual([2]);
    expect(errorOf(() => readSimPeriod(text, 'sim_period.csv', strict()))).toMatch(
      /sim_period\.csv:2: unknown key "EndDate"/,
    );
  });
});

describe('simsetting.yml as Flee reads it', () => {
  it("truncates a non-integer awareness_level as Flee's int() does, and refuses it under --strict", () => {
    const text = 'move_rules:\n  awareness_level: 2.5\n';
    const t = lenient();
    expect(readSettings(text, 'simsetting.yml', t).awarenessLevel).toBe(2);
    expect(shown(t)).toEqual([
      "simsetting.yml:2: move_rules.awareness_level: 2.5 read as 2, as Flee's int() truncates it [E_FLEE_SETTINGS]",
    ]);
    expect(errorOf(() => readSettings(text, 'simsetting.yml', strict()))).toMatch(
      /simsetting\.yml:2: move_rules\.awareness_level: expected an integer, got 2\.5/,
    );
  });

  it('warns about keys Flee does not read either', () => {
    const t = lenient();
    readSettings('move_rules:\n  max_move_sped: 300\ncolour: blue\n', 'simsetting.yml', t);
    expect(shown(t)).toEqual([
      'simsetting.yml:2: unknown key move_rules.max_move_sped ignored (Flee does not read it either) [E_FLEE_SETTINGS]',
      'simsetting.yml:3: unknown key colour ignored (Flee does not read it either) [E_FLEE_SETTINGS]',
    ]);
  });

  it('refuses Flee rules the model does not implement, naming each, in either mode', () => {
    const text = [
      'spawn_rules:',
      '  starvation_driven_spawning: True',
      'move_rules:',
      '  stay_close_to_home: True',
      '  fixed_routes: False',
    ].join('\n');
    for (const tol of [lenient(), tolerance(true)])
      expect(errorOf(() => readSettings(text, 'simsetting.yml', tol))).toBe(
        'simsetting.yml:2: switches on Flee rules this model does not implement: starvation-driven spawning (spawn_rules.starvation_driven_spawning); weighting routes by the distance to home (move_rules.stay_close_to_home) [E_FLEE_UNSUPPORTED]',
      );
  });

  it('tests the switches Flee reads by a rule of their own by that rule, not by bool()', () => {
    const read = (text: string) => () => readSettings(text, 'simsetting.yml', lenient());
    expect(
      read('spawn_rules:\n  conflict_driven_spawning: null\nmove_rules:\n  pruning_threshold: 1\n'),
    ).not.toThrow();
    expect(errorOf(read('spawn_rules:\n  conflict_driven_spawning: 0\n'))).toContain(
      'spawn_rules.conflict_driven_spawning must be a mapping',
    );
    expect(errorOf(read('move_rules:\n  pruning_threshold: 0.5\n'))).toContain(
      'route pruning (move_rules.pruning_threshold)',
    );
  });

  it("applies use_v1_rules over the five settings Flee's version 1 fixes", () => {
    const s = readSettings(
      'move_rules:\n  use_v1_rules: True\n  max_move_speed: 500\n',
      'simsetting.yml',
      lenient(),
    );
    expect(s).toMatchObject({
      maxMoveSpeed: 200,
      startOnFoot: false,
      avoidShortStints: false,
      campWeight: 2,
      conflictWeight: 0.25,
    });
  });
});

describe('locations.csv names given twice', () => {
  const header = '#name,region,country,latitude,longitude,location_type,conflict_date,population';
  const text = [header, 'A,R,X,0,0,town,,', 'B,R,X,0,1,town,,', 'A,R,X,0,0,town,,'].join('\n');

  it('keeps both rows as Flee does, with a warning, and refuses them under --strict', () => {
    const t = lenient();
    expect(readLocations(text, 'locations.csv', t).map((l) => [l.name, l.line])).toEqual([
      ['A', 2],
      ['B', 3],
      ['A', 4],
    ]);
    expect(t.warnings.map((w) => [w.line, w.code])).toEqual([[4, 'E_FLEE_DUPLICATE']]);
    expect(errorOf(() => readLocations(text, 'locations.csv', strict()))).toMatch(
      /locations\.csv:4: duplicate location "A" \(first defined on line 2\) \(refused under --strict\)/,
    );
  });

  it('refuses a duplicated camp in either mode (Flee would pre-fill it twice)', () => {
    const camps = [header, 'A,R,X,0,0,camp,,100', 'A,R,X,0,0,camp,,100'].join('\n');
    expect(errorOf(() => readLocations(camps, 'locations.csv', lenient()))).toMatch(
      /locations\.csv:3: duplicate location "A" \(first defined on line 2\) \[E_FLEE_DUPLICATE\]/,
    );
  });
});
