import { describe, expect, it } from 'vitest';
import { testInstitution } from '../../test/support/institutions/body.ts';
import {
  acceptance,
  adoptedStandard,
  affectedInterest,
  burdenShares,
  competitionStep,
  institutionParameters,
  membersPosition,
  representedShare,
  stateIdealPoint,
  stateIdealPoints,
  voteStandard,
  weightedMedian,
} from './index.ts';
import type { InstitutionWorld, Voter } from './index.ts';

const params = institutionParameters();

const body = testInstitution;

/** Two rich destinations (few emigrants), four poor origins (many emigrants, few immigrants). */
const world: InstitutionWorld = {
  iso3: ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF'],
  population: [300e6, 80e6, 1000e6, 200e6, 150e6, 50e6],
  gdpUsd: [20e12, 4e12, 2e12, 0.5e12, 0.3e12, 0.1e12],
  migrantStock: [45e6, 10e6, 5e6, 1e6, 1e6, 0.5e6],
  emigrantStock: [3e6, 4e6, 15e6, 8e6, 6e6, 3e6],
};

describe('ideal points', () => {
  it('puts origin states near 1 and destination states near 0', () => {
    expect(stateIdealPoint(9, 1, 1)).toBeCloseTo(0.9);
    expect(stateIdealPoint(1, 9, 1)).toBeCloseTo(0.1);
    expect(stateIdealPoint(0, 0, 1)).toBe(0.5);
  });
  it('weighs migrants with their own ideal point in the affected interest', () => {
    const a = affectedInterest(world, params);
    const noMigrantVoice = affectedInterest(world, institutionParameters({ idealMigrants: 0 }));
    expect(a).toBeGreaterThan(noMigrantVoice);
  });
});

describe('voting', () => {
  const voters: Voter[] = [
    { id: 'a', ideal: 0.1, weight: 1 },
    { id: 'b', ideal: 0.5, weight: 1 },
    { id: 'c', ideal: 0.9, weight: 1 },
  ];
  it('finds the weighted median', () => {
    expect(weightedMedian(voters)).toBe(0.5);
    expect(weightedMedian([...voters, { id: 'd', ideal: 0.9, weight: 5 }])).toBe(0.9);
  });
  it('adopts the median when enough accept it, else the most ambitious standard that passes', () => {
    // a accepts up to 0.2, b up to 1, c up to 1 → 2/3 accept 0.5
    expect(acceptance(voters, 0.5)).toBeCloseTo(2 / 3);
    expect(adoptedStandard(voters, 0.6)).toBe(0.5);
    // unanimity: only 0.2 passes
    expect(adoptedStandard(voters, 1)).toBeCloseTo(0.2);
  });
  it('gives one state one vote regardless of economic size, and economic weighting to the rich', () => {
    const osov = voteStandard(body({}), world, params);
    const econ = voteStandard(
      body({ voting_rule: 'economic_weight', weight_basis: 'gdp', decision_threshold: 0.85 }),
      world,
      params,
    );
    expect(osov.voters.every((v) => v.weight === osov.voters[0].weight)).toBe(true);
    const aaa = econ.voters.find((v) => v.id === 'AAA')!;
    expect(aaa.weight).toBeGreaterThan(0.7);
    // the rich destination pulls the standard down
    expect(econ.standard).toBeLessThan(osov.standard);
  });
  it('adds migrant seats that pull the standard towards the affected', () => {
    const ms = voteStandard(
      body({
        voting_rule: 'multi_stakeholder',
        seats: [
          { constituency: 'states', share: 0.6 },
          { constituency: 'migrants', share: 0.2 },
          { constituency: 'employers', share: 0.2 },
        ],
      }),
      world,
      params,
    );
    expect(ms.voters.find((v) => v.id === 'migrants')?.weight).toBeCloseTo(0.2);
    expect(ms.standard).toBeGreaterThanOrEqual(0);
    expect(ms.standard).toBeLessThanOrEqual(1);
  });
  it('lets the dominant party of a bilateral negotiation set the standard near its own ideal', () => {
    const bil = voteStandard(
      body({ voting_rule: 'bilateral_hegemon', weight_basis: 'gdp', decision_threshold: 1 }),
      world,
      params,
      [0],
    );
    const aaaIdeal = stateIdealPoint(3e6, 45e6, 1);
    const osov = voteStandard(body({}), world, params);
    expect(Math.abs(bil.standard - aaaIdeal)).toBeLessThan(Math.abs(osov.standard - aaaIdeal));
  });
  it('measures representation as the overlap of votes and people', () => {
    const people: Voter[] = world.iso3.map((id, i) => ({
      id,
      ideal: 0,
      weight: world.population[i] - world.migrantStock[i],
    }));
    people.push({
      id: 'migrants',
      ideal: 1,
      weight: Array.from(world.migrantStock).reduce((a, b) => a + b, 0),
    });
    expect(representedShare(people, world)).toBeCloseTo(1, 6);
    const osov = voteStandard(body({}), world, params);
    expect(osov.representedShare).toBeLessThan(1);
    expect(osov.transparency).toBe(1);
    expect(
      voteStandard(
        body({ transparency: { public_records: true, open_sessions: false, published_reasons: false } }),
        world,
        params,
      ).transparency,
    ).toBeCloseTo(1 / 3);
  });
});

