import { mkdtempSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { resolveToken } from './auth.ts';
import type { Engine } from './engine.ts';
import { realEngine } from './jobs/engine-real.ts';

const TOKEN = 'test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
const doubleRunner = new URL('../../test/support/ensemble/double-member.ts', import.meta.url);

/** An engine whose jobs finish only when released: to fill the queue. */
function heldEngine() {
  const waiting: (() => void)[] = [];
  const engine: Engine = {
    available: true,
    run: (_req, ctx) =>
      new Promise((done) => {
        ctx.progress(0, 2, 'held');
        waiting.push(() => done('run-20260101-000000-abcdef'));
      }),
    compare: () => Promise.resolve('cmp-20260101-000000-abcdef'),
  };
  return { engine, release: () => waiting.splice(0).forEach((f) => f()) };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'regimes-server-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the write token', () => {
  it('is made on first start in the data folder (mode 0600), then read back; --token and REGIMES_TOKEN win', () => {
    const data = join(dir, 'token-test');
    const first = resolveToken(data, undefined, {});
    expect(first.origin).toBe('generated');
    expect(first.token.length).toBeGreaterThanOrEqual(16);
    expect(statSync(join(data, 'token')).mode & 0o777).toBe(0o600);
    expect(resolveToken(data, undefined, {})).toMatchObject({ origin: 'file', token: first.token });
    expect(resolveToken(data, undefined, { REGIMES_TOKEN: 'from-the-environment-123' })).toMatchObject({
      origin: 'env',
      token: 'from-the-environment-123',
    });
    expect(resolveToken(data, 'given-on-the-command-line', {})).toMatchObject({ origin: 'option' });
    expect(() => resolveToken(data, 'short', {})).toThrow(/at least 16/);
  });
});

describe('API (inject)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      token: TOKEN,
      dataDir: join(dir, 'data'),
      webRoot: false,
      engine: realEngine({ runnerModule: doubleRunner, threads: 1 }),
    });
  });
  afterAll(() => app.close());

  it('lists documents and shows one resolved at a date, with its sources', async () => {
    const list = await app.inject('/api/documents');
    expect(list.statusCode).toBe(200);
    const docs = list.json().documents as { id: string; kind: string }[];
    expect(docs.some((d) => d.id === 'refugee-convention-1951')).toBe(true);
    const one = await app.inject('/api/documents/refugee-convention-1951?at=2000-01-01');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: 'refugee-convention-1951',
      kind: 'Instrument',
      date: '2000-01-01',
      in_force: true,
    });
    expect(one.json().sources.length).toBeGreaterThan(0);
    expect(one.json().yaml).toContain('refugee-convention-1951');
  });

  it('answers unknown documents, bad dates and unknown routes with JSON errors and the right status', async () => {
    const unknown = await app.inject('/api/documents/no-such-document');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ statusCode: 404, code: 'E_UNKNOWN_ID' });
    const badDate = await app.inject('/api/documents/refugee-convention-1951?at=2001-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().code).toBe('E_BAD_DATE');
    const route = await app.inject('/api/nothing-here');
    expect(route.statusCode).toBe(404);
    expect(route.headers['content-type']).toMatch(/application\/json/);
    expect(route.json().code).toBe('E_NOT_FOUND');
  });

  it('validates a posted document: errors at their line and column', async () => {
    const yaml = 'kind: Instrument\nid: my-instrument\ntitle: Mine\nvalid_from: 2001-02-30\n';
    const r = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { yaml, file: 'mine.yaml' },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.ok).toBe(false);
    const date = body.diagnostics.find((d: { path: string[] }) => d.path?.[0] === 'valid_from');
    expect(date).toMatchObject({ file: 'mine.yaml', line: 4 });
    expect(date.col).toBeGreaterThanOrEqual(1);
    const raw = await app.inject({
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'application/yaml' },
      payload: 'kind: [unclosed\n',
    });
    expect(raw.json()).toMatchObject({ ok: false, diagnostics: [{ code: 'E_YAML_SYNTAX' }] });
  });

  it('checks every built-in national policy against a convention (table with scores)', async () => {
    const conventions = (await app.inject('/api/documents?kind=Convention')).json().documents as {
      id: string;
    }[];
    expect(conventions.length).toBeGreaterThan(0);
    const r = await app.inject(`/api/compliance?convention=${conventions[0].id}&at=2000-01-01`);
    expect(r.statusCode).toBe(200);
    const t = r.json();
    expect(t.criteria.length).toBeGreaterThan(0);
    expect(t.rows.length).toBeGreaterThan(0);
    expect(t.rows[0].results).toHaveLength(t.criteria.length);
  });

  it('decides a posted case under a regime posted with it, with numbered cited reasons', async () => {
    const yaml = `kind: Regime
id: api-test-regime
title: Test regime
sources: [{ seed: "§3" }]
valid_from: 1990-01-01
components:
  - { ref: refugee-convention-1951, where: parties }
national_policies:
  explicit: [policy-deu]
  defaults: { core: default-core-2000, semi_periphery: default-semi-periphery-2000, periphery: default-periphery-2000 }
---
kind: Case
id: api-test-case
date: 2001-06-01
person: { nationalities: [IRN], location: DEU }
claim:
  persecution: { ground: political_opinion, by: state }
  role: activist
`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/decide',
      payload: { regime: 'api-test-regime', yaml },
    });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({ regime: 'api-test-regime', country: 'DEU', case: 'api-test-case' });
    expect(d.explanation.length).toBeGreaterThan(0);
    expect(
      d.explanation.some((x: { citation: string }) => x.citation.includes('refugee-convention-1951')),
    ).toBe(true);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/decide',
      payload: { regime: 'api-test-regime', yaml: yaml.replace('[IRN]', '[IRNX]') },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('E_INVALID_DOCUMENT');
    expect(bad.json().diagnostics[0]).toMatchObject({ file: 'case.yaml', line: 15 });
  });

  it('needs the token to start work: 401 without, 403 with a wrong one, before the body is read', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { scenario: 'test-scenario' },
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('E_TOKEN_MISSING');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/comparisons',
      headers: { authorization: 'Bearer wrong-token-wrong-token' },
      payload: '{not json',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('E_TOKEN_WRONG');
  });

  it('refuses bad JSON, a body over the limit and a body of the wrong shape', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"scenario": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('E_BAD_JSON');
    const big = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { yaml: 'x'.repeat(1_200_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('E_BODY_TOO_LARGE');
    const shape = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: { scenario: 'Not An Id', seed: -1, extra: 1 },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().code).toBe('E_BAD_REQUEST');
    expect(shape.json().diagnostics.length).toBe(3);
    const media = await app.inject({
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'text/html' },
      payload: '<p>',
    });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('E_UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses path-traversal attempts in ids and file names', async () => {
    for (const url of [
      '/api/documents/..%2F..%2Fpackage',
      '/api/documents/..%2F..%2Fpackage/source',
      '/api/runs/..%2F..%2F..%2Fetc%2Fpasswd/indicators',
      '/api/runs/run-20260101-000000-abcd%2F..%2F..%2Fx/export',
      '/api/comparisons/..%5C..%5Cx/stats',
      '/api/jobs/..%2Ftoken',
      '/api/runs/run-20260101-000000-abcd/indicators?country=..%2F..',
    ]) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().code, url).toBe('E_BAD_ID');
    }
    const file = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { yaml: 'a: 1', file: '../../etc/passwd' },
    });
    expect(file.statusCode).toBe(400);
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/..%2f.regimes%2ftoken']) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body).not.toContain('mobility-regimes');
    }
  });

  it('runs a job: 202 with its id, progress as server-sent events, then filtered indicators and CSV/Parquet exports', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: { scenario: 'test-scenario', seed: 2 },
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    const events = await app.inject(`/api/jobs/${id}/events`);
    expect(events.headers['content-type']).toMatch(/text\/event-stream/);
    expect(events.body).toMatch(/event: progress/);
    const done = events.body.split('\n\n').find((b) => b.startsWith('event: done'));
    expect(done).toBeDefined();
    const job = JSON.parse(done!.split('data: ')[1]);
    expect(job.state).toBe('done');
    expect(job.resultId).toMatch(/^run-/);

    const rows = await app.inject(
      `/api/runs/${job.resultId}/indicators?indicator=migrant_stock&country=USA,MEX&from=1991&to=1992`,
    );
    expect(rows.statusCode).toBe(200);
    expect(rows.json().rows).toHaveLength(4);
    expect(rows.json().indicators).toEqual(['migrant_stock', 'refugees']);

    const csv = await app.inject(`/api/runs/${job.resultId}/export?format=csv&country=WLD`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`${job.resultId}-indicators.csv`);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('year,indicator,country,value');
    expect(lines).toHaveLength(1 + 2 * 5);
    const parquet = await app.inject(`/api/runs/${job.resultId}/export?format=parquet`);
    expect(parquet.statusCode).toBe(200);
    expect(parquet.rawPayload.subarray(0, 4).toString()).toBe('PAR1');
    const kind = await app.inject(`/api/runs/${job.resultId}/export?kind=regime`);
    expect([kind.statusCode, kind.json().code]).toEqual([400, 'E_BAD_REQUEST']);
    // The export files were streamed and removed: nothing is left behind.
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(join(dir, 'data', 'exports'))).toEqual([]);

    const list = await app.inject('/api/runs');
    expect(list.json().runs.map((r: { id: string }) => r.id)).toContain(job.resultId);
    expect((await app.inject('/api/runs/run-20000101-000000-abcd')).statusCode).toBe(404);
  });

  it('runs a comparison and serves its statistics', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/comparisons',
      headers: auth,
      payload: { scenario: 'test-scenario', regimes: ['a', 'b'], seeds: 3 },
    });
    expect(started.statusCode).toBe(202);
    const events = await app.inject(`/api/jobs/${started.json().id}/events`);
    const job = JSON.parse(events.body.split('event: done\ndata: ')[1].split('\n')[0]);
    expect(job.resultId).toMatch(/^cmp-/);
    const stats = await app.inject(
      `/api/comparisons/${job.resultId}/stats?country=WLD&kind=regime&indicator=refugees`,
    );
    expect(stats.statusCode).toBe(200);
    const rows = stats.json().rows as { label: string; lo: number; hi: number; mean: number }[];
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set(['a', 'b']));
    expect(rows.every((r) => r.lo <= r.mean && r.mean <= r.hi)).toBe(true);
    const csv = await app.inject(`/api/comparisons/${job.resultId}/export?country=WLD&kind=regime`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`${job.resultId}-comparison.csv`);
    expect(csv.body.split('\n')[0]).toMatch(/^year,indicator,country,kind,label,mean,lo,hi/);
    const one = await app.inject({
      method: 'POST',
      url: '/api/comparisons',
      headers: auth,
      payload: { scenario: 'test-scenario', regimes: ['a'] },
    });
    expect(one.statusCode).toBe(400);
  });

  it('refuses a run of an unknown scenario at once (400), before it becomes a job', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: { scenario: 'no-such-scenario' },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'E_BAD_REQUEST']);
    expect(res.json().message).toContain('no-such-scenario');
  });

  it('serves the root-cause series for the map: arms imports by recipient, by year', async () => {
    const list = await app.inject('/api/root-causes/series');
    expect(list.json().series.map((s: { name: string }) => s.name)).toEqual([
      'armsImportsTiv',
      'armsExportsTiv',
      'agricultureSharePct',
    ]);
    const imports = await app.inject('/api/root-causes/series/armsImportsTiv?year=2000');
    expect(imports.statusCode).toBe(200);
    const rows = imports.json().rows as { year: number; country: string; value: number }[];
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((r) => r.year === 2000 && r.value >= 0)).toBe(true);
    expect(rows.find((r) => r.country === 'IND')?.value).toBeGreaterThan(0);
    const unknown = await app.inject('/api/root-causes/series/nope');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'E_UNKNOWN_SERIES']);
  });

  it('checks the root-cause levers of a run against the schema, at their path', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: {
        scenario: 'world-1990-2020',
        levers: [
          {
            lever: 'arms_export_restraint',
            year: 1995,
            suppliers: { countries: ['USA'] },
            reduction: 2,
            source: { note: 'x' },
          },
        ],
      },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'E_BAD_REQUEST']);
    expect(JSON.stringify(res.json())).toMatch(/levers.*reduction|reduction between 0 and 1/);
  });

  it('keeps nothing outside its data folder: store and token live under it', () => {
    expect(existsSync(join(dir, 'data', 'results.duckdb'))).toBe(true);
  });
});

