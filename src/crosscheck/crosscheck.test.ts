import { describe, expect, it } from 'vitest';
import { loadBuiltinLibrary } from '../regime/index.ts';
import { INDICES, crosscheck, indexValues, strandConvention } from './index.ts';

const lib = loadBuiltinLibrary();

describe('the crosscheck against published indices', () => {
  it('reads the shipped MIPEX and IMPIC values for the edition year', () => {
    const mipex = indexValues(INDICES.mipex);
    expect(mipex.size).toBe(30);
    expect(mipex.get('SWE')).toBe(83);
    const impic = indexValues(INDICES.impic);
    expect(impic.get('DEU')).toBeCloseTo(0.3773, 4);
  });

  it('reads the 33 countries of the IMPIC release and not its EU units (its `er` is not Eritrea)', () => {
    const impic = indexValues(INDICES.impic);
    expect(impic.size).toBe(33);
    expect(impic.has('ERI')).toBe(false);
    expect(crosscheck(lib, INDICES.impic).not_covered).toEqual(['CHL', 'ISL', 'KOR', 'NZL']);
  });

  it('maps every strand to criteria that exist, as one convention whose components are the strands', () => {
    for (const index of Object.values(INDICES)) {
      const c = strandConvention(lib, index);
      expect(c.components?.map((x) => x.id)).toEqual(index.strands.map((s) => s.id));
      expect(c.criteria.length).toBe(index.strands.flatMap((s) => s.criteria).length);
    }
  });

  it('reports index, edition, year, n, spearman and the pairs, counting only countries with a policy of their own', () => {
    const r = crosscheck(lib, INDICES.mipex);
    expect(r).toMatchObject({ index: 'mipex', year: 2010, n: r.pairs.length });
    expect(r.pairs.every((p) => p.policy === `policy-${p.country.toLowerCase()}`)).toBe(true);
    expect(r.spearman).not.toBeNull();
    // IMPIC scores Chile, Iceland, Korea and New Zealand, which run on tier defaults: left out
    const impic = crosscheck(lib, INDICES.impic);
    expect(impic.not_covered).toEqual(expect.arrayContaining(['CHL', 'ISL', 'KOR', 'NZL']));
    expect(impic.pairs.map((p) => p.country)).not.toContain('NZL');
  });

  it('can fail: values ranked against our scores give ρ = −1, values ranked with them ρ = 1', () => {
    const ours = crosscheck(lib, INDICES.mipex);
    const byOurs = [...ours.pairs].sort((a, b) => a.ours - b.ours || a.country.localeCompare(b.country));
    const agree = new Map(byOurs.map((p, i) => [p.country, i]));
    const disagree = new Map(byOurs.map((p, i) => [p.country, -i]));
    // ties in our scores keep |ρ| just below 1
    expect(crosscheck(lib, INDICES.mipex, agree).spearman).toBeGreaterThan(0.95);
    expect(crosscheck(lib, INDICES.mipex, disagree).spearman).toBeLessThan(-0.95);
    expect(crosscheck(lib, INDICES.mipex, disagree).meets_aim).toBe(false);
  });

  it('turns the sign of an index where higher means more restrictive (IMPIC)', () => {
    const r = crosscheck(lib, INDICES.impic);
    const byOurs = [...r.pairs].sort((a, b) => a.ours - b.ours || a.country.localeCompare(b.country));
    const restrictiveWhereWeAreClosed = new Map(byOurs.map((p, i) => [p.country, 1 - i / byOurs.length]));
    expect(crosscheck(lib, INDICES.impic, restrictiveWhereWeAreClosed).spearman).toBeGreaterThan(0.95);
  });
});
