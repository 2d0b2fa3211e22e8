import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../regime/schema/vocabulary.ts';
import { parameters } from '../parameters.ts';
import { CH } from '../policy-tables.ts';
import { standinTablesForYear } from '../standin-tables.ts';
import type { WorldInput } from '../world-input.ts';
import { tinyWorld } from '../../../test/support/sim/tiny-world.ts';
import { rowValue, runTiny } from '../../../test/support/sim/tiny-run.ts';
import type { TinyRows } from '../../../test/support/sim/tiny-run.ts';
import { OFFER_CHANNELS, boundByJobOffers, jobOfferPlaces } from './job-offers.ts';

const C = CHANNELS.length;

/** The tiny world with AAA's working-age population set to `people` in every year. */
function withWorkingAge(people: number): WorldInput {
  const w = tinyWorld();
  const n = w.iso3.length;
  const wap = Float64Array.from(w.workingAgePopulation);
  for (let k = 0; k < wap.length; k += n) wap[k] = people;
  return { ...w, workingAgePopulation: wap };
}

describe('job offers', () => {
  it('offers jobEntryShare × the working-age population a year, and no bound where the data have none', () => {
    const w = withWorkingAge(50_000);
    const n = w.iso3.length;
    for (let k = 1; k < w.workingAgePopulation.length; k += n) w.workingAgePopulation[k] = NaN;
    const places = jobOfferPlaces(w, 1995, 0.2);
    expect(places[0]).toBeCloseTo(10_000, 6);
    expect(places[1]).toBe(Infinity);
  });

  it('scales the channels that need a job together, after their quotas, and leaves the others', () => {
    const demand = new Float64Array(2 * C);
    const admission = new Float64Array(2 * C).fill(1);
    demand[CH.labour] = 800;
    demand[CH.temporary_labour] = 400;
    admission[CH.temporary_labour] = 0.5; // a quota already admits half of it
    demand[CH.irregular] = 800;
    demand[CH.family] = 5_000;
    demand[C + CH.labour] = 100; // the second destination's demand is within its places
    boundByJobOffers(demand, admission, Float64Array.of(1_000, 1_000), C);
    // 800 + 200 + 800 = 1,800 admitted against 1,000 places: each job channel gets 1,000 / 1,800
    expect(admission[CH.labour]).toBeCloseTo(1_000 / 1_800, 12);
    expect(admission[CH.temporary_labour]).toBeCloseTo(0.5 * (1_000 / 1_800), 12);
    expect(admission[CH.irregular]).toBeCloseTo(1_000 / 1_800, 12);
    let admitted = 0;
    for (const c of OFFER_CHANNELS) admitted += demand[c] * admission[c];
    expect(admitted).toBeCloseTo(1_000, 9);
    expect(admission[CH.family]).toBe(1);
    expect(admission[C + CH.labour]).toBe(1);
  });

  it('bounds a small destination’s labour entries in a run, and only with the mechanism on', () => {
    const share = parameters().jobEntryShare;
    const people = 20_000;
    const world = withWorkingAge(people);
    const run = (off: string[] = []) => runTiny(world, standinTablesForYear(world), 1995, off);
    const jobEntries = (rows: TinyRows, year: number) =>
      OFFER_CHANNELS.reduce((sum, c) => sum + rowValue(rows, `inflow_${CHANNELS[c]}`, 'AAA', year), 0);
    const on = run();
    const off = run(['job-offers']);
    let onSum = 0;
    let offSum = 0;
    for (let year = 1991; year <= 1995; year++) {
      onSum += jobEntries(on, year);
      offSum += jobEntries(off, year);
    }
    // the bound holds in expectation; whole agents of 200 persons add rounding noise
    expect(onSum).toBeLessThanOrEqual(5 * share * people * 1.3);
    expect(offSum).toBeGreaterThan(3 * onSum);
  });
});
