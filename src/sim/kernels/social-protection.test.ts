import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { abscondOption, homeOption, tiedWage } from './labour-market.ts';
import { distressEmigrationFactor, protectionFloorOfYear, protectionIncome } from './social-protection.ts';

const p = {
  informalEmployment: 0.8,
  informalDiscount: 0.3,
  removalIrregular: 0.2,
  mediumSkillWagePremium: 1.3,
};

describe('the social protection floor', () => {
  it('pays the floor’s share of the low-skill wage to those without work', () => {
    expect(protectionIncome(0.9, 0.4, 10_000)).toBeCloseTo(0.1 * 0.4 * 10_000, 9);
    expect(protectionIncome(1, 0.4, 10_000)).toBe(0);
  });

  it('leaves the outside options as they are at no floor, and raises them with one', () => {
    const plain = abscondOption(p, 20_000, 0.9, 0.5);
    expect(abscondOption(p, 20_000, 0.9, 0.5, 0)).toBe(plain);
    const floored = abscondOption(p, 20_000, 0.9, 0.5, 0.3);
    expect(floored).toBeCloseTo(plain + (1 - 0.9 * 0.8) * 0.3 * 20_000, 6);
    // a higher outside option means a higher tied wage, so less rent for the employer
    expect(tiedWage(30_000, floored, 0.75)).toBeGreaterThan(tiedWage(30_000, plain, 0.75));
    expect(homeOption(p, 0, 2_000, 6_000, 0.8)).toBe(1_600);
  });

  it('keeps some of the poorest home where a floor adds to what they expect (distress migration)', () => {
    expect(distressEmigrationFactor(0.6, 0, 0.5)).toBe(1);
    expect(distressEmigrationFactor(0.6, 0.5, 0)).toBe(1);
    // 40% without work × half the low-skill wage: a fifth more expected income, ≈ 8.7% fewer aspirants
    expect(distressEmigrationFactor(0.6, 0.5, 0.5)).toBeCloseTo(Math.pow(1.2, -0.5), 12);
    expect(distressEmigrationFactor(0.6, 1, 0.5)).toBeLessThan(distressEmigrationFactor(0.6, 0.5, 0.5));
    expect(distressEmigrationFactor(1, 1, 0.5)).toBe(1);
    // the liquidity end of the sensitivity range: the floor finances moves instead
    expect(distressEmigrationFactor(0.6, 0.5, -0.5)).toBeGreaterThan(1);
  });

  it('reads the floor of a year from the world, none where the world has none', () => {
    const world = tinyWorld();
    expect(protectionFloorOfYear(world, 1995)).toBeUndefined();
    const share = new Float64Array(world.population.length);
    share[(1995 - world.span.first) * world.iso3.length + 2] = 0.25;
    expect(Array.from(protectionFloorOfYear({ ...world, protectionFloorShare: share }, 1995)!)).toEqual([
      0, 0, 0.25, 0,
    ]);
  });

  it('reads the floor for migrants in an irregular situation apart from the residents’ one', () => {
    const world = tinyWorld();
    const share = new Float64Array(world.population.length);
    share[(1995 - world.span.first) * world.iso3.length + 2] = 0.25;
    const residentsOnly = { ...world, protectionFloorShare: share };
    expect(protectionFloorOfYear(residentsOnly, 1995, 'irregular')).toBeUndefined();
    const everyone = { ...residentsOnly, protectionFloorIrregularShare: share };
    expect(Array.from(protectionFloorOfYear(everyone, 1995, 'irregular')!)).toEqual([0, 0, 0.25, 0]);
  });
});
