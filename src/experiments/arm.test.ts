import { describe, expect, it } from 'vitest';
import type { Experiment, ExperimentArm, Regime } from '../regime/index.ts';
import { RIGHTS, STATUSES, loadBuiltinLibrary } from '../regime/index.ts';
import { uniformTables } from '../sim/index.ts';
import type { IndicatorRow } from '../sim/index.ts';
import { regimeView } from '../rules/index.ts';
import { armLibrary, checkParameterNames, derivedRegimeId, splitParameters } from './arm.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';
import { KEEP_ORDER, applyRightsLevels, dominantIndices, lockInYear, processMembers } from './coupling.ts';
import { findExperiment } from './execute.ts';
import { keepRows } from './member.ts';

const lib = loadBuiltinLibrary();

describe('arms', () => {
  it('splits parameters between the engine and the institutions layer and refuses unknown names', () => {
    const { engine, institutions } = splitParameters({ betaCost: 0.5, policyCompetition: 0.3 });
    expect(engine).toEqual({ betaCost: 0.5 });
    expect(institutions).toEqual({ policyCompetition: 0.3 });
    expect(() => splitParameters({ betaCots: 1 })).toThrow(/unknown parameter 'betaCots'/);
    expect(() => splitParameters({ betaCost: NaN })).toThrow(/finite/);
  });
  it('gives the root-cause levers their own parameters, checked against their ranges', () => {
    const { rootCauses, engine } = splitParameters({ armsElasticityStateBased: 0.2, betaCost: 0.5 });
    expect(rootCauses).toEqual({ armsElasticityStateBased: 0.2 });
    expect(engine).toEqual({ betaCost: 0.5 });
    expect(() => splitParameters({ armsElasticityStateBased: 9 })).toThrow(/outside the values/);
  });
  it('checks every parameter an experiment names before any run', () => {
    const exp = {
      id: 'x',
      arms: [{ id: 'a', regime: 'neoliberal', parameters: { nope: 1 } }],
    } as unknown as Experiment;
    expect(() => checkParameterNames(exp)).toThrow(/E_EXPERIMENT_PARAMETER|unknown parameter/);
    const fixed = {
      id: 'y',
      arms: [
        { id: 'a', regime: 'neoliberal', parameters: { betaCost: 1 } },
        { id: 'b', regime: 'neoliberal', parameters: { betaCost: 2 } },
      ],
      sensitivity: { parameters: [{ name: 'betaCost', low: 0, high: 1 }] },
    } as unknown as Experiment;
    expect(() => checkParameterNames(fixed)).toThrow(/every arm sets betaCost/);
    const absurd = {
      id: 'z',
      arms: [{ id: 'a', regime: 'neoliberal' }],
      sensitivity: { parameters: [{ name: 'returnDurationYears', low: 5, high: -1 }] },
    } as unknown as Experiment;
    expect(() => checkParameterNames(absurd)).toThrow(
      /experiment z, sensitivity \(high\): returnDurationYears = -1 is outside/,
    );
  });
  it('appends an arm’s policy changes to its regime under a stable derived id, leaving the built-in untouched', () => {
    const arm: ExperimentArm = {
      id: 'enforcement',
      regime: 'neoliberal',
      policy: [
        { where: { tiers: ['core'] }, at_least: { 'enforcement.border': 0.9 }, source: { note: 'test' } },
      ],
    };
    const { library, regimeId } = armLibrary(lib, arm);
    expect(regimeId).toBe(derivedRegimeId(arm));
    expect(regimeId).not.toBe('neoliberal');
    const derived = library.require(regimeId, 'Regime').doc as Regime;
    const original = lib.require('neoliberal', 'Regime').doc as Regime;
    expect(derived.adjustments).toHaveLength((original.adjustments?.length ?? 0) + 1);
    expect(library.get('neoliberal')?.doc).toBe(original);
    expect(armLibrary(lib, { id: 'plain', regime: 'neoliberal' }).regimeId).toBe('neoliberal');
  });
  it('applies a dated policy change only from its date (a member reversing its controls)', () => {
    const arm: ExperimentArm = {
      id: 'reversed',
      regime: 'neoliberal',
      policy: [
        {
          where: { countries: ['POL'] },
          from: '1999-01-01',
          set: { 'visa.carrier_sanctions': false },
          at_most: { 'enforcement.border': 0.2 },
          source: { note: 'test' },
        },
      ],
    };
    const { library, regimeId } = armLibrary(lib, arm);
    const border = (date: string) =>
      regimeView(library, regimeId, date).policy('POL', 'semi_periphery').policy.enforcement.border;
    const asDocumented = (date: string) =>
      regimeView(lib, 'neoliberal', date).policy('POL', 'semi_periphery').policy.enforcement.border;
    expect(asDocumented('1998-06-01')).toBeGreaterThan(0.2);
    expect(border('1998-06-01')).toBe(asDocumented('1998-06-01'));
    expect(border('2000-06-01')).toBe(0.2);
    expect(asDocumented('2000-06-01')).toBeGreaterThan(0.2);
  });
  it('finds the eight built-in experiments by their names', () => {
    for (const name of [
      'prohibition',
      'manufactured-irregularity',
      'isolated-temporary-labour',
      'downward-harmonisation',
      'capital-for-labour',
      'representation',
      'lock-in',
      'remittances-vs-aid',
    ])
      expect(findExperiment(lib, name).doc.kind).toBe('Experiment');
    expect(() => findExperiment(lib, 'nope')).toThrow(/no experiment 'nope'/);
  });
});

