/**
 * The runner module of experiment ensembles (given to src/ensemble's pool by URL): one job is one
 * arm of an experiment at one seed, optionally at a sensitivity design point. The worker prepares
 * the arm's input (derived regime, parameters), couples the institutions layer to the engine
 * (coupling.ts) and returns the rows the experiment needs.
 */
import type { ExperimentArm, Library, Regime } from '../regime/index.ts';
import { perLibrary } from '../regime/index.ts';
import type { MemberHooks, MemberJob, MemberOutput } from '../ensemble/member.ts';
import { libraryOf } from '../ensemble/documents.ts';
import { prepareOptionsOf } from '../ensemble/member.ts';
import type { IndicatorRow, SimulationInput, WorldInput } from '../sim/index.ts';
import { prepareSimulation, simulate } from '../sim/index.ts';
import { packRows } from '../store/index.ts';
import type { World } from '../world/index.ts';
import { loadWorld } from '../world/index.ts';
import { armLibrary, derivedRegimeId, splitParameters } from './arm.ts';
import { coupleInstitutions } from './coupling.ts';
import { lowMiddleIncome } from './remittances.ts';
import { withLevers } from '../rootcauses/world-levers.ts';
import { violenceDeathRows } from '../rootcauses/indicators.ts';

/** One arm of an experiment at one seed (plain data: it crosses to worker threads). */
export interface ExperimentJob extends MemberJob {
  experiment: string;
  arm: ExperimentArm;
  /** Parameter values drawn from the parameter ensemble for this seed (uncertainty.ts). */
  draw?: Record<string, number>;
  /** Parameter values of a sensitivity design point or a searched setting; win over the draw, and the arm's own values win over them. */
  point?: Record<string, number>;
  /** Rows to bring back: these indicators, for these countries (`all`: every country). */
  keep: { indicators: string[]; countries: string[] | 'all' };
}

let world: World | undefined;
const sharedWorld = () => (world ??= loadWorld());
let lmic: ReadonlySet<string> | undefined;
const lowMiddleIncomeSet = () => (lmic ??= new Set(lowMiddleIncome(sharedWorld())));
const prepared = new Map<string, Promise<SimulationInput>>();
// per library (built-ins and the job's documents, ensemble/documents.ts), per derived regime
const armLibraries = perLibrary<{ library: Library; regimeId: string }>();

/** An arm's library and regime id, cached per thread so compiled tables are reused across seeds. */
export function armLibraryFor(job: Pick<ExperimentJob, 'documents' | 'arm'>) {
  const base = libraryOf(job.documents);
  return armLibraries(base, derivedRegimeId(job.arm), () => armLibrary(base, job.arm));
}

/** A world with periphery FDI inflows multiplied (the capital-for-labour intervention). */
export function withPeripheryFdi(world: WorldInput, multiplier: number): WorldInput {
  if (multiplier === 1) return world;
  const fdi = world.fdiInflowsUsd.slice();
  for (let k = 0; k < fdi.length; k++) if (world.tier[k] === 2) fdi[k] *= multiplier;
  return { ...world, fdiInflowsUsd: fdi };
}

/** The simulation input and the coupled institutions layer of a job. */
export async function prepareJob(job: ExperimentJob): Promise<{
  input: SimulationInput;
  coupling: ReturnType<typeof coupleInstitutions>;
}> {
  const { library, regimeId } = armLibraryFor(job);
  // The prepared input (world, compiled tables) depends on the arm's regime, scale and years only.
  const key = JSON.stringify([job.documents ?? [], job.scenario, regimeId, job.scale, job.from, job.to]);
  let pending = prepared.get(key);
  if (!pending) {
    pending = prepareSimulation({
      ...prepareOptionsOf(job),
      regime: regimeId,
      library,
      world: sharedWorld(),
    });
    prepared.set(key, pending);
    pending.catch(() => prepared.delete(key));
  }
  const base = { ...(await pending), seed: job.seed, threads: job.threads };
  const { engine, institutions, rootCauses } = splitParameters(
    { ...job.draw, ...job.point, ...job.arm.parameters },
    `experiment ${job.experiment}, arm ${job.arm.id}`,
  );
  const levered = withLevers(base.world as WorldInput, job.arm.levers ?? [], { params: rootCauses });
  const w = withPeripheryFdi(levered, institutions.fdiPeripheryMultiplier ?? 1);
  const input: SimulationInput = { ...base, world: w, parameters: engine };
  const regime = library.require(regimeId, 'Regime').doc as Regime;
  return {
    input,
    coupling: coupleInstitutions(input, library, regime, institutions, {
      lowMiddleIncome: lowMiddleIncomeSet(),
    }),
  };
}

/** Keeps the rows a job asked for. */
export function keepRows(rows: readonly IndicatorRow[], keep: ExperimentJob['keep']): IndicatorRow[] {
  const ind = new Set(keep.indicators);
  const countries = keep.countries === 'all' ? null : new Set(keep.countries);
  return rows.filter((r) => ind.has(r.indicator) && (!countries || countries.has(r.country)));
}

/** Runs one job on the engine. */
export async function runMember(job: MemberJob, hooks: MemberHooks): Promise<MemberOutput> {
  const started = performance.now();
  const j = job as ExperimentJob;
  const { input, coupling } = await prepareJob(j);
  const result = simulate(coupling.input, {
    onYear: (year, rows) => {
      coupling.onYear(year, rows);
      hooks.onYear?.(year);
    },
  });
  const deaths = violenceDeathRows(input.world as WorldInput, input.fromYear, input.toYear);
  const rows = keepRows([...result.rows, ...coupling.rows(), ...deaths], j.keep);
  return {
    engineDigest: result.digest,
    agents: result.agents,
    rows: packRows(rows),
    wallMs: performance.now() - started,
  };
}
