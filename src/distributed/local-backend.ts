/**
 * The `local` backend: the members run on worker threads of this process (src/ensemble/pool.ts).
 * One worker, `local`, is reported to `onWorkers`, with its threads as the jobs running.
 */
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';
import { runEnsemble } from '../ensemble/pool.ts';
import type { EnsembleBackend, EnsembleRun } from './backend.ts';

/** Options of the local backend. */
export interface LocalBackendOptions {
  /** Worker threads (1 runs the members in the calling thread). */
  threads: number;
}

/** A backend running members on this machine's threads. */
export function localBackend(options: LocalBackendOptions): EnsembleBackend {
  const { threads } = options;
  return {
    kind: 'local',
    describe: () => `${threads} thread${threads === 1 ? '' : 's'} on this machine`,
    async run(jobs: readonly MemberJob[], run: EnsembleRun): Promise<MemberOutput[]> {
      let done = 0;
      const tally = () =>
        run.onWorkers?.([{ worker: 'local', done, running: Math.min(threads, jobs.length - done) }]);
      tally();
      return runEnsemble(jobs, {
        threads,
        runnerModule: run.runnerModule,
        affinity: (job) => job.regime,
        onYear: run.onYear,
        onDone: (i, out) => {
          done++;
          run.onDone?.(i, out);
          tally();
        },
      });
    },
    close: async () => {},
  };
}
