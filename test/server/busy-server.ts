/**
 * A server for one test file whose engine runs test/server/busy-member.ts (each simulated year
 * keeps the thread busy for `busyMs`), in a fresh data folder: built before the file's tests,
 * closed and removed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { realEngine } from '../../src/server/jobs/engine-real.ts';

export const TOKEN = 'test-token-0123456789abcdef';
const busyRunner = new URL('./busy-member.ts', import.meta.url);

export interface BusyServer {
  /** The server's data folder. */
  readonly dir: string;
  readonly app: FastifyInstance;
}

/** Registers the hooks that build and remove the server; read its fields inside tests or later hooks. */
export function useBusyServer(name: string, busyMs: number): BusyServer {
  const server = {} as { dir: string; app: FastifyInstance };
  beforeAll(async () => {
    server.dir = mkdtempSync(join(tmpdir(), `regimes-${name}-`));
    process.env.REGIMES_TEST_BUSY_MS = String(busyMs);
    server.app = await buildApp({
      token: TOKEN,
      dataDir: server.dir,
      webRoot: false,
      engine: realEngine({ runnerModule: busyRunner, threads: 1 }),
    });
  });
  afterAll(async () => {
    await server.app.close();
    delete process.env.REGIMES_TEST_BUSY_MS;
    rmSync(server.dir, { recursive: true, force: true });
  });
  return server;
}
