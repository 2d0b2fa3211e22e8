/** Output conventions shared by every command: --json to stdout, chatter to stderr unless --quiet. */

export interface CommonOptions {
  json?: boolean;
  quiet?: boolean;
  /** Overwrite output files the program did not write (commands that write files). */
  force?: boolean;
}

/** The help of `--force`, the same on every command that writes files (src/shared/output-files.ts). */
export const FORCE_HELP = 'overwrite output files that regimes did not write (or that were changed since)';

/** Prints a value as pretty JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints a line on stdout. */
export function printLine(line = ''): void {
  process.stdout.write(line + '\n');
}

/** Prints progress or chatter on stderr, unless quiet. */
export function note(opts: CommonOptions, line: string): void {
  if (!opts.quiet) process.stderr.write(line + '\n');
}

/** Whether progress bars should be drawn: a TTY on stderr and not quiet. */
export function wantsProgress(opts: CommonOptions): boolean {
  return !opts.quiet && Boolean(process.stderr.isTTY);
}
