/**
 * Return when the conflict ends (UNHCR 2000, The State of the World's Refugees, ch. 5–10: the
 * great repatriations of the 1990s — Mozambique 1993–96, Rwanda 1996, Kosovo 1999, Afghanistan
 * 2002 — followed the fall of the violence that drove the flight). The yearly repatriation of
 * refugees (recognised, complementary and temporary protection, non-returnable) of origin o:
 *
 *   calm[o]  = 1 − min(1, violence[o, t] / worst violence[o] over the last repatriationMemoryYears)
 *              (1 where there was none in that time; violence = deaths in organised violence per inhabitant)
 *   rate[o]  = repatriationInConflict + (repatriationRate − repatriationInConflict) × calm[o]
 *
 * and each refugee's by its years in exile: rate[o] × exp(−years / repatriationExileYears)
 * (protracted situations: the longer the exile, the rarer the return). Without the `repatriation`
 * mechanism: repatriationRate once UCDP counts no conflict at home, repatriationInConflict before,
 * whatever the years in exile (the engine before 2026-12-07).
 *
 * The refugees of a group expelled from its origin (data/world/co_ethnic rows with `moves: expelled`:
 * the Armenians of Azerbaijan, the Azerbaijanis of Armenia) living in
 * its kin state repatriate at no more than repatriationInConflict, whatever the calm at home (with the
 * `expulsion` mechanism): a ceasefire ends a war but does not undo an expulsion. The border between
 * Armenia and Azerbaijan stayed closed after the ceasefire of 1994 and almost none went back (UNHCR
 * 2000, The State of the World's Refugees, ch. 8; de Waal 2003, Black Garden).
 */
import type { Parameters } from '../parameters.ts';
import type { GovernmentFallEntry, WorldInput } from '../world-input.ts';
import { at, expelledIn } from '../world-input.ts';
import { DURATION_STEPS } from './return.ts';
import { violenceDeaths } from './move/origin-pool.ts';

/** Deaths in organised violence per inhabitant of country c in a year (0 without population). */
export function violenceRate(world: WorldInput, year: number, c: number, interstateWeight: number): number {
  const po = at(world, year, c);
  const pop = world.population[po];
  return pop > 0 ? violenceDeaths(world, po, true, interstateWeight) / pop : 0;
}

/** The repatriation rate of each origin line this year (n + 2 lines; 0 for territory and unknown origins). */
export function repatriationRates(
  world: WorldInput,
  year: number,
  p: Parameters,
  on: boolean,
  atPeace: Uint8Array,
  interstateWeight = 1,
): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n + 2);
  for (let o = 0; o < n; o++) {
    if (!on) {
      out[o] = atPeace[o] ? p.repatriationRate : p.repatriationInConflict;
      continue;
    }
    const now = violenceRate(world, year, o, interstateWeight);
    let worst = 0;
    for (let k = 1; k <= p.repatriationMemoryYears; k++)
      worst = Math.max(worst, violenceRate(world, year - k, o, interstateWeight));
    const calm = worst > 0 ? 1 - Math.min(1, now / worst) : now > 0 ? 0 : 1;
    out[o] = p.repatriationInConflict + (p.repatriationRate - p.repatriationInConflict) * calm;
  }
  return out;
}

/**
 * The repatriation rate by country of residence and origin, `[d × (n + 2) + o]`: the origin's
 * `rates[o]`, at least `hostWarReturnShare` where `hostWar(d, o)` says the war reached the retreat of
 * a fallen government of o (retreat-return.ts), and at most
 * repatriationInConflict in the kin state of a group expelled from o (with `expulsion` on).
 */
export function repatriationByPair(
  world: WorldInput,
  rates: Float64Array,
  p: Parameters,
  expulsion: boolean,
  hostWar?: (d: number, o: number) => boolean,
): Float64Array {
  const n = world.iso3.length;
  const lines = n + 2;
  const out = new Float64Array(lines * lines);
  for (let d = 0; d < lines; d++) out.set(rates, d * lines);
  if (hostWar)
    for (let d = 0; d < n; d++)
      for (let o = 0; o < n; o++)
        if (hostWar(d, o)) out[d * lines + o] = Math.max(out[d * lines + o], p.hostWarReturnShare);
  for (const e of world.coEthnic)
    if (expelledIn(e, expulsion)) {
      const k = e.homeland * lines + e.origin;
      out[k] = Math.min(out[k], p.repatriationInConflict);
    }
  return out;
}

/** The factor of repatriation by years in exile (0…255): exp(−years / repatriationExileYears), or 1 without the mechanism. */
export function exileWeights(p: Parameters, on: boolean): Float64Array {
  return Float64Array.from({ length: DURATION_STEPS }, (_, y) =>
    on ? Math.exp(-y / p.repatriationExileYears) : 1,
  );
}

/**
 * The first year of the return after a government's fall: the year of the fall if it came in the
 * first half of it, the next otherwise (the returns of 1992 to Afghanistan began within weeks of the
 * fall of Kabul in April; those after the fall of November 2001 in March 2002; UNHCR 2000, ch. 5).
 */
export function firstReturnYear(fall: GovernmentFallEntry): number {
  return fall.month <= 6 ? fall.year : fall.year + 1;
}

/**
 * The fewest years in the country (as the agent pass reads them in `year`) of a refugee who arrived
 * before the year of a fall in `fallYear`: an agent that arrived in year A reads year − A + 1 (state.ts),
 * and those who arrived in the year of the fall itself are not known to have fled the fallen government.
 */
export function yearsBeforeFall(year: number, fallYear: number): number {
  return year - fallYear + 2;
}

/**
 * The factor of repatriation by origin line and years in the country, `[o × 256 + years]`: the
 * exile factor (`exileWeights`) of every origin, and in the `fallReturnYears` years after the fall
 * of a government of o (`fall-return`) at least `fallReturnShare` / rates[o] for those who arrived
 * before the fall's year, so that they repatriate at `fallReturnShare` a year at least, however long
 * their exile (`rates`: `repatriationRates`). The refugees of the fallen government's years went home
 * when it fell, after ten or twenty years in exile (Afghanistan 1992 and 2002, Ethiopia 1991; UNHCR
 * 2000, The State of the World's Refugees, ch. 5), which the protracted-exile factor alone forbids; those
 * who fled the new government (the Rwandans of 1994) did not.
 */
export function exileWeightsByOrigin(
  world: WorldInput,
  year: number,
  p: Parameters,
  rates: Float64Array,
  on: { repatriation: boolean; fallReturn: boolean },
): Float64Array {
  const lines = world.iso3.length + 2;
  const base = exileWeights(p, on.repatriation);
  const out = new Float64Array(lines * DURATION_STEPS);
  for (let o = 0; o < lines; o++) out.set(base, o * DURATION_STEPS);
  if (!on.fallReturn) return out;
  for (const fall of world.governmentFalls) {
    const first = firstReturnYear(fall);
    if (year < first || year >= first + p.fallReturnYears || !(rates[fall.origin] > 0)) continue;
    const floor = p.fallReturnShare / rates[fall.origin];
    const row = fall.origin * DURATION_STEPS;
    for (let y = Math.max(0, yearsBeforeFall(year, fall.year)); y < DURATION_STEPS; y++)
      out[row + y] = Math.max(out[row + y], floor);
  }
  return out;
}
