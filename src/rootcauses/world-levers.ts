/**
 * The root-cause levers on the engine's world (docs/model.md §9.4): a lever changes input series of
 * the year, never the engine's code, so that the engine, its digests and its tests stay as they are
 * and a lever at its historical value hands the engine the very same world.
 *
 * In the engine now: `arms_export_restraint`, which scales each country's deaths of each type of
 * organised violence by `armsDeathMultiplier` (and the battle deaths, state-based conflict, by the
 * state-based multiplier); the engine's conflict-driven flight reads those deaths. The other levers
 * are reported as not in the engine (`notInEngine`), never silently taken for applied.
 */
import type { LeverIntervention, Tier } from '../regime/index.ts';
import type { WorldInput } from '../sim/world-input.ts';
import { DEFAULT_WORLD_DIR } from '../world/index.ts';
import type { ArmsLeverContext, ArmsRestraint } from './arms-lever.ts';
import { armsImportsRatio } from './arms-lever.ts';
import type { CountryYearSeries } from './panel.ts';
import { ROOT_CAUSE_FILES, readSeriesFile, seriesOf } from './panel.ts';
import type { RootCauseParameters } from './parameters.ts';
import { rootCauseParameters } from './parameters.ts';

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

/** The engine's tier codes (world-input.ts: 0 core, 1 semi-periphery, 2 periphery). */
const TIER_OF_CODE: readonly Tier[] = ['core', 'semi_periphery', 'periphery', 'periphery'];

/** A country's tier in a year as the engine's world gives it (years outside the span: the nearest). */
export function tierOfWorld(world: WorldInput): (iso3: string, year: number) => Tier | undefined {
  const n = world.iso3.length;
  const index = new Map(world.iso3.map((c, i) => [c, i]));
  return (iso3, year) => {
    const c = index.get(iso3);
    if (c === undefined) return undefined;
    const y = Math.min(Math.max(year, world.span.first), world.span.last);
    return TIER_OF_CODE[world.tier[(y - world.span.first) * n + c]];
  };
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

/** The levers the engine applies now (the others are reported, docs/model.md §9.4). */
export const LEVERS_IN_ENGINE: readonly LeverIntervention['lever'][] = ['arms_export_restraint'];

/** A world under levers, and the names of those levers it could not apply. */
export interface LeveredWorld {
  world: WorldInput;
  notInEngine: string[];
}

/** The world under a scenario's or an arm's levers. */
export function withLevers(
  world: WorldInput,
  levers: readonly LeverIntervention[],
  opts: { params?: Partial<RootCauseParameters>; arms?: ArmsData } = {},
): LeveredWorld {
  const arms = levers.filter((l): l is ArmsRestraint => l.lever === 'arms_export_restraint');
  const notInEngine = [...new Set(levers.map((l) => l.lever))].filter((l) => !LEVERS_IN_ENGINE.includes(l));
  if (!arms.length) return { world, notInEngine };
  const out = withArmsRestraint(world, arms, opts.arms ?? readArmsData(), rootCauseParameters(opts.params));
  return { world: out, notInEngine };
}
