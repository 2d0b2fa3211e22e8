import { describe, it, expect } from 'vitest';
import { errorOf } from '../../test/support/user-error.ts';
import { tolerance } from './tolerance.ts';
import {
  addTimeSeries,
  interpolate,
  locationKind,
  parseCsv,
  parseDate,
  readClosures,
  readConflicts,
  readDataLayout,
  readLocations,
  readRegistrationCorrections,
  readRoutes,
  readSimPeriod,
  readTimeSeries,
} from './flee-csv.ts';

const LOC_HEADER = '#name,region,country,latitude,longitude,location_type,conflict_date,population';
const names = new Set(['A', 'B', 'C']);

describe('CSV rows', () => {
  it('keeps 1-based line numbers and skips empty lines', () => {
    expect(parseCsv('a,b\n\nc,d\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['c', 'd'] },
    ]);
  });
  it('honours double quotes when present', () => {
    expect(parseCsv('"a,b",c')[0].cells).toEqual(['a,b', 'c']);
  });
});

describe('locations.csv', () => {
  it('reads names, countries, kinds, populations and extra columns', () => {
    const rows = readLocations(
      `${LOC_HEADER},conflict_intensity\nA,r,X,1,2,conflict_zone,0,100,0.5\nB,,,,,town,,\nC,r,Y,1,2,camp,,700\n`,
      'locations.csv',
    );
    expect(rows.map((r) => [r.name, r.kind, r.country, r.population])).toEqual([
      ['A', 'conflict', 'X', 100],
      ['B', 'town', 'unknown', 0],
      ['C', 'camp', 'Y', 700],
    ]);
    expect(rows[0].attributes).toEqual({ conflict_intensity: '0.5' });
    expect(rows[1].region).toBe('unknown');
  });
  it('classifies location types by substring, in Flee order', () => {
    expect(locationKind('idpcamp')).toBe('idpcamp');
    expect(locationKind('forwarding_hub')).toBe('forward');
    expect(locationKind('Default')).toBe('town');
    expect(locationKind('village')).toBeNull();
  });
  it('rejects a row with too few columns, naming file and line', () => {
    expect(
      errorOf(() => readLocations(`${LOC_HEADER}\nA,r,X,1,2,town,,1\nB,r,X,1,2,town\n`, 'loc.csv')),
    ).toMatch(/^loc\.csv:3: expected at least 8 columns .* found 6 \[E_FLEE_COLUMNS\]/);
  });
  it('rejects an unknown location type, a bad population and a bad conflict date', () => {
    expect(errorOf(() => readLocations(`${LOC_HEADER}\nA,r,X,1,2,village,,1\n`, 'loc.csv'))).toMatch(
      /^loc\.csv:2: unknown location_type "village"/,
    );
    expect(errorOf(() => readLocations(`${LOC_HEADER}\nA,r,X,1,2,town,,12.5\n`, 'loc.csv'))).toMatch(
      /^loc\.csv:2: bad population "12\.5"/,
    );
    expect(
      errorOf(() => readLocations(`${LOC_HEADER}\nA,r,X,1,2,conflict_zone,soon,1\n`, 'loc.csv')),
    ).toMatch(/^loc\.csv:2: bad conflict_date "soon"/);
  });
  it('rejects duplicate names with the first line', () => {
    expect(
      errorOf(() => readLocations(`${LOC_HEADER}\nA,r,X,1,2,town,,1\nA,r,X,1,2,town,,1\n`, 'loc.csv')),
    ).toMatch(/^loc\.csv:3: duplicate location "A" \(first defined on line 2\)/);
  });
});

