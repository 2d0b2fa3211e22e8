/** Where the results store is: `--store FILE`, else `REGIMES_STORE`, else `.regimes/results.duckdb`. */
import { join, resolve as resolvePath } from 'node:path';

/** The store file used when neither `--store` nor `REGIMES_STORE` says otherwise (relative to the working directory). */
export const DEFAULT_STORE_FILE = join('.regimes', 'results.duckdb');

/**
 * The store file to use: the option, else `REGIMES_STORE`, else `.regimes/results.duckdb`,
 * resolved against the working directory.
 */
export function resolveStoreFile(
  option?: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  const chosen =
    option ?? (env.REGIMES_STORE && env.REGIMES_STORE.trim() !== '' ? env.REGIMES_STORE : DEFAULT_STORE_FILE);
  return resolvePath(cwd, chosen);
}
