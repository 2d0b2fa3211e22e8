import { describe, expect, it } from 'vitest';
import type { Convention, NationalPolicy } from '../regime/index.ts';
import { loadBuiltinLibrary, resolve } from '../regime/index.ts';
import { aggregateScore, checkCompliance, rankReports } from './compliance.ts';
import type { CriterionResult } from './compliance.ts';

type Row = { component: string; weight: number; result: CriterionResult };
const row = (component: string, weight: number, result: CriterionResult): Row => ({
  component,
  weight,
  result,
});

describe('the compliance score', () => {
  it('credits the met weight over the applicable weight of each component, and averages the components', () => {
    const r = aggregateScore(
      [
        row('a', 1, 'met'),
        row('a', 3, 'not_met'),
        row('b', 2, 'more_favourable'),
        row('b', 1, 'not_applicable'),
      ],
      ['a', 'b'],
    );
    expect(r.components.map((c) => c.score)).toEqual([25, 100]);
    expect(r.score).toBe(62.5);
    expect(r.coverage).toBe(1);
  });
  it('never rises when a fact is missing: a not-assessable criterion applies but is not credited, and is reported as coverage', () => {
    const known = aggregateScore([row('a', 1, 'not_met'), row('a', 0.5, 'met')], ['a']);
    const unknown = aggregateScore([row('a', 1, 'not_assessable'), row('a', 0.5, 'met')], ['a']);
    expect(unknown.score).toBe(known.score);
    expect(unknown.coverage).toBeCloseTo(1 / 3, 3);
    expect(unknown.upper).toBe(100);
    // before issue 18 the missing criterion was left out and the component scored 100
    expect(unknown.score).toBeLessThan(50);
  });
  it('never falls when a policy meets more of a component', () => {
    const results: CriterionResult[] = ['met', 'not_met', 'not_assessable'];
    const weights = [1, 2, 0.5, 3];
    // every assignment of results to four criteria in two components; flipping any one to met never lowers the score
    for (let k = 0; k < 3 ** 4; k++) {
      const rows = weights.map((w, i) => row(i < 2 ? 'a' : 'b', w, results[Math.floor(k / 3 ** i) % 3]));
      const base = aggregateScore(rows, ['a', 'b']).score!;
      rows.forEach((r, i) => {
        const more = rows.map((x, j) => (j === i ? { ...x, result: 'met' as const } : x));
        expect(aggregateScore(more, ['a', 'b']).score!).toBeGreaterThanOrEqual(base);
      });
    }
  });
  it('ranks the six kafala states, meeting 1 criterion and failing 13, below Germany and Spain', () => {
    const lib = loadBuiltinLibrary();
    const date = '2000-06-01';
    const convention = resolve(lib, 'international-migration-framework-convention', date)
      .document as Convention;
    const check = (id: string) =>
      checkCompliance(convention, resolve(lib, id, date).document as NationalPolicy, date);
    const kafala = ['policy-sau', 'policy-are', 'policy-kwt', 'policy-qat', 'policy-omn', 'policy-bhr'].map(
      check,
    );
    const deu = check('policy-deu');
    const esp = check('policy-esp');
    for (const k of kafala) {
      expect(k.counts.met + k.counts.more_favourable, k.policy).toBe(1);
      expect(k.counts.not_met, k.policy).toBe(13);
      // 33.3 before issue 18, above Germany (30.5) and Spain (31.7)
      expect(k.score!, k.policy).toBeLessThan(deu.score!);
      expect(k.score!, k.policy).toBeLessThan(esp.score!);
      expect(k.coverage!, k.policy).toBeLessThan(1);
    }
    const ranked = rankReports([...kafala, deu, esp]).map((r) => r.policy);
    expect(ranked.slice(0, 2).sort()).toEqual(['policy-deu', 'policy-esp']);
  });
});
