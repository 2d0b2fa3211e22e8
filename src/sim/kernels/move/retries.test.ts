import { describe, expect, it } from 'vitest';
import { journeyWithRetries } from './retries.ts';

describe('repeated attempts at a smuggled crossing', () => {
  it('is the single attempt without retries', () => {
    const j = journeyWithRetries(0.3, 0.01, 0);
    expect(j.across).toBeCloseTo(0.7 * 0.99, 12);
    expect(j.died).toBeCloseTo(0.01, 12);
    expect(j.apprehensions).toBeCloseTo(0.3 * 0.99, 12);
  });
  it('gets more across and counts more interceptions as migrants try again, and the outcomes add up', () => {
    const once = journeyWithRetries(0.3, 0.01, 0);
    const again = journeyWithRetries(0.3, 0.01, 0.8);
    expect(again.across).toBeGreaterThan(once.across);
    expect(again.died).toBeGreaterThan(once.died);
    expect(again.apprehensions).toBeGreaterThan(once.apprehensions);
    const turnedBack = again.apprehensions * (1 - 0.8);
    expect(again.across + again.died + turnedBack).toBeCloseTo(1, 12);
    // with every intercepted migrant trying again, all get across or die
    const always = journeyWithRetries(0.3, 0.01, 1);
    expect(always.across + always.died).toBeCloseTo(1, 12);
  });
  it('halves entries less under doubled interception when migrants retry', () => {
    const ratio = (retry: number) =>
      journeyWithRetries(0.6, 0, retry).across / journeyWithRetries(0.3, 0, retry).across;
    expect(ratio(0)).toBeCloseTo(0.4 / 0.7, 12);
    expect(ratio(0.9)).toBeGreaterThan(ratio(0));
  });
});
