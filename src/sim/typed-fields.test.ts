import { describe, expect, it } from 'vitest';
import { allocateFields } from './typed-fields.ts';

describe('allocateFields', () => {
  it('builds one array per field, of the declared type, width and starting value', () => {
    const f = allocateFields({ a: [Float64Array], b: [Uint8Array, 3], c: [Int32Array, 2, -1] } as const, 4);
    expect(f.a).toBeInstanceOf(Float64Array);
    expect(f.a.length).toBe(4);
    expect(f.b).toBeInstanceOf(Uint8Array);
    expect(f.b.length).toBe(12);
    expect([...f.c]).toEqual(new Array(8).fill(-1));
    expect([...f.a]).toEqual([0, 0, 0, 0]);
  });
});