describe('API (bounded queue, real socket)', () => {
  it('queues up to the limit and refuses more with 429; queued jobs run when a slot frees', async () => {
    const held = heldEngine();
    const app = await buildApp({
      token: TOKEN,
      dataDir: join(dir, 'queue'),
      webRoot: false,
      engine: held.engine,
      concurrency: 1,
      maxQueued: 2,
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const post = () =>
        fetch(`${address}/api/runs`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ scenario: 'test-scenario' }),
        });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await post());
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429]);
      const refused = (await answers[3].json()) as { code: string; message: string };
      expect(refused.code).toBe('E_QUEUE_FULL');
      const jobs = (await (await fetch(`${address}/api/jobs`)).json()) as {
        queue: { running: number; queued: number };
      };
      expect(jobs.queue).toMatchObject({ running: 1, queued: 2 });
      held.release();
      await new Promise((r) => setTimeout(r, 20));
      held.release();
      await new Promise((r) => setTimeout(r, 20));
      held.release();
      await new Promise((r) => setTimeout(r, 20));
      const after = (await (await fetch(`${address}/api/jobs`)).json()) as { queue: { done: number } };
      expect(after.queue.done).toBe(3);
      expect((await post()).status).toBe(202);
      held.release();
    } finally {
      await app.close();
    }
  });

  it('says 503 when the engine is not available', async () => {
    const app = await buildApp({
      token: TOKEN,
      dataDir: join(dir, 'none'),
      webRoot: false,
      engine: { ...heldEngine().engine, available: false },
    });
    const r = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: { scenario: 'test-scenario' },
    });
    expect(r.statusCode).toBe(503);
    expect(r.json().code).toBe('E_ENGINE_UNAVAILABLE');
    await app.close();
  });
});
