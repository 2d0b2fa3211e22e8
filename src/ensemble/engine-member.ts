/**
 * The shipped runner module: ensemble members on the real engine (src/sim). `planMember` checks a
 * request with `prepareSimulation` (unknown scenario, regime or country, years outside the data,
 * a malformed scenario, a scale that would not fit in memory: user errors before any work) and
 * `runMember` prepares the same input again in its own thread and simulates it.
 *
 * Compiling a regime's policy tables takes about as long as simulating at a coarse scale, and the
 * tables depend on the regime and year only (not the seed; the engine only reads them). So each
 * thread keeps the last prepared input (world, compiled tables) and reuses it for the next member
 * of the same scenario, regime, scale and years, changing only the seed and thread count; the ensemble pool hands a
 * worker members of the regime it ran last where it can. One input is kept, so memory stays bounded.
 */
import type { Scenario } from '../regime/index.ts';
import { mechanismSwitches, prepareSimulation, simulate } from '../sim/index.ts';
import type { Parameters, SimulationInput } from '../sim/index.ts';
import type { World } from '../world/index.ts';
import { loadWorld } from '../world/index.ts';
import { packRows } from '../store/rows.ts';
import type { MemberHooks, MemberJob, MemberOutput, MemberPlan, MemberRequest } from './member.ts';
import { prepareOptionsOf } from './member.ts';
import { libraryOf } from './documents.ts';

let world: World | undefined;
const sharedWorld = () => (world ??= loadWorld());

let last: { key: string; input: Promise<SimulationInput> } | undefined;

/** The prepared input of a job (seed aside), reusing the last one when it matches. */
function preparedInput(job: MemberJob): Promise<SimulationInput> {
  const key = JSON.stringify([job.scenario, job.regime, job.scale, job.from, job.to, job.documents ?? []]);
  if (last?.key !== key) {
    const input = prepareSimulation({ ...prepareOptionsOf(job), world: sharedWorld() });
    last = { key, input };
    input.catch(() => {
      if (last?.input === input) last = undefined;
    });
  }
  return last.input;
}

/** Checks a request and fills its defaults from the scenario. */
export async function planMember(request: MemberRequest, memoryBudget: number): Promise<MemberPlan> {
  const input = await prepareSimulation({
    ...prepareOptionsOf(request),
    memoryLimitBytes: memoryBudget,
    world: sharedWorld(),
  });
  const scenario = libraryOf(request.documents).require(request.scenario, 'Scenario').doc as Scenario;
  return {
    job: {
      scenario: request.scenario,
      regime: input.regimeId,
      seed: input.seed,
      scale: input.scale,
      from: input.fromYear,
      to: input.toYear,
      threads: input.threads ?? 1,
      ...(request.documents?.length ? { documents: request.documents } : {}),
    },
    scenarioSeeds: scenario.seeds,
    ...('stockYear' in input.world ? { startingStockYear: input.world.stockYear } : {}),
  };
}

/** Runs one member on the engine. */
export async function runMember(job: MemberJob, hooks: MemberHooks): Promise<MemberOutput> {
  const started = performance.now();
  const input = {
    ...(await preparedInput(job)),
    seed: job.seed,
    threads: job.threads,
    ...(job.parameters ? { parameters: job.parameters as Partial<Parameters> } : {}),
    ...(job.without?.length ? { mechanisms: mechanismSwitches(job.without) } : {}),
  };
  const result = simulate(input, { onYear: (year) => hooks.onYear?.(year) });
  return {
    engineDigest: result.digest,
    agents: result.agents,
    rows: packRows(result.rows),
    wallMs: performance.now() - started,
  };
}
