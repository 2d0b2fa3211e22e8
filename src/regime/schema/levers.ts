/**
 * Root-cause levers: scenario interventions on the world rather than on a document (docs/model.md
 * §9.4). The seed's first condition for a migration convention is that the causes of involuntary
 * migration — unequal exchange, agricultural dumping, the arms trade — are addressed, and its
 * second a global social protection against commodification (Overbeek 2002, §4); its regional
 * conventions carry development initiatives and preferential trade. Each lever is dated (`year`,
 * optionally `until`), says where it acts (tiers or countries), and is 'neutral' at the value that
 * reproduces history, so that a lever at its historical value changes nothing.
 */
import { z } from 'zod';
import { CountryCode, Source } from './common.ts';
import { Tier } from './vocabulary.ts';

/** Where a lever acts: countries of these tiers (as derived from the world data each year) and/or these countries. */
export const LeverPlace = z
  .strictObject({
    tiers: z.array(Tier).min(1).optional(),
    countries: z.array(CountryCode).min(1).optional(),
  })
  .refine((p) => p.tiers !== undefined || p.countries !== undefined, 'expected tiers, countries or both');
export type LeverPlace = z.infer<typeof LeverPlace>;

const share = (what: string) =>
  z.number().min(0, `expected ${what} between 0 and 1`).max(1, `expected ${what} between 0 and 1`);

const dated = {
  /** First year in force (from 1 January). */
  year: z.number().int().min(1950).max(2100),
  /** Last year in force (inclusive); in force to the end of the run when absent. */
  until: z.number().int().min(1950).max(2100).optional(),
  source: Source,
  note: z.string().min(1).optional(),
};

const untilAfterYear = (l: { year: number; until?: number }) => l.until === undefined || l.until >= l.year;
const UNTIL = { message: 'expected until ≥ year', path: ['until'] };

/** A lever's schema: its name, its own fields, and the years it is in force (`until` ≥ `year`). */
function lever<L extends string, F extends z.ZodRawShape>(name: L, fields: F) {
  // (the dates are `dated`'s, whatever `fields` are: TypeScript cannot see that through the generic)
  const inForce = (l: unknown) => untilAfterYear(l as { year: number; until?: number });
  return z.strictObject({ lever: z.literal(name), ...fields, ...dated }).refine(inForce, UNTIL);
}

/** Suppliers withhold a share of their arms deliveries (1 = an embargo). */
export const ArmsExportRestraint = lever('arms_export_restraint', {
  suppliers: LeverPlace,
  /** Recipients the restraint applies to; every recipient when absent. */
  recipients: LeverPlace.optional(),
  /** Share of the suppliers' deliveries withheld (0 = history, 1 = embargo). */
  reduction: share('a reduction'),
});

/** Agricultural support in (core) states relative to its historical level. */
export const AgriculturalSupport = lever('agricultural_support', {
  countries: LeverPlace,
  /** Support as a multiple of its historical level (1 = history, 0 = none). */
  multiplier: z.number().min(0, 'expected a multiplier ≥ 0').max(5, 'expected a multiplier ≤ 5'),
});

/** The terms of trade of countries relative to their historical path. */
export const TermsOfTrade = lever('terms_of_trade', {
  countries: LeverPlace,
  /** Export over import prices as a multiple of history (1 = history). */
  multiplier: z.number().gt(0, 'expected a multiplier > 0').max(3, 'expected a multiplier ≤ 3'),
});

/** A regional development fund: donors pay a share of their GDP to recipients (Overbeek 2002, §4: regional initiatives). */
export const RegionalDevelopmentFund = lever('regional_development_fund', {
  donors: LeverPlace,
  recipients: LeverPlace,
  /** Paid each year, as a share of the donors' GDP (0 = history). */
  share_of_donor_gdp: z.number().min(0, 'expected a share ≥ 0').max(0.05, 'expected at most 5% of GDP'),
});

/** Preferential access to markets, acting through the beneficiaries' export prices. */
export const PreferentialTrade = lever('preferential_trade', {
  beneficiaries: LeverPlace,
  /** The markets that open (their share of world imports scales the gain). */
  markets: LeverPlace,
  /** Rise of the beneficiaries' export prices on those markets (0 = history). */
  export_price_gain: z.number().min(0, 'expected a gain ≥ 0').max(0.5, 'expected a gain ≤ 0.5'),
});

/** A social protection floor: coverage, benefit level and who pays (ILO Recommendation 202, 2012). */
export const SocialProtectionFloor = lever('social_protection_floor', {
  countries: LeverPlace,
  /** Share of the population covered at least (coverage above it is kept). */
  coverage: share('a coverage'),
  /** Benefit as a share of the low-skill wage of the country. */
  benefit: share('a benefit level'),
  financing: z.strictObject({
    /** Share of the cost the country pays itself; the rest comes from the donors. */
    national_share: share('a national share'),
    /** Who pays the rest, in proportion to GDP; required when the national share is below 1. */
    donors: LeverPlace.optional(),
  }),
  /**
   * Whether the floor also reaches migrants in an irregular situation. ILO Recommendation 202 (2012),
   * §6, asks for the guarantees for "at least all residents and children, as defined in national
   * laws and regulations", which in practice leaves them out; `true` is a floor for everyone
   * present. Default false.
   */
  reaches_irregular: z.boolean().optional(),
});

/** Any root-cause lever. */
export const LeverIntervention = z.discriminatedUnion('lever', [
  ArmsExportRestraint,
  AgriculturalSupport,
  TermsOfTrade,
  RegionalDevelopmentFund,
  PreferentialTrade,
  SocialProtectionFloor.refine((l) => l.financing.national_share === 1 || l.financing.donors !== undefined, {
    message: 'expected financing.donors: who pays the part the countries do not',
    path: ['financing', 'donors'],
  }),
]);
export type LeverIntervention = z.infer<typeof LeverIntervention>;

/** The lever names. */
export const LEVERS = LeverIntervention.options.map((o) => o.shape.lever.value);

/** Whether an intervention is a root-cause lever (else it changes a document's fields). */
export function isLever<T extends object>(iv: T): iv is Extract<T, { lever: string }> {
  return 'lever' in iv;
}
