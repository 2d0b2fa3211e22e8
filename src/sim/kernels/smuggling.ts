/**
 * The smuggling market (docs/model.md §3.5; Overbeek 2002, §1: irregular migration increasingly through
 * organised crime; the prohibition experiment of docs/experiments.md).
 *
 * Effective enforcement on a route o → j:
 *   E = border enforcement[j] + transit enforcement (externalisation, regional-processes.ts)
 *       + 0.2 × carrier sanctions[j] on routes that are not overland
 * Then
 *   price         = smugglingPriceBase × exp(smugglingPriceEnforcement × E) × (km / 2000)^smugglingPriceDistance
 *                   × wage factor (with the `smuggling-price-by-wage` mechanism, `wagePriceFactor`)
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
  /** The price's factor for the wage the crossing opens (`wagePriceFactor`); 1 without it. */
  wageFactor = 1,
): Route {
  const km = Math.max(distanceKm, 200);
  return {
    price:
      p.smugglingPriceBase *
      Math.exp(p.smugglingPriceEnforcement * enforcement) *
      Math.pow(km / 2000, p.smugglingPriceDistance) *
      wageFactor,
    interception: Math.min(0.9, p.interceptionMax * enforcement),
    death: (overland ? p.deathRateLand : p.deathRateSea) * (1 + p.deathEnforcement * enforcement),
    organisedCrime: 1 / (1 + Math.exp(-(p.organisedCrimeBase + p.organisedCrimeEnforcement * enforcement))),
  };
}

/**
 * How far the smugglers' price of a crossing falls below that of the market `smugglingPriceBase` was
 * observed in (Mexico → United States, early 1990s) because the crossing opens a poorer labour
 * market: (low-skill wage at the destination / `smugglingReferenceWage`)^`smugglingPriceWageElasticity`,
 * at most 1. Smugglers price what the migrant's earnings at the destination can repay (smuggling
 * financed by debt repaid from wages there: Friebel & Guriev 2006, JEEA 4:6), so crossings into a
 * low-wage neighbour cost hundreds of dollars, not the US border's thousands (Myanmar → Thailand:
 * 13,000–20,000 baht, ≈ US$ 400–600, in 2021, Bangkok Post, 10 April 2021; 20,000 baht, US$ 590, in
 * 2024, Radio Free Asia, September 2024; no fee for the 1990s–2000s was found, and Huguet & Punpuing
 * 2005, once cited for one, was not found to give it). At 0.5 the model's price for that route,
 * ≈ US$ 190 in 2000, lies below those later fees. Routes into labour markets paying at least the
 * reference keep the full price.
 */
export function wagePriceFactor(p: Parameters, wageLowAtDestination: number): number {
  const ratio = Math.max(wageLowAtDestination, 0) / p.smugglingReferenceWage;
  return ratio >= 1 ? 1 : Math.pow(ratio, p.smugglingPriceWageElasticity);
}

/** Whether a route is overland (see above). */
export function isOverland(landBorder: number, sameRegion: boolean, distanceKm: number): boolean {
  return landBorder === 1 || (sameRegion && distanceKm < 2500);
}
