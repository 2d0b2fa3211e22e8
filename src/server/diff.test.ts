import { describe, expect, it } from 'vitest';
import { diffDocuments } from './diff.ts';

describe('diffDocuments', () => {
  it('lists differing leaves, comparing lists of objects with ids by id', () => {
    const a = {
      id: 'a',
      channels: { labour: { open: true, quota: 10 } },
      rules: [
        { id: 'r1', x: 1 },
        { id: 'r2', x: 2 },
      ],
      tags: ['x', 'y'],
    };
    const b = {
      id: 'b',
      channels: { labour: { open: false, quota: 10 } },
      rules: [{ id: 'r2', x: 3 }],
      tags: ['x', 'y'],
      extra: true,
    };
    expect(diffDocuments(a, b, ['id'])).toEqual([
      { path: 'channels.labour.open', a: true, b: false },
      { path: 'extra', a: undefined, b: true },
      { path: 'rules.r1', a: { id: 'r1', x: 1 }, b: undefined },
      { path: 'rules.r2.x', a: 2, b: 3 },
    ]);
  });
});
