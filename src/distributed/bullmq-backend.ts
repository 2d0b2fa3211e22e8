/**
 * The `bullmq` backend: each member of an ensemble is one BullMQ job in Redis, run by whichever
 * `regimes worker` takes it, on any machine. This process only submits, listens and collects:
 *
 * - Job ids are idempotent (job-id.ts): submitting an ensemble again adds nothing that exists. A
 *   restarted submitter collects the results already finished, waits for those running, and
 *   retries those that had failed.
 * - A job is retried (`attempts`, exponential backoff) when its worker throws or dies; a worker
 *   killed mid-job stops renewing its lock and another worker takes the job (BullMQ's stalled-job
 *   check). A user error (bad input) is not retried.
 * - Each member's output is taken once, the first time it arrives; the store is written by the
 *   caller, once, from the outputs returned here.
 * - When some members failed for good, `run` throws `E_ENSEMBLE_INCOMPLETE` naming them.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Job } from 'bullmq';
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';
import { codeVersion as currentCodeVersion } from '../store/index.ts';
import type { EnsembleBackend, EnsembleRun, MissingMember, WorkerTally } from './backend.ts';
import type { JobData } from './codec.ts';
import { decodeOutput } from './codec.ts';
import { DEFAULT_QUEUE, KEY_PREFIX, checkRedis, connect, redactUrl } from './connection.ts';
import { memberJobId } from './job-id.ts';
import { incompleteEnsemble, memberName } from './missing.ts';
import { runnerPath } from './runner-path.ts';

/** Options of the BullMQ backend. */
export interface BullmqBackendOptions {
  /** `redis://host:port` (checked with `parseRedisUrl`). */
  redisUrl: string;
  /** Queue name (default `regimes-ensemble`); workers must listen on the same. */
  queue?: string;
  /** Attempts per member before it counts as missing (default 3). */
  attempts?: number;
  /** First retry delay, ms, doubling each time (default 1000). */
  backoffMs?: number;
  /** Code version the workers must run (default: this process's `codeVersion()`). */
  codeVersion?: string;
  /** Seconds finished jobs and their results stay in Redis (default 7 days). */
  keepSeconds?: number;
  /** How often to look for connected workers while waiting, ms (default 10 s). */
  workerCheckMs?: number;
}

/** Progress a worker reports on a job (`job.updateProgress`). */
export interface JobProgressData {
  worker: string;
  /** The year just simulated, or null when the job has just started. */
  year: number | null;
}

/** A backend running members as BullMQ jobs. */
export function bullmqBackend(options: BullmqBackendOptions): EnsembleBackend {
  const queueName = options.queue ?? DEFAULT_QUEUE;
  return {
    kind: 'bullmq',
    describe: () => `BullMQ queue ${queueName} at ${redactUrl(options.redisUrl)}`,
    run: (jobs, run) => runOnQueue(jobs, run, options, queueName),
    close: async () => {},
  };
}

