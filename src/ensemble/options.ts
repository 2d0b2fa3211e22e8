/**
 * Normalising the numbers and lists of `run`, `compare` and `fit` once, at the boundary: each
 * parser takes the user's text and returns a checked value or throws a user error that names the
 * option and what was expected. Nothing after these parsers re-checks them.
 */
import { availableParallelism, totalmem } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { userError } from '../shared/errors.ts';

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/** Most seeds an ensemble may have. */
export const MAX_SEEDS = 1000;

/** Most threads accepted (far above any machine this runs on; a typo guard). */
export const MAX_THREADS = 256;

function integer(option: string, text: string, min: number, max: number, what: string): number {
  const t = text.trim();
  if (!/^\d+$/.test(t))
    throw userError('E_RUN_OPTION', `${option}: expected ${what}, got ${JSON.stringify(text)}`);
  const n = Number(t);
  if (n < min || n > max) throw userError('E_RUN_OPTION', `${option}: expected ${what}, got ${t}`);
  return n;
}

/** A repeatable option's values in the order given (commander's argument parser for `--file`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--seed N`: an integer 0 … 2³²−1. */
export const parseSeed = (text: string) =>
  integer('--seed', text, 0, MAX_SEED, `an integer from 0 to ${MAX_SEED}`);

/** `--seeds N`: how many seeds, 1 … 1000. */
export const parseSeedCount = (text: string) =>
  integer('--seeds', text, 1, MAX_SEEDS, `a number of seeds from 1 to ${MAX_SEEDS}`);

/**
 * `--seeds N` or `--seeds A,B,…`: a count means seeds 1…N; a list names the seeds (distinct), so a
 * fit can be checked on seeds another fit did not see (`regimes fit --seeds 4,5,6`).
 */
export function parseSeedSet(text: string): number[] {
  return text.includes(',') ? parseSeedList(text) : seedsOf(parseSeedCount(text));
}

/** The seeds of a count (1…N) or of a list (themselves): how `--seeds` and the fit take either. */
export function seedsOf(seeds: number | readonly number[]): number[] {
  return typeof seeds === 'number' ? Array.from({ length: seeds }, (_, i) => i + 1) : [...seeds];
}

/** A list of distinct seeds, `A,B,…` (one seed alone is a list of one). */
export function parseSeedList(text: string): number[] {
  const seeds = text.split(',').map(parseSeed);
  if (new Set(seeds).size !== seeds.length)
    throw userError('E_RUN_OPTION', `--seeds: expected distinct seeds, got ${JSON.stringify(text)}`);
  if (seeds.length > MAX_SEEDS)
    throw userError('E_RUN_OPTION', `--seeds: expected at most ${MAX_SEEDS} seeds, got ${seeds.length}`);
  return seeds;
}

/** `--scale K`: persons per agent, an integer ≥ 1. */
export const parseScale = (text: string) =>
  integer('--scale', text, 1, Number.MAX_SAFE_INTEGER, 'persons per agent, an integer ≥ 1');

/** `--threads T`: 1 … 256. */
export const parseThreads = (text: string) =>
  integer('--threads', text, 1, MAX_THREADS, `a number of threads from 1 to ${MAX_THREADS}`);

/** Most options `regimes choices --top` shows per mover class. */
export const MAX_TOP = 500;

/** `--top N`: how many options are shown per mover class, 1 … 500 (`regimes choices`). */
export const parseTop = (text: string) =>
  integer('--top', text, 1, MAX_TOP, `a whole number from 1 to ${MAX_TOP}`);

/** `--from Y` / `--to Y` / `--year Y`: a four-digit year (whether the data cover it is the engine's check). */
export function parseYear(option: '--from' | '--to' | '--year', text: string): number {
  const t = text.trim();
  if (!/^\d{4}$/.test(t))
    throw userError('E_WORLD_YEAR', `${option}: not a year: ${JSON.stringify(text)} (expected e.g. 1995)`);
  return Number(t);
}

/** `--regimes A,B[,C…]`: two or more distinct ids, order kept (the first is the reference). */
export function parseRegimeList(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim());
  if (ids.some((s) => s === ''))
    throw userError(
      'E_RUN_OPTION',
      `--regimes: expected ids separated by commas, got ${JSON.stringify(text)}`,
    );
  if (ids.length < 2)
    throw userError('E_RUN_OPTION', `--regimes: expected at least two regimes to compare, got ${ids.length}`);
  const dup = ids.find((s, i) => ids.indexOf(s) !== i);
  if (dup) throw userError('E_RUN_OPTION', `--regimes: ${dup} is listed twice`);
  return ids;
}

/** Default thread count for ensembles: the machine's cores. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Memory the simulations may use, bytes: three quarters of the machine's memory, or of the
 * container's limit when one is set (cgroups).
 */
export function memoryBudget(): number {
  const constrained =
    (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  const total = constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
  return Math.floor(total * 0.75);
}

/** Bytes as `1.2 GB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v >= 100 || u === 0 ? 0 : 1)} ${units[u]}`;
}

/**
 * One of these parsers as commander's parser of an option's value (scripts with their own command,
 * src/sim/calibrate-options.ts and tools/): its user error becomes commander's invalid argument.
 */
export const optionParser =
  <T>(parse: (text: string, previous?: T) => T) =>
  (text: string, previous?: T): T => {
    try {
      return parse(text, previous);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
