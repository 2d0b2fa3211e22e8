import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { columnIndex, numberCell, parseCsv, yearCell } from './csv.ts';

function errorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('parseCsv', () => {
  it('reads the header, the rows and the line of each row', () => {
    const t = parseCsv('iso3,year,v\n"AFG",1990,1.5\n"ALB",1991,\n', 'x.csv');
    expect(t.columns).toEqual(['iso3', 'year', 'v']);
    expect(t.rows).toEqual([
      ['AFG', '1990', '1.5'],
      ['ALB', '1991', ''],
    ]);
    expect(t.lines).toEqual([2, 3]);
  });

  it('counts lines inside quoted multi-line cells', () => {
    const t = parseCsv('a,b\n"x\ny",1\nz,2\n', 'x.csv');
    expect(t.lines).toEqual([3, 4]);
  });

  it('reports a row with the wrong number of cells as FILE:LINE', () => {
    const err = errorOf(() =>
      parseCsv('iso3,year,v\nAFG,1990,1\nALB,1991\nDZA,1992,3\n', 'data/world/x.csv'),
    );
    expect(err.code).toBe('E_WORLD_CSV');
    expect(err.diagnostics[0]).toMatchObject({ file: 'data/world/x.csv', line: 3 });
    expect(err.message).toMatch(/^data\/world\/x\.csv:3: malformed CSV/);
  });

  it('reports an unclosed quote at its line', () => {
    const err = errorOf(() => parseCsv('a,b\n1,2\n3,"4\n', 'q.csv'));
    expect(err.code).toBe('E_WORLD_CSV');
    expect(err.diagnostics[0].line).toBe(3);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseCsv('', 'e.csv')).code).toBe('E_WORLD_CSV');
  });
});

describe('cells', () => {
  const t = parseCsv('iso3,year,v\nAFG,1990,1e3\nALB,19x1,abc\nDZA,1992,\n', 'c.csv');

  it('reads numbers, and an empty cell as NaN (missing)', () => {
    expect(numberCell(t, 0, 2)).toBe(1000);
    expect(numberCell(t, 2, 2)).toBeNaN();
  });

  it('rejects a non-number with FILE:LINE and the column', () => {
    const err = errorOf(() => numberCell(t, 1, 2));
    expect(err.code).toBe('E_WORLD_VALUE');
    expect(err.message).toBe('c.csv:3: not a number: "abc" in column v [E_WORLD_VALUE]');
  });

  it('rejects a bad year', () => {
    expect(errorOf(() => yearCell(t, 1, 1)).diagnostics[0]).toMatchObject({ file: 'c.csv', line: 3 });
  });

  it('names a missing column', () => {
    expect(errorOf(() => columnIndex(t, 'population')).message).toMatch(/missing column: population/);
  });
});
