import { describe, expect, it } from 'vitest';
import { ACC, groupSliceLength } from './accumulators.ts';
import { compileAgentYear, runAgentYear } from './agent-year.ts';
import { newBilateralTally } from './bilateral-tally.ts';
import { labourCells, tiedWage } from './kernels/labour-market.ts';
import { returnDurationWeight } from './kernels/return.ts';
import { parameters } from './parameters.ts';
import { C, CH } from './policy-tables.ts';
import {
  FREE,
  MAX_RUN_YEARS,
  S_ST_COUNT,
  ST,
  TRAIT,
  allocateStore,
  makeTraits,
  yearsInCountry,
  yearsInStatus,
} from './state.ts';
import { tinyEngine, tinyStepContext } from '../../test/support/sim/tiny-engine.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

/** 200,000 long-term residents in AAA born in NBR (at peace), young, low-skilled, just arrived (or `who`). */
function yearOfResidents(
  params = parameters(),
  who: { status?: number; channel?: number; employerTied?: number; familyAllowed?: number } = {},
) {
  const world = tinyWorld();
  const engine = tinyEngine(world, { seed: 7, scale: 1000, params });
  const n = world.iso3.length;
  const ctx = tinyStepContext(engine, world, 1991);
  engine.close();
  // the terms of the agents' channel at AAA
  const term = 0 * C + (who.channel ?? 0);
  ctx.employerTied = Uint8Array.from(ctx.employerTied);
  ctx.familyAllowed = Uint8Array.from(ctx.familyAllowed);
  if (who.employerTied !== undefined) ctx.employerTied[term] = who.employerTied;
  if (who.familyAllowed !== undefined) ctx.familyAllowed[term] = who.familyAllowed;
  const agents = 200_000;
  const s = allocateStore(agents);
  s.used = agents;
  // the pass of the year after the agents' arrival (state.ts: durations count from the clock)
  s.clock = 1;
  s.status.fill(who.status ?? ST.long_term_resident);
  s.channel.fill(who.channel ?? 0);
  s.location.fill(0);
  s.origin.fill(2);
  s.traits.fill(makeTraits(0, 0, false));
  const acc = new Float64Array(ACC_LENGTH(n));
  const bilateral = newBilateralTally(n);
  runAgentYear(s, 0, agents, compileAgentYear(ctx), acc, 0, bilateral);
  return { s, ctx, acc, bilateral, agents, n };
}

const ACC_LENGTH = (n: number) => groupSliceLength(n + 2);

/** |observed − expected| within 4 binomial standard errors. */
function expectShare(hits: number, trials: number, p: number): void {
  const se = Math.sqrt((p * (1 - p)) / trials);
  expect(Math.abs(hits / trials - p)).toBeLessThan(4 * se + 1e-9);
}

/** How the first `agents` agents ended the year: dead, aged, returned or still abroad (and aged). */
function outcomesOfYear(s: ReturnType<typeof allocateStore>, agents: number) {
  const c = { dead: 0, aged: 0, returned: 0, abroad: 0, abroadAged: 0, returnedAged: 0 };
  for (let i = 0; i < agents; i++) {
    const st = s.status[i];
    if (st === FREE) {
      c.dead++;
      continue;
    }
    const isAged = (s.traits[i] & TRAIT.ageMask) !== 0;
    if (isAged) c.aged++;
    if (st === ST.returnee) {
      c.returned++;
      if (isAged) c.returnedAged++;
      continue;
    }
    c.abroad++;
    if (isAged) c.abroadAged++;
  }
  return c;
}

