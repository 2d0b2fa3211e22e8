import { Command, CommanderError } from 'commander';
import { UserError, formatDiagnostic } from '../shared/errors.ts';
import { exitCodeOf } from '../shared/error-codes.ts';
import { commands } from './commands/index.ts';
import { UsageError } from './usage-error.ts';

/** Exit codes (README, "Commands"): 0 success, 1 user error, 2 usage error, 3 internal error (a bug). */
export const EXIT = { ok: 0, user: 1, usage: 2, internal: 3 } as const;

/**
 * Builds the `regimes` program: with `only`, just that command (what a normal invocation needs);
 * otherwise every command (for `--help`, `help` and suggestions on a misspelt command).
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('regimes')
    .description('Mobility Regimes: migration regimes as code, decided, checked and simulated')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showSuggestionAfterError(true)
    .exitOverride();
  const wanted = commands.filter((c) => c.name === only);
  for (const entry of wanted.length ? wanted : commands) (await entry.load())(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/** Runs the CLI on argv and returns the exit code, rendering errors by their kind. */
export async function runCli(argv: string[]): Promise<number> {
  const first = argv.find((a) => !a.startsWith('-'));
  return runProgram(await buildProgram(first), argv);
}

/** Runs a built program on argv and maps what it throws to the exit codes above. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version arrive here as "errors" with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UserError) {
      for (const d of err.diagnostics) process.stderr.write(`regimes: ${formatDiagnostic(d)}\n`);
      return exitCodeOf(err.code);
    }
    if (err instanceof UsageError) {
      process.stderr.write(`regimes: ${err.message}\n`);
      return EXIT.usage;
    }
    return reportInternalError(err);
  }
}

/**
 * What the user sees of a fault of the program (an error no check turned into a coded one): one
 * coded line, never Node's stack trace, unless `REGIMES_DEBUG` asks for it.
 */
export function reportInternalError(err: unknown): number {
  const e = err instanceof Error ? err : new Error(String(err));
  const first = e.message.split('\n')[0] || e.name;
  process.stderr.write(
    `regimes: internal error: ${first} [E_INTERNAL]\nregimes: this is a fault of regimes, not of your input; please report it (REGIMES_DEBUG=1 shows where it happened)\n`,
  );
  if (process.env.REGIMES_DEBUG) process.stderr.write(`${e.stack ?? e.message}\n`);
  return EXIT.internal;
}
