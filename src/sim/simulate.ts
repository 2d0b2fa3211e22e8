/**
 * Running the world model: the input of a run, its checks before any work (scale, seed, threads,
 * years, memory), and the year loop over the engine. Kept apart from the barrel (index.ts) so that
 * the modules of this folder can import it without importing the barrel, which imports them.
 */
import { totalmem } from 'node:os';
import type { Institution } from '../regime/index.ts';
import { userError } from '../shared/errors.ts';
import type { World } from '../world/index.ts';
import { groupSliceLength } from './accumulators.ts';
import { DEFAULT_GROUP_SIZE } from './agent-pass.ts';
import { Engine } from './engine.ts';
import type { MechanismSwitches } from './mechanisms.ts';
import type { IndicatorRow } from './indicators.ts';
import { digestRows } from './indicators.ts';
import { expectedInitialAgents } from './init.ts';
import type { Membership } from './legitimacy.ts';
import type { Parameters } from './parameters.ts';
import { parameters } from './parameters.ts';
import type { PolicyTables } from './policy-tables.ts';
import { BYTES_PER_AGENT } from './state.ts';
import type { WorldInput } from './world-input.ts';
import type { DecisionProbe } from './kernels/move/move-year.ts';
import { YEARS_PAST_DATA, fromWorld } from './world-input.ts';

export interface SimulationInput {
  /** The world: the world data layer's `World`, or the engine's own `WorldInput`. */
  world: World | WorldInput;
  tablesForYear(year: number): PolicyTables;
  regimeId: string;
  seed: number;
  /** Persons per agent (K ≥ 1). */
  scale: number;
  fromYear: number;
  toYear: number;
  /** Threads for the agent pass (default 1); results do not depend on it. */
  threads?: number;
  /** Decision bodies of the regime (for the legitimacy index). */
  institutions?: readonly Institution[];
  /** The members of the first body's dominant party, with their years (legitimacy.ts `dominantMembership`). */
  dominantParty?: readonly Membership[];
  /** Parameter values replacing those of parameters.ts (calibration, sensitivity). */
  parameters?: Partial<Parameters>;
  /** Agents per accumulation group; part of the run's definition (default 65,536). */
  groupSize?: number;
  /** The mechanisms switched on (default: all; an ablation switches some off, mechanisms.ts). */
  mechanisms?: MechanismSwitches;
  /** Memory the run may use, bytes (default 75% of the machine's memory). */
  memoryLimitBytes?: number;
  /** Records one origin's decisions in one year (kernels/move/decision-probe.ts; `regimes choices`); the run is unchanged. */
  decisionProbe?: DecisionProbe;
}

export interface SimulationResult {
  rows: IndicatorRow[];
  /** SHA-256 over the rows in canonical order (year, indicator, country). */
  digest: string;
  /** Agents alive at the end. */
  agents: number;
  /** Bytes of agent state per agent. */
  bytesPerAgent: number;
}

export interface SimulationHooks {
  onYear?(year: number, rows: IndicatorRow[]): void;
  signal?: AbortSignal;
  /** Continue from a checkpoint (checkpoint.ts): its rows so far, and its state put into the engine. */
  resume?: { year: number; rows: readonly IndicatorRow[]; restore(engine: Engine): void };
  /** After each year, with the engine and every row so far (checkpoint.ts saves the state here). */
  afterStep?(year: number, engine: Engine, rows: readonly IndicatorRow[]): void;
}

/** Headroom of the store over the starting agents (growth of the stock over a run). */
const CAPACITY_HEADROOM = 1.5;

/**
 * Memory a run with this many starting agents needs: the agent store with growth headroom, the
 * accumulator groups, and a fixed part for tables, country arrays and the bilateral tally (≈ 64 MB
 * for 200 countries).
 */
