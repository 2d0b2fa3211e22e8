import { reportInternalError, runCli } from './program.ts';
import { defaultTablesCache } from '../sim/tables-cache.ts';
import { defaultLibraryCache } from '../regime/load/library-cache.ts';
import { resolveStoreFile } from '../store/location.ts';

// `regimes … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// A fault that escapes everything (a rejected promise nobody awaited, an error thrown in a
// callback) ends the process with one coded line, never Node's stack trace.
const fault = (err: unknown) => {
  process.exitCode = reportInternalError(err);
  process.exit();
};
process.on('uncaughtException', fault);
process.on('unhandledRejection', fault);

// compiled policy tables and the checked built-in library are kept beside the default results
// store for later commands (sim/tables-cache.ts, regime/load/library-cache.ts)
defaultTablesCache(resolveStoreFile());
defaultLibraryCache(resolveStoreFile());

process.exitCode = await runCli(process.argv.slice(2));
