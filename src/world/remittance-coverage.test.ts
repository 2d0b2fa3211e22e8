import { describe, expect, it } from 'vitest';
import { loadWorld } from './load-world.ts';
import { modelRemittancesOfReporters, remittanceReporters } from './remittance-coverage.ts';

const world = loadWorld({ first: 1990, last: 2020 });

describe('the countries that report remittances received', () => {
  it('grow from 110 in 1990 to 200 in 2005 in the shipped WDI data, and are none outside its years', () => {
    expect(remittanceReporters(world, 1990)).toHaveLength(110);
    expect(remittanceReporters(world, 2005)).toHaveLength(200);
    expect(remittanceReporters(world, 1989)).toEqual([]);
  });

  it('bound the model total compared with the data: a country without a report adds nothing', () => {
    const reporters = new Set(remittanceReporters(world, 1990));
    const silent = world.countries.countries.find((c) => !reporters.has(c.iso3))!.iso3;
    const one = (c: string) => (c === silent ? 1e12 : 1);
    expect(modelRemittancesOfReporters(world, 1990, one)).toBe(110);
    expect(modelRemittancesOfReporters(world, 1990, () => undefined)).toBeUndefined();
  });
});
