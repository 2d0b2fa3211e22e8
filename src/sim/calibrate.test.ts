import { describe, expect, it } from 'vitest';
import { targetsAfter, type Targets } from './calibrate.ts';

describe('calibration targets', () => {
  it('score a run started from an observed year only on the years after it', () => {
    const t: Targets = {
      stock: new Map([
        [1990, 1],
        [1995, 2],
        [2000, 3],
      ]),
      refugees: new Map([
        [1995, 4],
        [1996, 5],
      ]),
      remittances: new Map([
        [1994, 6],
        [1996, 7],
      ]),
      regionalStock: new Map([
        [1995, new Map([['Asia', 8]])],
        [2000, new Map([['Asia', 9]])],
      ]),
    };
    const after = targetsAfter(t, 1995);
    expect([...after.stock.keys()]).toEqual([2000]);
    expect([...after.refugees.keys()]).toEqual([1996]);
    expect([...after.remittances.keys()]).toEqual([1996]);
    expect([...after.regionalStock.keys()]).toEqual([2000]);
    // the full targets are left as they were
    expect(t.stock.size).toBe(3);
  });
});
