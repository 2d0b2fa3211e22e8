/**
 * Exports from the store: a run's indicators as `indicators.csv` and `indicators.parquet` (long
 * form: year, indicator, country, value; ordered by year, indicator, country) plus `run.json` with
 * its parameters; a comparison's statistics as `comparison.csv` and `comparison.parquet` plus
 * `comparison.json`. Files are written by DuckDB (`COPY … TO`), read back by R's arrow, pandas,
 * polars or DuckDB itself.
 */
import { writeFileSync } from 'node:fs';
import { claimOutputs, recordOutputs, type OutputOptions } from '../shared/output-files.ts';
import { join, resolve as resolvePath } from 'node:path';
import { indicatorQuery, statsQuery } from './queries.ts';
import type { RowFilter } from './queries.ts';
import type { ComparisonRecord, RunRecord } from './records.ts';
import type { ResultStore } from './result-store.ts';

/** The files of a run's export, by name. */
export const RUN_EXPORT_FILES = ['indicators.csv', 'indicators.parquet', 'run.json'] as const;

/** The files of a comparison's export, by name. */
export const COMPARISON_EXPORT_FILES = ['comparison.csv', 'comparison.parquet', 'comparison.json'] as const;

/** The files a run's export writes into `dir`. */
export function runExportPaths(dir: string): string[] {
  return RUN_EXPORT_FILES.map((f) => join(resolvePath(dir), f));
}

/** The files a comparison's export writes into `dir`. */
export function comparisonExportPaths(dir: string): string[] {
  return COMPARISON_EXPORT_FILES.map((f) => join(resolvePath(dir), f));
}

/**
 * Writes a stored run's indicators and parameters into `dir`.
 * @returns the paths written
 */
export async function exportRun(
  store: ResultStore,
  run: RunRecord,
  dir: string,
  options: OutputOptions & { filter?: RowFilter } = {},
): Promise<string[]> {
  return writeExport(store, indicatorQuery(run.id, options.filter), run, runExportPaths(dir), options);
}

/**
 * Writes a stored comparison's statistics and parameters into `dir`.
 * @returns the paths written
 */
export async function exportComparison(
  store: ResultStore,
  comparison: ComparisonRecord,
  dir: string,
  options: OutputOptions & { filter?: RowFilter } = {},
): Promise<string[]> {
  const query = statsQuery(comparison.id, options.filter);
  return writeExport(store, query, comparison, comparisonExportPaths(dir), options);
}

/** Writes a query's rows as CSV and Parquet, and the record they belong to as JSON, into `paths`. */
async function writeExport(
  store: ResultStore,
  query: string,
  record: RunRecord | ComparisonRecord,
  paths: string[],
  options: OutputOptions,
): Promise<string[]> {
  const [csv, parquet, json] = paths;
  claimOutputs(paths, options);
  await store.copyTo(query, csv, 'csv');
  await store.copyTo(query, parquet, 'parquet');
  writeFileSync(json, JSON.stringify(record, null, 2) + '\n');
  recordOutputs(paths);
  return paths;
}
