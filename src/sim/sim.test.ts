import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/support/user-error.ts';
import type { SimulationInput } from './index.ts';
import { estimateMemory, simulate, BYTES_PER_AGENT } from './index.ts';
import type { IndicatorRow } from './indicators.ts';
import type { UniformPolicy } from './policy-tables.ts';
import { NEOLIBERAL_STANDIN } from './policy-tables.ts';
import { standinTablesForYear } from './standin-tables.ts';
import { standinInput } from '../../test/support/sim/standin-input.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';
import type { TinyWorldOptions } from '../../test/support/sim/tiny-world.ts';

const SCALE = 500;

function run(
  opts: {
    world?: TinyWorldOptions;
    core?: UniformPolicy;
    threads?: number;
    seed?: number;
    toYear?: number;
    extra?: Partial<SimulationInput>;
  } = {},
) {
  const world = tinyWorld(opts.world);
  return simulate({
    world,
    tablesForYear: standinTablesForYear(world, opts.core ? { 0: opts.core } : {}),
    regimeId: 'test',
    seed: opts.seed ?? 42,
    scale: SCALE,
    fromYear: 1990,
    toYear: opts.toYear ?? 1997,
    threads: opts.threads,
    groupSize: 1024,
    ...opts.extra,
  });
}

const value = (rows: readonly IndicatorRow[], indicator: string, country: string, year: number) =>
  rows.find((r) => r.indicator === indicator && r.country === country && r.year === year)?.value ?? NaN;
const total = (rows: readonly IndicatorRow[], indicator: string, country: string) =>
  rows.filter((r) => r.indicator === indicator && r.country === country).reduce((s, r) => s + r.value, 0);

