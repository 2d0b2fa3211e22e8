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
import type { WorldInput } from '../world-input.ts';
import { at, expelledIn } from '../world-input.ts';
import { DURATION_STEPS } from './return.ts';
import { violenceDeaths } from './move/origin-pool.ts';

/** Deaths in organised violence per inhabitant of country c in a year (0 without population). */
function violenceRate(world: WorldInput, year: number, c: number): number {
  const po = at(world, year, c);
  const pop = world.population[po];
  return pop > 0 ? violenceDeaths(world, po, true) / pop : 0;
}

/** The repatriation rate of each origin line this year (n + 2 lines; 0 for territory and unknown origins). */
export function repatriationRates(
  world: WorldInput,
  year: number,
  p: Parameters,
  on: boolean,
  atPeace: Uint8Array,
): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n + 2);
  for (let o = 0; o < n; o++) {
    if (!on) {
      out[o] = atPeace[o] ? p.repatriationRate : p.repatriationInConflict;
      continue;
    }
    const now = violenceRate(world, year, o);
    let worst = 0;
    for (let k = 1; k <= p.repatriationMemoryYears; k++)
      worst = Math.max(worst, violenceRate(world, year - k, o));
    const calm = worst > 0 ? 1 - Math.min(1, now / worst) : now > 0 ? 0 : 1;
    out[o] = p.repatriationInConflict + (p.repatriationRate - p.repatriationInConflict) * calm;
  }
  return out;
}

/**
 * The repatriation rate by country of residence and origin, `[d × (n + 2) + o]`: the origin's
 * `rates[o]`, and at most repatriationInConflict in the kin state of a group expelled from o (with
 * `expulsion` on).
 */
export function repatriationByPair(
  world: WorldInput,
  rates: Float64Array,
  p: Parameters,
  expulsion: boolean,
): Float64Array {
  const lines = world.iso3.length + 2;
  const out = new Float64Array(lines * lines);
  for (let d = 0; d < lines; d++) out.set(rates, d * lines);
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
