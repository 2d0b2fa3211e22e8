import { describe, expect, it } from 'vitest';
import { parseSeedList, parseSeedSet } from './options.ts';

describe('the seeds of a fit', () => {
  it('reads a count as seeds 1…N and a list as the seeds named', () => {
    expect(parseSeedSet('3')).toEqual([1, 2, 3]);
    expect(parseSeedSet('4,5,6')).toEqual([4, 5, 6]);
    expect(parseSeedSet(' 7 ,2')).toEqual([7, 2]);
    expect(parseSeedList('7')).toEqual([7]);
  });

  it('refuses a seed twice, a bad seed and a bad count', () => {
    expect(() => parseSeedSet('4,4')).toThrow(/distinct seeds/);
    expect(() => parseSeedSet('4,x')).toThrow(/--seed: expected an integer/);
    expect(() => parseSeedSet('4,')).toThrow(/--seed: expected an integer/);
    expect(() => parseSeedSet('0')).toThrow(/--seeds: expected a number of seeds/);
    expect(() => parseSeedSet('-2')).toThrow(/--seeds/);
  });
});