async function runOnQueue(
  jobs: readonly MemberJob[],
  run: EnsembleRun,
  o: BullmqBackendOptions,
  queueName: string,
): Promise<MemberOutput[]> {
  if (jobs.length === 0) return [];
  await checkRedis(o.redisUrl);
  const version = o.codeVersion ?? currentCodeVersion();
  const attempts = o.attempts ?? 3;
  const keep = o.keepSeconds ?? 7 * 24 * 3600;
  const runner = runnerPath(run.runnerModule);
  const ids = jobs.map((job) => memberJobId(run.ensemble, job, runner, version));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  if (indexOf.size !== ids.length) throw new Error('two members of the ensemble have the same job id');

  const connection = connect(o.redisUrl);
  const eventConnection = connect(o.redisUrl);
  const queue = new Queue<JobData>(queueName, { connection, prefix: KEY_PREFIX });
  const events = new QueueEvents(queueName, { connection: eventConnection, prefix: KEY_PREFIX });
  const results: (MemberOutput | undefined)[] = new Array(jobs.length);
  // Years reported per member: each is reported once (not again on a retry), and those never
  // reported (a result collected from before a restart, events overtaken) when its result arrives.
  const yearsSeen = jobs.map(() => new Set<number>());
  const reportYear = (index: number, year: number) => {
    if (yearsSeen[index].has(year)) return;
    yearsSeen[index].add(year);
    run.onYear?.(index, year);
  };
  const failed = new Map<number, MissingMember>();
  const tallies = new Map<string, { done: number; running: Set<number> }>();
  let timer: NodeJS.Timeout | undefined;

  const tallyOf = (worker: string) => {
    let t = tallies.get(worker);
    if (!t) tallies.set(worker, (t = { done: 0, running: new Set() }));
    return t;
  };
  const notRunning = (index: number) => {
    for (const t of tallies.values()) t.running.delete(index);
  };
  const reportTallies = () => {
    const list: WorkerTally[] = [...tallies.entries()]
      .map(([worker, t]) => ({ worker, done: t.done, running: t.running.size }))
      .sort((a, b) => (a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0));
    run.onWorkers?.(list);
  };

  try {
    return await new Promise<MemberOutput[]>((resolve, reject) => {
      // Every event and the reconciliation run one after the other, in arrival order.
      let chain = Promise.resolve();
      let reconciled = false;
      const serial = (fn: () => void | Promise<void>) => {
        chain = chain.then(fn).catch(reject);
      };
      const settleIfDone = () => {
        if (!reconciled) return;
        for (let i = 0; i < jobs.length; i++) if (!results[i] && !failed.has(i)) return;
        if (failed.size)
          reject(
            incompleteEnsemble(
              [...failed.values()].sort((a, b) => a.index - b.index),
              jobs.length,
            ),
          );
        else resolve(results as MemberOutput[]);
      };
      const take = (index: number, value: unknown) => {
        if (results[index]) return; // a result is taken once, whichever attempt made it
        const { output, worker } = decodeOutput(value);
        results[index] = output;
        failed.delete(index);
        for (let y = jobs[index].from; y <= jobs[index].to; y++) reportYear(index, y);
        notRunning(index);
        tallyOf(worker).done++;
        run.onDone?.(index, output);
        reportTallies();
      };
      const checkFailure = async (index: number) => {
        const job = await queue.getJob(ids[index]);
        if (!job || results[index]) return;
        const state = await job.getState();
        notRunning(index);
        reportTallies();
        if (state === 'failed') {
          failed.set(index, {
            index,
            job: jobs[index],
            error: job.failedReason ?? 'unknown error',
            attempts: job.attemptsMade,
          });
        } else {
          run.onNote?.(
            `member ${memberName({ job: jobs[index] })} failed (${firstLine(job.failedReason)}); retrying`,
          );
        }
      };

      events.on('completed', ({ jobId, returnvalue }) => {
        const index = indexOf.get(jobId);
        if (index !== undefined) serial(() => (take(index, returnvalue), settleIfDone()));
      });
      events.on('failed', ({ jobId }) => {
        const index = indexOf.get(jobId);
        if (index !== undefined) serial(async () => (await checkFailure(index), settleIfDone()));
      });
      events.on('stalled', ({ jobId }) => {
        const index = indexOf.get(jobId);
        if (index === undefined) return;
        serial(() => {
          notRunning(index);
          reportTallies();
          run.onNote?.(
            `member ${memberName({ job: jobs[index] })} lost its worker; another worker will take it`,
          );
        });
      });
      events.on('progress', ({ jobId, data }) => {
        const index = indexOf.get(jobId);
        if (index === undefined || results[index]) return;
        const p = data as unknown as JobProgressData;
        if (!p || typeof p !== 'object' || typeof p.worker !== 'string') return;
        const t = tallyOf(p.worker);
        if (!t.running.has(index)) {
          notRunning(index);
          t.running.add(index);
          reportTallies();
        }
        if (typeof p.year === 'number') reportYear(index, p.year);
      });

      serial(async () => {
        await events.waitUntilReady();
        await queue.addBulk(
          jobs.map((job, index) => ({
            name: 'member',
            data: { job, runner, codeVersion: version, index },
            opts: {
              jobId: ids[index],
              attempts,
              backoff: { type: 'exponential', delay: o.backoffMs ?? 1000 },
              removeOnComplete: { age: keep },
              removeOnFail: { age: keep },
            },
          })),
        );
        // What was there before this submission: results to collect, failures to retry.
        for (let index = 0; index < jobs.length; index++) {
          if (results[index]) continue;
          // the state first: a job read before it completes would lack its return value
          const state = await queue.getJobState(ids[index]);
          if (state !== 'completed' && state !== 'failed') continue;
          const job: Job<JobData> | undefined = await queue.getJob(ids[index]);
          if (job && state === 'completed') take(index, job.returnvalue);
          else if (job && state === 'failed') {
            failed.delete(index);
            await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          }
        }
        reconciled = true;
        reportTallies();
        settleIfDone();
      });

      let warned = false;
      timer = setInterval(() => {
        serial(async () => {
          if (warned) return;
          if ((await queue.getWorkersCount()) === 0) {
            warned = true;
            run.onNote?.(
              `no worker is listening on queue ${queueName} yet: start one with \`regimes worker --redis ${redactUrl(o.redisUrl)}${queueName === DEFAULT_QUEUE ? '' : ` --queue ${queueName}`}\``,
            );
          }
        });
      }, o.workerCheckMs ?? 10_000);
      timer.unref();
    });
  } finally {
    if (timer) clearInterval(timer);
    await events.close().catch(() => {});
    await queue.close().catch(() => {});
    connection.disconnect();
    eventConnection.disconnect();
  }
}

function firstLine(s: string | undefined): string {
  return (s ?? 'unknown error').split('\n', 1)[0];
}
