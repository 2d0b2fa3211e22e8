import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { realEngine } from '../../src/server/jobs/engine-real.ts';

const TOKEN = 'test-token-0123456789abcdef';
const CASE = new URL('../../cases/neoliberal/removal/nl-deu-sle-nonreturnable-2000.yaml', import.meta.url);
const doubleRunner = new URL('../support/ensemble/double-member.ts', import.meta.url);

let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'regimes-requests-'));
  app = await buildApp({
    token: TOKEN,
    dataDir: dir,
    webRoot: false,
    engine: realEngine({ runnerModule: doubleRunner, threads: 1 }),
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload: unknown, authorization = `Bearer ${TOKEN}`) =>
  app.inject({ method: 'POST', url, headers: { authorization }, payload: payload as object });

// Issue 24, finding 8.
describe('requests are checked before they are accepted', () => {
  it('answers 400 at once, not 202, for an unknown scenario or regime', async () => {
    for (const [url, body] of [
      ['/api/runs', { scenario: 'no-such-scenario' }],
      ['/api/runs', { scenario: 'test-scenario', regime: 'no-such-regime' }],
      ['/api/comparisons', { scenario: 'test-scenario', regimes: ['a', 'no-such-regime'] }],
    ] as const) {
      const res = await post(url, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([400, 'E_BAD_REQUEST']);
    }
    expect((await app.inject('/api/jobs')).json().jobs).toEqual([]);
  });

  it('answers 400 for a range that ends before it starts (the planner says so: here the test double)', async () => {
    const res = await post('/api/runs', { scenario: 'test-scenario', from: 2000, to: 1995 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toMatch(/^E_(SIM|WORLD)_YEAR$/);
  });

  it('takes the seeds the CLI takes (0 … 2^32 − 1), and no more', async () => {
    expect((await post('/api/runs', { scenario: 'test-scenario', seed: 2 ** 32 - 1 })).statusCode).toBe(202);
    expect((await post('/api/runs', { scenario: 'test-scenario', seed: 2 ** 32 })).statusCode).toBe(400);
  });

  it('takes the token with a lower-case `bearer` too', async () => {
    const res = await post('/api/runs', { scenario: 'test-scenario' }, `bearer ${TOKEN}`);
    expect(res.statusCode).toBe(202);
  });

  it('refuses text/plain (415) instead of reading it as YAML', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'text/plain' },
      payload: 'kind: Case\n',
    });
    expect([res.statusCode, res.json().code]).toEqual([415, 'E_UNSUPPORTED_MEDIA_TYPE']);
  });

  it('refuses to decide a case dated before the regime is in force', async () => {
    const yaml = readFileSync(CASE, 'utf8').replace(/^date: .*$/m, 'date: 1850-06-01');
    const res = await post('/api/decide', { regime: 'neoliberal', yaml, tier: 'core' });
    expect(res.json().code, res.body).toBe('E_NOT_IN_FORCE');
    expect(res.statusCode).toBe(400);
  });
});

describe('a job that fails after it was accepted', () => {
  it('ends failed, with its error code on the job and its event stream', async () => {
    const failing = await buildApp({
      token: TOKEN,
      dataDir: join(dir, 'failing'),
      webRoot: false,
      engine: realEngine({ runnerModule: new URL('./failing-member.ts', import.meta.url), threads: 1 }),
    });
    try {
      const started = await failing.inject({
        method: 'POST',
        url: '/api/runs',
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { scenario: 'test-scenario' },
      });
      expect(started.statusCode).toBe(202);
      const events = await failing.inject(`/api/jobs/${started.json().id}/events`);
      expect(events.body).toContain('event: failed');
      expect(events.body).toContain('E_SIM_PARAMETER');
    } finally {
      await failing.close();
    }
  });
});
