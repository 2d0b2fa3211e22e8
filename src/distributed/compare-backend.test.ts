import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerCompare } from '../cli/commands/compare.ts';
import { runProgram } from '../cli/program.ts';
import { runInProcess } from '../../test/support/cli/run-in-process.ts';
import { codeVersion } from '../store/index.ts';
import { KEY_PREFIX, connect } from './connection.ts';
import { killAll, startWorkerProcess } from '../../test/support/distributed/processes.ts';
import type { WorkerProcess } from '../../test/support/distributed/processes.ts';

const redisUrl = inject('redisUrl');
// compare with the engine replaced by the (slow) test double; the workers load the same module
const deps = { runnerModule: new URL('../../test/support/distributed/slow-member.ts', import.meta.url) };
const dir = mkdtempSync(join(tmpdir(), 'regimes-dist-cli-'));
const queue = `cli-${process.pid}`;
let procs: WorkerProcess[] = [];

afterAll(async () => {
  await killAll(procs);
  if (redisUrl) {
    const c = connect(redisUrl);
    const keys = await c.keys(`${KEY_PREFIX}:${queue}*`);
    if (keys.length) await c.del(...keys);
    c.disconnect();
  }
  rmSync(dir, { recursive: true, force: true });
});

/** `regimes compare …` in this process, as `runCli` runs it. */
function compare(args: string[]) {
  const program = new Command('regimes').exitOverride();
  registerCompare(program, deps);
  program.commands.forEach((c) => c.exitOverride());
  return runInProcess(['compare', 'test-scenario', '--regimes', 'a,b,c', ...args], (argv) =>
    runProgram(program, argv),
  );
}

interface Summary {
  members: { regime: string; seed: number; engineDigest: string; outputDigest: string }[];
  stats: unknown[];
}

describe('regimes compare --backend', () => {
  it.skipIf(!redisUrl)('bullmq: two worker processes give the comparison a local run gives', async () => {
    const env = { REGIMES_TEST_CODE_VERSION: codeVersion() };
    procs = [startWorkerProcess(redisUrl, queue, { env }), startWorkerProcess(redisUrl, queue, { env })];
    const local = await compare([
      '--seeds',
      '4',
      '--threads',
      '2',
      '--json',
      '--store',
      join(dir, 'local.duckdb'),
    ]);
    expect(local.code).toBe(0);
    await Promise.all(procs.map((p) => p.waitFor((e) => e.type === 'ready')));
    const args = ['--seeds', '4', '--json', '--store', join(dir, 'dist.duckdb')];
    const dist = await compare([...args, '--backend', 'bullmq', '--redis', redisUrl, '--queue', queue]);
    expect(dist.stderr).toMatch(/BullMQ queue cli-\d+ at redis:\/\/127\.0\.0\.1:\d+/);
    expect(dist.code).toBe(0);
    const a = JSON.parse(local.stdout) as Summary;
    const b = JSON.parse(dist.stdout) as Summary;
    const members = (s: Summary) =>
      s.members.map(({ regime, seed, engineDigest, outputDigest }) => ({
        regime,
        seed,
        engineDigest,
        outputDigest,
      }));
    expect(members(b)).toEqual(members(a));
    expect(b.stats).toEqual(a.stats);
    expect(procs.flatMap((p) => p.events.filter((e) => e.type === 'done')).length).toBe(12);
  });

  it('refuses an unknown backend, bullmq without Redis, a bad URL and an unreachable Redis before running anything', async () => {
    const store = ['--store', join(dir, 'refused.duckdb')];
    const unknown = await compare([...store, '--backend', 'spark']);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      expect.stringMatching(/--backend: expected local or bullmq, got "spark" \[E_DIST_BACKEND\]/),
    ]);
    const noRedis = await compare([...store, '--backend', 'bullmq']);
    expect(noRedis.stderr).toMatch(/needs --redis .*\[E_DIST_BACKEND\]/);
    const badUrl = await compare([...store, '--backend', 'bullmq', '--redis', 'http://x']);
    expect(badUrl.stderr).toMatch(/\[E_DIST_REDIS_URL\]/);
    const down = await compare([...store, '--backend', 'bullmq', '--redis', 'redis://127.0.0.1:1']);
    expect([down.code, down.stderr]).toEqual([
      1,
      expect.stringMatching(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .*\[E_DIST_REDIS\]/),
    ]);
  });
});

describe.skipIf(!redisUrl)('regimes worker (the CLI process)', () => {
  it('says it is ready, and on SIGTERM stops and exits 0', async () => {
    const bin = fileURLToPath(new URL('../../bin/regimes.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [bin, 'worker', '--redis', redisUrl, '--queue', `${queue}-cli`, '--concurrency', '1', '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const types: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ready event: ${stderr}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        types.push((JSON.parse(line) as { type: string }).type);
        if (types.includes('ready')) {
          clearTimeout(t);
          resolve();
        }
      });
    }).catch((e: unknown) => {
      child.kill('SIGKILL');
      throw e;
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/listening on queue cli-\d+-cli, 1 member at a time/);
    expect(types).toEqual(['ready', 'closed']);
    expect(stderr).toMatch(/stopped after 0 members/);
  });
});
