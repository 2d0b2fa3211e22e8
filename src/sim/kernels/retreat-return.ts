/**
 * Return from the retreat of a fallen government when the war reaches it (`retreat-return`). Those
 * who fled with a fallen government into a neighbour (kernels/fall-flight.ts) lived in camps that
 * sheltered its army, and the war followed them: when the war in eastern Zaire broke up the camps of
 * Goma and Bukavu in October–November 1996 (UCDP counts 34,000 deaths in Zaire in 1996, 33,000 of
 * them one-sided, 0.8 per 1,000 inhabitants against Rwanda's 0.1), some 600,000 Rwandans crossed
 * back within days (UNHCR 2000, The State of the World's Refugees, ch. 10); UNHCR's Rwandans in
 * Zaire fell from 1.10 M (1995) to 0.42 M (1996) and 0.04 M (1997). After the year of such a fall,
 * where the retreat is in armed conflict (UCDP's 25 deaths) and kills more per inhabitant than the
 * origin, the origin's refugees there repatriate at `hostWarReturnShare` a year at least
 * (kernels/repatriation.ts, `repatriationByPair`). Without the mechanism they repatriate as the calm
 * at home alone gives.
 *
 * The test is confined to the retreats because a national one fails: every host at war and more
 * violent than the origin (Sudan for the Eritreans, whose camps lay far from the southern war) takes
 * world refugees from a MAPE of 8.4% to 16.2% (regimes fit, 3 seeds, scale 1000, 2026-12-08).
 */
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import { CONFLICT_THRESHOLD_DEATHS, violenceDeaths } from './move/origin-pool.ts';
import { violenceRate } from './repatriation.ts';

/** A host whose organised violence is an armed conflict and kills more per inhabitant than the origin's. */
export function hostAtWar(hostInConflict: boolean, hostRate: number, originRate: number): boolean {
  return hostInConflict && hostRate > originRate;
}

/**
 * Whether the refugees of origin o in country d return as from a retreat reached by war in `year`:
 * d is the retreat of a fall of a government of o before `year`, and `hostAtWar` holds there.
 */
export function retreatReturnTest(
  world: WorldInput,
  year: number,
  interstateWeight: number,
): (d: number, o: number) => boolean {
  const pairs = new Set<number>();
  const n = world.iso3.length;
  for (const f of world.governmentFalls) {
    if (f.retreat < 0 || year <= f.year) continue;
    const d = f.retreat;
    const o = f.origin;
    const inConflict =
      violenceDeaths(world, at(world, year, d), true, interstateWeight) >= CONFLICT_THRESHOLD_DEATHS;
    const rate = (c: number) => violenceRate(world, year, c, interstateWeight);
    if (hostAtWar(inConflict, rate(d), rate(o))) pairs.add(d * n + o);
  }
  return (d, o) => pairs.has(d * n + o);
}
