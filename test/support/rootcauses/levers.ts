/**
 * For tests: root-cause levers in force from 1990, each from a strong default setting (`over`
 * replaces any of it), sourced as a test.
 */
import type { LeverIntervention } from '../../../src/regime/index.ts';

type LeverName = LeverIntervention['lever'];
type Lever<L extends LeverName> = Extract<LeverIntervention, { lever: L }>;
type Setting<L extends LeverName> = Omit<Lever<L>, 'lever' | 'year' | 'source'>;

const DEFAULT_SETTING: { [L in LeverName]: Setting<L> } = {
  arms_export_restraint: { suppliers: { tiers: ['core'] }, reduction: 1 },
  agricultural_support: { countries: { tiers: ['core'] }, multiplier: 0 },
  terms_of_trade: { countries: { tiers: ['periphery'] }, multiplier: 1.5 },
  regional_development_fund: {
    donors: { tiers: ['core'] },
    recipients: { tiers: ['periphery'] },
    share_of_donor_gdp: 0.01,
  },
  preferential_trade: {
    beneficiaries: { tiers: ['periphery'] },
    markets: { tiers: ['core'] },
    export_price_gain: 0.2,
  },
  social_protection_floor: {
    countries: { tiers: ['periphery'] },
    coverage: 0.8,
    benefit: 0.5,
    financing: { national_share: 1 },
  },
};

export function testLever<L extends LeverName>(lever: L, over: Partial<Lever<L>> = {}): Lever<L> {
  const setting = DEFAULT_SETTING[lever] as Setting<L>;
  return { lever, year: 1990, ...setting, source: { note: 'test' }, ...over } as Lever<L>;
}