export function estimateMemory(agents: number, countries = 200): { bytes: number; bytesPerAgent: number } {
  const capacity = Math.ceil(agents * CAPACITY_HEADROOM);
  const groups = Math.ceil(capacity / DEFAULT_GROUP_SIZE);
  const slice = groupSliceLength(countries + 2);
  const bytes = capacity * BYTES_PER_AGENT + groups * slice * 8 + 64 * 2 ** 20;
  return { bytes, bytesPerAgent: BYTES_PER_AGENT };
}

function worldInputOf(input: SimulationInput): WorldInput {
  const w = input.world as WorldInput | World;
  return 'kind' in w && w.kind === 'sim-world' ? w : fromWorld(w as World, input.fromYear);
}

/** Checks the input before any work; throws a user error on bad input. */
export function checkInput(input: SimulationInput, world: WorldInput): void {
  if (!Number.isFinite(input.scale) || input.scale < 1)
    throw userError('E_SIM_SCALE', `scale must be at least 1 person per agent, got ${input.scale}`);
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff)
    throw userError('E_SIM_SEED', `seed must be an integer 0…4294967295, got ${input.seed}`);
  const threads = input.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > 256)
    throw userError('E_SIM_THREADS', `threads must be an integer 1…256, got ${threads}`);
  const { first, last } = world.span;
  if (!Number.isInteger(input.fromYear) || !Number.isInteger(input.toYear) || input.fromYear > input.toYear) {
    throw userError('E_SIM_YEAR', `bad year range ${input.fromYear}–${input.toYear}`);
  }
  if (input.fromYear < first || input.toYear > last + YEARS_PAST_DATA) {
    throw userError(
      'E_SIM_YEAR',
      `years ${input.fromYear}–${input.toYear} are outside the world data (${first}–${last}, plus ${YEARS_PAST_DATA} year carried forward)`,
    );
  }
  if (input.fromYear < world.stockYear)
    throw userError('E_SIM_YEAR', `no migrant stock at or before ${input.fromYear}`);
  const agents = expectedInitialAgents(world, input.scale);
  const need = estimateMemory(agents, world.iso3.length).bytes;
  const limit = input.memoryLimitBytes ?? Math.floor(totalmem() * 0.75);
  if (need > limit) {
    const gib = (b: number) => (b / 2 ** 30).toFixed(1);
    const minScale = Math.ceil((input.scale * need) / limit);
    throw userError(
      'E_SIM_MEMORY',
      `scale ${input.scale} needs ≈ ${gib(need)} GiB (${Math.round(agents).toLocaleString('en')} agents × ${BYTES_PER_AGENT} B and more) but ${gib(limit)} GiB are available: use a scale of at least ${minScale}`,
    );
  }
}

/** Runs the world model over the years of `input`. */
export function simulate(input: SimulationInput, hooks: SimulationHooks = {}): SimulationResult {
  const world = worldInputOf(input);
  checkInput(input, world);
  hooks.signal?.throwIfAborted();
  const engine = new Engine({
    world,
    tablesForYear: input.tablesForYear,
    seed: input.seed,
    scale: input.scale,
    fromYear: input.fromYear,
    threads: input.threads ?? 1,
    params: parameters(input.parameters),
    institutions: input.institutions,
    dominantParty: input.dominantParty,
    groupSize: input.groupSize,
    mechanisms: input.mechanisms,
    decisionProbe: input.decisionProbe,
  });
  const rows: IndicatorRow[] = hooks.resume ? [...hooks.resume.rows] : [];
  try {
    hooks.resume?.restore(engine);
    for (let year = hooks.resume ? hooks.resume.year + 1 : input.fromYear; year <= input.toYear; year++) {
      hooks.signal?.throwIfAborted();
      const yearRows = engine.step(year);
      for (const r of yearRows) rows.push(r);
      hooks.onYear?.(year, yearRows);
      hooks.afterStep?.(year, engine, rows);
    }
    return { rows, digest: digestRows(rows), agents: engine.liveAgents(), bytesPerAgent: BYTES_PER_AGENT };
  } finally {
    engine.close();
  }
}