describe('routes.csv', () => {
  it('reads both names, the distance and link attributes', () => {
    const r = readRoutes(
      '#name1,name2,distance,forced_redirection,max_move_speed\nA,B,48,,200\nB,C,7.5,2\n',
      'routes.csv',
      names,
    );
    expect(r.map((x) => [x.from, x.to, x.distance, x.forcedRedirection])).toEqual([
      ['A', 'B', 48, 0],
      ['B', 'C', 7.5, 2],
    ]);
    expect(r[0].attributes).toEqual({ max_move_speed: '200' });
  });
  it('rejects an unknown location with file and line', () => {
    expect(errorOf(() => readRoutes('#h\nA,B,1\nA,Zed,4\n', 'routes.csv', names))).toMatch(
      /^routes\.csv:3: unknown location "Zed" \(not in locations\.csv\) \[E_FLEE_UNKNOWN_LOCATION\]/,
    );
  });
  it('rejects a bad distance, too few columns and a bad redirection flag', () => {
    expect(errorOf(() => readRoutes('A,B,far\n', 'r.csv', names))).toMatch(/^r\.csv:1: bad distance "far"/);
    expect(errorOf(() => readRoutes('A,B\n', 'r.csv', names))).toMatch(
      /^r\.csv:1: expected at least 3 columns/,
    );
    expect(errorOf(() => readRoutes('A,B,3,7\n', 'r.csv', names))).toMatch(
      /^r\.csv:1: bad forced_redirection "7"/,
    );
  });
});

describe('closures.csv', () => {
  const countries = new Set(['X', 'Y']);
  it('reads typed closures with integer days', () => {
    const c = readClosures(
      '#h\ncountry,X,Y,0,22\nlocation,A,Y,0,91\ncamp,C,,0,101\n',
      'c.csv',
      names,
      countries,
    );
    expect(c.map((x) => [x.type, x.name1, x.start, x.end])).toEqual([
      ['country', 'X', 0, 22],
      ['location', 'A', 0, 91],
      ['camp', 'C', 0, 101],
    ]);
  });
  it('rejects unknown types, countries, locations and non-integer days', () => {
    expect(errorOf(() => readClosures('#h\nborder,X,Y,0,1\n', 'c.csv', names, countries))).toMatch(
      /^c\.csv:2: unknown closure_type "border"/,
    );
    expect(errorOf(() => readClosures('country,X,Atlantis,0,1\n', 'c.csv', names, countries))).toMatch(
      /^c\.csv:1: unknown country "Atlantis"/,
    );
    expect(errorOf(() => readClosures('camp,Nowhere,,0,1\n', 'c.csv', names, countries))).toMatch(
      /^c\.csv:1: unknown location "Nowhere"/,
    );
    expect(errorOf(() => readClosures('camp,C,,2015-01-01,1\n', 'c.csv', names, countries))).toMatch(
      /^c\.csv:1: bad closure_start "2015-01-01"/,
    );
    expect(errorOf(() => readClosures('camp,C,,0\n', 'c.csv', names, countries))).toMatch(
      /^c\.csv:1: expected 5 columns/,
    );
  });
});

describe('conflicts.csv', () => {
  it('reads one row per day, trimming header names and allowing a trailing comma', () => {
    const t = readConflicts('#Day, A, B,\n0,1,0\n1,1,0.5\n', 'k.csv', names);
    expect(t.names).toEqual(['A', 'B']);
    expect(t.days).toBe(2);
    expect(Array.from(t.values)).toEqual([1, 0, 1, 0.5]);
  });
  it('rejects a row with the wrong number of columns', () => {
    expect(errorOf(() => readConflicts('#Day,A,B\n0,1,0\n1,1\n', 'k.csv', names))).toMatch(
      /^k\.csv:3: expected 3 columns like the header, found 2 \[E_FLEE_COLUMNS\]/,
    );
  });
  it('rejects unknown header locations and bad intensities', () => {
    expect(errorOf(() => readConflicts('#Day,A,Q\n0,1,0\n', 'k.csv', names))).toMatch(
      /^k\.csv:1: unknown location "Q" in header/,
    );
    expect(errorOf(() => readConflicts('#Day,A\n0,1\n1,high\n', 'k.csv', names))).toMatch(
      /^k\.csv:3: bad intensity "high" for A/,
    );
  });
});

