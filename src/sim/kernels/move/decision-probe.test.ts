import { describe, expect, it } from 'vitest';
import { standinInput } from '../../../../test/support/sim/standin-input.ts';
import { tinyWorld } from '../../../../test/support/sim/tiny-world.ts';
import { parameters } from '../../parameters.ts';
import { simulate } from '../../simulate.ts';
import type { DecisionProbe } from './move-year.ts';

const world = tinyWorld();
const run = (probe?: DecisionProbe) =>
  simulate({ ...standinInput(world, { seed: 7, scale: 500, toYear: 1994 }), decisionProbe: probe });

describe("a decision probe records one origin's decisions without changing the run", () => {
  const war = world.iso3.indexOf('WAR');
  const probe: DecisionProbe = { origin: war, year: 1993 };
  const probed = run(probe);

  it('leaves the run as it is (the same engine digest)', () => {
    expect(probed.digest).toBe(run().digest);
  });

  it("records the origin's classes: their persons add up to its would-be movers, voluntary and forced", () => {
    const r = probe.result!;
    expect(r.origin).toBe('WAR');
    expect(r.year).toBe(1993);
    const sum = (forced: boolean) =>
      r.classes.filter((c) => c.forced === forced).reduce((s, c) => s + c.persons, 0);
    expect(sum(false)).toBeCloseTo(r.voluntary, 6);
    expect(sum(true)).toBeCloseTo(r.forced, 6);
    expect(r.forced).toBeGreaterThan(0); // WAR is at war
  });

  it('gives each class its options best first, the persons choosing them adding up to its movers', () => {
    const p = parameters();
    for (const c of probe.result!.classes) {
      expect(c.stayUtility).toBeCloseTo(p.ascStay - (c.forced ? p.betaViolence : 0), 12);
      for (let k = 1; k < c.options.length; k++)
        expect(c.options[k - 1].utility).toBeGreaterThanOrEqual(c.options[k].utility);
      const chosen = c.options.reduce((s, o) => s + o.chosen, 0);
      expect(chosen).toBeCloseTo(c.movers, 6);
      for (const o of c.options) {
        if (!o.affordable) expect(o.chosen).toBe(0);
        expect(o.admitted).toBeGreaterThanOrEqual(0);
        expect(o.admitted).toBeLessThanOrEqual(1);
        if (o.affordable && o.cost > 0) expect(o.cost).toBeLessThanOrEqual(c.savings * (1 + p.networkCredit));
      }
    }
    // the poorest band pays for less than the richest
    const affordable = (band: number) =>
      probe
        .result!.classes.filter((c) => c.band === band)
        .reduce((s, c) => s + c.options.filter((o) => o.affordable).length, 0);
    expect(affordable(0)).toBeLessThan(affordable(2));
  });

  it('records nothing for a year the run does not reach', () => {
    const late: DecisionProbe = { origin: war, year: 1999 };
    run(late);
    expect(late.result).toBeUndefined();
  });
});