describe('simulate', () => {
  it('starts from the bilateral stock and reports every indicator for every country and the world', () => {
    const r = run({ toYear: 1990 });
    const stock = value(r.rows, 'migrant_stock', 'WLD', 1990);
    expect(stock).toBeGreaterThan(7.3e6 * 0.9);
    expect(stock).toBeLessThan(7.3e6 * 1.15);
    for (const name of [
      'migrant_stock',
      'refugees',
      'irregular_stock',
      'non_returnable_stock',
      'remittances_usd',
      'aid_usd',
      'employer_rent_usd',
      'wage_low_skill_usd',
      'rights_index',
      'return_migrants',
      'legitimacy_index',
      'commodification_share',
      'fdi_substituted_emigration',
      'protection_gap',
    ]) {
      expect(
        r.rows.some((x) => x.indicator === name && x.country === 'WLD'),
        name,
      ).toBe(true);
    }
    expect(r.bytesPerAgent).toBe(BYTES_PER_AGENT);
    expect(r.agents).toBeGreaterThan(10_000);
  });

  it('gives the same digest for the same seed and a different one for another seed', () => {
    expect(run({ toYear: 1993 }).digest).toBe(run({ toYear: 1993 }).digest);
    expect(run({ toYear: 1993, seed: 43 }).digest).not.toBe(run({ toYear: 1993 }).digest);
  });

  it('gives the same digest with 1 and 2 worker threads', () => {
    const one = run({ toYear: 1994, threads: 1 });
    const two = run({ toYear: 1994, threads: 2 });
    expect(two.digest).toBe(one.digest);
    expect(two.agents).toBe(one.agents);
  });

  it('raises the smuggling price and the organised-crime share when border enforcement rises', () => {
    // 0.1 → 0.6 multiplies every route's price by exp(1.5 × 0.5) ≈ 2.1; the mix of routes shifts
    // towards the short land route from BBB when enforcement rises, hence a margin below 2.1
    const low = run({ core: { ...NEOLIBERAL_STANDIN, enforcementBorder: 0.1 } });
    const high = run({ core: { ...NEOLIBERAL_STANDIN, enforcementBorder: 0.6 } });
    const mean = (rows: IndicatorRow[], indicator: string) => {
      const v = rows.filter((r) => r.indicator === indicator && r.country === 'AAA').map((r) => r.value);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    expect(mean(high.rows, 'smuggling_price_usd')).toBeGreaterThan(
      1.5 * mean(low.rows, 'smuggling_price_usd'),
    );
    expect(mean(high.rows, 'organised_crime_share')).toBeGreaterThan(mean(low.rows, 'organised_crime_share'));
  });

  it('grows the non-returnable stock under a narrow asylum doctrine with humanitarian non-return', () => {
    const open = { ...NEOLIBERAL_STANDIN, visaRequired: false, humanitarianNonReturn: true };
    // enough of WAR's people fleeing (the search's starting flightShare) that the doctrine shows
    // above the noise whatever the calibrated value
    const extra = { parameters: { flightShare: 0.05 } };
    const narrow = run({
      core: { ...open, protection: { persecuted_activist: 1, persecuted_target: 1 } },
      toYear: 1999,
      extra,
    });
    const broad = run({
      core: {
        ...open,
        protection: {
          persecuted_activist: 1,
          persecuted_target: 1,
          victim_life_threatening_generalised: 2,
          victim_public_order_disturbed: 2,
        },
      },
      toYear: 1999,
      extra,
    });
    const nr = (rows: IndicatorRow[]) =>
      value(rows, 'non_returnable_stock', 'AAA', 1999) + value(rows, 'non_returnable_stock', 'BBB', 1999);
    expect(nr(narrow.rows)).toBeGreaterThan(2 * nr(broad.rows) + 5000);
    expect(value(narrow.rows, 'recognition_rate', 'AAA', 1999)).toBeLessThan(
      value(broad.rows, 'recognition_rate', 'AAA', 1999),
    );
  });

  it('sends remittances to the countries of origin and pays migrants without rights below the rate', () => {
    const r = run({ toYear: 1992 });
    expect(value(r.rows, 'remittances_usd', 'NBR', 1992)).toBeGreaterThan(0);
    expect(value(r.rows, 'remittances_usd', 'AAA', 1992)).toBeLessThan(
      value(r.rows, 'remittances_usd', 'NBR', 1992),
    );
    expect(value(r.rows, 'employer_rent_usd', 'AAA', 1992)).toBeGreaterThan(0);
  });

  it('makes people flee a war and protects fewer of them when the war is not recognised as a ground', () => {
    const war = run({ toYear: 1993 });
    const peace = run({ toYear: 1993, world: { battleDeaths: 0 } });
    expect(total(war.rows, 'emigration', 'WAR')).toBeGreaterThan(
      1.5 * total(peace.rows, 'emigration', 'WAR'),
    );
    expect(value(war.rows, 'protection_gap', 'WAR', 1993)).toBeGreaterThan(0);
  });

  it('lowers emigration from the periphery when FDI creates jobs there', () => {
    const little = run({ world: { peripheryFdi: 1e7, battleDeaths: 0 } });
    const much = run({ world: { peripheryFdi: 5e10, battleDeaths: 0 } });
    expect(total(much.rows, 'emigration', 'NBR')).toBeLessThan(total(little.rows, 'emigration', 'NBR'));
    expect(total(much.rows, 'fdi_substituted_emigration', 'NBR')).toBeGreaterThan(0);
  });
});

describe('bad input is refused before any work', () => {
  const world = tinyWorld();
  const base = standinInput(world, { seed: 1, scale: 1000, toYear: 1995 });
  it('refuses a scale that would not fit in memory, naming a scale that would', () => {
    expect(errorCodeOf(() => simulate({ ...base, scale: 1, memoryLimitBytes: 64 * 2 ** 20 }))).toBe(
      'E_SIM_MEMORY',
    );
    expect(() => simulate({ ...base, scale: 1, memoryLimitBytes: 64 * 2 ** 20 })).toThrow(
      /use a scale of at least/,
    );
  });
  it('refuses a model parameter outside the values it is defined for, before any work', () => {
    expect(errorCodeOf(() => simulate({ ...base, parameters: { returnDurationYears: 0 } }))).toBe(
      'E_SIM_PARAMETER',
    );
    expect(errorCodeOf(() => simulate({ ...base, parameters: { flightDeathElasticity: -1 } }))).toBe(
      'E_SIM_PARAMETER',
    );
    expect(() => simulate({ ...base, parameters: { flightDeathElasticity: 5 } })).toThrow(
      /flightDeathElasticity = 5 is outside the values the model is defined for \(0…2\)/,
    );
    expect(errorCodeOf(() => simulate({ ...base, parameters: { familySponsorRate: 1.5 } }))).toBe(
      'E_SIM_PARAMETER',
    );
    expect(errorCodeOf(() => simulate({ ...base, parameters: { establishmentCapital: -1 } }))).toBe(
      'E_SIM_PARAMETER',
    );
  });
  it('refuses years outside the data, a scale below 1 and a bad thread count', () => {
    expect(errorCodeOf(() => simulate({ ...base, toYear: 2030 }))).toBe('E_SIM_YEAR');
    expect(errorCodeOf(() => simulate({ ...base, fromYear: 1980 }))).toBe('E_SIM_YEAR');
    expect(errorCodeOf(() => simulate({ ...base, scale: 0.5 }))).toBe('E_SIM_SCALE');
    expect(errorCodeOf(() => simulate({ ...base, threads: 0 }))).toBe('E_SIM_THREADS');
  });
  it('estimates memory at 11 bytes of state per agent and fits 100 M agents in 24 GiB', () => {
    const m = estimateMemory(1e8);
    expect(m.bytesPerAgent).toBe(11);
    expect(m.bytes).toBeLessThan(24 * 2 ** 30);
  });
  it('stops when the signal is aborted', () => {
    const ac = new AbortController();
    expect(() => simulate(base, { signal: ac.signal, onYear: (y) => y === 1991 && ac.abort() })).toThrow();
  });
});
