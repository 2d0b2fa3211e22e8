import { describe, expect, it } from 'vitest';
import { planMember } from './engine-member.ts';
import { startingStockNote } from './member.ts';

describe('planning a member on the real world data', () => {
  it('says which data year the starting migrant stock comes from when it is not the first year', async () => {
    const budget = 8 * 2 ** 30;
    const later = await planMember(
      { scenario: 'world-1990-2020', from: 2010, to: 2011, scale: 100_000, threads: 1 },
      budget,
    );
    expect(later.startingStockYear).toBe(2005);
    expect(startingStockNote(later)).toMatch(/UN DESA 2005, the latest stock year at or before 2010/);
    const onAStockYear = await planMember(
      { scenario: 'world-1990-2020', from: 1995, to: 1996, scale: 100_000, threads: 1 },
      budget,
    );
    expect(onAStockYear.startingStockYear).toBe(1995);
    expect(startingStockNote(onAStockYear)).toBeUndefined();
  });
});
