import { describe, expect, it } from 'vitest';
import { interpolateInterior } from './gaps.ts';
import { newPanel, panelOffset, slicePanel, yearSlice } from './panel.ts';

describe('panel layout', () => {
  it('is year-major: one year of all countries is contiguous', () => {
    const span = { first: 2000, last: 2002 };
    const p = newPanel(span, 2);
    p[panelOffset(span, 2, 2001, 1)] = 7;
    expect(Array.from(yearSlice(p, span, 2, 2001))).toEqual([NaN, 7]);
    expect(panelOffset(span, 2, 1999, 0)).toBe(-1);
    expect(Array.from(slicePanel(p, span, { first: 2001, last: 2001 }, 2))).toEqual([NaN, 7]);
  });
});

describe('interpolateInterior', () => {
  it('fills gaps between observed years on a straight line and never extrapolates', () => {
    const span = { first: 1990, last: 1996 };
    // one country: NaN, 10, NaN, NaN, 40, NaN, NaN
    const p = Float64Array.from([NaN, 10, NaN, NaN, 40, NaN, NaN]);
    expect(interpolateInterior(p, span, 1)).toBe(2);
    expect(Array.from(p)).toEqual([NaN, 10, 20, 30, 40, NaN, NaN]);
  });

  it('keeps countries apart', () => {
    const span = { first: 1990, last: 1992 };
    const p = Float64Array.from([1, NaN, NaN, 5, 3, 9]); // country 0: 1, NaN, 3; country 1: NaN, 5, 9
    interpolateInterior(p, span, 2);
    expect(Array.from(p)).toEqual([1, NaN, 2, 5, 3, 9]);
  });
});
