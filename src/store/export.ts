/**
 * Exports from the store: a run's indicators as `indicators.csv` and `indicators.parquet` (long
 * form: year, indicator, country, value; ordered by year, indicator, country) plus `run.json` with
 * its parameters; a comparison's statistics as `comparison.csv` and `comparison.parquet` plus
 * `comparison.json`. Files are written by DuckDB (`COPY … TO`), read back by R's arrow, pandas,
 * polars or DuckDB itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { userError } from '../shared/errors.ts';
import { indicatorQuery, statsQuery } from './queries.ts';
import type { RowFilter } from './queries.ts';
import type { ComparisonRecord, RunRecord } from './records.ts';
import type { ResultStore } from './result-store.ts';

/** The files of a run's export, by name. */
export const RUN_EXPORT_FILES = ['indicators.csv', 'indicators.parquet', 'run.json'] as const;

/** The files of a comparison's export, by name. */
export const COMPARISON_EXPORT_FILES = ['comparison.csv', 'comparison.parquet', 'comparison.json'] as const;

/**
 * Makes the output folder (and its parents).
 * @throws `E_EXPORT_DIR` when it cannot be made (e.g. a file is in the way)
 */
export function prepareOutDir(dir: string): string {
  const abs = resolvePath(dir);
  try {
    mkdirSync(abs, { recursive: true });
  } catch (err) {
    throw userError(
      'E_EXPORT_DIR',
      `cannot write to ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  return abs;
}

/**
 * Writes a stored run's indicators and parameters into `dir`.
 * @returns the paths written
 */
export async function exportRun(
  store: ResultStore,
  run: RunRecord,
  dir: string,
  filter?: RowFilter,
): Promise<string[]> {
  const query = indicatorQuery(run.id, filter);
  const out = prepareOutDir(dir);
  const paths = RUN_EXPORT_FILES.map((f) => join(out, f));
  await store.copyTo(query, paths[0], 'csv');
  await store.copyTo(query, paths[1], 'parquet');
  writeFileSync(paths[2], JSON.stringify(run, null, 2) + '\n');
  return paths;
}

/**
 * Writes a stored comparison's statistics and parameters into `dir`.
 * @returns the paths written
 */
export async function exportComparison(
  store: ResultStore,
  comparison: ComparisonRecord,
  dir: string,
  filter?: RowFilter,
): Promise<string[]> {
  const query = statsQuery(comparison.id, filter);
  const out = prepareOutDir(dir);
  const paths = COMPARISON_EXPORT_FILES.map((f) => join(out, f));
  await store.copyTo(query, paths[0], 'csv');
  await store.copyTo(query, paths[1], 'parquet');
  writeFileSync(paths[2], JSON.stringify(comparison, null, 2) + '\n');
  return paths;
}
