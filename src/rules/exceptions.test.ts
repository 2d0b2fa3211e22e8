import { describe, expect, it } from 'vitest';
import type { Rule } from '../regime/index.ts';
import type { Truth } from './evaluate.ts';
import { decideFields, type EvaluatedRule } from './exceptions.ts';

const T: Truth = { value: true, missing: [] };
const F: Truth = { value: false, missing: [] };
const U = (m: string): Truth => ({ value: 'unknown', missing: [m] });
const rule = (
  id: string,
  then: Rule['then'],
  truth: Truth,
  extra: Partial<Rule> = {},
  doc = 'd',
): EvaluatedRule => ({
  doc,
  truth,
  rule: { id, citation: { instrument: doc, article: id }, when: true, then, text: id, ...extra },
});

describe('exceptions and conflicts', () => {
  it('an applicable exception replaces the rule it is an exception to', () => {
    const f = decideFields([
      rule('base', { protection: 'refugee' }, T),
      rule('excl', { protection: 'none' }, T, { exception_of: 'base' }),
    ]);
    const p = f.get('protection')!;
    expect(p.state).toBe('value');
    if (p.state === 'value') {
      expect(p.value).toBe('none');
      expect(p.overridden.map((o) => o.rule.rule.id)).toEqual(['base']);
    }
  });

  it('an exception to a label overrides every rule of the group', () => {
    const f = decideFields([
      rule('a', { protection: 'refugee' }, T, { label: 'protection' }),
      rule('b', { protection: 'complementary' }, F, { label: 'protection' }),
      rule('x', { protection: 'temporary' }, T, { exception_of: 'protection' }),
    ]);
    expect(f.get('protection')).toMatchObject({ state: 'value', value: 'temporary' });
  });

  it('exceptions to exceptions nest', () => {
    const f = decideFields([
      rule('a', { removable: true }, T),
      rule('b', { removable: false }, T, { exception_of: 'a' }),
      rule('c', { removable: true }, T, { exception_of: 'b' }),
    ]);
    expect(f.get('removable')).toMatchObject({ state: 'value', value: true });
  });

  it('two applicable rules at the same level that disagree are a conflict naming both', () => {
    const f = decideFields([
      rule('a', { protection: 'refugee' }, T, {}, 'x'),
      rule('b', { protection: 'complementary' }, T, {}, 'y'),
    ]);
    const p = f.get('protection')!;
    expect(p.state).toBe('conflict');
    if (p.state === 'conflict') expect(p.rules.map((r) => `${r.doc}#${r.rule.id}`)).toEqual(['x#a', 'y#b']);
  });

  it('rules at the same level that agree are cited together', () => {
    const f = decideFields([
      rule('a', { non_refoulement: true }, T),
      rule('b', { non_refoulement: true }, T),
    ]);
    const p = f.get('non_refoulement')!;
    expect(p.state === 'value' && p.by.map((r) => r.rule.id)).toEqual(['a', 'b']);
  });

  it('an unknown condition leaves the field undetermined only when it could change the answer', () => {
    expect(
      decideFields([
        rule('a', { protection: 'refugee' }, T),
        rule('b', { protection: 'refugee' }, U('claim.role')),
      ]).get('protection'),
    ).toMatchObject({ state: 'value' });
    expect(
      decideFields([
        rule('a', { protection: 'refugee' }, T),
        rule('b', { protection: 'none' }, U('claim.role'), { exception_of: 'a' }),
      ]).get('protection'),
    ).toEqual({
      state: 'unknown',
      field: 'protection',
      missing: ['claim.role'],
    });
    // The exception definitely applies: the unknown base does not matter.
    expect(
      decideFields([
        rule('a', { protection: 'refugee' }, U('q')),
        rule('b', { protection: 'none' }, T, { exception_of: 'a' }),
      ]).get('protection'),
    ).toMatchObject({ state: 'value', value: 'none' });
  });

  it('list conclusions are one field per item', () => {
    const f = decideFields([
      rule('a', { grant_rights: ['work', 'vote_local'] }, T),
      rule('b', { deny_rights: ['vote_local'] }, T, { exception_of: 'a' }),
    ]);
    expect(f.get('right.work')).toMatchObject({ value: true });
    expect(f.get('right.vote_local')).toMatchObject({ value: false });
  });

  it('an exception to a rule of another document is named doc#rule', () => {
    const f = decideFields([
      rule('a', { protection: 'refugee' }, T, {}, 'conv'),
      rule('b', { protection: 'none' }, T, { exception_of: 'conv#a' }, 'policy'),
    ]);
    expect(f.get('protection')).toMatchObject({ state: 'value', value: 'none' });
  });
});
