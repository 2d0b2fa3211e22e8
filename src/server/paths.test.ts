import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID, RUN_ID, inside, isInside, requireName } from './paths.ts';

describe('the data-folder jail', () => {
  it('refuses names with separators, dot-dot or the wrong shape', () => {
    for (const bad of ['../x', 'a/b', 'a\\b', '..', 'x\0y', 'UPPER', ''])
      expect(() => requireName(bad, DOCUMENT_ID, 'id'), bad).toThrow(/not valid/);
    expect(requireName('refugee-convention-1951', DOCUMENT_ID, 'id')).toBe('refugee-convention-1951');
    expect(() => requireName('run-20260101-000000-abcd/../../x', RUN_ID, 'run id')).toThrow();
  });

  it('keeps built paths inside their root', () => {
    expect(inside('/data', 'exports', 'x.csv')).toBe('/data/exports/x.csv');
    expect(() => inside('/data', '..', 'etc')).toThrow(/leaves/);
    expect(() => inside('/data', '/etc/passwd')).toThrow(/leaves/);
    expect(isInside('/data', '/data/a')).toBe(true);
    expect(isInside('/data', '/database')).toBe(false);
  });
});
