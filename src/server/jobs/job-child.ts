/**
 * The child process of one job: runs the simulation with the same `executeRun` /
 * `executeComparison` as `regimes run` and `regimes compare` (and so waits, like them, for the
 * results store while another process appends to it), telling the server its progress. The
 * server's own thread only relays messages: a run never holds up a request.
 */
import { executeComparison } from '../../ensemble/execute-compare.ts';
import { executeRun } from '../../ensemble/execute-run.ts';
import { loadBuiltinLibrary } from '../../regime/index.ts';
import { withLeveredScenario } from '../../rootcauses/levered-scenario.ts';
import type { JobMessage, JobOrder } from './job-order.ts';

const send = (m: JobMessage) => new Promise<void>((done) => process.send!(m, undefined, {}, () => done()));

/** Progress of a run: years simulated. */
async function run(order: Extract<JobOrder, { kind: 'run' }>): Promise<string> {
  const req = order.request;
  let total = 0;
  let done = 0;
  const summary = await executeRun({
    request: { ...withLeveredScenario(loadBuiltinLibrary(), req), threads: 1 },
    storeFile: order.storeFile,
    commandLine: `regimes serve: POST /api/runs ${JSON.stringify(req)}`,
    runnerModule: new URL(order.runnerModule),
    onPlanned: (plan) => {
      total = plan.job.to - plan.job.from + 1;
      const { job } = plan;
      void send({
        type: 'progress',
        done: 0,
        total,
        message: `${job.regime} seed ${job.seed}, scale ${job.scale}, ${job.from}–${job.to}`,
      });
    },
    onYear: (year) => void send({ type: 'progress', done: ++done, total, message: `year ${year}` }),
    onStoreWait: (message) => void send({ type: 'progress', done, total, message }),
  });
  return summary.runId;
}

/** Progress of a comparison: years simulated, summed over its members. */
async function compare(order: Extract<JobOrder, { kind: 'comparison' }>): Promise<string> {
  const req = withLeveredScenario(loadBuiltinLibrary(), order.request);
  let total = 0;
  let done = 0;
  let members = 0;
  let finished = 0;
  const progress = (message: string) => void send({ type: 'progress', done, total, message });
  const summary = await executeComparison({
    scenario: req.scenario,
    documents: req.documents,
    regimes: req.regimes,
    seeds: req.seeds,
    scale: req.scale,
    from: req.from,
    to: req.to,
    threads: order.threads,
    storeFile: order.storeFile,
    commandLine: `regimes serve: POST /api/comparisons ${JSON.stringify(order.request)}`,
    runnerModule: new URL(order.runnerModule),
    onPlanned: (jobs, plan) => {
      members = jobs.length;
      total = jobs.length * (plan.job.to - plan.job.from + 1);
      progress(`${members} members`);
    },
    onYear: (_member, year) => {
      done++;
      progress(`${finished}/${members} members done; year ${year}`);
    },
    onDone: () => progress(`${++finished}/${members} members done`),
    onStoreWait: progress,
  });
  return summary.comparisonId;
}

process.once('message', (order: JobOrder) => {
  const work = order.kind === 'run' ? run(order) : compare(order);
  work
    .then(
      (resultId) => send({ type: 'done', resultId }),
      (err: unknown) => {
        const e = err as { code?: unknown; message?: unknown; diagnostics?: unknown };
        const coded = typeof e.code === 'string' && e.code.startsWith('E_');
        return send({
          type: 'failed',
          error: {
            code: coded ? (e.code as string) : 'E_JOB_FAILED',
            message: String(e.message ?? err),
            ...(Array.isArray(e.diagnostics) ? { diagnostics: e.diagnostics } : {}),
          },
        });
      },
    )
    .finally(() => process.disconnect());
});
