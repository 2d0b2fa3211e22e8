/**
 * The root-cause levers as the dashboard sets them (docs/model.md §9.4; docs/documents.md,
 * "Root-cause levers"): one row per lever with a size and a first year, its places fixed to the
 * ones the experiments use, turned into the interventions a run or a comparison sends (`levers` of
 * `POST /api/runs`, docs/api.md). The server checks them against the schema.
 */
import type { LeverIntervention } from './api/types.ts';

/** A lever's name. */
export type LeverName = LeverIntervention['lever'];

/** What a row of the form holds. */
export interface LeverSetting {
  on: boolean;
  /** First year in force. */
  year: number;
  /** The lever's size (its field named by `LEVER_CONTROLS[i].field`). */
  value: number;
  /** Only the floor: whether it also reaches migrants in an irregular situation. */
  reachesIrregular?: boolean;
}

export type LeverForm = Record<LeverName, LeverSetting>;

/** The six levers: what each does here, the field its size sets, its range and neutral value. */
export const LEVER_CONTROLS: readonly {
  lever: LeverName;
  label: string;
  field: string;
  min: number;
  max: number;
  step: number;
  /** The value that reproduces history. */
  neutral: number;
  /** The form's starting size (the experiments'). */
  start: number;
  where: string;
}[] = [
  {
    lever: 'arms_export_restraint',
    label: 'arms export restraint',
    field: 'reduction',
    min: 0,
    max: 1,
    step: 0.05,
    neutral: 0,
    start: 0.5,
    where: 'share of deliveries withheld by the six largest exporters (USA, RUS, FRA, GBR, CHN, DEU)',
  },
  {
    lever: 'agricultural_support',
    label: 'agricultural support in the core',
    field: 'multiplier',
    min: 0,
    max: 5,
    step: 0.1,
    neutral: 1,
    start: 0.5,
    where: 'core states’ support as a multiple of history',
  },
  {
    lever: 'terms_of_trade',
    label: 'terms of trade of the periphery',
    field: 'multiplier',
    min: 0.1,
    max: 3,
    step: 0.05,
    neutral: 1,
    start: 1.1,
    where: 'export over import prices of the periphery as a multiple of history',
  },
  {
    lever: 'preferential_trade',
    label: 'preferential trade',
    field: 'export_price_gain',
    min: 0,
    max: 0.5,
    step: 0.01,
    neutral: 0,
    start: 0.1,
    where: 'rise of the periphery’s export prices on the core’s markets',
  },
  {
    lever: 'regional_development_fund',
    label: 'regional development fund',
    field: 'share_of_donor_gdp',
    min: 0,
    max: 0.05,
    step: 0.001,
    neutral: 0,
    start: 0.002,
    where: 'share of the core’s GDP paid each year to the periphery and semi-periphery',
  },
  {
    lever: 'social_protection_floor',
    label: 'social protection floor',
    field: 'benefit',
    min: 0,
    max: 1,
    step: 0.05,
    neutral: 0,
    start: 0.3,
    where:
      'benefit as a share of the low-skill wage, for everyone in every country (coverage 1; half paid by the core)',
  },
];

/** The form at its start: every lever off, from 1995, at the experiments' sizes. */
export function initialLeverForm(year = 1995): LeverForm {
  return Object.fromEntries(
    LEVER_CONTROLS.map((c) => [
      c.lever,
      {
        on: false,
        year,
        value: c.start,
        ...(c.lever === 'social_protection_floor' ? { reachesIrregular: false } : {}),
      },
    ]),
  ) as LeverForm;
}

const SOURCE = { note: 'set in the dashboard' };

/** One lever as the schema writes it. */
export function leverOf(lever: LeverName, s: LeverSetting): LeverIntervention {
  const dated = { year: s.year, source: SOURCE };
  switch (lever) {
    case 'arms_export_restraint':
      return {
        lever,
        suppliers: { countries: ['USA', 'RUS', 'FRA', 'GBR', 'CHN', 'DEU'] },
        reduction: s.value,
        ...dated,
      };
    case 'agricultural_support':
      return { lever, countries: { tiers: ['core'] }, multiplier: s.value, ...dated };
    case 'terms_of_trade':
      return { lever, countries: { tiers: ['periphery'] }, multiplier: s.value, ...dated };
    case 'preferential_trade':
      return {
        lever,
        beneficiaries: { tiers: ['periphery'] },
        markets: { tiers: ['core'] },
        export_price_gain: s.value,
        ...dated,
      };
    case 'regional_development_fund':
      return {
        lever,
        donors: { tiers: ['core'] },
        recipients: { tiers: ['periphery', 'semi_periphery'] },
        share_of_donor_gdp: s.value,
        ...dated,
      };
    case 'social_protection_floor':
      return {
        lever,
        countries: { tiers: ['core', 'semi_periphery', 'periphery'] },
        coverage: 1,
        benefit: s.value,
        financing: { national_share: 0.5, donors: { tiers: ['core'] } },
        ...(s.reachesIrregular ? { reaches_irregular: true } : {}),
        ...dated,
      };
  }
}

/** The levers switched on, in the order of `LEVER_CONTROLS` (none: an empty list). */
export function leversOf(form: LeverForm): LeverIntervention[] {
  return LEVER_CONTROLS.filter((c) => form[c.lever].on).map((c) => leverOf(c.lever, form[c.lever]));
}
