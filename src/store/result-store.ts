/**
 * The results store: one embedded DuckDB file (default `.regimes/results.duckdb` under the working
 * directory; `--store FILE` or `REGIMES_STORE` override it). It holds every run's parameters and
 * its indicator rows in long form, and every comparison with its members and statistics (the
 * tables: schema.ts).
 *
 * One process writes the file at a time, and only while it appends a finished result; everyone
 * else waits for it (open.ts). Ensemble workers never touch it: the main thread alone writes.
 * Every write is one transaction, so a failure leaves nothing half-written. Extensions are never
 * installed or auto-loaded.
 */
import { openDatabase } from './open.ts';
import type { OpenDatabase, StoreWait } from './open.ts';
import { appendRun, insertComparison, insertExperiment } from './append.ts';
import type { RunWithRows } from './append.ts';
import * as read from './read.ts';
import type { RowFilter } from './queries.ts';
import type { ComparisonRecord, ExperimentRecord, RunRecord, StatRow } from './records.ts';
import type { IndicatorRow } from './rows.ts';
import { inTransaction, sqlString } from './sql.ts';

/** An open results store. Close it when done (`close()`): until then other processes wait for it. */
export class ResultStore {
  private constructor(
    /** Absolute path of the store file. */
    readonly file: string,
    private readonly open: OpenDatabase,
    readonly readOnly: boolean,
  ) {}

  /**
   * Opens (and for writing, creates) a store, waiting while another process holds it.
   * @param mode `write` creates the file and its folder when missing; `read` needs the file to exist
   * @throws `E_STORE_MISSING` reading a file that does not exist; `E_STORE_BUSY` when another process
   *   still holds it after the wait; `E_STORE_OPEN` for a file DuckDB cannot open
   */
  static async open(file: string, mode: 'read' | 'write', wait?: StoreWait): Promise<ResultStore> {
    return new ResultStore(file, await openDatabase(file, mode, wait), mode === 'read');
  }

  /**
   * Opens the store, runs `fn`, and closes it again whatever happens: the way to hold the file
   * no longer than the work needs.
   */
  static async using<T>(
    file: string,
    mode: 'read' | 'write',
    fn: (store: ResultStore) => Promise<T>,
    wait?: StoreWait,
  ): Promise<T> {
    const store = await ResultStore.open(file, mode, wait);
    try {
      return await fn(store);
    } finally {
      store.close();
    }
  }

  /**
   * Checks, before long work, that the file can take a result: creates it when missing, and refuses
   * a file that is not a store of this layout. A store another process holds is taken to be fine
   * (the write will wait for it).
   * @throws `E_STORE_OPEN`, `E_STORE_VERSION`
   */
  static async preflight(file: string): Promise<void> {
    try {
      (await ResultStore.open(file, 'write', { waitMs: 0 })).close();
    } catch (err) {
      if ((err as { code?: string }).code !== 'E_STORE_BUSY') throw err;
    }
  }

  private get db() {
    return this.open.db;
  }

  /** Stores a run and its rows in one transaction (`rowCount` is taken from `rows`). */
  async addRun(run: Omit<RunRecord, 'rowCount'>, rows: readonly IndicatorRow[]): Promise<RunRecord> {
    this.assertWritable();
    const record = { ...run, rowCount: rows.length };
    await inTransaction(this.db, () => appendRun(this.db, record, rows));
    return record;
  }

  /** Stores a comparison, every member's run and rows, and its statistics, in one transaction. */
  async addComparison(
    comparison: ComparisonRecord,
    runs: readonly RunWithRows[],
    stats: readonly StatRow[],
  ): Promise<void> {
    this.assertWritable();
    await inTransaction(this.db, () => insertComparison(this.db, comparison, runs, stats));
  }

  /** Stores an experiment with the comparison of its arms (runs, statistics) in one transaction. */
  async addExperiment(
    experiment: ExperimentRecord,
    comparison: ComparisonRecord,
    runs: readonly RunWithRows[],
    stats: readonly StatRow[],
  ): Promise<void> {
    this.assertWritable();
    await inTransaction(this.db, async () => {
      await insertComparison(this.db, comparison, runs, stats);
      await insertExperiment(this.db, experiment);
    });
  }

  /** @see read.getExperiment */
  getExperiment(idOrName: string): Promise<ExperimentRecord> {
    return read.getExperiment(this.db, this.file, idOrName);
  }

  /** Every run, newest first. */
  listRuns(): Promise<RunRecord[]> {
    return read.listRuns(this.db);
  }

  /** @see read.getRun */
  getRun(id: string): Promise<RunRecord> {
    return read.getRun(this.db, this.file, id);
  }

  /** A run's indicator rows (those the filter keeps), ordered by year, indicator, country; NULL as NaN. */
  readRows(runId: string, filter?: RowFilter): Promise<IndicatorRow[]> {
    return read.readRows(this.db, runId, filter);
  }

  /** Every comparison, newest first, with its members. */
  listComparisons(): Promise<ComparisonRecord[]> {
    return read.listComparisons(this.db);
  }

  /** @see read.getComparison */
  getComparison(id: string): Promise<ComparisonRecord> {
    return read.getComparison(this.db, id);
  }

  /** A comparison's statistics (those the filter keeps), ordered by indicator, country, year, kind, label. */
  readStats(comparisonId: string, filter?: RowFilter): Promise<StatRow[]> {
    return read.readStats(this.db, comparisonId, filter);
  }

  /** How many of a run's rows (`indicators`) or a comparison's statistics a filter keeps. */
  countRows(table: 'indicators' | 'comparison_stats', id: string, filter?: RowFilter): Promise<number> {
    return read.countRows(this.db, table, id, filter);
  }

  /** The indicators and year span of a run's rows or a comparison's statistics. */
  rowExtent(table: 'indicators' | 'comparison_stats', id: string) {
    return read.rowExtent(this.db, table, id);
  }

  /** Row counts of the store's tables (for `regimes runs` and the docs). */
  counts(): Promise<{ runs: number; indicatorRows: number; comparisons: number }> {
    return read.countTables(this.db);
  }

  /**
   * Writes the result of one of the store's queries (queries.ts) to a file with DuckDB's
   * `COPY … TO` (Parquet or CSV).
   */
  async copyTo(query: string, file: string, format: 'parquet' | 'csv'): Promise<void> {
    const options = format === 'parquet' ? `FORMAT parquet, COMPRESSION zstd` : `FORMAT csv, HEADER`;
    await this.db.run(`COPY (${query}) TO ${sqlString(file)} (${options})`);
  }

  /** Closes the connection and releases the file. */
  close(): void {
    this.open.db.closeSync();
    this.open.instance.closeSync();
  }

  private assertWritable(): void {
    if (this.readOnly) throw new Error('results store opened read-only');
  }
}
