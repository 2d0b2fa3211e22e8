/**
 * Parameters of the root-cause levers' mechanisms (docs/model.md §9), in the machinery of the
 * engine's `PARAMETER_INFO` (src/shared/parameter-info.ts). Experiments set them by name beside the
 * engine's and the institutions layer's parameters (an arm's `parameters`, a sensitivity range).
 * The defaults are the estimates of `regimes root-causes`; their documented ranges are the 90%
 * intervals of those estimates.
 */
import { parameter as p, parameterSet, uncertain, uncertaintyRanges } from '../shared/parameter-info.ts';
import type { ParameterInfo, ParameterRange, ParameterValues } from '../shared/parameter-info.ts';
import { DISTRESS_EMIGRATION_ELASTICITY } from '../sim/kernels/social-protection.ts';
import { ARMS_DEATH_ELASTICITY } from './arms-lever.ts';

/** The elasticity of periphery wages to the terms of trade and its 90% interval (docs/model.md §9.2). */
export const TERMS_OF_TRADE_WAGE_ELASTICITY = {
  value: 0.265,
  interval90: [-0.066, 0.596] as [number, number],
};

/**
 * The growth of GDP per head (Δ ln, a year) per unit of development transfers over GDP of the year
 * before, and its 90% interval (docs/model.md §9.5).
 */
export const DEVELOPMENT_AID_GROWTH_EFFECT = {
  value: 0.154,
  interval90: [0.102, 0.206] as [number, number],
};

/**
 * The rise of world agricultural prices (Δ ln) if the core removed all its agricultural support, a
 * literature range (docs/model.md §9.3): about 5% (Anderson, Martin & van der Mensbrugghe 2006,
 * World Bank LINKAGE model, full removal of agricultural support and protection) to 12% (Diao,
 * Somwaru & Roe 2001, USDA ERS); the value is the middle of the range.
 */
export const AGRICULTURAL_SUPPORT_WORLD_PRICE_EFFECT = {
  value: 0.085,
  range: [0.05, 0.12] as [number, number],
};

/** An elasticity: any sign, bounded where a doubling of arms imports would multiply deaths by 2^±3. */
const ELASTICITY = [-3, 3] as const;
const ESTIMATE = 'regimes root-causes, 2026-12-07 (docs/model.md §9.1): PPML with country and year effects';

