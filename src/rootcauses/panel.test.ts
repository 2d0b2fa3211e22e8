import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { parseCsv } from '../world/csv.ts';
import { seriesOf } from './panel.ts';

describe('country-year series', () => {
  it('reads a numeric column by country and year, leaving out empty cells', () => {
    const s = seriesOf(parseCsv('iso3,year,v\naaa,2000,1.5\nAAA,2001,\n', 'f.csv'), 'v');
    expect(s.get('AAA')).toEqual(new Map([[2000, 1.5]]));
  });

  it('names the file and line of a cell that is not a number', () => {
    try {
      seriesOf(parseCsv('iso3,year,v\nAAA,2000,1\nAAA,2001,lots\n', 'f.csv'), 'v');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).diagnostics[0]).toMatchObject({
        code: 'E_WORLD_CSV',
        file: 'f.csv',
        line: 3,
      });
    }
  });

  it('names a missing column', () => {
    expect(() => seriesOf(parseCsv('iso3,year\nAAA,2000\n', 'f.csv'), 'v')).toThrow(/missing column "v"/);
  });
});
