import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../regime/schema/vocabulary.ts';
import { CH } from '../policy-tables.ts';
import { standinTablesForYear } from '../standin-tables.ts';
import { ST, allocateStore, makeTraits, yearsInStatus } from '../state.ts';
import { tinyEngine } from '../../../test/support/sim/tiny-engine.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { parameters } from '../parameters.ts';
import { permitRenewalChance, temporaryPermitEnds } from './transitions.ts';

/** 20,000 temporary workers in AAA (employed with P = `employed`, default 1), in the first year of a permit from the temporary-labour channel. */
function firstYearOfPermits(terms: {
  years?: number;
  renewable?: boolean;
  employed?: number;
  channel?: number;
}) {
  const world = tinyWorld();
  const tables = standinTablesForYear(world);
  const engine = tinyEngine(world, { seed: 5, scale: 1000 });
  const n = world.iso3.length;
  const ctx = engine.stepContext(
    1991,
    tables(1991),
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n).fill(0.9),
  );
  engine.close();
  const channel = terms.channel ?? CH.temporary_labour;
  const term = 0 * CHANNELS.length + channel;
  ctx.permitYears = Float64Array.from(ctx.permitYears);
  ctx.permitRenewable = Uint8Array.from(ctx.permitRenewable);
  if (terms.years !== undefined) ctx.permitYears[term] = terms.years;
  if (terms.renewable !== undefined) ctx.permitRenewable[term] = terms.renewable ? 1 : 0;
  const agents = 20_000;
  const s = allocateStore(agents);
  s.used = agents;
  // in the pass after the permits began (state.ts: durations count from the clock)
  s.clock = 1;
  s.status.fill(ST.temporary_worker);
  s.channel.fill(channel);
  s.location.fill(0);
  s.origin.fill(2);
  s.traits.fill(makeTraits(0, 0, false));
  const acc = new Float64Array(1 << 16);
  for (let i = 0; i < agents; i++)
    temporaryPermitEnds(s, i, ST.temporary_worker, 0, terms.employed ?? 1, ctx, acc, 0);
  let renewed = 0;
  let stillTemporary = 0;
  let irregular = 0;
  for (let i = 0; i < agents; i++) {
    if (s.status[i] === ST.irregular) irregular++;
    if (s.status[i] !== ST.temporary_worker) continue;
    stillTemporary++;
    if (yearsInStatus(s, i) === 0) renewed++;
  }
  return { agents, renewed, stillTemporary, irregular, renewal: ctx.params.temporaryRenewal };
}

describe("a temporary permit's terms come from its channel's policy", () => {
  it('lasts temporaryYears where the policy gives no duration', () => {
    const r = firstYearOfPermits({});
    expect(r.stillTemporary).toBe(r.agents); // the default two years are not over after one
    expect(r.renewed).toBe(0); // nothing happened: no permit began again
  });

  it("ends after the policy's duration and is renewed at temporaryRenewal for the employed", () => {
    const r = firstYearOfPermits({ years: 0.67 });
    const share = r.renewed / r.agents;
    expect(Math.abs(share - r.renewal)).toBeLessThan(4 * Math.sqrt((r.renewal * (1 - r.renewal)) / r.agents));
  });

  it('is never renewed where the policy says its permits are not renewable', () => {
    const r = firstYearOfPermits({ years: 1, renewable: false });
    expect(r.renewed).toBe(0);
    expect(r.stillTemporary).toBe(0);
  });

  it("renews only the employed: temporaryRenewal × the employment probability of the holder's cell", () => {
    const r = firstYearOfPermits({ years: 0.75, employed: 0.6 });
    const p = r.renewal * 0.6;
    expect(Math.abs(r.renewed / r.agents - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / r.agents));
    // nobody employed (65 and over: outside the labour market): no renewal
    expect(firstYearOfPermits({ years: 0.75, employed: 0 }).renewed).toBe(0);
  });

  it('leaves the regularised whose permits are not renewed irregular where they live, not sent home', () => {
    // permits of a regularisation: held by people who entered irregularly or as asylum seekers
    for (const channel of [CH.irregular, CH.asylum]) {
      const r = firstYearOfPermits({ years: 1, renewable: false, channel });
      expect(r.irregular).toBe(r.agents);
    }
    // a recruited worker's unrenewed permit sends most home (overstayRate × (1 − interior enforcement) stay)
    const recruited = firstYearOfPermits({ years: 1, renewable: false });
    expect(recruited.irregular).toBeLessThan(recruited.agents / 2);
  });
});

describe('the permits of a regularisation renew at the share of the regularised observed renewing', () => {
  it('renews them at regularisedRenewal, whatever the employment draw, and a recruited worker’s at temporaryRenewal × employment', () => {
    const p = parameters();
    expect(permitRenewalChance(p, CH.irregular, false)).toBe(p.regularisedRenewal);
    expect(permitRenewalChance(p, CH.asylum, true)).toBe(p.regularisedRenewal);
    expect(permitRenewalChance(p, CH.temporary_labour, true)).toBe(p.temporaryRenewal);
    expect(permitRenewalChance(p, CH.temporary_labour, false)).toBe(0);
  });

  it('renews about regularisedRenewal of the expiring permits of the regularised, half of them unemployed', () => {
    const r = firstYearOfPermits({ years: 1, channel: CH.irregular, employed: 0.5 });
    const q = parameters().regularisedRenewal;
    expect(Math.abs(r.renewed / r.agents - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / r.agents));
    // those not renewed fall back into irregularity where they live
    expect(r.renewed + r.irregular).toBe(r.agents);
  });
});
