/**
 * The HTTP server: a fastify app with the JSON API under `/api` and the built dashboard
 * (`dist-web/`) at `/`. `buildApp` makes it without listening, so tests use `inject()` or a real
 * `listen({ port: 0, host: '127.0.0.1' })`; `regimes serve` listens on the port asked for.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { UserError, type Diagnostic } from '../shared/errors.ts';
import { httpStatusOf, isErrorCode, type ErrorCode } from '../shared/error-codes.ts';
import type { Engine } from './engine.ts';
import { apiError, HttpError } from './http-error.ts';
import type { ApiErrorBody } from './http-error.ts';
import { requireToken } from './auth.ts';
import { jsonShapeBreach } from './json-shape.ts';
import { PROJECT_ROOT } from './library.ts';
import { DEFAULT_DATA_DIR, inside } from './paths.ts';
import { RunQueue } from './run-queue.ts';
import { StoreGate } from './store-gate.ts';
import { documentTasks } from './routes/documents.ts';
import { worldTasks } from './routes/world.ts';
import { rootCauseTasks } from './routes/root-causes.ts';
import { resultRoutes } from './routes/results.ts';
import { rulesTasks } from './routes/rules.ts';
import { TaskPool, type TaskPoolOptions } from './tasks/task-pool.ts';
import { registerTaskRoutes } from './tasks/task-table.ts';

/** The built dashboard shipped with the package (made by `vite build`). */
export const DEFAULT_WEB_ROOT = join(PROJECT_ROOT, 'dist-web');

/** Largest request body accepted by default, in bytes (a document is at most 1 MB; see LIMITS). */
export const DEFAULT_BODY_LIMIT = 1_100_000;

export interface AppOptions {
  /** The token that requests which write or start work must carry. */
  token: string;
  /** The data folder: token, results store, exports (default `.regimes` under the working directory). */
  dataDir?: string;
  /** The built dashboard to serve; `false` for the API alone (default `dist-web/` of the package, when built). */
  webRoot?: string | false;
  /** Largest request body, bytes. */
  bodyLimit?: number;
  /** Runs and comparisons working at once (default 1). */
  concurrency?: number;
  /** Runs and comparisons allowed to wait (default 4); more are refused with 429. */
  maxQueued?: number;
  /** The task workers that do the library's work (documents, validation, decisions, compliance). */
  tasks?: TaskPoolOptions;
  /** The simulation (default: the real engine). */
  engine?: Engine;
  /**
   * The server's log: JSON lines (pino) of requests and errors. `true` writes to stderr at level
   * `info`; `regimes serve --quiet` keeps errors only. Default off (tests).
   */
  logger?: boolean | { level?: 'info' | 'warn' | 'error'; stream?: { write(line: string): void } };
}

