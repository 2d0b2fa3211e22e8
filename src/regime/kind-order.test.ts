import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from './schema/kinds.ts';
import { KIND_LISTING_ORDER, kindRank } from './kind-order.ts';

describe('the listing order of document kinds', () => {
  it('puts regimes first, cases after policies and amendments, and an unnamed kind last', () => {
    expect(kindRank('Regime')).toBe(0);
    expect(kindRank('Case')).toBeGreaterThan(kindRank('Amendment'));
    expect(kindRank('Amendment')).toBeGreaterThan(kindRank('NationalPolicy'));
    expect(kindRank('Experiment')).toBe(KIND_LISTING_ORDER.length);
    expect(kindRank('NoSuchKind')).toBe(KIND_LISTING_ORDER.length);
  });

  it('names only kinds that exist', () => {
    for (const k of KIND_LISTING_ORDER) expect(DOCUMENT_KINDS, k).toContain(k);
  });
});