describe('the agent year (one uniform per agent for the common events)', () => {
  it('gives each event its own probability, independent of the events before it', () => {
    const p = parameters();
    const { s, ctx, acc, agents, n } = yearOfResidents(p);
    const { dead, aged, returned, abroad, abroadAged, returnedAged } = outcomesOfYear(s, agents);
    const alive = agents - dead;
    expectShare(dead, agents, p.mortality0);
    expectShare(aged, alive, p.ageingRate);
    const pReturn = p.returnBase * returnDurationWeight(1, p.returnDurationYears);
    expectShare(returned, alive, pReturn);
    // the return draw does not depend on the ageing draw
    expectShare(returnedAged, aged, pReturn);
    expect(abroadAged).toBeGreaterThan(0);
    // the tally agrees with the agents, and counts the employed in expectation: everyone abroad is
    // under 65, low-skilled and a long-term resident, so one cell
    expect(acc[ACC.stock * (n + 2) + 0]).toBe(abroad);
    expect(acc[ACC.deaths * (n + 2) + 0]).toBe(dead);
    const cell = (0 * S_ST_COUNT + ST.long_term_resident) * 3 + 0;
    const cells = labourCells(ctx);
    expect(cells.employed[cell]).toBeGreaterThan(0.3);
    expect(acc[ACC.employed * (n + 2) + 0] / abroad).toBeCloseTo(cells.employed[cell], 9);
    expect(acc[ACC.wagesPaid * (n + 2) + 0] / abroad).toBeCloseTo(cells.employed[cell] * cells.paid[cell], 6);
  });

  it('draws the same year for an agent whatever the range it is run in', () => {
    const whole = yearOfResidents();
    const world = tinyWorld();
    const n = world.iso3.length;
    const again = allocateStore(whole.agents);
    again.used = whole.agents;
    again.clock = 1;
    again.status.fill(ST.long_term_resident);
    again.location.fill(0);
    again.origin.fill(2);
    again.traits.fill(makeTraits(0, 0, false));
    const y = compileAgentYear(whole.ctx);
    const acc = new Float64Array(ACC_LENGTH(n));
    const bilateral = newBilateralTally(n);
    runAgentYear(again, 100_000, whole.agents, y, acc, 0, bilateral);
    runAgentYear(again, 0, 100_000, y, acc, 0, bilateral);
    expect(bilateral.stock).toEqual(whole.bilateral.stock);
    for (const field of ['status', 'traits', 'location', 'statusSince', 'residentSince'] as const)
      expect(Buffer.from(again[field].buffer).equals(Buffer.from(whole.s[field].buffer))).toBe(true);
  });

  it('writes no duration for an agent nothing happens to: its years grow with the clock', () => {
    const { s, agents } = yearOfResidents();
    let unchanged = 0;
    for (let i = 0; i < agents; i++) {
      if (s.status[i] !== ST.long_term_resident) continue;
      unchanged++;
      // arrived before the pass of clock 1, still a resident: nothing written, one year in both
      expect(s.statusSince[i]).toBe(0);
      expect(s.residentSince[i]).toBe(0);
      expect(yearsInStatus(s, i)).toBe(1);
      expect(yearsInCountry(s, i)).toBe(1);
    }
    expect(unchanged).toBeGreaterThan(agents / 2);
    // a return begun in the pass counts from this year's clock: 0 years, 1 at the next pass
    const home = s.status.indexOf(ST.returnee);
    expect(home).toBeGreaterThanOrEqual(0);
    expect(yearsInCountry(s, home)).toBe(0);
    s.clock = 2;
    expect(yearsInCountry(s, home)).toBe(1);
    expect(yearsInCountry(s, s.status.indexOf(ST.long_term_resident))).toBe(2);
  });

  it('keeps every duration of a run below the wrap of the clock, and refuses a run that would reach it', () => {
    const engine = tinyEngine(tinyWorld(), { seed: 7, scale: 1000 });
    try {
      const s = engine.store;
      let longest = 0;
      for (let i = 0; i < s.used; i++)
        if (s.status[i] !== FREE) longest = Math.max(longest, yearsInStatus(s, i), yearsInCountry(s, i));
      expect(longest).toBeGreaterThan(10);
      expect(longest + MAX_RUN_YEARS + 1).toBeLessThan(256);
      expect(() => engine.step(1990 + MAX_RUN_YEARS + 1)).toThrow(/at most 200 years past 1990/);
    } finally {
      engine.close();
    }
  });

  it("pays the holder of an employer-tied channel's permit less, and no longer once the status changes", () => {
    // the mean wage of the employed at AAA (the tally's expected wages over expected employment)
    const wage = (r: ReturnType<typeof yearOfResidents>) =>
      r.acc[ACC.wagesPaid * (r.n + 2) + 0] / r.acc[ACC.employed * (r.n + 2) + 0];
    const labour = { channel: CH.labour, status: ST.permanent_resident };
    const tied = yearOfResidents(parameters(), { ...labour, employerTied: 1 });
    const free = yearOfResidents(parameters(), { ...labour, employerTied: 0 });
    const cell = (0 * S_ST_COUNT + ST.permanent_resident) * 3 + 0;
    const cells = labourCells(free.ctx);
    // the stand-in gives permanent residents every right, so only the permit's tie lowers the wage:
    // to the bargain over the surplus above the better of absconding at AAA and going home (origin 2)
    const outside = Math.max(cells.abscond[0], cells.home[2 * 3 + 0]);
    const bargained = tiedWage(cells.rate[cell], outside, free.ctx.params.workerBargainingPower);
    expect(outside).toBeLessThan(cells.rate[cell]);
    expect(wage(free)).toBeCloseTo(cells.paid[cell], 6);
    expect(wage(tied)).toBeCloseTo(bargained, 6);
    expect(bargained).toBeLessThan(cells.paid[cell]);
    const rent = (r: ReturnType<typeof yearOfResidents>) => r.acc[ACC.employerRent * (r.n + 2) + 0];
    expect(rent(tied)).toBeGreaterThan(rent(free));
    // long-term residents who came through the same tied channel hold no longer its permit
    const settled = yearOfResidents(parameters(), { channel: CH.labour, employerTied: 1 });
    const ltr = (0 * S_ST_COUNT + ST.long_term_resident) * 3 + 0;
    expect(wage(settled)).toBeCloseTo(labourCells(settled.ctx).paid[ltr], 6);
  });

  it('counts on each route those still on the permit of a channel whose holders may not bring their family', () => {
    const temporary = { channel: CH.temporary_labour, status: ST.temporary_worker };
    const barred = yearOfResidents(parameters(), { ...temporary, familyAllowed: 0 });
    const allowed = yearOfResidents(parameters(), { ...temporary, familyAllowed: 1 });
    const n = barred.n;
    const cell = 0 * (n + 2) + 2;
    const tally = (r: typeof barred) => r.bilateral;
    let alive = 0;
    let stillTemporary = 0;
    for (let i = 0; i < barred.agents; i++) {
      if (barred.s.status[i] !== FREE && barred.s.status[i] !== ST.returnee) alive++;
      if (barred.s.status[i] === ST.temporary_worker) stillTemporary++;
    }
    expect(stillTemporary).toBeGreaterThan(0);
    expect(tally(barred).stock[cell]).toBe(alive);
    expect(tally(barred).nonSponsors[cell]).toBe(stillTemporary);
    expect(tally(allowed).nonSponsors[cell]).toBe(0);
  });
});
