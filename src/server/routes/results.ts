/**
 * Runs and comparisons: start one (token needed; it becomes a queued job and its job id comes back
 * at once), follow the job (server-sent events; when done it names the stored run or comparison),
 * list the stored ones, read a run's indicators or a comparison's statistics with filters, and
 * export them as CSV or Parquet.
 */
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXPORTS } from '../../store/index.ts';
import type { ResultStore, RowFilter } from '../../store/index.ts';
import type { Engine } from '../engine.ts';
import { apiError, HttpError } from '../http-error.ts';
import { COMPARISON_ID, JOB_ID, RUN_ID, inside, requireName } from '../paths.ts';
import { ComparisonBody, RunBody, parseBody, queryString, rowFilter } from '../request.ts';
import type { RunQueue } from '../run-queue.ts';
import { streamJob } from '../sse.ts';
import type { StoreGate } from '../store-gate.ts';
import { CHECK_JOB } from '../tasks/task-message.ts';
import type { TaskPool } from '../tasks/task-pool.ts';

/** Most rows one JSON response carries; ask for fewer with filters, or export. */
export const MAX_ROWS = 250_000;

export interface ResultRouteDeps {
  queue: RunQueue;
  engine: Engine;
  store: StoreGate;
  /** The data folder (exports are written to `exports/` inside it, then streamed and removed). */
  dataDir: string;
  /** The task workers (requests are checked there before they are queued). */
  tasks: TaskPool;
  /** The hook that checks the token. */
  requireToken: (req: FastifyRequest) => Promise<void>;
}

type Q = Record<string, unknown>;

/** Registers the run and comparison routes. */
export function resultRoutes(app: FastifyInstance, deps: ResultRouteDeps): void {
  const { queue, engine, store } = deps;
  const requireEngine = () => {
    if (!engine.available)
      throw apiError('E_ENGINE_UNAVAILABLE', 'the simulation engine is not available in this build');
  };

  // planned by the engine's own planner on a task worker: a request that cannot run is a 400 now
  const checkFirst = (kind: 'run' | 'comparison', request: unknown) =>
    engine.runnerModule
      ? deps.tasks.run(CHECK_JOB, {
          params: {},
          query: {},
          body: { runnerModule: engine.runnerModule.href, kind, request },
        })
      : undefined;

  app.post('/api/runs', { onRequest: deps.requireToken }, async (req, reply) => {
    const body = parseBody(RunBody, req.body);
    requireEngine();
    await checkFirst('run', body);
    const job = queue.submit('run', body, (ctx) => engine.run(body, ctx, store.file));
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ id: job.id, job });
  });

  app.post('/api/comparisons', { onRequest: deps.requireToken }, async (req, reply) => {
    const body = parseBody(ComparisonBody, req.body);
    if (new Set(body.regimes).size !== body.regimes.length)
      throw apiError('E_BAD_REQUEST', 'regimes: each regime once');
    requireEngine();
    await checkFirst('comparison', body);
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
    if (!job) throw apiError('E_UNKNOWN_JOB', `no job ${id} (jobs are remembered while the server runs)`);
    return job;
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id/events', async (req, reply) => {
    const id = requireName(req.params.id, JOB_ID, 'job id');
    if (!queue.get(id))
      throw apiError('E_UNKNOWN_JOB', `no job ${id} (jobs are remembered while the server runs)`);
    streamJob(queue, id, req, reply);
  });

  app.get('/api/runs', async () => ({
    runs: store.exists() ? await store.read((s) => s.listRuns()) : [],
  }));

  app.get('/api/comparisons', async () => ({
    comparisons: store.exists() ? await store.read((s) => s.listComparisons()) : [],
  }));

  app.get<{ Params: { id: string } }>('/api/runs/:id', async (req) => {
    const id = requireName(req.params.id, RUN_ID, 'run id');
    const run = await stored(store, (s) => s.getRun(id));
    if (!run) throw apiError('E_UNKNOWN_RUN', `no run ${id}`);
    return run;
  });

  app.get<{ Params: { id: string } }>('/api/comparisons/:id', async (req) => {
    const id = requireName(req.params.id, COMPARISON_ID, 'comparison id');
    const comparison = await stored(store, (s) => s.getComparison(id));
    if (!comparison) throw apiError('E_UNKNOWN_RUN', `no comparison ${id}`);
    return comparison;
  });

  app.get<{ Params: { id: string } }>('/api/runs/:id/indicators', async (req) => {
    const id = requireName(req.params.id, RUN_ID, 'run id');
    const filter = rowFilter(req.query as Q);
    if (filter.kind) throw apiError('E_BAD_REQUEST', 'kind: only comparison statistics have a kind');
    return readStored(store, 'indicators', id, filter, async (s) =>
      (await s.readRows(id, filter)).map((r) => ({ ...r, value: finite(r.value) })),
    );
  });

  app.get<{ Params: { id: string } }>('/api/comparisons/:id/stats', async (req) => {
    const id = requireName(req.params.id, COMPARISON_ID, 'comparison id');
    const filter = rowFilter(req.query as Q);
    return readStored(store, 'comparison_stats', id, filter, async (s) =>
      (await s.readStats(id, filter)).map((r) => ({
        ...r,
        mean: finite(r.mean),
        lo: finite(r.lo),
        hi: finite(r.hi),
      })),
    );
  });

  // a run's indicators or a comparison's statistics as one file, named and queried as the CLI's export
  for (const [kind, path, idPattern] of [
    ['run', '/api/runs/:id/export', RUN_ID],
    ['comparison', '/api/comparisons/:id/export', COMPARISON_ID],
  ] as const)
    app.get<{ Params: { id: string } }>(path, async (req, reply) => {
      const id = requireName(req.params.id, idPattern, `${kind} id`);
      const { format, filter } = exportParams(req.query as Q);
      if (filter.kind && kind === 'run')
        throw apiError('E_BAD_REQUEST', 'kind: only comparison statistics have a kind');
      const { files, query, record } = EXPORTS[kind];
      const name = `${id}-${files[format === 'csv' ? 0 : 1]}`;
      return sendExport(reply, deps.dataDir, store, id, name, format, query(id, filter), (s) =>
        record(s, id),
      );
    });
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** The stored record, or undefined when the store has none (or does not exist yet). */
async function stored<T>(store: StoreGate, get: (s: ResultStore) => Promise<T>): Promise<T | undefined> {
  if (!store.exists()) return undefined;
  try {
    return await store.read(get);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'E_STORE_RUN' || code === 'E_STORE_COMPARISON') return undefined;
    throw err;
  }
}

