import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { startServer } from '../support/processes.ts';

const TEST_TASKS = new URL('./test-tasks.ts', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'regimes-logging-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

// Issue 24, finding 6: a 500 said "see the server log", and there was no log.
describe('the server log', () => {
  it('answers a 500 with an error id, no stack, and logs that id with the detail', async () => {
    let log = '';
    // workers that know none of the routes' tasks: every document route fails inside the server
    const app = await buildApp({
      token: 'test-token-0123456789abcdef',
      dataDir: dir,
      webRoot: false,
      tasks: { tasks: TEST_TASKS, size: 1 },
      logger: { stream: { write: (line: string) => (log += line) } },
    });
    try {
      const res = await app.inject('/api/documents');
      expect(res.statusCode).toBe(500);
      const body = res.json() as { code: string; errorId: string; message: string };
      expect(body.code).toBe('E_INTERNAL');
      expect(body.errorId).toMatch(/^err-[0-9a-f]{12}$/);
      expect(body.message).toContain(body.errorId);
      expect(res.body).not.toMatch(/\bat |task-worker/);
      const line = jsonLines(log).find((l) => l.errorId === body.errorId);
      expect(line).toMatchObject({ level: 50, msg: 'internal error' });
      expect(String(line!.detail)).toMatch(/no task GET \/api\/documents/);
    } finally {
      await app.close();
    }
  });

  it('is JSON lines on stderr for `regimes serve`, without the token; --quiet keeps errors only', async () => {
    const loud = await startServer(dir);
    await fetch(`${loud.url}/api/health`);
    await fetch(`${loud.url}/?token=${loud.token}`);
    await loud.stop();
    const lines = jsonLines(loud.stderr());
    expect(lines.some((l) => (l.req as { url?: string } | undefined)?.url === '/api/health')).toBe(true);
    expect(loud.stderr()).not.toContain(loud.token);

    const quiet = await startServer(dir, ['--quiet']);
    await fetch(`${quiet.url}/api/health`);
    await quiet.stop();
    expect(jsonLines(quiet.stderr())).toEqual([]);
  });
});
