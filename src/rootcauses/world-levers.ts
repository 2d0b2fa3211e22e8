/**
 * The root-cause levers on the engine's world (docs/model.md §9.4): a lever changes input series of
 * the year, never the engine's code, so that the engine, its digests and its tests stay as they are
 * and a lever at its historical value hands the engine the very same world.
 *
 * In the engine now: `arms_export_restraint`, which scales each country's deaths of each type of
 * organised violence by `armsDeathMultiplier` (and the battle deaths, state-based conflict, by the
 * state-based multiplier), read by the engine's conflict-driven flight; `social_protection_floor`,
 * which sets the floor's benefit beyond history (`protectionFloorShare`), read by the outside
 * option of employer-tied workers (src/sim/kernels/social-protection.ts); `terms_of_trade` and
 * `preferential_trade`, which scale income per head (and so the wages the engine derives from it,
 * the aspirations and the commodification it reads from it) by the estimated elasticity of wages to
 * the terms of trade; `agricultural_support`, which moves world agricultural prices and with them
 * income per head outside the supporting states (./agricultural-support.ts); and
 * `regional_development_fund`, which adds transfers to the recipients' aid and their estimated
 * growth effect to income per head (./development-fund.ts).
 */
import type { LeverIntervention, LeverPlace, Tier } from '../regime/index.ts';
import type { WorldInput } from '../sim/world-input.ts';
import { DISTRESS_EMIGRATION_ELASTICITY } from '../sim/kernels/social-protection.ts';
import { DEFAULT_WORLD_DIR } from '../world/index.ts';
import type { ArmsLeverContext, ArmsRestraint } from './arms-lever.ts';
import { armsImportsRatio, inForce, inPlace } from './arms-lever.ts';
import type { CountryYearSeries } from './panel.ts';
import { ROOT_CAUSE_FILES, readSeriesFile, seriesOf, shareSeriesReader } from './panel.ts';
import type { RootCauseParameters } from './parameters.ts';
import { rootCauseParameters } from './parameters.ts';
import { readAgricultureShare, withAgriculturalSupport } from './agricultural-support.ts';
import { withDevelopmentFunds } from './development-fund.ts';
import { gdpOfCountries, nearestYearValue, scaleIncomeBy, tierOfWorld } from './world-series.ts';

/** SIPRI arms transfers: imports by recipient, exports by supplier (TIV millions). */
export interface ArmsData {
  imports: CountryYearSeries;
  exports: CountryYearSeries;
}

const armsCache = new Map<string, ArmsData>();

/** The shipped SIPRI series (data/world/arms/), read once per folder. */
export function readArmsData(dir = DEFAULT_WORLD_DIR): ArmsData {
  let d = armsCache.get(dir);
  if (!d) {
    d = {
      imports: seriesOf(readSeriesFile(ROOT_CAUSE_FILES.armsImports, dir), 'tiv_imports_musd'),
      exports: seriesOf(readSeriesFile(ROOT_CAUSE_FILES.armsExports, dir), 'tiv_exports_musd'),
    };
    armsCache.set(dir, d);
  }
  return d;
}

/**
 * The world with each country's deaths scaled by the arms restraints (the same object where no
 * restraint changes any year's deaths: the zero-lever identity).
 */
export function withArmsRestraint(
  world: WorldInput,
  restraints: readonly ArmsRestraint[],
  data: ArmsData,
  params: RootCauseParameters = rootCauseParameters(),
): WorldInput {
  if (!restraints.length) return world;
  const ctx: ArmsLeverContext = { ...data, tierOf: tierOfWorld(world) };
  const n = world.iso3.length;
  const stateBased = world.deathsStateBased.slice();
  const nonState = world.deathsNonState.slice();
  const oneSided = world.deathsOneSided.slice();
  const battle = world.battleDeaths.slice();
  let changed = false;
  for (let year = world.span.first; year <= world.span.last; year++) {
    for (let c = 0; c < n; c++) {
      const ratio = armsImportsRatio(ctx, restraints, world.iso3[c], year);
      if (ratio === 1) continue;
      changed = true;
      const k = (year - world.span.first) * n + c;
      const mState = ratio ** params.armsElasticityStateBased;
      stateBased[k] *= mState;
      battle[k] *= mState;
      nonState[k] *= ratio ** params.armsElasticityNonState;
      oneSided[k] *= ratio ** params.armsElasticityOneSided;
    }
  }
  if (!changed) return world;
  return {
    ...world,
    deathsStateBased: stateBased,
    deathsNonState: nonState,
    deathsOneSided: oneSided,
    battleDeaths: battle,
  };
}

/** A social protection floor as the schema writes it. */
export type ProtectionFloor = Extract<LeverIntervention, { lever: 'social_protection_floor' }>;

/** Social protection coverage, share of the population (World Bank ASPIRE survey years, data/world/social/). */
export const readProtectionCoverage = shareSeriesReader('socialProtection', 'coverage_pct');

/**
 * A country's social protection coverage in a year: its nearest ASPIRE survey year (the earlier on
 * a tie). Without any survey a core state is taken as covered (1: ASPIRE surveys developing
 * countries; welfare states exceed any floor the lever sets) and any other as uncovered (0), so a
 * floor there counts in full.
 */
export function historicalCoverage(
  coverage: CountryYearSeries,
  iso3: string,
  year: number,
  tier: Tier | undefined,
): number {
  return nearestYearValue(coverage, iso3, year) ?? (tier === 'core' ? 1 : 0);
}

