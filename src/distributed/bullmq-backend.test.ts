import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';
import { UserError } from '../shared/errors.ts';
import { unpackRows } from '../store/index.ts';
import type { WorkerTally } from './backend.ts';
import { bullmqBackend } from './bullmq-backend.ts';
import { KEY_PREFIX, connect } from './connection.ts';
import { localBackend } from './local-backend.ts';
import { killAll, startWorkerProcess } from '../../test/support/distributed/processes.ts';
import type { WorkerProcess } from '../../test/support/distributed/processes.ts';
import type { WorkerEvent } from './worker.ts';

const redisUrl = inject('redisUrl');
const runnerModule = new URL('../../test/support/distributed/slow-member.ts', import.meta.url);
const CODE = 'test';

function ensembleJobs(regimes: string[], seeds: number, from = 1990, to = 1993): MemberJob[] {
  const jobs: MemberJob[] = [];
  for (let seed = 1; seed <= seeds; seed++)
    for (const regime of regimes)
      jobs.push({ scenario: 'test-scenario', regime, seed, scale: 1000, from, to, threads: 1 });
  return jobs;
}

const digests = (outs: MemberOutput[]) => outs.map((o) => o.engineDigest);
const doneIn = (procs: WorkerProcess[], ensemble: string) =>
  procs.flatMap((p) => p.events.filter((e) => e.type === 'done' && e.id.startsWith(`${ensemble}.`)));
const ready = (e: WorkerEvent) => e.type === 'ready';

let queueNo = 0;
/** A fresh queue name, so that no test sees another's jobs. */
const freshQueue = () => `test-${process.pid}-${queueNo++}`;

