/** `regimes serve`: the HTTP API and the web dashboard, until interrupted. */
import type { Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import { userError } from '../../shared/errors.ts';
import { buildApp } from '../../server/app.ts';
import { resolveToken } from '../../server/auth.ts';
import { PROJECT_ROOT } from '../../server/library.ts';
import { DEFAULT_DATA_DIR } from '../../server/paths.ts';
import { buildDashboard, dashboardState } from '../dashboard-build.ts';
import { note, printLine, type CommonOptions } from '../output.ts';
import { UsageError } from '../usage-error.ts';

interface ServeOptions extends CommonOptions {
  port: string;
  host: string;
  token?: string;
}

/** Registers `serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'start the HTTP API and the web dashboard (browse regimes, decide cases, check compliance, run and compare, map)',
    )
    .option('--port <n>', 'port to listen on (0: any free port)', '8377')
    .option('--host <host>', 'address to listen on (0.0.0.0 to reach it from other machines)', '127.0.0.1')
    .option(
      '--token <token>',
      'token for requests that write or start work (default: $REGIMES_TOKEN, else .regimes/token, made on first start)',
    )
    .option('--quiet', 'no chatter on stderr, and only errors in the log (JSON lines on stderr)')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new UsageError(
          `--port must be a whole number from 0 to 65535, not ${JSON.stringify(opts.port)}`,
        );
      const dataDir = resolvePath(DEFAULT_DATA_DIR);
      let token;
      try {
        token = resolveToken(dataDir, opts.token);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      await ensureDashboard(opts);
      // the log: JSON lines on stderr; --quiet keeps only errors (a 500's id is always findable)
      const app = await buildApp({
        token: token.token,
        dataDir,
        logger: opts.quiet ? { level: 'error' } : true,
      });
      let address: string;
      try {
        address = await app.listen({ port, host: opts.host });
      } catch (err) {
        await app.close();
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE')
          throw userError(
            'E_PORT_IN_USE',
            `port ${port} on ${opts.host} is in use: choose another with --port`,
          );
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
          throw userError('E_BAD_HOST', `cannot listen on ${opts.host}: ${code}`);
        throw err;
      }
      const shown = address.replace('://0.0.0.0:', '://localhost:');
      if (token.origin === 'generated') {
        printLine(
          `token: ${token.token}  (new; stored in ${DEFAULT_DATA_DIR}/token; send it as "Authorization: Bearer TOKEN")`,
        );
        printLine(`dashboard: ${shown}/?token=${token.token}`);
      } else {
        printLine(`dashboard: ${shown}/`);
        note(
          opts,
          `token: from ${token.origin === 'file' ? `${DEFAULT_DATA_DIR}/token` : token.origin === 'env' ? 'REGIMES_TOKEN' : '--token'}`,
        );
      }
      note(opts, 'press Ctrl-C to stop');
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          note(opts, 'stopping');
          void app.close().then(done, done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

/** Builds the dashboard when it is missing or older than web/ (src/cli/dashboard-build.ts says why). */
async function ensureDashboard(opts: ServeOptions): Promise<void> {
  const state = dashboardState(PROJECT_ROOT);
  if (state !== 'missing' && state !== 'stale') return;
  note(
    opts,
    `building the dashboard (web/ → dist-web/, ${state === 'missing' ? 'not built yet' : 'web/ changed since the last build'})…`,
  );
  const started = performance.now();
  try {
    await buildDashboard(PROJECT_ROOT);
    note(opts, `dashboard built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    note(
      opts,
      `the dashboard could not be built (${why}); ${state === 'stale' ? 'serving the previous build' : 'serving the API alone'}`,
    );
  }
}
