/**
 * The real engine behind the server: the same `executeRun` / `executeComparison` the `regimes run`
 * and `regimes compare` commands use (ensemble worker pool, results store), with their progress
 * turned into job progress.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { executeRun } from '../ensemble/execute-run.ts';
import { executeComparison } from '../ensemble/execute-compare.ts';
import { siblingModule } from '../shared/spawn-worker.ts';
import type { ComparisonRequest, Engine, RunRequest } from './engine.ts';
import type { JobContext } from './run-queue.ts';

/** The module that runs one member with the simulation engine (exports `planMember` and `runMember`), as `regimes run` uses it. */
export const ENGINE_RUNNER = siblingModule('../ensemble/engine-member', import.meta.url);

export interface RealEngineOptions {
  /** Runner module (default: the simulation's, `ENGINE_RUNNER`). */
  runnerModule?: URL;
  /** Worker threads for the members of a comparison (default 2). */
  threads?: number;
}

/** The engine of the shipped server. */
export function realEngine(options: RealEngineOptions = {}): Engine {
  const runnerModule = options.runnerModule ?? ENGINE_RUNNER;
  const threads = Math.max(1, options.threads ?? 2);
  return {
    available: existsSync(fileURLToPath(runnerModule)),

    async run(req: RunRequest, ctx: JobContext, storeFile: string): Promise<string> {
      let total = 0;
      let done = 0;
      const summary = await executeRun({
        request: { ...req, threads: 1 },
        storeFile,
        commandLine: `regimes serve: POST /api/runs ${JSON.stringify(req)}`,
        runnerModule,
        onPlanned: (plan) => {
          total = plan.job.to - plan.job.from + 1;
          ctx.progress(
            0,
            total,
            `${plan.job.regime} seed ${plan.job.seed}, scale ${plan.job.scale}, ${plan.job.from}–${plan.job.to}`,
          );
        },
        onYear: (year) => ctx.progress(++done, total, `year ${year}`),
      });
      return summary.runId;
    },

    async compare(req: ComparisonRequest, ctx: JobContext, storeFile: string): Promise<string> {
      let total = 0;
      let done = 0;
      let members = 0;
      let finished = 0;
      const summary = await executeComparison({
        scenario: req.scenario,
        regimes: req.regimes,
        seeds: req.seeds,
        scale: req.scale,
        from: req.from,
        to: req.to,
        threads,
        storeFile,
        commandLine: `regimes serve: POST /api/comparisons ${JSON.stringify(req)}`,
        runnerModule,
        onPlanned: (jobs, plan) => {
          members = jobs.length;
          total = jobs.length * (plan.job.to - plan.job.from + 1);
          ctx.progress(0, total, `${members} members`);
        },
        onYear: (_member, year) =>
          ctx.progress(++done, total, `${finished}/${members} members done; year ${year}`),
        onDone: () => {
          finished++;
          ctx.progress(done, total, `${finished}/${members} members done`);
        },
      });
      return summary.comparisonId;
    },
  };
}
