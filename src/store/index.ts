/** The results store (DuckDB) and its exports (CSV, Parquet). */
export type { IndicatorRow, PackedRows } from './rows.ts';
export { WORLD, packRows, unpackRows, transferablesOf, compareRows, digestRows } from './rows.ts';
export type {
  RunParams,
  RunRecord,
  ComparisonParams,
  ComparisonMember,
  ComparisonRecord,
  StatRow,
  ExperimentRecord,
} from './records.ts';
export type { RunWithRows } from './append.ts';
export { ResultStore } from './result-store.ts';
export { defaultWaitMs, type StoreWait } from './open.ts';
export { STORE_SCHEMA_VERSION } from './schema.ts';
export { newId, isId } from './ids.ts';
export { DEFAULT_STORE_FILE, resolveStoreFile } from './location.ts';
export { sqlString } from './sql.ts';
export { indicatorQuery, statsQuery, type RowFilter } from './queries.ts';
export {
  runExportPaths,
  comparisonExportPaths,
  exportRun,
  exportComparison,
  EXPORTS,
  type ExportOptions,
} from './export.ts';
export { codeVersion } from './provenance.ts';
