import { describe, expect, it } from 'vitest';
import { aidShareOfGdp, developmentAidSample } from './development-aid.ts';

describe('development aid and growth in the recipients', () => {
  it('divides aid by GDP where both are known and GDP is positive', () => {
    const s = aidShareOfGdp(
      new Map([
        [
          'BBB',
          new Map([
            [2000, 10],
            [2001, 5],
            [2002, 1],
          ]),
        ],
      ]),
      new Map([
        [
          'BBB',
          new Map([
            [2000, 100],
            [2001, 0],
          ]),
        ],
      ]),
    );
    expect([...s.get('BBB')!]).toEqual([[2000, 0.1]]);
  });

  it('pairs the growth of a year with the aid of the year before, outside the high-income group only', () => {
    const sample = developmentAidSample(
      {
        gdpPerHead: new Map([
          [
            'BBB',
            new Map([
              [2000, 100],
              [2001, 100 * Math.E],
            ]),
          ],
          [
            'HHH',
            new Map([
              [2000, 100],
              [2001, 200],
            ]),
          ],
        ]),
        aidShare: new Map([
          [
            'BBB',
            new Map([
              [2000, 0.2],
              [2001, 0.9],
            ]),
          ],
          ['HHH', new Map([[2000, 0.2]])],
        ]),
        periphery: new Set(['BBB']),
      },
      2000,
      2001,
    );
    expect(sample).toEqual([{ unit: 'BBB', year: 2001, x: [0.2], y: 1 }]);
  });
});