describe('policy competition', () => {
  const on = { policyCompetition: 0.5, competitionUndercut: 0.05, burdenResponse: 0.05 };
  it('lowers every level year after year without a floor (race to the bottom)', () => {
    let l: Float64Array = new Float64Array([1, 1, 1, 1]);
    for (let y = 0; y < 20; y++) l = competitionStep(l, [1, 1, 1, 1], 0, on);
    expect(Math.max(...l)).toBeLessThan(0.6);
  });
  it('stops at the floor of a binding convention', () => {
    let l: Float64Array = new Float64Array([1, 1, 1, 1]);
    for (let y = 0; y < 50; y++) l = competitionStep(l, [1, 1, 1, 1], 0.8, on);
    expect(Math.min(...l)).toBeCloseTo(0.8, 9);
  });
  it('moves nothing without competition and does not fall without undercutting or burden', () => {
    const l = new Float64Array([1, 0.8, 0.6]);
    expect([...competitionStep(l, [2, 2, 2], 0, { ...on, policyCompetition: 0 })]).toEqual([1, 0.8, 0.6]);
    const m = competitionStep(l, [1, 1, 1], 0, { ...on, competitionUndercut: 0, burdenResponse: 0 });
    expect(m.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(0.8, 9);
  });
  it('cuts more where the burden is above the state’s population share', () => {
    const b = burdenShares([30, 10], [1, 1]);
    expect(b[0]).toBeCloseTo(1.5);
    const l = competitionStep([1, 1], b, 0, on);
    expect(l[0]).toBeLessThan(l[1]);
  });
});

describe('lock-in: the members’ position', () => {
  const poor = { gdpUsd: 1e11, gdpPerCapitaUsd: 5000, transfersUsd: 2e8, arrivals: 20000 };
  it('sets the transfers received against the cost of the arrivals, per mille of the members’ GDP', () => {
    const p = membersPosition([poor], { arrivalCostShare: 0.5 });
    expect(p.arrivalsCostUsd).toBeCloseTo(0.5 * 5000 * 20000);
    expect(p.positionUsd).toBeCloseTo(2e8 - 5e7);
    expect(p.positionShare).toBeCloseTo((1000 * 1.5e8) / 1e11);
  });
  it('falls when arrivals grow or transfers stop, whatever the years in the process', () => {
    const base = membersPosition([poor], params).positionShare;
    expect(membersPosition([{ ...poor, arrivals: 40000 }], params).positionShare).toBeLessThan(base);
    expect(membersPosition([{ ...poor, transfersUsd: 0 }], params).positionShare).toBeLessThan(0);
  });
  it('is undefined without members’ GDP', () => {
    expect(membersPosition([], params).positionShare).toBeNaN();
  });
});

describe('ideal points from simulated stakes', () => {
  it('puts a state living on remittances high and one living on migrant rent low, and follows the stakes', () => {
    const withStakes: InstitutionWorld = {
      ...world,
      stakes: { gainsUsd: [1e9, 0, 9e9, 0, 0, 0], lossesUsd: [9e9, 0, 1e9, 0, 0, 0] },
    };
    const x = stateIdealPoints(withStakes, params);
    expect(x[0]).toBeCloseTo(0.1);
    expect(x[2]).toBeCloseTo(0.9);
    expect(x[1]).toBe(0.5);
    // without stakes the stocks stand in
    expect(stateIdealPoints(world, params)[0]).toBeCloseTo(stateIdealPoint(3e6, 45e6, 1));
  });
});
