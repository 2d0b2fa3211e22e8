import { describe, expect, it } from 'vitest';
import { standinTablesForYear } from '../standin-tables.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { rowValue, runTiny } from '../../../test/support/sim/tiny-run.ts';
import { CLAIM, claimKind, recognitionChance, unexposedClaim } from './asylum.ts';
import { inCountryClaimProbability, inCountryClaimRates } from './asylum-in-country.ts';

describe('asylum claims lodged in the country', () => {
  it('are lodged in proportion to the chance of recognition, at most surely', () => {
    expect(recognitionChance(true, 0.8, 0.03)).toBe(0.8);
    expect(recognitionChance(false, 0.8, 0.03)).toBe(0.03);
    expect(inCountryClaimProbability(0.5, 0.8)).toBeCloseTo(0.4, 12);
    expect(inCountryClaimProbability(0.5, 0.03)).toBeCloseTo(0.015, 12);
    expect(inCountryClaimProbability(3, 0.8)).toBe(1);
  });

  it('are open where the asylum channel is open to the origin, never from the pseudo-origins', () => {
    const n = 3;
    const rates = inCountryClaimRates(n, 0.4, (d, o) => !(d === 0 && o === 2), true);
    expect(rates).toHaveLength(n * (n + 2));
    expect(rates[0 * (n + 2) + 1]).toBe(0.4);
    expect(rates[0 * (n + 2) + 2]).toBe(0);
    expect(rates[1 * (n + 2) + 2]).toBe(0.4);
    expect(rates[1 * (n + 2) + n]).toBe(0);
    expect(rates[1 * (n + 2) + n + 1]).toBe(0);
  });

  it('are never lodged without the mechanism or at a zero rate', () => {
    expect(inCountryClaimRates(3, 0.4, () => true, false).every((r) => r === 0)).toBe(true);
    expect(inCountryClaimRates(3, 0, () => true, true).every((r) => r === 0)).toBe(true);
  });
});

describe('claims sur place', () => {
  it('make one who did not flee a war a victim of it, only with the mechanism and only in a war', () => {
    expect(claimKind(false, 2, 0.1, 0.35, true)).toBe(CLAIM.victimWar);
    expect(claimKind(false, 2, 0.1, 0.35, false)).toBe(CLAIM.none);
    expect(claimKind(false, 1, 0.1, 0.35, true)).toBe(CLAIM.none);
    expect(claimKind(false, 0, 0.1, 0.35, true)).toBe(CLAIM.none);
  });

  it('are what one who did not flee violence claims, in the move options as in the decision', () => {
    expect(unexposedClaim(2, true)).toBe(CLAIM.victimWar);
    expect(unexposedClaim(2, false)).toBe(CLAIM.none);
    expect(unexposedClaim(1, true)).toBe(CLAIM.none);
    expect(unexposedClaim(0, true)).toBe(CLAIM.none);
  });

  it('leave the claims of those who fled violence as they were', () => {
    for (const u of [0.05, 0.2, 0.5, 0.9])
      for (const intensity of [0, 1, 2])
        expect(claimKind(true, intensity, u, 0.35, true)).toBe(claimKind(true, intensity, u, 0.35, false));
  });
});

describe('in-country-asylum in a run', () => {
  const world = tinyWorld();
  const tables = standinTablesForYear(world);
  const on = runTiny(world, tables, 1995);
  const off = runTiny(world, tables, 1995, ['in-country-asylum']);
  const sum = (rows: typeof on, indicator: string, country: string) =>
    [1991, 1992, 1993, 1994, 1995].reduce((s, y) => s + rowValue(rows, indicator, country, y), 0);

  it('adds claims and recognitions in the core, and takes the claimants from its irregular residents', () => {
    expect(sum(on, 'asylum_applications', 'AAA')).toBeGreaterThan(
      sum(off, 'asylum_applications', 'AAA') + 1000,
    );
    expect(rowValue(on, 'refugees', 'AAA', 1995)).toBeGreaterThan(rowValue(off, 'refugees', 'AAA', 1995));
    expect(rowValue(on, 'irregular_stock', 'AAA', 1995)).toBeLessThan(
      rowValue(off, 'irregular_stock', 'AAA', 1995),
    );
  });
});
