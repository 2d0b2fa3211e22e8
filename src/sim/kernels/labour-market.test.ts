import { describe, expect, it } from 'vitest';
import { parameters } from '../parameters.ts';
import { abscondOption, homeOption, tiedWage } from './labour-market.ts';

const p = parameters();

describe('the wage of a worker tied to the employer', () => {
  it('is the outside option plus the worker’s share of the surplus above it, and never above the rate', () => {
    expect(tiedWage(1000, 400, 0.3)).toBeCloseTo(580);
    expect(tiedWage(1000, 400, 1)).toBe(1000);
    expect(tiedWage(1000, 400, 0)).toBe(400);
    expect(tiedWage(1000, 1200, 0.3)).toBe(1000);
  });
  it('falls as interior enforcement makes absconding riskier, so the employer’s rent grows', () => {
    const lax = abscondOption(p, 20_000, 0.95, 0);
    const strict = abscondOption(p, 20_000, 0.95, 1);
    expect(strict).toBeLessThan(lax);
    const rent = (outside: number) => 20_000 - tiedWage(20_000, outside, p.workerBargainingPower);
    expect(rent(strict)).toBeGreaterThan(rent(lax));
  });
  it('takes the origin’s rate for the skill as the value of going home', () => {
    expect(homeOption(p, 0, 500, 2000, 0.9)).toBeCloseTo(450);
    expect(homeOption(p, 2, 500, 2000, 0.9)).toBeCloseTo(1800);
    expect(homeOption(p, 1, 500, 2000, 1)).toBeCloseTo(500 * p.mediumSkillWagePremium);
  });
});

describe('the uprooting effect of FDI', () => {
  it('draws a share of the working-age population into wage labour per job, never beyond the non-commodified', async () => {
    const { fdiUprooted } = await import('./fdi.ts');
    expect(fdiUprooted(1000, 1e6, 0.5, p)).toBeCloseTo((p.fdiUprooting * 1000) / 1e6, 12);
    expect(fdiUprooted(1e9, 1e6, 0.9, p)).toBeCloseTo(0.1, 12);
    expect(fdiUprooted(1000, 0, 0.5, p)).toBe(0);
    expect(fdiUprooted(1000, 1e6, 0.5, { ...p, fdiUprooting: 0 })).toBe(0);
  });
});
