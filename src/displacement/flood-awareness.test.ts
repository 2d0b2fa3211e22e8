import { describe, expect, it } from 'vitest';
import { awarenessDraws, readFloodAwareness } from './flood-awareness.ts';

const FILE = 'demographics_floodawareness.csv';

describe('readFloodAwareness', () => {
  it('reads the levels and the weights of each column', () => {
    const t = readFloodAwareness('floodawareness,Default,F1\n0.0,0.1,1\n1.0,0.2,0\n2.0,0.7,0\n\n', FILE, 3);
    expect(t.levels).toEqual([0, 1, 2]);
    expect(t.weights.get('Default')).toEqual([0.1, 0.2, 0.7]);
    expect(t.weights.get('F1')).toEqual([1, 0, 0]);
  });

  it('refuses a level flood_awareness_weights has no value for, with the line', () => {
    expect(() => readFloodAwareness('floodawareness,Default\n0,0.5\n3,0.5\n', FILE, 3)).toThrow(
      /level "3" must be a whole number from 0 to 2/,
    );
    expect(() => readFloodAwareness('floodawareness,Default\n0.5,1\n', FILE, 3)).toThrow(/level "0.5"/);
  });

  it('refuses a wrong header, a bad weight and a column with nothing to draw', () => {
    expect(() => readFloodAwareness('age,Default\n0,1\n', FILE, 3)).toThrow(/expected a header/);
    expect(() => readFloodAwareness('floodawareness,Default\n0,x\n', FILE, 3)).toThrow(/bad weight "x"/);
    expect(() => readFloodAwareness('floodawareness,Default,F1\n0,1,0\n', FILE, 3)).toThrow(
      /column "F1" has no positive weight/,
    );
  });
});

describe('awarenessDraws', () => {
  it("gives each place its own column's cumulative shares, else Default's", () => {
    const t = readFloodAwareness('floodawareness,Default,F1\n0,1,0\n1,3,1\n', FILE, 2);
    const { cumulative, rows } = awarenessDraws(t, ['F1', 'T1']);
    expect(rows).toBe(2);
    expect(Array.from(cumulative)).toEqual([0, 1, 0.25, 1]);
  });
});
