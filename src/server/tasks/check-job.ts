/**
 * A run or comparison request planned by the engine's own planner (`planMember` of the runner
 * module) before it is queued, so that an unknown scenario or regime, years the data cannot give
 * or a scale that does not fit in memory are a 400 at once instead of a job that fails later
 * (issue 24, finding 8). It runs on a task worker, which keeps what planning loads.
 */
import { loadRunner } from '../../ensemble/member.ts';
import { memoryBudget } from '../../ensemble/options.ts';
import { loadBuiltinLibrary } from '../../regime/index.ts';
import { withLeveredScenario } from '../../rootcauses/levered-scenario.ts';
import { UserError } from '../../shared/errors.ts';
import type { ComparisonRequest, RunRequest } from '../engine.ts';
import { apiError } from '../http-error.ts';

/** What the check is given. */
export type JobCheck = { runnerModule: string } & (
  { kind: 'run'; request: RunRequest } | { kind: 'comparison'; request: ComparisonRequest }
);

/**
 * Plans each member the request would run (one per regime).
 * @throws the planner's coded error (`E_SIM_YEAR`, `E_SIM_MEMORY` …: 400); an unknown document as
 *   400 `E_BAD_REQUEST` (it is a field of the request, not a missing resource)
 */
export async function checkJobRequest(check: JobCheck): Promise<{ ok: true }> {
  const runner = await loadRunner(new URL(check.runnerModule));
  const regimes = check.kind === 'run' ? [check.request.regime] : check.request.regimes;
  for (const regime of regimes) {
    try {
      // levers run as a derived scenario (src/rootcauses/levered-scenario.ts), planned as the job will run it
      const request = withLeveredScenario(loadBuiltinLibrary(), check.request);
      await runner.planMember(
        {
          scenario: request.scenario,
          regime,
          scale: request.scale,
          from: request.from,
          to: request.to,
          threads: 1,
          ...(request.documents ? { documents: request.documents } : {}),
        },
        memoryBudget(),
      );
    } catch (err) {
      if (err instanceof UserError && err.code === 'E_UNKNOWN_ID')
        throw apiError('E_BAD_REQUEST', err.diagnostics[0]?.message ?? err.message, err.diagnostics);
      throw err;
    }
  }
  return { ok: true };
}
