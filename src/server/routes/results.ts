/**
 * Runs and comparisons: start one (token needed; it becomes a queued job and its job id comes back
 * at once), follow the job (server-sent events; when done it names the stored run or comparison),
 * list the stored ones, read a run's indicators or a comparison's statistics with filters, and
 * export them as CSV or Parquet.
 */
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sqlString } from '../../store/index.ts';
import type { ResultStore } from '../../store/index.ts';
import type { Engine } from '../engine.ts';
import { HttpError, badRequest, notFound } from '../http-error.ts';
import { COMPARISON_ID, JOB_ID, RUN_ID, inside, requireName } from '../paths.ts';
import { ComparisonBody, RunBody, parseBody, passes, queryString, rowFilter } from '../request.ts';
import type { RowFilter } from '../request.ts';
import type { RunQueue } from '../run-queue.ts';
import { streamJob } from '../sse.ts';
import type { StoreGate } from '../store-gate.ts';

/** Most rows one JSON response carries; ask for fewer with filters, or export. */
export const MAX_ROWS = 250_000;

export interface ResultRouteDeps {
  queue: RunQueue;
  engine: Engine;
  store: StoreGate;
  /** The data folder (exports are written to `exports/` inside it, then streamed and removed). */
  dataDir: string;
  /** The hook that checks the token. */
  requireToken: (req: FastifyRequest) => Promise<void>;
}

type Q = Record<string, unknown>;

/** Registers the run and comparison routes. */
export function resultRoutes(app: FastifyInstance, deps: ResultRouteDeps): void {
  const { queue, engine, store } = deps;
  const requireEngine = () => {
    if (!engine.available)
      throw new HttpError(
        503,
        'E_ENGINE_UNAVAILABLE',
        'the simulation engine is not available in this build',
      );
  };

  app.post('/api/runs', { onRequest: deps.requireToken }, async (req, reply) => {
    const body = parseBody(RunBody, req.body);
    requireEngine();
    const job = queue.submit('run', body, (ctx) => engine.run(body, ctx, store.file));
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ id: job.id, job });
  });

  app.post('/api/comparisons', { onRequest: deps.requireToken }, async (req, reply) => {
    const body = parseBody(ComparisonBody, req.body);
    if (new Set(body.regimes).size !== body.regimes.length)
      throw badRequest('E_BAD_REQUEST', 'regimes: each regime once');
    requireEngine();
    const job = queue.submit('comparison', body, (ctx) => engine.compare(body, ctx, store.file));
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ id: job.id, job });
  });

  app.get('/api/jobs', async () => ({
    jobs: queue.list(),
    queue: { concurrency: queue.concurrency, maxQueued: queue.maxQueued, ...queue.counts() },
  }));

  app.get<{ Params: { id: string } }>('/api/jobs/:id', async (req) => {
    const id = requireName(req.params.id, JOB_ID, 'job id');
    const job = queue.get(id);
    if (!job) throw notFound('E_UNKNOWN_JOB', `no job ${id} (jobs are remembered while the server runs)`);
    return job;
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id/events', async (req, reply) => {
    const id = requireName(req.params.id, JOB_ID, 'job id');
    if (!queue.get(id))
      throw notFound('E_UNKNOWN_JOB', `no job ${id} (jobs are remembered while the server runs)`);
    streamJob(queue, id, req, reply);
  });

  app.get('/api/runs', async () => ({
    runs: store.exists() ? await store.use('read', (s) => s.listRuns()) : [],
  }));

  app.get('/api/comparisons', async () => ({
    comparisons: store.exists() ? await store.use('read', (s) => s.listComparisons()) : [],
  }));

  app.get<{ Params: { id: string } }>('/api/runs/:id', async (req) => {
    const id = requireName(req.params.id, RUN_ID, 'run id');
    const run = await stored(store, (s) => s.getRun(id));
    if (!run) throw notFound('E_UNKNOWN_RUN', `no run ${id}`);
    return run;
  });

  app.get<{ Params: { id: string } }>('/api/comparisons/:id', async (req) => {
    const id = requireName(req.params.id, COMPARISON_ID, 'comparison id');
    const comparison = await stored(store, (s) => s.getComparison(id));
    if (!comparison) throw notFound('E_UNKNOWN_RUN', `no comparison ${id}`);
    return comparison;
  });

  app.get<{ Params: { id: string } }>('/api/runs/:id/indicators', async (req) => {
    const id = requireName(req.params.id, RUN_ID, 'run id');
    const filter = rowFilter(req.query as Q);
    const rows = await readStored(store, id, (s) => s.readRows(id));
    const out = rows.filter((r) => passes(filter, r));
    if (out.length > MAX_ROWS) throw tooMany(out.length);
    return {
      id,
      indicators: [...new Set(rows.map((r) => r.indicator))].sort(),
      years: span(rows),
      rows: out.map((r) => ({ ...r, value: Number.isFinite(r.value) ? r.value : null })),
    };
  });

  app.get<{ Params: { id: string } }>('/api/comparisons/:id/stats', async (req) => {
    const id = requireName(req.params.id, COMPARISON_ID, 'comparison id');
    const filter = rowFilter(req.query as Q);
    const kind = queryString(req.query as Q, 'kind');
    if (kind && kind !== 'regime' && kind !== 'difference')
      throw badRequest('E_BAD_REQUEST', 'kind: expected regime or difference');
    const stats = await readStored(store, id, (s) => s.readStats(id));
    const out = stats.filter((r) => passes(filter, r) && (!kind || r.kind === kind));
    if (out.length > MAX_ROWS) throw tooMany(out.length);
    const num = (v: number) => (Number.isFinite(v) ? v : null);
    return {
      id,
      indicators: [...new Set(stats.map((r) => r.indicator))].sort(),
      years: span(stats),
      rows: out.map((r) => ({ ...r, mean: num(r.mean), lo: num(r.lo), hi: num(r.hi) })),
    };
  });

  app.get<{ Params: { id: string } }>('/api/runs/:id/export', async (req, reply) => {
    const id = requireName(req.params.id, RUN_ID, 'run id');
    const { format, filter } = exportParams(req.query as Q);
    const where = [`run_id = ${sqlString(id)}`, ...sqlFilter(filter)].join(' AND ');
    const query = `SELECT CAST(year AS INTEGER) AS year, indicator, country, value FROM indicators WHERE ${where} ORDER BY year, indicator, country`;
    return sendExport(reply, deps.dataDir, store, id, `${id}-indicators.${format}`, format, query, (s) =>
      s.getRun(id),
    );
  });

  app.get<{ Params: { id: string } }>('/api/comparisons/:id/export', async (req, reply) => {
    const id = requireName(req.params.id, COMPARISON_ID, 'comparison id');
    const { format, filter } = exportParams(req.query as Q);
    const where = [`comparison_id = ${sqlString(id)}`, ...sqlFilter(filter)].join(' AND ');
    const query = `SELECT CAST(year AS INTEGER) AS year, indicator, country, kind, label, mean, lo, hi, n FROM comparison_stats WHERE ${where} ORDER BY indicator, country, year, kind DESC, label`;
    return sendExport(reply, deps.dataDir, store, id, `${id}-comparison.${format}`, format, query, (s) =>
      s.getComparison(id),
    );
  });
}

