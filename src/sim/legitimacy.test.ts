import { describe, expect, it } from 'vitest';
import type { Institution } from '../regime/index.ts';
import { loadBuiltinLibrary } from '../regime/index.ts';
import { testInstitution } from '../../test/support/institutions/body.ts';
import {
  dominantMembership,
  legitimacyIndex,
  legitimacyShare,
  membersIn,
  representatives,
} from './legitimacy.ts';
import type { LegitimacyWorld } from './legitimacy.ts';

const body = (over: Partial<Institution>) => testInstitution({ decision_threshold: 0.5, ...over });

/** Four states of equal size, no migrants. */
const even: LegitimacyWorld = {
  iso3: ['AAA', 'BBB', 'CCC', 'DDD'],
  population: [100, 100, 100, 100],
  gdpUsd: [400, 100, 100, 100],
  tier: [0, 1, 2, 2],
  immigrants: [0, 0, 0, 0],
  citizens: [0, 0, 0, 0],
};

describe('legitimacy from the simulation', () => {
  it('is 100 when votes are shared as the affected are, and the overlap of the two otherwise', () => {
    expect(legitimacyIndex(even, 2000, body({}), [])).toBeCloseTo(100);
    // one state in four decides: a quarter of the affected are spoken for
    expect(
      legitimacyShare([
        { id: 'a', votes: 1, persons: 1 },
        ...['b', 'c', 'd'].map((id) => ({ id, votes: 0, persons: 1 })),
      ]),
    ).toBeCloseTo(25);
  });
  it('falls with migrants who have no one voting for them, and rises again as they naturalise', () => {
    const migrants = { ...even, immigrants: [60, 0, 0, 0] };
    const osov = body({});
    const without = legitimacyIndex(migrants, 2000, osov, []);
    expect(without).toBeLessThan(100);
    const naturalised = legitimacyIndex({ ...migrants, citizens: [60, 0, 0, 0] }, 2000, osov, []);
    expect(naturalised).toBeCloseTo(100);
    const seats = body({
      voting_rule: 'multi_stakeholder',
      seats: [
        { constituency: 'states', share: 0.85 },
        { constituency: 'migrants', share: 0.15 },
      ],
    });
    expect(legitimacyIndex(migrants, 2000, seats, [])).toBeGreaterThan(without);
  });
  it('weights states by GDP under economic weighting, so the rich speak for more than their people', () => {
    const econ = body({ voting_rule: 'economic_weight', weight_basis: 'gdp' });
    expect(legitimacyIndex(even, 2000, econ, [])).toBeCloseTo(100 * (0.25 + 3 * (100 / 700)));
  });
  it('lets the core decide before the body exists and without one', () => {
    const later = body({ valid_from: '2005-01-01' });
    expect(legitimacyIndex(even, 2000, later, [])).toBeCloseTo(25);
    expect(legitimacyIndex(even, 2000, undefined, [])).toBeCloseTo(25);
    expect(legitimacyIndex(even, 2005, later, [])).toBeCloseTo(100);
  });
  it('treats the dominant party of a bilateral body as one actor whose members change with the years', () => {
    const bil = body({ voting_rule: 'bilateral_hegemon', weight_basis: 'gdp', decision_threshold: 1 });
    const members = [
      { country: 'AAA', from: 1958, to: Infinity },
      { country: 'BBB', from: 2004, to: Infinity },
    ];
    expect(membersIn(members, even.iso3, 2000)).toEqual([0]);
    expect(membersIn(members, even.iso3, 2004)).toEqual([0, 1]);
    const reps2000 = representatives(even, bil, [0]);
    expect(reps2000.find((r) => r.id === 'dominant_party')?.persons).toBe(100);
    const before = legitimacyIndex(even, 2000, bil, members);
    const after = legitimacyIndex(even, 2004, bil, members);
    expect(after).not.toBeCloseTo(before, 3);
  });
  it('reads the EU’s members and their accession dates as the dominant party of the accession negotiations', () => {
    const lib = loadBuiltinLibrary();
    const inst = lib.require('bilateral-accession-negotiation', 'Institution').doc as Institution;
    const eu = dominantMembership(lib, inst);
    const iso3 = ['DEU', 'POL', 'AUT', 'USA', 'GBR'];
    expect(membersIn(eu, iso3, 1994).sort()).toEqual([0, 4]);
    expect(membersIn(eu, iso3, 2005).sort()).toEqual([0, 1, 2, 4]);
    expect(membersIn(eu, iso3, 2021).sort()).toEqual([0, 1, 2]);
  });
});

describe('legitimacy over a run', () => {
  it('moves from year to year as the simulated migrant stocks move', async () => {
    const { simulate } = await import('./index.ts');
    const { standinTablesForYear } = await import('./standin-tables.ts');
    const { tinyWorld } = await import('../../test/support/sim/tiny-world.ts');
    const world = tinyWorld();
    const r = simulate({
      world,
      tablesForYear: standinTablesForYear(world, {}),
      regimeId: 'test',
      seed: 1,
      scale: 500,
      fromYear: 1990,
      toYear: 1995,
      groupSize: 1024,
      institutions: [body({})],
    });
    const values = r.rows.filter((x) => x.indicator === 'legitimacy_index').map((x) => x.value);
    expect(values).toHaveLength(6);
    expect(new Set(values.map((v) => v.toFixed(6))).size).toBeGreaterThan(1);
  });
});