describe('dates, sim_period.csv and corrections', () => {
  it('parses real calendar dates only', () => {
    expect(parseDate('2012-02-29')).toBe(Date.UTC(2012, 1, 29) / 86_400_000);
    expect(parseDate('2013-02-29')).toBeNull();
    expect(parseDate('29/02/2012')).toBeNull();
  });
  it('reads StartDate and Length case-insensitively', () => {
    expect(readSimPeriod('startdate,2012-02-29\nLENGTH,300\n', 's.csv')).toMatchObject({
      startDate: '2012-02-29',
      length: 300,
    });
  });
  it('rejects a bad start date and a missing length', () => {
    expect(errorOf(() => readSimPeriod('StartDate,2012-13-01\nLength,3\n', 's.csv'))).toMatch(
      /^s\.csv:1: bad date "2012-13-01" \(expected YYYY-MM-DD\) \[E_FLEE_DATE\]/,
    );
    expect(errorOf(() => readSimPeriod('StartDate,2012-01-01\n', 's.csv'))).toMatch(
      /^s\.csv: missing Length row/,
    );
    expect(errorOf(() => readSimPeriod('StartDate,2012-01-01\nLength,-4\n', 's.csv'))).toMatch(
      /^s\.csv:2: bad Length "-4"/,
    );
  });
  it('rejects a bad date in registration corrections', () => {
    expect(
      errorOf(() =>
        readRegistrationCorrections('Mentao,2012-10-03,normalize\nAbala,2012-21-12,normalize\n', 'rc.csv'),
      ),
    ).toMatch(/^rc\.csv:2: bad date "2012-21-12"/);
  });
});

describe('source_data series', () => {
  const start = parseDate('2020-01-01')!;
  it('reads dated counts as day offsets, skipping a Date header, # rows and empty counts, dividing by hasten', () => {
    const ts = readTimeSeries(
      'Date,count\n2019-12-31,100\n#2020-01-02,5\n2020-01-05,\n2020-01-11,300\n',
      'x.csv',
      start,
      10,
    );
    expect(ts).toEqual({ days: [-1, 10], values: [10, 30] });
  });
  it('rejects bad dates and bad counts with file and line', () => {
    expect(errorOf(() => readTimeSeries('2020-01-01,5\n2020-02-30,7\n', 'x.csv', start, 1))).toMatch(
      /^x\.csv:2: bad date "2020-02-30"/,
    );
    expect(errorOf(() => readTimeSeries('2020-01-01,many\n', 'x.csv', start, 1))).toMatch(
      /^x\.csv:1: bad count "many"/,
    );
  });
  it('interpolates like Flee: clamped ends, linear truncated values in between', () => {
    const ts = { days: [0, 10], values: [0, 105] };
    expect([-5, 0, 1, 5, 9, 10, 50].map((d) => interpolate(ts, d))).toEqual([0, 0, 10, 52, 94, 105, 105]);
  });
  it("adds a second file the way Flee's AddCSVTables does (no interpolation, later rows of the first dropped)", () => {
    const a = { days: [0, 10, 20, 30], values: [1, 2, 3, 4] };
    const b = { days: [5, 20], values: [100, 200] };
    expect(addTimeSeries(a, b)).toEqual({ days: [0, 5, 10, 20], values: [1, 102, 102, 203] });
  });
  it('requires data_layout.csv to start with the total row', () => {
    expect(readDataLayout('total,refugees.csv\nMboti,a.csv,b.csv\n', 'dl.csv')[1]).toMatchObject({
      name: 'Mboti',
      files: ['a.csv', 'b.csv'],
    });
    expect(errorOf(() => readDataLayout('Mboti,a.csv\n', 'dl.csv'))).toMatch(
      /^dl\.csv:1: the first row must be "total,<file>" .*refused under --strict/,
    );
  });
  it('reads a first row of another name as the total, as Flee does, with a warning', () => {
    const t = tolerance(false);
    expect(readDataLayout('Mboti,a.csv\nGoudoubo,b.csv\n', 'dl.csv', t).map((r) => r.name)).toEqual([
      'Mboti',
      'Goudoubo',
    ]);
    expect(t.warnings[0]).toMatchObject({ code: 'E_FLEE_ROW', line: 1 });
    expect(t.warnings[0].message).toMatch(/first row "Mboti" read as the total refugee count/);
  });
});
