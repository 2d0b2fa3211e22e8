import { describe, expect, it } from 'vitest';
import { planMember } from './engine-member.ts';
import { leversNote, startingStockNote } from './member.ts';

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

  it('names the scenario’s levers the engine does not apply, and none for a scenario without them', async () => {
    const budget = 8 * 2 ** 30;
    const levered = await planMember(
      { scenario: 'root-causes-1990-2020', from: 1990, to: 1991, scale: 100_000, threads: 1 },
      budget,
    );
    expect(levered.leversNotInEngine).toEqual(['agricultural_support', 'regional_development_fund']);
    expect(leversNote(levered)).toMatch(
      /run goes without them: the levers agricultural_support, regional_development_fund/,
    );
    const plain = await planMember(
      { scenario: 'world-1990-2020', from: 1995, to: 1996, scale: 100_000, threads: 1 },
      budget,
    );
    expect(leversNote(plain)).toBeUndefined();
  });
});
