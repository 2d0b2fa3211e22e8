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

/**
 * What each kind of stored result exports: its files (CSV and Parquet of its rows, its record as
 * JSON), the query of its rows, and its record by id. The CLI and the server both export by it.
 */
export const EXPORTS = {
  run: {
    files: ['indicators.csv', 'indicators.parquet', 'run.json'],
    query: indicatorQuery,
    record: (store: ResultStore, id: string) => store.getRun(id),
  },
  comparison: {
    files: ['comparison.csv', 'comparison.parquet', 'comparison.json'],
    query: statsQuery,
    record: (store: ResultStore, id: string) => store.getComparison(id),
  },
} as const;
export type ExportKind = keyof typeof EXPORTS;
export type ExportOptions = OutputOptions & { filter?: RowFilter };

/** The files an export of `kind` writes into `dir`. */
export function exportPaths(kind: ExportKind, dir: string): string[] {
  return EXPORTS[kind].files.map((f) => join(resolvePath(dir), f));
}

/** The files a run's export writes into `dir`. */
export const runExportPaths = (dir: string) => exportPaths('run', dir);

/** The files a comparison's export writes into `dir`. */
export const comparisonExportPaths = (dir: string) => exportPaths('comparison', dir);

/** Writes a stored run's indicators and parameters into `dir`; returns the paths written. */
export const exportRun = (store: ResultStore, run: RunRecord, dir: string, options?: ExportOptions) =>
  exportResult(store, 'run', run, dir, options);

/** Writes a stored comparison's statistics and parameters into `dir`; returns the paths written. */
export const exportComparison = (
  store: ResultStore,
  comparison: ComparisonRecord,
  dir: string,
  options?: ExportOptions,
) => exportResult(store, 'comparison', comparison, dir, options);

/** Writes a stored result's rows as CSV and Parquet, and its record as JSON, into `dir`; returns the paths. */
export async function exportResult(
  store: ResultStore,
  kind: ExportKind,
  record: RunRecord | ComparisonRecord,
  dir: string,
  options: ExportOptions = {},
): Promise<string[]> {
  const paths = exportPaths(kind, dir);
  const query = EXPORTS[kind].query(record.id, options.filter);
  const [csv, parquet, json] = paths;
  claimOutputs(paths, options);
  await store.copyTo(query, csv, 'csv');
  await store.copyTo(query, parquet, 'parquet');
  writeFileSync(json, JSON.stringify(record, null, 2) + '\n');
  recordOutputs(paths);
  return paths;
}
