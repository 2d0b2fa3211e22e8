/** The irregularities of real FabFlee files (reduced: fixtures/fabflee/SOURCES.md), read as Flee reads them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/support/user-error.ts';
import { parseDate, readConflicts, readDataLayout, readLocations, readTimeSeries } from './flee-csv.ts';
import { tolerance } from './tolerance.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/fabflee/${name}`, import.meta.url), 'utf8');
/** The warnings as [line, code, count], Windows line ends (several of these files have them) left out. */
const kinds = (t: ReturnType<typeof tolerance>) =>
  t.warnings.filter((w) => w.code !== 'E_FLEE_LINE_ENDS').map((w) => [w.line, w.code, w.count]);

describe('FabFlee files Flee reads although they are irregular', () => {
  const series = (name: string, strict: boolean, start = '2017-01-01') =>
    readTimeSeries(fixture(name), name, parseDate(start)!, 1, tolerance(strict));

  it('mali2017_adm1 refugees.csv: rows out of date order, read in file order', () => {
    const t = tolerance(false);
    const ts = readTimeSeries(
      fixture('mali2017_adm1-refugees.csv'),
      'refugees.csv',
      parseDate('2017-01-01')!,
      1,
      t,
    );
    expect(ts.days.length).toBe(8);
    expect(kinds(t)).toEqual([[5, 'E_FLEE_DATE', 2]]);
    expect(errorOf(() => series('mali2017_adm1-refugees.csv', true))).toMatch(
      /:5: date 2020-02-29 is earlier than the row before .*\(refused under --strict\) \[E_FLEE_DATE\]/,
    );
  });

  it('ukraine2022 pol-medyka.csv: a row out of order and a date given twice', () => {
    const t = tolerance(false);
    readTimeSeries(fixture('ukraine2022-pol-medyka.csv'), 'pol-medyka.csv', parseDate('2022-02-24')!, 1, t);
    expect(kinds(t)).toEqual([
      [4, 'E_FLEE_DATE', 1],
      [7, 'E_FLEE_DATE', 1],
    ]);
    expect(t.warnings[1].message).toMatch(/date 2023-08-17 given more than once/);
    expect(errorOf(() => series('ukraine2022-pol-medyka.csv', true, '2022-02-24'))).toMatch(
      /:4: date 2023-01-07 is earlier than the row before/,
    );
  });

  it('venezuela2022 conflicts.csv: a column for a place locations.csv does not list', () => {
    const known = new Set([
      'Zulia',
      'Cojedes',
      'Anzoategui',
      'Guarico',
      'Miranda',
      'Carabobo',
      'Lara',
      'Bolivar',
    ]);
    const t = tolerance(false);
    const c = readConflicts(fixture('venezuela2022-conflicts.csv'), 'conflicts.csv', known, t);
    expect(c.names).toEqual([...known]);
    expect(c.days).toBe(3);
    expect(kinds(t)).toEqual([[1, 'E_FLEE_UNKNOWN_LOCATION', 1]]);
    expect(
      errorOf(() =>
        readConflicts(fixture('venezuela2022-conflicts.csv'), 'conflicts.csv', known, tolerance(true)),
      ),
    ).toMatch(/conflicts\.csv:1: unknown location "Distrito Capital" in header/);
  });

  it('tigray2020 refugees.csv: columns after the count, read under --strict too', () => {
    for (const strict of [false, true]) {
      const t = tolerance(strict);
      const ts = readTimeSeries(
        fixture('tigray2020-refugees.csv'),
        'refugees.csv',
        parseDate('2020-11-04')!,
        1,
        t,
      );
      expect(ts.values).toEqual([196223, 215129, 221865, 227649]);
      expect(kinds(t)).toEqual([[1, 'E_FLEE_COLUMNS', 4]]);
    }
  });

  it('ssudan_whole_revised locations.csv: a town given twice', () => {
    const t = tolerance(false);
    expect(readLocations(fixture('ssudan_whole_revised-locations.csv'), 'locations.csv', t)).toHaveLength(2);
    expect(kinds(t)).toEqual([[3, 'E_FLEE_DUPLICATE', 1]]);
    expect(
      errorOf(() =>
        readLocations(fixture('ssudan_whole_revised-locations.csv'), 'locations.csv', tolerance(true)),
      ),
    ).toMatch(/locations\.csv:3: duplicate location "Pochalla" \(first defined on line 2\)/);
  });

  it('bangladesh data_layout.csv: a byte-order mark and Windows line ends, read under --strict too', () => {
    for (const strict of [false, true]) {
      const t = tolerance(strict);
      expect(
        readDataLayout(fixture('bangladesh-data_layout.csv'), 'data_layout.csv', t).map((r) => r.name),
      ).toEqual(['total', 'Sutarpara']);
      expect(t.warnings.map((w) => w.code)).toEqual(['E_FLEE_ENCODING', 'E_FLEE_LINE_ENDS']);
    }
  });
});