describe('the institutions layer on policy tables', () => {
  const all = [...RIGHTS];
  const tables = uniformTables(['AAA', 'BBB'], {
    open: { labour: 1 },
    visaRequired: false,
    carrierSanctions: false,
    enforcementBorder: 0,
    enforcementInterior: 0,
    externalised: false,
    employerSanctions: false,
    readmission: false,
    protection: {},
    humanitarianNonReturn: false,
    nonReturnableStatus: 'irregular',
    rights: { citizen: all, temporary_worker: ['work', 'equal_pay', 'health_care', 'vote_local'] },
    yearsToLongTermResidence: 5,
    yearsToNaturalisation: 8,
    dualCitizenship: false,
    reImmigrationRetained: false,
    temporaryToPermanent: false,
  });
  const S = STATUSES.length;
  const R = RIGHTS.length;
  const tw = STATUSES.indexOf('temporary_worker');
  const cit = STATUSES.indexOf('citizen');
  const held = (t: typeof tables, d: number, s: number) =>
    RIGHTS.filter((_, r) => t.rights[d * S * R + s * R + r]);

  it('cuts the least essential rights first as a state’s level falls, never citizens’, and copies the tables', () => {
    const cut = applyRightsLevels(tables, [0.5, 1]);
    expect(held(cut, 0, tw)).toEqual(['work', 'health_care']);
    expect(held(cut, 1, tw)).toEqual(['work', 'vote_local', 'equal_pay', 'health_care']);
    expect(held(cut, 0, cit)).toHaveLength(R);
    expect(cut.rightsIndex[0 * S + tw]).toBeCloseTo(2 / R);
    expect(held(tables, 0, tw)).toHaveLength(4);
    expect(KEEP_ORDER).toHaveLength(R);
  });
  it('reads the members of the regime’s regional processes with the year they joined', () => {
    const m = processMembers(lib, lib.require('neoliberal', 'Regime').doc as Regime);
    expect(m.get('POL')?.joined).toBeGreaterThanOrEqual(1991);
    expect(m.get('MEX')?.joined).toBeGreaterThanOrEqual(1996);
    expect(processMembers(lib, lib.require('national-control', 'Regime').doc as Regime).size).toBe(0);
  });
  it('resolves a dominant party named as a country', () => {
    const world = { iso3: ['DEU', 'FRA'] } as never;
    const inst = { dominant_party: 'FRA' } as never;
    expect(dominantIndices(lib, inst, world, 2000)).toEqual([1]);
  });
  it('brings back only the rows an experiment needs', () => {
    const rows: IndicatorRow[] = [
      { year: 1990, indicator: 'a', country: 'WLD', value: 1 },
      { year: 1990, indicator: 'a', country: 'DEU', value: 1 },
      { year: 1990, indicator: 'b', country: 'WLD', value: 1 },
    ];
    expect(keepRows(rows, { indicators: ['a'], countries: ['WLD'] })).toHaveLength(1);
    expect(keepRows(rows, { indicators: ['a'], countries: 'all' })).toHaveLength(2);
  });
});

describe('lock-in over a year of the engine’s rows', () => {
  const world = tinyWorld();
  const row = (indicator: string, country: string, value: number): IndicatorRow => ({
    year: 1995,
    indicator,
    country,
    value,
  });
  const rows = [
    row('aid_usd', 'NBR', 5e8),
    row('asylum_applications', 'NBR', 1000),
    row('inflow_irregular', 'NBR', 500),
    row('aid_usd', 'AAA', 0),
    row('asylum_applications', 'AAA', 9e5),
  ];
  const members = new Map([
    ['AAA', { joined: 1993, left: Infinity }],
    ['NBR', { joined: 1993, left: Infinity }],
    ['WAR', { joined: 1997, left: Infinity }],
  ]);
  it('counts only dependent members in the process that year, with their simulated transfers and arrivals', () => {
    const k = (1995 - world.span.first) * world.iso3.length;
    const nbr = world.iso3.indexOf('NBR');
    const y = lockInYear(world, 1995, rows, members);
    expect(y.members).toHaveLength(1);
    expect(y.members[0].arrivals).toBe(1500);
    expect(y.members[0].transfersUsd).toBeCloseTo(Math.max(0, 5e8 - world.odaReceivedUsd[k + nbr]));
    expect(y.members[0].gdpUsd).toBeCloseTo(world.population[k + nbr] * world.gdpPerCapitaUsd[k + nbr]);
    expect(y.meanYears).toBe(3);
  });
});
