/**
 * The smuggling market (docs/model.md §3.5; Overbeek 2002, §1: irregular migration increasingly through
 * organised crime; the prohibition experiment of docs/experiments.md).
 *
 * Effective enforcement on a route o → j:
 *   E = border enforcement[j] + transit enforcement (externalisation, regional-processes.ts)
 *       + 0.2 × carrier sanctions[j] on routes that are not overland
 * Then
 *   price         = smugglingPriceBase × exp(smugglingPriceEnforcement × E) × (km / 2000)^smugglingPriceDistance
 *   interception  = min(0.9, interceptionMax × E)                 (per attempt)
 *   death rate    = (deathRateLand or deathRateSea) × (1 + deathEnforcement × E)
 *   organised-crime share = logistic(organisedCrimeBase + organisedCrimeEnforcement × E)
 * A route is overland when the countries share a land border, or lie in the same region less than
 * 2,500 km apart.
 */
import type { Parameters } from '../parameters.ts';

export interface Route {
  price: number;
  interception: number;
  death: number;
  organisedCrime: number;
}

export function effectiveEnforcement(
  border: number,
  transit: number,
  carrierSanctions: number,
  overland: boolean,
): number {
  return border + transit + (overland ? 0 : 0.2 * carrierSanctions);
}

export function smugglingRoute(
  p: Parameters,
  enforcement: number,
  distanceKm: number,
  overland: boolean,
): Route {
  const km = Math.max(distanceKm, 200);
  return {
    price:
      p.smugglingPriceBase *
      Math.exp(p.smugglingPriceEnforcement * enforcement) *
      Math.pow(km / 2000, p.smugglingPriceDistance),
    interception: Math.min(0.9, p.interceptionMax * enforcement),
    death: (overland ? p.deathRateLand : p.deathRateSea) * (1 + p.deathEnforcement * enforcement),
    organisedCrime: 1 / (1 + Math.exp(-(p.organisedCrimeBase + p.organisedCrimeEnforcement * enforcement))),
  };
}

/** Whether a route is overland (see above). */
export function isOverland(landBorder: number, sameRegion: boolean, distanceKm: number): boolean {
  return landBorder === 1 || (sameRegion && distanceKm < 2500);
}
