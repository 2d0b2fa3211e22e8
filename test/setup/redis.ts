/**
 * vitest globalSetup: a throwaway redis-server on a free loopback port for the distributed tests
 * (no persistence, no other clients), stopped when the run ends. Tests read its URL with
 * `inject('redisUrl')`; it is '' when `redis-server` is not installed (tools/system-deps.sh
 * installs it), and those tests are skipped with a note.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:PORT` of the test Redis, or '' when there is none. */
    redisUrl: string;
  }
}

/** A port that was free a moment ago (the kernel's choice for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once something accepts connections on the port (or rejects after `ms`). */
async function waitForPort(port: number, ms: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write(
      'test/setup/redis.ts: redis-server is not installed; the distributed tests are skipped (bash tools/system-deps.sh installs it)\n',
    );
    project.provide('redisUrl', '');
    return async () => {};
  }
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 3 && !child; attempt++) {
    port = await freePort();
    const c = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--loglevel',
        'warning',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    try {
      await waitForPort(port, 5000, c);
      child = c;
    } catch {
      c.kill('SIGKILL');
    }
  }
  if (!child) throw new Error('could not start redis-server for the tests');
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  const started = child;
  return async () => {
    if (started.exitCode !== null) return;
    const exited = new Promise((r) => started.once('exit', r));
    started.kill('SIGTERM');
    const t = setTimeout(() => started.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
}