/**
 * The world with the floors' benefit beyond history: in each country and year where a floor is in
 * force, max over floors of max(0, coverage − historical coverage) × benefit, for its residents
 * (`protectionFloorShare`) and, over the floors that reach them, for migrants in an irregular
 * situation (`protectionFloorIrregularShare`; the same object where no floor adds anything: the
 * zero-lever identity), with the elasticity of distress migration the origin pools read
 * (`protectionFloorDistressElasticity`, kernels/social-protection.ts). The financing is checked by the schema but moves no money in the engine
 * yet (docs/model.md §9.4).
 */
export function withProtectionFloor(
  world: WorldInput,
  floors: readonly ProtectionFloor[],
  coverage: CountryYearSeries,
  distressElasticity: number = DISTRESS_EMIGRATION_ELASTICITY.value,
): WorldInput {
  if (!floors.length) return world;
  const tierOf = tierOfWorld(world);
  const n = world.iso3.length;
  const panel = new Float64Array(world.population.length);
  const irregular = new Float64Array(world.population.length);
  let changed = false;
  let reachesIrregular = false;
  for (let year = world.span.first; year <= world.span.last; year++) {
    for (let c = 0; c < n; c++) {
      const iso3 = world.iso3[c];
      const tier = tierOf(iso3, year);
      let share = 0;
      let irregularShare = 0;
      for (const f of floors) {
        if (!inForce(f, year) || !inPlace(f.countries, iso3, tier)) continue;
        const gap = f.coverage - historicalCoverage(coverage, iso3, year, tier);
        if (!(gap > 0)) continue;
        share = Math.max(share, gap * f.benefit);
        if (f.reaches_irregular) irregularShare = Math.max(irregularShare, gap * f.benefit);
      }
      const k = (year - world.span.first) * n + c;
      if (share > 0) {
        panel[k] = share;
        changed = true;
      }
      if (irregularShare > 0) {
        irregular[k] = irregularShare;
        reachesIrregular = true;
      }
    }
  }
  if (!changed) return world;
  const floored = {
    ...world,
    protectionFloorShare: panel,
    protectionFloorDistressElasticity: distressElasticity,
  };
  return reachesIrregular ? { ...floored, protectionFloorIrregularShare: irregular } : floored;
}

type TermsOfTradeLever = Extract<LeverIntervention, { lever: 'terms_of_trade' }>;
type PreferentialTradeLever = Extract<LeverIntervention, { lever: 'preferential_trade' }>;

/**
 * The share of the world's GDP (current US$) produced by the countries of a place in a year: the
 * proxy for their share of world imports (the shipped data have no trade flows).
 */
export function marketShare(world: WorldInput, place: LeverPlace, year: number): number {
  const all = gdpOfCountries(world, year, () => true);
  const markets = gdpOfCountries(world, year, (iso3, tier) => inPlace(place, iso3, tier));
  return all > 0 ? markets / all : 0;
}

/**
 * The world with income per head scaled by (terms of trade relative to history)^β in each country and
 * year after one in which a lever is in force (the estimate's lag): `terms_of_trade` sets the multiplier; `preferential_trade` gives
 * its beneficiaries 1 + export price gain × the markets' share of world GDP (`marketShare`).
 * Several levers multiply. The same object where every multiplier is 1 (the zero-lever identity).
 */
export function withTermsOfTrade(
  world: WorldInput,
  levers: readonly (TermsOfTradeLever | PreferentialTradeLever)[],
  elasticity: number,
): WorldInput {
  if (!levers.length || elasticity === 0) return world;
  return scaleIncomeBy(world, (year) => {
    // wages answer to the terms of trade of the year before (docs/model.md §9.2)
    const before = year - 1;
    const gains = levers.map((l) =>
      l.lever === 'terms_of_trade' || !inForce(l, before)
        ? 0
        : l.export_price_gain * marketShare(world, l.markets, Math.max(before, world.span.first)),
    );
    return (iso3, tier) => {
      let tot = 1;
      levers.forEach((l, i) => {
        if (!inForce(l, before)) return;
        if (l.lever === 'terms_of_trade') {
          if (inPlace(l.countries, iso3, tier)) tot *= l.multiplier;
        } else if (inPlace(l.beneficiaries, iso3, tier)) tot *= 1 + gains[i];
      });
      return tot === 1 ? 1 : tot ** elasticity;
    };
  });
}

/** The world under a scenario's or an arm's levers (every lever of the schema is applied). */
export function withLevers(
  world: WorldInput,
  levers: readonly LeverIntervention[],
  opts: {
    params?: Partial<RootCauseParameters>;
    arms?: ArmsData;
    coverage?: CountryYearSeries;
    agricultureShare?: CountryYearSeries;
  } = {},
): WorldInput {
  const params = rootCauseParameters(opts.params);
  const of = <L extends LeverIntervention['lever']>(name: L) =>
    levers.filter((l): l is Extract<LeverIntervention, { lever: L }> => l.lever === name);
  let out = world;
  const arms = of('arms_export_restraint');
  if (arms.length) out = withArmsRestraint(out, arms, opts.arms ?? readArmsData(), params);
  const floors = of('social_protection_floor');
  const distress = params.floorDistressEmigrationElasticity;
  if (floors.length)
    out = withProtectionFloor(out, floors, opts.coverage ?? readProtectionCoverage(), distress);
  const trade = levers.filter(
    (l): l is TermsOfTradeLever | PreferentialTradeLever =>
      l.lever === 'terms_of_trade' || l.lever === 'preferential_trade',
  );
  if (trade.length) out = withTermsOfTrade(out, trade, params.termsOfTradeWageElasticity);
  const support = of('agricultural_support');
  if (support.length)
    out = withAgriculturalSupport(
      out,
      support,
      opts.agricultureShare ?? readAgricultureShare(),
      params.agriculturalSupportWorldPriceEffect,
    );
  const funds = of('regional_development_fund');
  if (funds.length) out = withDevelopmentFunds(out, funds, params.developmentAidGrowthEffect);
  return out;
}
