/**
 * The ages of corridors settled in one closed episode (the `settlement-cohorts` mechanism; data in
 * data/world/migrant_stock/settlement_cohorts.csv; docs/model.md §3.15). The starting population
 * gives every corridor the same age bands and years of residence (init.ts), but the India-born of
 * Pakistan and the Pakistan-born of India came at the Partition of 1947, and the Italy- and
 * Spain-born of Argentina in the last wave of European immigration, which ended in the 1950s: by
 * 1990 they were decades older than the movers of the 1980s, and their numbers fell by deaths, not
 * by return. This module gives such a corridor's starting agents the ages of the survivors of its
 * arrivals, under the model's own mortality by age band, and their years in the country.
 */
import type { Parameters } from '../parameters.ts';
import type { WorldInput } from '../world-input.ts';

/** The model's age band of an age in years (state.ts, parameters.ts `mortality0`…`mortality3`): under 30, 30–44, 45–64, 65 and over. */
export const bandOfAge = (age: number): number => (age >= 65 ? 3 : age >= 45 ? 2 : age >= 30 ? 1 : 0);

/**
 * Shares of a cohort's survivors in `year` by age band: arrivals spread evenly over the years
 * `firstArrival`…`lastArrival`, aged evenly 0…`cohortArrivalAgeMax` − 1 on arrival, each surviving
 * every year since at the model's mortality of its age band (`mortality0`…`mortality3`).
 */
export function cohortAgeShares(
  firstArrival: number,
  lastArrival: number,
  year: number,
  p: Parameters,
): number[] {
  const mortality = [p.mortality0, p.mortality1, p.mortality2, p.mortality3];
  const shares = [0, 0, 0, 0];
  let total = 0;
  for (let arrival = firstArrival; arrival <= Math.min(lastArrival, year); arrival++) {
    for (let age = 0; age < p.cohortArrivalAgeMax; age++) {
      let survival = 1;
      for (let a = age; a < age + (year - arrival); a++) survival *= 1 - mortality[bandOfAge(a)];
      shares[bandOfAge(age + year - arrival)] += survival;
      total += survival;
    }
  }
  return total > 0 ? shares.map((s) => s / total) : [0.25, 0.25, 0.25, 0.25];
}

/** What the starting population gives the agents of a settled corridor. */
export interface CohortStart {
  /** Cumulative shares of the age bands. */
  ageCdf: number[];
  firstArrival: number;
  lastArrival: number;
  naturalised: boolean;
}

/**
 * The settled corridors of a run starting in `year`, by cell `destination × (n + 2) + origin` of
 * the starting stock: those whose arrivals ended before it (empty without the mechanism).
 */
export function cohortStarts(
  world: WorldInput,
  year: number,
  p: Parameters,
  on: boolean,
): Map<number, CohortStart> {
  const out = new Map<number, CohortStart>();
  if (!on) return out;
  const m = world.iso3.length + 2;
  for (const c of world.settlementCohorts) {
    if (c.lastArrival >= year) continue;
    const shares = cohortAgeShares(c.firstArrival, c.lastArrival, year, p);
    let sum = 0;
    const ageCdf = shares.map((s) => (sum += s));
    ageCdf[3] = 1;
    out.set(c.destination * m + c.origin, {
      ageCdf,
      firstArrival: c.firstArrival,
      lastArrival: c.lastArrival,
      naturalised: c.naturalised,
    });
  }
  return out;
}

/**
 * The corridors whose settlement episode had closed before `year`, as a mask `[destination × n +
 * origin]` (all 0 without the mechanism): their residents sponsor no kin on the family channel
 * (engine.ts). A closed episode is one the states ended, and its routes stayed shut to settlement:
 * India and Pakistan have issued each other's nationals visitor visas only since the passport and
 * visa scheme of October 1952 (data/world/migrant_stock/settlement_cohorts.csv), and UN DESA's
 * India-born of Pakistan fall from 2.82 M to 2.00 M over 1990–2005 as the survivors of 1947–51 die,
 * with no arrivals behind them; the Italy- and Spain-born of Argentina fall alike (0.34 → 0.19 M,
 * 0.23 → 0.12 M). Without this the 2.8 M of the Partition sponsored 0.56 M new arrivals from India
 * on Pakistan's family channel by 2005 (seed 1, scale 1,000).
 */
export function closedEpisodeRoutes(world: WorldInput, year: number, on: boolean): Uint8Array {
  const n = world.iso3.length;
  const closed = new Uint8Array(n * n);
  if (!on) return closed;
  for (const c of world.settlementCohorts)
    if (c.lastArrival < year && c.origin < n) closed[c.destination * n + c.origin] = 1;
  return closed;
}