/** Makes the app (not listening). Close it with `app.close()`: running jobs are aborted, the store released. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const dataDir = resolvePath(options.dataDir ?? DEFAULT_DATA_DIR);
  const store = new StoreGate(inside(dataDir, 'results.duckdb'));
  const queue = new RunQueue({ concurrency: options.concurrency ?? 1, maxQueued: options.maxQueued ?? 4 });
  const app = Fastify({
    logger: loggerOptions(options.logger),
    genReqId: () => randomBytes(6).toString('hex'),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Ids are checked by pattern; no route takes a path with slashes from a request.
    routerOptions: { maxParamLength: 200 },
  });

  const engine =
    options.engine ??
    (await import('./jobs/engine-real.ts')).realEngine({
      log: (line) => app.log.warn({ child: line }, 'job process'),
    });
  const tasks = new TaskPool(options.tasks);

  // JSON's shape is measured on its text, before JSON.parse and the recursive code after it.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const breach = jsonShapeBreach(body as string);
    if (breach) done(apiError(breach.code, breach.message), undefined);
    else parseJson(req, body as string, done);
  });
  // YAML can be posted as it is (curl --data-binary @doc.yaml -H 'content-type: application/yaml').
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  app.setErrorHandler((err: FastifyError | HttpError | UserError, req, reply) => {
    const body = toErrorBody(err);
    if (body.code === 'E_INTERNAL') {
      // the answer names the log line that has what went wrong (never the stack itself)
      body.errorId = `err-${randomBytes(6).toString('hex')}`;
      body.message = `internal error ${body.errorId}: the server log has the detail`;
      const detail = (err as { detail?: string }).detail;
      req.log.error({ errorId: body.errorId, err, ...(detail ? { detail } : {}) }, 'internal error');
    } else if (body.statusCode >= 500) {
      req.log.warn({ code: body.code }, body.message);
      if (body.statusCode === 503) void reply.header('retry-after', '5');
    }
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const body: ApiErrorBody = {
      statusCode: 404,
      code: 'E_NOT_FOUND',
      message: `no route ${req.method} ${req.url.split('?')[0].slice(0, 200)}`,
    };
    return reply.code(404).send(body);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  app.addHook('onClose', async () => {
    await queue.close();
    await tasks.close();
  });

  app.get('/api/health', async () => ({
    ok: true,
    engine: engine.available,
    queue: { concurrency: queue.concurrency, maxQueued: queue.maxQueued, ...queue.counts() },
    tasks: tasks.counts(),
  }));
  for (const table of [documentTasks, worldTasks, rootCauseTasks, rulesTasks])
    registerTaskRoutes(app, table, tasks);
  resultRoutes(app, { queue, engine, store, tasks, dataDir, requireToken: requireToken(options.token) });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: resolvePath(webRoot),
      prefix: '/',
      index: ['index.html'],
      dotfiles: 'deny',
      serveDotFiles: false,
    });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          'The dashboard is not built: run `npx vite build` (or `npm test`), then restart `regimes serve`. The API is under /api.\n',
        ),
    );
  }
  return app;
}

function loggerOptions(logger: AppOptions['logger']) {
  if (!logger) return false;
  const o = logger === true ? {} : logger;
  return {
    level: o.level ?? 'info',
    // one JSON object a line on stderr (stdout is the program's own output)
    stream: o.stream ?? process.stderr,
    serializers: {
      // the dashboard's address may carry the token (`/?token=…`): never into the log
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url.replace(/([?&]token=)[^&]*/g, '$1…'),
        remoteAddress: req.ip,
      }),
    },
  };
}

/** fastify's own errors, as the API's codes and messages. */
const FASTIFY_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['E_BODY_TOO_LARGE', 'the request body is larger than this server accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'E_UNSUPPORTED_MEDIA_TYPE',
    'send JSON (Content-Type: application/json) or YAML (application/yaml)',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['E_BAD_JSON', 'the body is not valid JSON: it is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['E_BAD_JSON', 'the body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['E_BAD_REQUEST', 'the Content-Length does not match the body'],
};

/** An error body with the status its code is declared with (src/shared/error-codes.ts). */
const bodyOf = (code: ErrorCode, message: string, diagnostics?: Diagnostic[]): ApiErrorBody => ({
  statusCode: httpStatusOf(code),
  code,
  message,
  ...(diagnostics ? { diagnostics } : {}),
});

/** Renders any error as the API's JSON error body, with the right status. */
export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof HttpError) {
    return {
      statusCode: err.statusCode,
      code: err.code,
      message: err.message,
      ...(err.diagnostics ? { diagnostics: err.diagnostics } : {}),
    };
  }
  if (err instanceof UserError) {
    const code = isErrorCode(err.code) ? err.code : 'E_USER';
    return bodyOf(code, err.diagnostics[0]?.message ?? err.message, err.diagnostics);
  }
  const e = err as Partial<FastifyError> & { message?: string };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const known = e.code ? FASTIFY_ERRORS[e.code] : undefined;
  if (known) {
    const [code, message] = known;
    return bodyOf(code, code === 'E_BAD_JSON' && e.message ? `${message}: ${e.message}` : message);
  }
  if (err instanceof SyntaxError && status === 400)
    return bodyOf('E_BAD_JSON', `the body is not valid JSON: ${err.message}`);
  if (status >= 400 && status < 500)
    return { statusCode: status, code: 'E_BAD_REQUEST', message: e.message ?? 'bad request' };
  return bodyOf('E_INTERNAL', 'internal error');
}
