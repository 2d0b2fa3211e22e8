/**
 * A usage error found after parsing (a bad combination of options): the CLI prints its message and
 * exits 2. In its own module so that command modules can throw it without importing the program
 * that loads them (which would be an import cycle).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
