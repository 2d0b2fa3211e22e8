/** The command line that made a result, as one string, for the store. */

/** Quotes an argument the way a POSIX shell would need it (only when it has to). */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** `regimes ARG…` with arguments quoted where needed. */
export function commandLine(args: readonly string[]): string {
  return ['regimes', ...args].map(shellQuote).join(' ');
}