/**
 * The rows of a stored run or comparison that a filter keeps, with the indicators and years it
 * has: counted first, so that a request for too many rows is refused without reading them.
 * @throws 404 `E_UNKNOWN_RUN` when there is no such run or comparison; 413 `E_TOO_MANY_ROWS`
 */
async function readStored<T>(
  store: StoreGate,
  table: 'indicators' | 'comparison_stats',
  id: string,
  filter: RowFilter,
  read: (s: ResultStore) => Promise<T[]>,
) {
  const found = await stored(store, async (s) => {
    await (table === 'indicators' ? s.getRun(id) : s.getComparison(id));
    const n = await s.countRows(table, id, filter);
    if (n > MAX_ROWS) throw tooMany(n);
    return { id, ...(await s.rowExtent(table, id)), rows: await read(s) };
  });
  if (!found)
    throw apiError('E_UNKNOWN_RUN', `no stored results for ${id} (still running, failed, or never made)`);
  return found;
}

function tooMany(n: number): HttpError {
  return apiError(
    'E_TOO_MANY_ROWS',
    `${n} rows match; at most ${MAX_ROWS} come back as JSON: narrow the filter (indicator, country, from, to) or use the export`,
  );
}

function exportParams(q: Q): { format: 'csv' | 'parquet'; filter: RowFilter } {
  const format = queryString(q, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'parquet')
    throw apiError('E_BAD_REQUEST', 'format: expected csv or parquet');
  return { format, filter: rowFilter(q) };
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
  if (!(await stored(store, exists))) throw apiError('E_UNKNOWN_RUN', `no stored results for ${id}`);
  const dir = inside(dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const file = inside(dir, `${id}-${randomBytes(4).toString('hex')}.${format}`);
  await store.read((s) => s.copyTo(query, file, format));
  const stream = createReadStream(file);
  const cleanup = () => rmSync(file, { force: true });
  stream.on('close', cleanup);
  stream.on('error', cleanup);
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(stream);
}
