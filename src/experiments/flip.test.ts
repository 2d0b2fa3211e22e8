import { describe, expect, it } from 'vitest';
import { auditedVerdict } from './audit.ts';
import { directedCorners, flipScore, rankCandidates, sideDistance } from './flip.ts';
import type { SearchCondition } from './flip.ts';

const holdsGt: SearchCondition = { op: 'gt', value: 0, estimate: 2, verdict: 'holds' };
const failsLt: SearchCondition = { op: 'lt', value: 0, estimate: 1, verdict: 'does_not_hold' };
const params = [
  { name: 'a', low: 0, high: 10 },
  { name: 'b', low: 1, high: 2 },
];

describe('the search for a flip', () => {
  it('measures how far an estimate lies on the holding side, in units of the main distance', () => {
    expect(sideDistance(holdsGt, 2)).toBe(1);
    expect(sideDistance(holdsGt, -1)).toBe(-0.5);
    expect(sideDistance(failsLt, 0.5)).toBe(-0.5);
    expect(sideDistance({ ...holdsGt, estimate: 0 }, 3)).toBe(3);
  });
  it('scores a point by how far it carries the decisive effects across their thresholds', () => {
    expect(flipScore('holds', [holdsGt], [1])).toBeLessThan(0);
    expect(flipScore('holds', [holdsGt], [-1])).toBeCloseTo(0.5);
    // does_not_hold changes only when every failing condition crosses
    const both = [failsLt, { ...failsLt, estimate: 2 }];
    expect(flipScore('does_not_hold', both, [-1, 1])).toBeLessThan(0);
    expect(flipScore('does_not_hold', both, [-1, -1])).toBeGreaterThan(0);
    expect(flipScore('holds', [holdsGt], [NaN])).toBe(-Infinity);
  });
  it('picks the corner that moves an effect towards the other side, from the signs of μ', () => {
    // a raises the estimate, b lowers it: to fail `gt`, a low and b high
    expect(directedCorners('holds', [holdsGt], params, [[1, -1]])).toEqual([{ a: 0, b: 2 }]);
    // a does_not_hold `lt` condition must come down: a low, b high; a parameter without effect sits mid-range
    expect(directedCorners('does_not_hold', [failsLt], params, [[1, 0]])).toEqual([{ a: 0, b: 1.5 }]);
  });
  it('confirms only points at or across a threshold, or with another decisive verdict, best first', () => {
    const ranked = rankCandidates(
      'holds',
      [holdsGt],
      [
        { values: { a: 1 }, verdict: 'holds', estimates: [1.5], origin: 'morris' },
        { values: { a: 2 }, verdict: 'inconclusive', estimates: [0.5], origin: 'morris' },
        { values: { a: 3 }, verdict: 'inconclusive', estimates: [-0.2], origin: 'corner' },
        { values: { a: 4 }, verdict: 'does_not_hold', estimates: [-0.1], origin: 'morris' },
      ],
      5,
    );
    expect(ranked.map((r) => r.values.a)).toEqual([4, 3]);
  });
  it('calls a decisive verdict that no setting changes by construction, and never an inconclusive one', () => {
    expect(auditedVerdict('holds', true, null)).toBe('by_construction');
    expect(auditedVerdict('does_not_hold', true, null)).toBe('by_construction');
    expect(auditedVerdict('inconclusive', true, null)).toBe('inconclusive');
    expect(auditedVerdict('holds', false, null)).toBe('holds');
    const flip = {
      values: { a: 0 },
      verdict: 'inconclusive' as const,
      conditions: [],
      found: 'corner' as const,
    };
    expect(auditedVerdict('holds', true, flip)).toBe('holds');
  });
});
