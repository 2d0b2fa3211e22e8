/**
 * Where one origin's would-be movers go in one year of a run, and why (`regimes choices`): the run
 * `regimes run` makes with the same scenario, regime, seed and scale, from the scenario's first year
 * to the year asked, on one thread (results do not depend on threads), with a decision probe on the
 * origin (src/sim/kernels/move/decision-probe.ts), which leaves the run unchanged.
 */
import { mechanismSwitches, prepareSimulation, simulate } from '../sim/index.ts';
import type { DecisionProbe, OriginDecisions, WorldInput } from '../sim/index.ts';
import { UserError, userError } from '../shared/errors.ts';
import { loadWorld } from '../world/index.ts';
import type { World } from '../world/index.ts';
import { libraryOf } from './documents.ts';

export interface ChoicesRequest {
  /** ISO 3166 alpha-3 of the origin (any case). */
  origin: string;
  year: number;
  scenario?: string;
  regime?: string;
  seed?: number;
  scale?: number;
  /** Mechanisms switched off (src/sim/mechanisms.ts). */
  without?: string[];
  /** The world data (default: the shipped data). */
  world?: World;
}

export interface ChoicesReport {
  scenario: string;
  regime: string;
  seed: number;
  scale: number;
  /** The run's first year; it ends with `year`. */
  from: number;
  year: number;
  without: string[];
  decisions: OriginDecisions;
  wallMs: number;
}

/** Runs to the year with the probe on and returns what it recorded; user errors on bad input. */
export async function explainChoices(r: ChoicesRequest): Promise<ChoicesReport> {
  const started = performance.now();
  const scenario = r.scenario ?? 'world-1990-2020';
  const input = await prepareSimulation({
    scenario,
    regime: r.regime,
    seed: r.seed,
    scale: r.scale,
    toYear: r.year,
    threads: 1,
    library: libraryOf(undefined),
    world: r.world ?? loadWorld(),
  }).catch((e: unknown) => {
    // the run ends in the year asked: say so where its years are refused
    if (e instanceof UserError && e.diagnostics[0]?.code === 'E_SIM_YEAR')
      throw userError('E_SIM_YEAR', `--year ${r.year}: ${e.diagnostics[0].message}`);
    throw e;
  });
  const world = input.world as WorldInput;
  const code = r.origin.trim().toUpperCase();
  const origin = world.iso3.indexOf(code);
  if (origin < 0)
    throw userError(
      'E_CHOICES_ORIGIN',
      `--origin: ${JSON.stringify(r.origin)} is not a country of the world model (ISO 3166 alpha-3, e.g. MMR)`,
    );
  const without = r.without ?? [];
  const probe: DecisionProbe = { origin, year: r.year };
  simulate({
    ...input,
    decisionProbe: probe,
    ...(without.length ? { mechanisms: mechanismSwitches(without) } : {}),
  });
  if (!probe.result)
    throw userError('E_CHOICES_ORIGIN', `${code} has no population in ${r.year}: nobody decides there`);
  return {
    scenario,
    regime: input.regimeId,
    seed: input.seed,
    scale: input.scale,
    from: input.fromYear,
    year: r.year,
    without,
    decisions: probe.result,
    wallMs: performance.now() - started,
  };
}
