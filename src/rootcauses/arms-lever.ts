/**
 * The arms-export-restraint lever on the world's data: the arms imports a recipient would have had
 * if the restraining suppliers had withheld a share of their deliveries, and the multiplier that
 * the estimated relation (docs/model.md §9.1) puts on its deaths of each type. The engine reads the
 * multiplier where it reads deaths (the world model's conflict-driven displacement).
 *
 * The shipped SIPRI files have imports by recipient and exports by supplier, not who sold to whom,
 * so a supplier group's restraint is spread over every recipient it applies to in proportion to the
 * group's share of world deliveries that year (an assumption: a recipient supplied mostly by the
 * group loses more in truth, one supplied by others less).
 */
import type { LeverIntervention, LeverPlace, Tier } from '../regime/index.ts';
import type { DeathType } from './arms-conflict.ts';
import type { CountryYearSeries } from './panel.ts';
import { valueAt } from './panel.ts';

/** An arms restraint as the schema writes it. */
export type ArmsRestraint = Extract<LeverIntervention, { lever: 'arms_export_restraint' }>;

/**
 * Elasticity of deaths of each type to ln(1 + arms imports of the three years before), and its 90%
 * interval: `regimes root-causes`, 2026-12-07 (docs/model.md §9.1). Associations, not causal
 * effects; the intervals are the sensitivity ranges.
 */
export const ARMS_DEATH_ELASTICITY: Record<DeathType, { value: number; interval90: [number, number] }> = {
  stateBased: { value: 0.36, interval90: [0.198, 0.523] },
  nonState: { value: -0.142, interval90: [-0.265, -0.02] },
  oneSided: { value: 0.379, interval90: [-0.06, 0.818] },
  all: { value: 0.241, interval90: [0.041, 0.441] },
};

/** The lags averaged in the estimated relation. */
export const ARMS_LAGS = 3;

/** Whether a country is in a lever's place in a year, given the tier the world data give it then. */
export function inPlace(place: LeverPlace, iso3: string, tier: Tier | undefined): boolean {
  return (
    (place.countries?.includes(iso3) ?? false) ||
    (tier !== undefined && (place.tiers?.includes(tier) ?? false))
  );
}

/** Whether a lever is in force in a year. */
export function inForce(lever: { year: number; until?: number }, year: number): boolean {
  return year >= lever.year && (lever.until === undefined || year <= lever.until);
}

/** The share of the world's recorded arms deliveries of a year made by the suppliers in a place. */
export function supplierShare(
  exports: CountryYearSeries,
  suppliers: LeverPlace,
  year: number,
  tierOf: (iso3: string, year: number) => Tier | undefined,
): number {
  let world = 0;
  let group = 0;
  for (const [iso3, byYear] of exports) {
    const v = byYear.get(year) ?? 0;
    world += v;
    if (inPlace(suppliers, iso3, tierOf(iso3, year))) group += v;
  }
  return world > 0 ? group / world : 0;
}

/** The data and the tiers the lever needs. */
export interface ArmsLeverContext {
  imports: CountryYearSeries;
  exports: CountryYearSeries;
  tierOf: (iso3: string, year: number) => Tier | undefined;
}

/** A recipient's arms imports in a year under the restraints (its recorded imports where none is in force). */
export function restrainedImports(
  ctx: ArmsLeverContext,
  restraints: readonly ArmsRestraint[],
  iso3: string,
  year: number,
): number {
  let imports = valueAt(ctx.imports, iso3, year, 0);
  for (const r of restraints) {
    if (!inForce(r, year) || r.reduction === 0) continue;
    if (r.recipients && !inPlace(r.recipients, iso3, ctx.tierOf(iso3, year))) continue;
    imports *= 1 - r.reduction * supplierShare(ctx.exports, r.suppliers, year, ctx.tierOf);
  }
  return imports;
}

/**
 * (1 + Ā′) / (1 + Ā): Ā the mean recorded arms imports of the three years before, Ā′ the same
 * under the restraints. Exactly 1 where no restraint changed those years' imports.
 */
export function armsImportsRatio(
  ctx: ArmsLeverContext,
  restraints: readonly ArmsRestraint[],
  iso3: string,
  year: number,
): number {
  let recorded = 0;
  let restrained = 0;
  for (let l = 1; l <= ARMS_LAGS; l++) {
    recorded += valueAt(ctx.imports, iso3, year - l, 0);
    restrained += restrainedImports(ctx, restraints, iso3, year - l);
  }
  if (restrained === recorded) return 1;
  return (1 + restrained / ARMS_LAGS) / (1 + recorded / ARMS_LAGS);
}

/**
 * The multiplier on a country's deaths of one type in a year: ((1 + Ā′) / (1 + Ā))^β
 * (`armsImportsRatio`), β the estimated elasticity (or a sensitivity value). Exactly 1 where no
 * restraint changed the imports of the three years before.
 */
export function armsDeathMultiplier(
  ctx: ArmsLeverContext,
  restraints: readonly ArmsRestraint[],
  iso3: string,
  year: number,
  elasticity: number,
): number {
  const ratio = armsImportsRatio(ctx, restraints, iso3, year);
  return ratio === 1 ? 1 : ratio ** elasticity;
}