export const ROOT_CAUSE_PARAMETER_INFO = {
  armsElasticityStateBased: uncertain(
    p(
      ARMS_DEATH_ELASTICITY.stateBased.value,
      'elasticity of state-based conflict deaths to ln(1 + arms imports of the three years before)',
      'data',
      `${ESTIMATE}; 90% interval [${ARMS_DEATH_ELASTICITY.stateBased.interval90.join(', ')}]`,
      ELASTICITY,
    ),
    armsInterval90('stateBased'),
  ),
  armsElasticityNonState: uncertain(
    p(
      ARMS_DEATH_ELASTICITY.nonState.value,
      'elasticity of non-state conflict deaths to ln(1 + arms imports of the three years before)',
      'data',
      `${ESTIMATE}; 90% interval [${ARMS_DEATH_ELASTICITY.nonState.interval90.join(', ')}]`,
      ELASTICITY,
    ),
    armsInterval90('nonState'),
  ),
  armsElasticityOneSided: uncertain(
    p(
      ARMS_DEATH_ELASTICITY.oneSided.value,
      'elasticity of one-sided violence deaths to ln(1 + arms imports of the three years before)',
      'data',
      `${ESTIMATE}; 90% interval [${ARMS_DEATH_ELASTICITY.oneSided.interval90.join(', ')}]`,
      ELASTICITY,
    ),
    armsInterval90('oneSided'),
  ),
  termsOfTradeWageElasticity: uncertain(
    p(
      TERMS_OF_TRADE_WAGE_ELASTICITY.value,
      'elasticity of wages (labour compensation per worker) to the terms of trade of the year before',
      'data',
      `regimes root-causes, 2026-12-07 (docs/model.md §9.2): least squares with country and year effects, countries outside the high-income group 1991–2019; 90% interval [${TERMS_OF_TRADE_WAGE_ELASTICITY.interval90.join(', ')}]`,
      ELASTICITY,
    ),
    between(
      TERMS_OF_TRADE_WAGE_ELASTICITY.interval90,
      'regimes root-causes, 2026-12-07 (docs/model.md §9.2), 90% interval',
    ),
  ),
  developmentAidGrowthEffect: uncertain(
    p(
      DEVELOPMENT_AID_GROWTH_EFFECT.value,
      'growth of GDP per head (Δ ln a year) per unit of development transfers / GDP of the year before',
      'data',
      `regimes root-causes, 2026-12-07 (docs/model.md §9.5): least squares with country and year effects, countries outside the high-income group 1991–2019; 90% interval [${DEVELOPMENT_AID_GROWTH_EFFECT.interval90.join(', ')}]`,
      [-2, 2],
    ),
    between(
      DEVELOPMENT_AID_GROWTH_EFFECT.interval90,
      'regimes root-causes, 2026-12-07 (docs/model.md §9.5), 90% interval',
    ),
  ),
  agriculturalSupportWorldPriceEffect: uncertain(
    p(
      AGRICULTURAL_SUPPORT_WORLD_PRICE_EFFECT.value,
      'rise of world agricultural prices (Δ ln) if the core removed all its agricultural support',
      'literature',
      `Anderson, Martin & van der Mensbrugghe 2006 (about 5%) to Diao, Somwaru & Roe 2001 (12%), the middle of the range (docs/model.md §9.3); range [${AGRICULTURAL_SUPPORT_WORLD_PRICE_EFFECT.range.join(', ')}]`,
      [0, 0.5],
    ),
    between(AGRICULTURAL_SUPPORT_WORLD_PRICE_EFFECT.range, 'the literature range of docs/model.md §9.3'),
  ),
  floorDistressEmigrationElasticity: uncertain(
    p(
      DISTRESS_EMIGRATION_ELASTICITY.value,
      "elasticity of the poorest's emigration aspirations to a social protection floor's expected benefit at home, as a share of the low-skill wage (distress migration)",
      'assumption',
      `our choice (docs/model.md §9.4): transfers lowered migration to the US in PROGRESA's randomised evaluation (Stecklov et al. 2005, Demography 42:4) and raised it where they loosened credit constraints (Angelucci 2015; Ardington, Case & Hosegood 2009); range [${DISTRESS_EMIGRATION_ELASTICITY.range.join(', ')}]`,
      [-3, 3],
    ),
    between(
      DISTRESS_EMIGRATION_ELASTICITY.range,
      'an assumption spanning both signs of the evidence (docs/model.md §9.4)',
    ),
  ),
} as const satisfies Record<string, ParameterInfo>;

export type RootCauseParameters = ParameterValues<typeof ROOT_CAUSE_PARAMETER_INFO>;

/** The root-cause levers' parameters as a set: their values, which names they are, their checks. */
export const ROOT_CAUSE_PARAMETERS = parameterSet(ROOT_CAUSE_PARAMETER_INFO);

/** The values of `ROOT_CAUSE_PARAMETER_INFO`, optionally with some replaced (each replacement checked). */
export const rootCauseParameters = ROOT_CAUSE_PARAMETERS.values;

/**
 * The 90% intervals of the estimates (the literature range, the assumed range), as the ranges a
 * sensitivity analysis draws from; each is set beside its parameter in `ROOT_CAUSE_PARAMETER_INFO`
 * (`uncertain`).
 */
export const ROOT_CAUSE_PARAMETER_RANGES = uncertaintyRanges(ROOT_CAUSE_PARAMETER_INFO);

/** The 90% interval of an arms elasticity's estimate. */
function armsInterval90(type: 'stateBased' | 'nonState' | 'oneSided'): ParameterRange {
  return between(ARMS_DEATH_ELASTICITY[type].interval90, `${ESTIMATE}, 90% interval`);
}

/** An uncertainty range from its bounds. */
function between([low, high]: readonly [number, number], source: string): ParameterRange {
  return { low, high, source };
}
