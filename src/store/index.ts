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
} from './duckdb-store.ts';
export {
  DEFAULT_STORE_FILE,
  STORE_SCHEMA_VERSION,
  ResultStore,
  newId,
  isId,
  resolveStoreFile,
  sqlString,
} from './duckdb-store.ts';
export {
  RUN_EXPORT_FILES,
  COMPARISON_EXPORT_FILES,
  prepareOutDir,
  exportRun,
  exportComparison,
} from './export.ts';
export { codeVersion } from './provenance.ts';
