/**
 * Builds a `SimulationInput` from a scenario (or a regime and years) with the regime library, the
 * world data and the policy-table compiler. Every check happens here, before any work starts.
 */
import type { Institution, Library, Scenario, Tier } from '../regime/index.ts';
import { isLever, loadBuiltinLibrary, withInterventions } from '../regime/index.ts';
import { userError } from '../shared/errors.ts';
import type { World } from '../world/index.ts';
import { loadWorld } from '../world/index.ts';
import type { SimulationInput } from './simulate.ts';
import { checkInput } from './simulate.ts';
import type { CompilePolicyTables, PolicyTables } from './policy-tables.ts';
import { tablesCacheDir, withTablesCache } from './tables-cache.ts';
import { YEARS_PAST_DATA, fromWorld } from './world-input.ts';
import { dominantMembership } from './legitimacy.ts';
import { withLevers } from '../rootcauses/world-levers.ts';
import type { RootCauseParameters } from '../rootcauses/parameters.ts';

export type { CompilePolicyTables };

export interface PrepareOptions {
  /** A Scenario document id: regime, years, scale and seeds come from it unless given here. */
  scenario?: string;
  regime?: string;
  seed?: number;
  scale?: number;
  fromYear?: number;
  toYear?: number;
  threads?: number;
  library?: Library;
  world?: World;
  /** The tables compiler (default: `compilePolicyTables` of src/rules/tables.ts). */
  compile?: CompilePolicyTables;
  memoryLimitBytes?: number;
  /** The elasticities of the scenario's root-cause levers (default: the estimates, docs/model.md §9). */
  rootCauseParameters?: Partial<RootCauseParameters>;
}

const TIER_OF_CODE: readonly Tier[] = ['core', 'semi_periphery', 'periphery', 'periphery'];

async function defaultCompiler(): Promise<CompilePolicyTables> {
  const spec = '../rules/tables.ts';
  try {
    const mod = (await import(spec)) as { compilePolicyTables?: CompilePolicyTables };
    if (typeof mod.compilePolicyTables === 'function') return mod.compilePolicyTables;
  } catch {
    // reported below
  }
  throw userError('E_SIM_TABLES', 'the policy-table compiler (src/rules/tables.ts) is not available');
}

/**
 * @throws user errors: `E_REGIME_*` for an unknown scenario or regime, `E_SIM_YEAR`, `E_SIM_SCALE`,
 *   `E_SIM_MEMORY` (the scale would not fit), `E_SIM_TABLES`
 */
export async function prepareSimulation(opts: PrepareOptions): Promise<SimulationInput> {
  let lib = opts.library ?? loadBuiltinLibrary();
  let scenario: Scenario | undefined;
  if (opts.scenario) {
    scenario = lib.require(opts.scenario, 'Scenario').doc as Scenario;
    // its interventions become dated amendments of their targets (regime/time/interventions.ts)
    lib = withInterventions(lib, opts.scenario);
  }
  const regimeId = opts.regime ?? scenario?.regime;
  if (!regimeId) throw userError('E_SIM_REGIME', 'name a scenario or a regime');
  const regime = lib.require(regimeId, 'Regime').doc;
  const fromYear = opts.fromYear ?? scenario?.years.from ?? 1990;
  const toYear = opts.toYear ?? scenario?.years.to ?? 2005;
  const scale = opts.scale ?? scenario?.scale ?? 1000;
  const world = opts.world ?? loadWorld();
  if (fromYear > toYear)
    throw userError('E_SIM_YEAR', `years ${fromYear}–${toYear}: the range ends before it starts`);
  if (fromYear < world.span.first || toYear > world.span.last + YEARS_PAST_DATA) {
    throw userError(
      'E_SIM_YEAR',
      `years ${fromYear}–${toYear} are outside the world data (${world.span.first}–${world.span.last}, plus ${YEARS_PAST_DATA} year carried forward)`,
    );
  }
  // root-cause levers change the world's input series, not the documents (docs/model.md §9.4)
  const levers = (scenario?.interventions ?? []).filter(isLever);
  const worldInput = withLevers(fromWorld(world, fromYear), levers, {
    params: opts.rootCauseParameters,
  });
  const institutions: Institution[] = [];
  if (regime.institution)
    institutions.push(lib.require(regime.institution, 'Institution').doc as Institution);
  const dominantParty = institutions.length ? dominantMembership(lib, institutions[0]) : [];
  const base = {
    world: worldInput,
    regimeId,
    seed: opts.seed ?? 1,
    scale,
    fromYear,
    toYear,
    threads: opts.threads ?? 1,
    institutions,
    dominantParty,
    memoryLimitBytes: opts.memoryLimitBytes,
  };
  const placeholder: SimulationInput = {
    ...base,
    tablesForYear: () => {
      throw new Error('unreachable');
    },
  };
  checkInput(placeholder, worldInput);
  // compiled tables are cached on disk when the environment names a cache (the CLI does:
  // tables-cache.ts); a compiler given by the caller is used as it is
  const cacheDir = opts.compile ? undefined : tablesCacheDir();
  const compiler = opts.compile ?? (await defaultCompiler());
  const compile = cacheDir ? withTablesCache(compiler, cacheDir) : compiler;
  const n = worldInput.iso3.length;
  const cache = new Map<number, PolicyTables>();
  const tablesForYear = (year: number): PolicyTables => {
    let t = cache.get(year);
    if (!t) {
      const y = Math.min(Math.max(year, world.span.first), world.span.last);
      const tiers = Array.from(
        { length: n },
        (_, c) => TIER_OF_CODE[worldInput.tier[(y - worldInput.span.first) * n + c]],
      );
      t = compile(lib, regimeId, `${year}-07-01`, worldInput.iso3, tiers);
      cache.set(year, t);
    }
    return t;
  };
  return { ...base, tablesForYear };
}
