/**
 * The data-folder jail. The server reads and writes only inside its data folder (`.regimes/` under
 * the project by default: token, results store, exports) and reads the project's own folders
 * (`regimes/`, `data/world/`, `dist-web/`). Every name that comes from a request is checked against
 * a strict pattern before it becomes part of a path, and every path built is checked to stay
 * inside its root.
 */
import { isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import { apiError } from './http-error.ts';

/** The data folder used when none is given: `.regimes` under the working directory. */
export const DEFAULT_DATA_DIR = '.regimes';

/** Ids of stored runs (`run-YYYYMMDD-HHMMSS-` and hex digits). */
export const RUN_ID = /^run-\d{8}-\d{6}-[0-9a-f]{4,8}$/;

/** Ids of stored comparisons (`cmp-YYYYMMDD-HHMMSS-` and hex digits). */
export const COMPARISON_ID = /^cmp-\d{8}-\d{6}-[0-9a-f]{4,8}$/;

/** Ids of jobs of the run queue (`job-YYYYMMDD-HHMMSS-xxxxxx`). */
export const JOB_ID = /^job-\d{8}-\d{6}-[0-9a-f]{6}$/;

/** Document ids: lower-case words joined by hyphens. */
export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Indicator names: letters, digits, `_ . : -`, starting with a letter. */
export const INDICATOR = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;

/** Country codes in results: ISO3, or `WLD` for the world. */
export const COUNTRY = /^[A-Z]{3}$/;

/**
 * Checks a name taken from a request against a pattern.
 * @throws 400 `E_BAD_ID` naming what was expected; a name with `/`, `\` or `..` never passes
 */
export function requireName(value: string, pattern: RegExp, what: string): string {
  if (
    value.includes('/') ||
    value.includes('\\') ||
    value.includes('..') ||
    value.includes('\0') ||
    !pattern.test(value)
  ) {
    throw apiError('E_BAD_ID', `${what} ${JSON.stringify(value.slice(0, 80))} is not valid`);
  }
  return value;
}

/**
 * A path inside `root`, built from checked segments.
 * @throws 400 `E_PATH_OUTSIDE` when the result would leave `root` (defence in depth: callers check names first)
 */
export function inside(root: string, ...segments: string[]): string {
  const base = resolvePath(root);
  const p = resolvePath(base, join(...segments));
  const rel = relative(base, p);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'))) return p;
  throw apiError('E_PATH_OUTSIDE', 'the path leaves the data folder');
}

/** Whether `p` is `root` itself or inside it. */
export function isInside(root: string, p: string): boolean {
  const rel = relative(resolvePath(root), resolvePath(p));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
