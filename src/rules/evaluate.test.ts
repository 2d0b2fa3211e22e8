import { describe, expect, it } from 'vitest';
import type { Expr } from '../regime/index.ts';
import { evaluate, lookupPath, type Env } from './evaluate.ts';

const env = (facts: unknown, params: Record<string, unknown> = {}): Env => ({
  fact: (p) => lookupPath(facts, p),
  param: (n) => ({ value: (params[n] ?? null) as never, ref: `doc#${n}` }),
});

describe('three-valued evaluation', () => {
  it('is unknown with the missing fact when a fact is absent', () => {
    expect(evaluate({ eq: [{ fact: 'claim.role' }, 'victim'] }, env({}))).toEqual({
      value: 'unknown',
      missing: ['claim.role'],
    });
  });

  it('all is false when one part is false, whatever is missing elsewhere', () => {
    const e: Expr = { all: [{ eq: [{ fact: 'a' }, 1] }, { eq: [{ fact: 'b' }, 2] }] };
    expect(evaluate(e, env({ b: 3 })).value).toBe(false);
    expect(evaluate(e, env({ b: 2 }))).toEqual({ value: 'unknown', missing: ['a'] });
  });

  it('any is true when one part is true, whatever is missing elsewhere', () => {
    const e: Expr = { any: [{ fact: 'x' }, { fact: 'y' }] };
    expect(evaluate(e, env({ y: true })).value).toBe(true);
    expect(evaluate(e, env({ y: false }))).toEqual({ value: 'unknown', missing: ['x'] });
  });

  it('reads a null on the way as not applicable, not as missing', () => {
    const f = { claim: { persecution: null } };
    expect(evaluate({ known: 'claim.persecution.ground' }, env(f)).value).toBe(false);
    expect(evaluate({ eq: [{ fact: 'claim.persecution.by' }, 'state'] }, env(f)).value).toBe(false);
    expect(evaluate({ known: 'claim.persecution.ground' }, env({ claim: {} })).value).toBe('unknown');
  });

  it('negation keeps unknown unknown', () => {
    expect(evaluate({ not: { fact: 'z' } }, env({})).value).toBe('unknown');
    expect(evaluate({ not: { fact: 'z' } }, env({ z: false })).value).toBe(true);
  });

  it('compares numbers, lists as sets, and treats null limits as no route', () => {
    expect(evaluate({ ge: [{ fact: 'years' }, { param: 'min' }] }, env({ years: 5 }, { min: 5 })).value).toBe(
      true,
    );
    expect(evaluate({ le: [{ fact: 'years' }, 5] }, env({ years: null })).value).toBe(false);
    expect(evaluate({ in: ['NLD', { fact: 'n' }] }, env({ n: ['SLE', 'NLD'] })).value).toBe(true);
    expect(evaluate({ eq: [{ fact: 'n' }, ['NLD', 'SLE']] }, env({ n: ['SLE', 'NLD'] })).value).toBe(true);
    expect(evaluate({ gt: [{ add: [{ fact: 'a' }, 2] }, { max: [1, 3] }] }, env({ a: 2 })).value).toBe(true);
  });
});