/** The stored record, or undefined when the store has none (or does not exist yet). */
async function stored<T>(store: StoreGate, get: (s: ResultStore) => Promise<T>): Promise<T | undefined> {
  if (!store.exists()) return undefined;
  try {
    return await store.use('read', get);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'E_STORE_RUN' || code === 'E_STORE_COMPARISON') return undefined;
    throw err;
  }
}

async function readStored<T>(
  store: StoreGate,
  id: string,
  read: (s: ResultStore) => Promise<T[]>,
): Promise<T[]> {
  const rows = await stored(store, read);
  if (!rows || rows.length === 0) {
    const exists = await stored<unknown>(store, (s) =>
      id.startsWith('run-') ? s.getRun(id) : s.getComparison(id),
    );
    if (!exists)
      throw notFound('E_UNKNOWN_RUN', `no stored results for ${id} (still running, failed, or never made)`);
  }
  return rows ?? [];
}

function span(rows: readonly { year: number }[]): { first: number; last: number } | null {
  if (!rows.length) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (r.year < first) first = r.year;
    if (r.year > last) last = r.year;
  }
  return { first, last };
}

function tooMany(n: number): HttpError {
  return new HttpError(
    413,
    'E_TOO_MANY_ROWS',
    `${n} rows match; at most ${MAX_ROWS} come back as JSON: narrow the filter (indicator, country, from, to) or use the export`,
  );
}

function exportParams(q: Q): { format: 'csv' | 'parquet'; filter: RowFilter } {
  const format = queryString(q, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'parquet')
    throw badRequest('E_BAD_REQUEST', 'format: expected csv or parquet');
  return { format, filter: rowFilter(q) };
}

/** SQL conditions of a filter (every value was checked against a strict pattern). */
function sqlFilter(f: RowFilter): string[] {
  const out: string[] = [];
  if (f.indicators) out.push(`indicator IN (${f.indicators.map(sqlString).join(', ')})`);
  if (f.countries) out.push(`country IN (${f.countries.map(sqlString).join(', ')})`);
  if (f.from !== undefined) out.push(`year >= ${f.from}`);
  if (f.to !== undefined) out.push(`year <= ${f.to}`);
  return out;
}

async function sendExport(
  reply: FastifyReply,
  dataDir: string,
  store: StoreGate,
  id: string,
  name: string,
  format: 'csv' | 'parquet',
  query: string,
  exists: (s: ResultStore) => Promise<unknown>,
): Promise<FastifyReply> {
  if (!(await stored(store, exists))) throw notFound('E_UNKNOWN_RUN', `no stored results for ${id}`);
  const dir = inside(dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const file = inside(dir, `${id}-${randomBytes(4).toString('hex')}.${format}`);
  await store.use('read', (s) => s.copyTo(query, file, format));
  const stream = createReadStream(file);
  const cleanup = () => rmSync(file, { force: true });
  stream.on('close', cleanup);
  stream.on('error', cleanup);
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(stream);
}
