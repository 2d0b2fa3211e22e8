/**
 * BENCHMARK RUNNER (bench/distributed.bench.ts only): a member on the real engine and the built-in
 * world, with the engine's stand-in policy tables instead of the compiled regime (compiling tables
 * costs seconds per regime and year and would hide what the benchmark measures: simulation and
 * distribution). The world is loaded once per thread.
 */
import type { MemberHooks, MemberJob, MemberOutput } from '../../../src/ensemble/member.ts';
import { simulate, standinTablesForYear, fromWorld } from '../../../src/sim/index.ts';
import type { WorldInput } from '../../../src/sim/index.ts';
import { packRows } from '../../../src/store/index.ts';
import { loadWorld } from '../../../src/world/index.ts';

let cached: { from: number; world: WorldInput; tables: ReturnType<typeof standinTablesForYear> } | undefined;

export function runMember(job: MemberJob, hooks: MemberHooks): MemberOutput {
  if (cached?.from !== job.from) {
    const world = fromWorld(loadWorld(), job.from);
    cached = { from: job.from, world, tables: standinTablesForYear(world) };
  }
  const started = performance.now();
  const result = simulate(
    {
      world: cached.world,
      tablesForYear: cached.tables,
      regimeId: job.regime,
      seed: job.seed,
      scale: job.scale,
      fromYear: job.from,
      toYear: job.to,
      threads: job.threads,
    },
    { onYear: (year) => hooks.onYear?.(year) },
  );
  return {
    engineDigest: result.digest,
    agents: result.agents,
    rows: packRows(result.rows),
    wallMs: performance.now() - started,
  };
}
