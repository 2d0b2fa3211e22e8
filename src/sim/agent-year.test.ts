import { describe, expect, it } from 'vitest';
import { ACC } from './accumulators.ts';
import { compileAgentYear, runAgentYear } from './agent-year.ts';
import { Engine } from './engine.ts';
import { labourCells } from './kernels/labour-market.ts';
import { returnDurationWeight } from './kernels/return.ts';
import { parameters } from './parameters.ts';
import { standinTablesForYear } from './standin-tables.ts';
import { FREE, S_ST_COUNT, ST, TRAIT, allocateStore, makeTraits } from './state.ts';
import { tinyWorld } from './testing/tiny-world.ts';

/** 200,000 long-term residents in AAA born in NBR (at peace), young, low-skilled, just arrived. */
function yearOfResidents(params = parameters()) {
  const world = tinyWorld();
  const engine = new Engine({
    world,
    tablesForYear: standinTablesForYear(world),
    seed: 7,
    scale: 1000,
    fromYear: 1990,
    threads: 1,
    params,
  });
  const n = world.iso3.length;
  const ctx = engine.stepContext(
    1991,
    standinTablesForYear(world)(1991),
    new Float64Array(n).fill(40000),
    new Float64Array(n).fill(15000),
    new Float64Array(n).fill(0.9),
  );
  engine.close();
  const agents = 200_000;
  const s = allocateStore(agents);
  s.used = agents;
  s.status.fill(ST.long_term_resident);
  s.location.fill(0);
  s.origin.fill(2);
  s.traits.fill(makeTraits(0, 0, false));
  const acc = new Float64Array(ACC_LENGTH(n, ctx.corridorCount));
  runAgentYear(s, 0, agents, compileAgentYear(ctx), acc, 0);
  return { s, ctx, acc, agents, n };
}

const ACC_LENGTH = (n: number, corridors: number) => Object.keys(ACC).length * (n + 2) + corridors;

/** |observed − expected| within 4 binomial standard errors. */
function expectShare(hits: number, trials: number, p: number): void {
  const se = Math.sqrt((p * (1 - p)) / trials);
  expect(Math.abs(hits / trials - p)).toBeLessThan(4 * se + 1e-9);
}

describe('the agent year (one uniform per agent for the common events)', () => {
  it('gives each event its own probability, independent of the events before it', () => {
    const p = parameters();
    const { s, ctx, acc, agents, n } = yearOfResidents(p);
    let dead = 0;
    let aged = 0;
    let returned = 0;
    let employedAged = 0;
    let employedYoung = 0;
    let abroad = 0;
    let abroadAged = 0;
    let returnedAged = 0;
    for (let i = 0; i < agents; i++) {
      const st = s.status[i];
      if (st === FREE) {
        dead++;
        continue;
      }
      const isAged = (s.traits[i] & TRAIT.ageMask) !== 0;
      if (isAged) aged++;
      if (st === ST.returnee) {
        returned++;
        if (isAged) returnedAged++;
        continue;
      }
      abroad++;
      if (isAged) abroadAged++;
      if (s.wage[i] > 0) {
        if (isAged) employedAged++;
        else employedYoung++;
      }
    }
    const alive = agents - dead;
    expectShare(dead, agents, p.mortality0);
    expectShare(aged, alive, p.ageingRate);
    const pReturn = p.returnBase * returnDurationWeight(1, p.returnDurationYears);
    expectShare(returned, alive, pReturn);
    // the return draw does not depend on the ageing draw
    expectShare(returnedAged, aged, pReturn);
    const cell = (0 * S_ST_COUNT + ST.long_term_resident) * 3 + 0;
    const pEmployed = labourCells(ctx).employed[cell];
    expectShare(employedYoung, abroad - abroadAged, pEmployed);
    expectShare(employedAged, abroadAged, pEmployed);
    // the tally agrees with the agents
    expect(acc[ACC.stock * (n + 2) + 0]).toBe(abroad);
    expect(acc[ACC.deaths * (n + 2) + 0]).toBe(dead);
    expect(acc[ACC.employed * (n + 2) + 0]).toBe(employedAged + employedYoung);
  });

  it('draws the same year for an agent whatever the range it is run in', () => {
    const whole = yearOfResidents();
    const world = tinyWorld();
    const n = world.iso3.length;
    const again = allocateStore(whole.agents);
    again.used = whole.agents;
    again.status.fill(ST.long_term_resident);
    again.location.fill(0);
    again.origin.fill(2);
    again.traits.fill(makeTraits(0, 0, false));
    const y = compileAgentYear(whole.ctx);
    const acc = new Float64Array(ACC_LENGTH(n, whole.ctx.corridorCount));
    runAgentYear(again, 100_000, whole.agents, y, acc, 0);
    runAgentYear(again, 0, 100_000, y, acc, 0);
    expect(Buffer.from(again.status.buffer).equals(Buffer.from(whole.s.status.buffer))).toBe(true);
    expect(Buffer.from(again.wage.buffer).equals(Buffer.from(whole.s.wage.buffer))).toBe(true);
  });
});
