/**
 * Benchmark of distributed ensembles (not a test): on this machine, the same ensemble on worker
 * threads (`--backend local`) and on 1 and 2 `regimes worker`-style processes through BullMQ and a
 * throwaway redis-server (`--backend bullmq`).
 *
 * 1. Overhead per job: an ensemble of near-empty members (the engine's test double), so the time
 *    is the machinery's: submitting, handing out, returning results.
 * 2. Throughput: members on the real engine and the built-in world (stand-in policy tables, so
 *    that table compilation, the same on every backend, does not hide the rest), members per
 *    second and agent-years per second.
 *
 *   npx tsx bench/distributed.bench.ts [--jobs 200] [--members 8] [--scale 2000] [--years 3]
 *
 * Uses `REGIMES_REDIS` when set, else starts `redis-server` on a free loopback port.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { bullmqBackend } from '../src/distributed/bullmq-backend.ts';
import { KEY_PREFIX, checkRedis, connect } from '../src/distributed/connection.ts';
import { localBackend } from '../src/distributed/local-backend.ts';
import { killAll, startWorkerProcess } from '../test/support/distributed/processes.ts';
import type { WorkerProcess } from '../test/support/distributed/processes.ts';
import type { EnsembleBackend } from '../src/distributed/backend.ts';
import type { MemberJob, MemberOutput } from '../src/ensemble/member.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const JOBS = opt('--jobs', 200);
const MEMBERS = opt('--members', 8);
const SCALE = opt('--scale', 2000);
const YEARS = opt('--years', 3);

const DOUBLE = new URL('../test/support/distributed/slow-member.ts', import.meta.url);
const ENGINE = new URL('../test/support/distributed/bench-member.ts', import.meta.url);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startRedis(): Promise<{ url: string; child?: ChildProcess }> {
  if (process.env.REGIMES_REDIS) return { url: process.env.REGIMES_REDIS };
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0)
    throw new Error(
      'redis-server is not installed (bash tools/system-deps.sh), and REGIMES_REDIS is not set',
    );
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await checkRedis(url, 1000);
      return { url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

function jobsOf(n: number, scale: number, years: number): MemberJob[] {
  return Array.from({ length: n }, (_, i) => ({
    scenario: 'test-scenario',
    regime: 'a',
    seed: i + 1,
    scale,
    from: 1990,
    to: 1990 + years - 1,
    threads: 1,
  }));
}

async function timed(backend: EnsembleBackend, jobs: MemberJob[], runnerModule: URL, ensemble: string) {
  const t0 = performance.now();
  const outs = await backend.run(jobs, { ensemble, runnerModule });
  return { seconds: (performance.now() - t0) / 1000, outs };
}

const digests = (o: MemberOutput[]) => o.map((x) => x.engineDigest).join();
const fmt = (x: number, d = 1) => x.toFixed(d);

const { url, child: redis } = await startRedis();
let workers: WorkerProcess[] = [];
const queue = `bench-${process.pid}`;
const rows: string[] = [];
const results: Record<string, unknown> = {};
try {
  process.stdout.write(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; Node ${process.version}\n`,
  );
  const threads = Math.min(2, availableParallelism());
  const local = localBackend({ threads });
  const bull = bullmqBackend({ redisUrl: url, queue, codeVersion: 'bench' });

  // Warm the BullMQ side: worker processes up, threads loaded with both runners.
  const startWorkers = async (n: number) => {
    await killAll(workers);
    workers = Array.from({ length: n }, () =>
      startWorkerProcess(url, queue, { env: { REGIMES_TEST_CODE_VERSION: 'bench' } }),
    );
    await Promise.all(workers.map((w) => w.waitFor((e) => e.type === 'ready', 60_000)));
    await bull.run(jobsOf(2 * n, 1000, 1), { ensemble: `warm-double-${n}`, runnerModule: DOUBLE });
    await bull.run(
      jobsOf(2 * n, SCALE, 1).map((j) => ({ ...j, seed: 1000 + j.seed })),
      { ensemble: `warm-engine-${n}`, runnerModule: ENGINE },
    );
  };

  // 1. overhead per job
  const doubles = jobsOf(JOBS, 1000, 1);
  const base = await timed(localBackend({ threads: 1 }), doubles, DOUBLE, 'b');
  rows.push(
    `overhead  in this thread (no pool)   ${fmt((base.seconds * 1000) / JOBS, 2)} ms/job  (the member's own work: the baseline)`,
  );
  results.baselineMsPerJob = (base.seconds * 1000) / JOBS;
  const lt = await timed(local, doubles, DOUBLE, 'o');
  rows.push(
    `overhead  local, ${threads} threads           ${fmt((lt.seconds * 1000) / JOBS, 2)} ms/job  (${JOBS} near-empty jobs in ${fmt(lt.seconds, 2)} s, threads started inside)`,
  );
  results.overheadLocalMsPerJob = (lt.seconds * 1000) / JOBS;
  const engineJobs = jobsOf(MEMBERS, SCALE, YEARS);
  const el = await timed(local, engineJobs, ENGINE, 't');
  for (const n of [1, 2]) {
    await startWorkers(n);
    const bt = await timed(bull, doubles, DOUBLE, `overhead-${n}`);
    if (digests(bt.outs) !== digests(lt.outs)) throw new Error('bullmq results differ from local ones');
    rows.push(
      `overhead  bullmq, ${n} worker process${n > 1 ? 'es' : '  '}  ${fmt((bt.seconds * 1000) / JOBS, 2)} ms/job  (${JOBS} near-empty jobs in ${fmt(bt.seconds, 2)} s)`,
    );
    results[`overheadBullmq${n}MsPerJob`] = (bt.seconds * 1000) / JOBS;
    const be = await timed(bull, engineJobs, ENGINE, `throughput-${n}`);
    if (digests(be.outs) !== digests(el.outs))
      rows.push(
        `WARNING: the engine members on BullMQ differ from the local ones: the source changed while the benchmark ran? (worker processes load it when they start)`,
      );
    const agentYears = be.outs.reduce((s, o) => s + o.agents, 0) * YEARS;
    rows.push(
      `engine    bullmq, ${n} worker process${n > 1 ? 'es' : '  '}  ${fmt(MEMBERS / be.seconds, 2)} members/s, ${fmt(agentYears / be.seconds / 1e6, 2)} M agent-years/s  (${MEMBERS} members × ${YEARS} years at scale ${SCALE} in ${fmt(be.seconds)} s)`,
    );
    results[`engineBullmq${n}MembersPerS`] = MEMBERS / be.seconds;
  }
  const agentYears = el.outs.reduce((s, o) => s + o.agents, 0) * YEARS;
  rows.push(
    `engine    local, ${threads} threads           ${fmt(MEMBERS / el.seconds, 2)} members/s, ${fmt(agentYears / el.seconds / 1e6, 2)} M agent-years/s  (same members, ${fmt(el.seconds)} s, world loaded in each thread)`,
  );
  results.engineLocalMembersPerS = MEMBERS / el.seconds;
  results.agentsPerMember = el.outs[0].agents;
  results.memberWallMs = el.outs.reduce((s, o) => s + o.wallMs, 0) / el.outs.length;
  rows.push(
    `a member: ${el.outs[0].agents.toLocaleString('en')} agents at the end, ${fmt(results.memberWallMs as number, 0)} ms of simulation on its thread (mean)`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({ bench: 'distributed', jobs: JOBS, members: MEMBERS, scale: SCALE, years: YEARS, ...results })}\n`,
  );
} finally {
  await killAll(workers);
  const c = connect(url);
  const keys = await c.keys(`${KEY_PREFIX}:${queue}*`);
  if (keys.length) await c.del(...keys);
  c.disconnect();
  redis?.kill('SIGTERM');
}