describe.skipIf(!redisUrl)('bullmq backend with worker processes (engine double)', () => {
  const jobs = ensembleJobs(['a', 'b', 'c'], 4);
  const queue = freshQueue();
  let local: MemberOutput[];
  let shared: WorkerProcess[] = [];
  let own: WorkerProcess[] = [];
  const backend = bullmqBackend({ redisUrl, queue, codeVersion: CODE, attempts: 2, backoffMs: 50 });

  beforeAll(async () => {
    shared = [startWorkerProcess(redisUrl, queue), startWorkerProcess(redisUrl, queue)];
    local = await localBackend({ threads: 1 }).run(jobs, { ensemble: 'x', runnerModule });
    await Promise.all(shared.map((p) => p.waitFor(ready)));
  });
  afterEach(async () => {
    await killAll(own);
    own = [];
  });
  afterAll(async () => {
    await killAll(shared);
    const c = connect(redisUrl); // leave nothing behind in the test Redis
    const keys = await c.keys(`${KEY_PREFIX}:test-${process.pid}-*`);
    if (keys.length) await c.del(...keys);
    c.disconnect();
  });

  it('spreads the members over two workers and returns what a local run returns, in job order', async () => {
    let last: readonly WorkerTally[] = [];
    const years: number[] = [];
    const outs = await backend.run(jobs, {
      ensemble: 'spread',
      runnerModule,
      onWorkers: (t) => (last = t),
      onYear: (_, y) => years.push(y),
    });
    expect(digests(outs)).toEqual(digests(local));
    expect(unpackRows(outs[5].rows)).toEqual(unpackRows(local[5].rows));
    expect(last.reduce((s, t) => s + t.done, 0)).toBe(jobs.length);
    expect(last.every((t) => t.running === 0)).toBe(true);
    expect(years.length).toBe(jobs.length * 4);
    expect(doneIn(shared, 'spread').length).toBe(jobs.length);
  });

  it('a worker killed (SIGKILL) mid-job loses nothing: another takes its job, results equal a local run, none taken twice', async () => {
    const q = freshQueue();
    const env = { REGIMES_TEST_YEAR_MS: '100' };
    const [victim, helper] = (own = [
      startWorkerProcess(redisUrl, q, { env }),
      startWorkerProcess(redisUrl, q, { env }),
    ]);
    await Promise.all(own.map((p) => p.waitFor(ready)));
    const done: number[] = [];
    const notes: string[] = [];
    const running = bullmqBackend({ redisUrl, queue: q, codeVersion: CODE }).run(jobs, {
      ensemble: 'kill',
      runnerModule,
      onDone: (i) => done.push(i),
      onNote: (n) => notes.push(n),
    });
    const started = (await victim.waitFor((e) => e.type === 'start' && e.id.startsWith('kill.'))) as {
      id: string;
    };
    victim.child.kill('SIGKILL');
    const outs = await running;
    expect(digests(outs)).toEqual(digests(local));
    expect([...done].sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
    // the killed worker's job was finished by another worker, once
    expect(doneIn([helper], 'kill').filter((e) => (e as { id: string }).id === started.id).length).toBe(1);
    expect(doneIn([victim], 'kill').length).toBe(0);
    expect(notes.some((n) => n.includes('lost its worker'))).toBe(true);
  });

  it('a restarted submitter collects the finished members of the same ensemble without running them again', async () => {
    const first = await backend.run(jobs.slice(0, 6), { ensemble: 'restart', runnerModule });
    let years = 0;
    const again = await backend.run(jobs, { ensemble: 'restart', runnerModule, onYear: () => years++ });
    expect(years).toBe(jobs.length * 4); // the years of members collected from before count too
    expect(digests(again)).toEqual(digests(local));
    expect(digests(again.slice(0, 6))).toEqual(digests(first));
    expect(doneIn(shared, 'restart').length).toBe(jobs.length);
  });

  it('a member that fails on every attempt is reported missing, with its error, instead of a shorter ensemble', async () => {
    const bad = [...ensembleJobs(['a'], 2), ...ensembleJobs(['always-fails'], 1)];
    const err = await backend.run(bad, { ensemble: 'fail', runnerModule }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.code).toBe('E_ENSEMBLE_INCOMPLETE');
    expect(e.diagnostics[0].message).toMatch(/^1 of 3 ensemble members failed, so nothing was stored/);
    expect(e.diagnostics[1].message).toMatch(
      /member 3, always-fails seed 1 .* failed after 2 attempts: .*failed on purpose/,
    );
  });

  it('workers refuse the jobs of other code at once (no retries)', async () => {
    const other = bullmqBackend({ redisUrl, queue, codeVersion: 'other' });
    const err = (await other
      .run(ensembleJobs(['a'], 1), { ensemble: 'version', runnerModule })
      .catch((e: unknown) => e)) as UserError;
    expect(err.code).toBe('E_ENSEMBLE_INCOMPLETE');
    expect(err.diagnostics[1].message).toMatch(
      /after 1 attempt: \[E_DIST_VERSION\] worker .* runs test, the ensemble was submitted by other/,
    );
  });

  it('SIGTERM lets the running job finish, then the worker exits 0', async () => {
    const q = freshQueue();
    const w = startWorkerProcess(redisUrl, q, { env: { REGIMES_TEST_YEAR_MS: '200' } });
    own = [w];
    await w.waitFor(ready);
    const running = bullmqBackend({ redisUrl, queue: q, codeVersion: CODE }).run(ensembleJobs(['a'], 1), {
      ensemble: 'term',
      runnerModule,
    });
    await w.waitFor((e) => e.type === 'start');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.events.map((e) => e.type)).toEqual(['ready', 'start', 'done', 'closed']);
    expect(digests(await running)).toEqual(digests(local.slice(0, 1)));
  });

  it('SIGTERM hands the job back after the grace period, without using an attempt; the next worker finishes it', async () => {
    const q = freshQueue();
    const w = startWorkerProcess(redisUrl, q, {
      env: { REGIMES_TEST_YEAR_MS: '500', REGIMES_TEST_GRACE_MS: '100' },
    });
    own = [w];
    await w.waitFor(ready);
    const running = bullmqBackend({ redisUrl, queue: q, codeVersion: CODE }).run(ensembleJobs(['b'], 1), {
      ensemble: 'handback',
      runnerModule,
    });
    await w.waitFor((e) => e.type === 'start');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.events.map((e) => e.type)).toEqual(['ready', 'start', 'handed-back', 'closed']);
    const next = startWorkerProcess(redisUrl, q);
    own.push(next);
    expect(digests(await running)).toEqual(digests(local.slice(1, 2)));
    expect(await next.waitFor((e) => e.type === 'start')).toMatchObject({ attempt: 1 });
  });
});
