/**
 * The results store: one embedded DuckDB file (default `.regimes/results.duckdb` under the working
 * directory; `--store FILE` or `REGIMES_STORE` override it). It holds every run's parameters and
 * its indicator rows in long form, and every comparison with its members and statistics.
 *
 * Tables (schema version 1):
 * - `runs`: one row per run: id, created_at, scenario, regime, seed, scale, year_from, year_to,
 *   threads, code_version, command_line, engine_digest, output_digest, agents, row_count, wall_ms,
 *   comparison_id (null for a lone `regimes run`).
 * - `indicators`: run_id, year, indicator, country (ISO3 or `WLD`), value (NULL where the engine gave NaN).
 * - `comparisons`: id, created_at, scenario, regimes (comma-separated), seeds (comma-separated), scale,
 *   year_from, year_to, threads, code_version, command_line, interval_method, wall_ms.
 * - `comparison_members`: comparison_id, regime, seed, run_id (each member is also a run).
 * - `comparison_stats`: comparison_id, year, indicator, country, kind (`regime` | `difference`),
 *   label (a regime id, or `B-A`), mean, lo, hi, n.
 * - `experiments`: id, created_at, experiment (its name), verdict, comparison_id (its arms' runs and
 *   statistics, stored as a comparison whose "regimes" are the arm ids), result_json (the whole
 *   result: criterion, effects, sensitivity). Added without a version change: the table is created
 *   when missing.
 *
 * Only one process may open the file for writing (DuckDB locks it); ensemble workers never touch
 * it: the main thread alone writes. Every write is one transaction, so a failure leaves nothing
 * half-written. Extensions are never installed or auto-loaded.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { userError } from '../shared/errors.ts';
import type { IndicatorRow } from './rows.ts';

/** The store file used when neither `--store` nor `REGIMES_STORE` says otherwise (relative to the working directory). */
export const DEFAULT_STORE_FILE = join('.regimes', 'results.duckdb');

/** Rows per data chunk appended at once (DuckDB's vector size). */
const CHUNK_ROWS = 2048;

/** Layout version of the store's tables. */
export const STORE_SCHEMA_VERSION = 1;

/** What a run was made from: enough to make it again. */
export interface RunParams {
  scenario: string;
  regime: string;
  seed: number;
  /** Persons per agent. */
  scale: number;
  /** First simulated year. */
  from: number;
  /** Last simulated year. */
  to: number;
  threads: number;
  /** `mobility-regimes@VERSION+COMMIT`. */
  codeVersion: string;
  /** The command line that made it, as typed (arguments joined by spaces). */
  commandLine: string;
}

/** A stored run. */
export interface RunRecord extends RunParams {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The engine's digest of its final state. */
  engineDigest: string;
  /** Digest of the indicator rows (`digestRows`). */
  outputDigest: string;
  agents: number;
  rowCount: number;
  wallMs: number;
  /** The comparison this run is a member of, if any. */
  comparisonId: string | null;
}

/** What a comparison was made from. */
export interface ComparisonParams {
  scenario: string;
  regimes: string[];
  seeds: number[];
  scale: number;
  from: number;
  to: number;
  threads: number;
  codeVersion: string;
  commandLine: string;
  /** How the intervals were computed, in words. */
  intervalMethod: string;
}

/** One member of a comparison: a (regime, seed) run. */
export interface ComparisonMember {
  regime: string;
  seed: number;
  runId: string;
}

/** A stored comparison. */
export interface ComparisonRecord extends ComparisonParams {
  id: string;
  createdAt: string;
  wallMs: number;
  members: ComparisonMember[];
}

/** A statistic of a comparison: a regime's mean and interval, or a paired difference's. */
export interface StatRow {
  year: number;
  indicator: string;
  country: string;
  kind: 'regime' | 'difference';
  /** The regime id, or `B-A` for a difference. */
  label: string;
  mean: number;
  /** Lower end of the interval (NaN when it cannot be computed, e.g. one seed). */
  lo: number;
  hi: number;
  /** Number of seeds. */
  n: number;
}

/** A stored experiment: its verdict and whole result (src/experiments), and the comparison of its arms. */
export interface ExperimentRecord {
  id: string;
  createdAt: string;
  /** The experiment's name, e.g. `prohibition`. */
  experiment: string;
  verdict: string;
  comparisonId: string;
  result: unknown;
}

/**
 * A new id: `PREFIX-YYYYMMDD-HHMMSS-xxxxxx` (UTC time, 6 random hex digits).
 * @param taken ids already handed out in this batch; the new one is added to it and differs from all
 */
export function newId(prefix: 'run' | 'cmp' | 'exp', now = new Date(), taken?: Set<string>): string {
  const t = now.toISOString().replace(/[-:]/g, '').slice(0, 15).replace('T', '-');
  for (;;) {
    const id = `${prefix}-${t}-${randomBytes(3).toString('hex')}`;
    if (!taken) return id;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const ID_PATTERN = /^(run|cmp|exp)-\d{8}-\d{6}-[0-9a-f]{6}$/;

/** Whether a string has the shape of a run or comparison id. */
export function isId(s: string): boolean {
  return ID_PATTERN.test(s);
}

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

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS runs (
     id VARCHAR PRIMARY KEY, created_at VARCHAR NOT NULL, scenario VARCHAR NOT NULL, regime VARCHAR NOT NULL,
     seed BIGINT NOT NULL, scale BIGINT NOT NULL, year_from INTEGER NOT NULL, year_to INTEGER NOT NULL,
     threads INTEGER NOT NULL, code_version VARCHAR NOT NULL, command_line VARCHAR NOT NULL,
     engine_digest VARCHAR NOT NULL, output_digest VARCHAR NOT NULL, agents BIGINT NOT NULL,
     row_count BIGINT NOT NULL, wall_ms DOUBLE NOT NULL, comparison_id VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS indicators (
     run_id VARCHAR NOT NULL, year SMALLINT NOT NULL, indicator VARCHAR NOT NULL, country VARCHAR NOT NULL, value DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS comparisons (
     id VARCHAR PRIMARY KEY, created_at VARCHAR NOT NULL, scenario VARCHAR NOT NULL, regimes VARCHAR NOT NULL,
     seeds VARCHAR NOT NULL, scale BIGINT NOT NULL, year_from INTEGER NOT NULL, year_to INTEGER NOT NULL,
     threads INTEGER NOT NULL, code_version VARCHAR NOT NULL, command_line VARCHAR NOT NULL,
     interval_method VARCHAR NOT NULL, wall_ms DOUBLE NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS comparison_members (
     comparison_id VARCHAR NOT NULL, regime VARCHAR NOT NULL, seed BIGINT NOT NULL, run_id VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS comparison_stats (
     comparison_id VARCHAR NOT NULL, year SMALLINT NOT NULL, indicator VARCHAR NOT NULL, country VARCHAR NOT NULL,
     kind VARCHAR NOT NULL, label VARCHAR NOT NULL, mean DOUBLE, lo DOUBLE, hi DOUBLE, n INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS experiments (
     id VARCHAR PRIMARY KEY, created_at VARCHAR NOT NULL, experiment VARCHAR NOT NULL, verdict VARCHAR NOT NULL,
     comparison_id VARCHAR NOT NULL, result_json VARCHAR NOT NULL)`,
];

type Row = Record<string, unknown>;

/** An open results store. Close it when done (`close()`), or the file stays locked until exit. */
export class ResultStore {
  private constructor(
    /** Absolute path of the store file. */
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    readonly readOnly: boolean,
  ) {}

  /**
   * Opens (and for writing, creates) a store.
   * @param mode `write` creates the file and its folder when missing; `read` needs the file to exist
   * @throws `E_STORE_MISSING` reading a file that does not exist; `E_STORE_BUSY` when another process holds it;
   *   `E_STORE_OPEN` for a file DuckDB cannot open
   */
  static async open(file: string, mode: 'read' | 'write'): Promise<ResultStore> {
    if (mode === 'read' && !existsSync(file))
      throw userError('E_STORE_MISSING', `no results store at ${file} (run \`regimes run\` first)`);
    if (mode === 'write') mkdirSync(dirname(file), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        ...(mode === 'read' ? { access_mode: 'READ_ONLY' } : {}),
      });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/lock/i.test(msg))
        throw userError(
          'E_STORE_BUSY',
          `results store ${file} is in use by another process (only one may write it at a time)`,
        );
      throw userError('E_STORE_OPEN', `cannot open results store ${file}: ${msg.split('\n')[0]}`);
    }
    const db = await instance.connect();
    const store = new ResultStore(file, instance, db, mode === 'read');
    if (mode === 'write') await store.migrate();
    else await store.checkVersion();
    return store;
  }

  private async migrate(): Promise<void> {
    for (const sql of SCHEMA) await this.db.run(sql);
    const v = await this.rows(`SELECT value FROM store_meta WHERE key = 'schema_version'`);
    if (v.length === 0)
      await this.db.run(`INSERT INTO store_meta VALUES ('schema_version', $1)`, [
        String(STORE_SCHEMA_VERSION),
      ]);
    else await this.checkVersion();
  }

  private async checkVersion(): Promise<void> {
    let v: Row[];
    try {
      v = await this.rows(`SELECT value FROM store_meta WHERE key = 'schema_version'`);
    } catch {
      throw userError('E_STORE_OPEN', `${this.file} is not a results store of this program`);
    }
    if (v.length && Number(v[0].value) !== STORE_SCHEMA_VERSION) {
      throw userError(
        'E_STORE_VERSION',
        `results store ${this.file} has layout version ${String(v[0].value)}; this program reads version ${STORE_SCHEMA_VERSION}`,
      );
    }
  }

  private async rows(sql: string, params: (string | number | null)[] = []): Promise<Row[]> {
    const reader = await this.db.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS() as Row[];
  }

  /** Runs `work` inside one transaction: all of it is stored, or (on any error) none of it. */
  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.db.run('BEGIN TRANSACTION');
    try {
      const out = await work();
      await this.db.run('COMMIT');
      return out;
    } catch (err) {
      await this.db.run('ROLLBACK');
      throw err;
    }
  }

  private async appendRun(run: RunRecord, rows: readonly IndicatorRow[]): Promise<void> {
    await this.db.run(
      `INSERT INTO runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        run.id,
        run.createdAt,
        run.scenario,
        run.regime,
        run.seed,
        run.scale,
        run.from,
        run.to,
        run.threads,
        run.codeVersion,
        run.commandLine,
        run.engineDigest,
        run.outputDigest,
        run.agents,
        rows.length,
        run.wallMs,
        run.comparisonId,
      ] as never,
    );
    await this.appendIndicatorRows(run.id, rows);
  }

  /**
   * A run's rows into `indicators`. The numbers go in as typed columns of data chunks and the
   * names as a small table of (indicator, country) pairs joined in SQL: a run has 234,000 rows but
   * only some 7,500 pairs, and a string per row through the appender took most of the time a
   * comparison spent writing its store.
   */
  private async appendIndicatorRows(runId: string, rows: readonly IndicatorRow[]): Promise<void> {
    const pairOf = new Map<string, Map<string, number>>();
    const pairs: [string, string][] = [];
    const pairIndex = new Int32Array(rows.length);
    rows.forEach((r, i) => {
      let byCountry = pairOf.get(r.indicator);
      if (!byCountry) pairOf.set(r.indicator, (byCountry = new Map()));
      let k = byCountry.get(r.country);
      if (k === undefined) {
        k = pairs.length;
        byCountry.set(r.country, k);
        pairs.push([r.indicator, r.country]);
      }
      pairIndex[i] = k;
    });
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE pending_pairs (pair INTEGER, indicator VARCHAR, country VARCHAR)`,
    );
    // the year as INTEGER here, so that one SMALLINT cannot hold fails the INSERT below
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE pending_values (position INTEGER, pair INTEGER, year INTEGER, value DOUBLE)`,
    );
    const pairAppender = await this.db.createAppender('pending_pairs');
    try {
      pairs.forEach(([indicator, country], k) => {
        pairAppender.appendInteger(k);
        pairAppender.appendVarchar(indicator);
        pairAppender.appendVarchar(country);
        pairAppender.endRow();
      });
      pairAppender.flushSync();
    } finally {
      pairAppender.closeSync();
    }
    const valueAppender = await this.db.createAppender('pending_values');
    try {
      const types = [INTEGER, INTEGER, INTEGER, DOUBLE];
      for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
        const count = Math.min(CHUNK_ROWS, rows.length - from);
        const chunk = DuckDBDataChunk.create(types, count);
        const [position, pair, year, value] = [0, 1, 2, 3].map((c) => chunk.getColumnVector(c));
        for (let i = 0; i < count; i++) {
          const r = rows[from + i];
          // the typed column would truncate a fraction silently
          if (!Number.isInteger(r.year))
            throw new Error(`indicator row ${from + i}: year ${r.year} is not an integer`);
          position.setItem(i, from + i);
          pair.setItem(i, pairIndex[from + i]);
          year.setItem(i, r.year);
          value.setItem(i, Number.isFinite(r.value) ? r.value : null);
        }
        for (const v of [position, pair, year, value]) v.flush();
        valueAppender.appendDataChunk(chunk);
      }
      valueAppender.flushSync();
    } finally {
      valueAppender.closeSync();
    }
    await this.db.run(
      `INSERT INTO indicators
         SELECT $1, v.year, p.indicator, p.country, v.value
         FROM pending_values v JOIN pending_pairs p USING (pair) ORDER BY v.position`,
      [runId],
    );
    await this.db.run(`DROP TABLE pending_values`);
    await this.db.run(`DROP TABLE pending_pairs`);
  }

  /** Stores a run and its rows in one transaction (`rowCount` is taken from `rows`). */
  async addRun(run: Omit<RunRecord, 'rowCount'>, rows: readonly IndicatorRow[]): Promise<RunRecord> {
    this.assertWritable();
    const record = { ...run, rowCount: rows.length };
    await this.transaction(() => this.appendRun(record, rows));
    return record;
  }

  /** Stores a comparison, every member's run and rows, and its statistics, in one transaction. */
  async addComparison(
    comparison: ComparisonRecord,
    runs: readonly { run: Omit<RunRecord, 'rowCount'>; rows: readonly IndicatorRow[] }[],
    stats: readonly StatRow[],
  ): Promise<void> {
    this.assertWritable();
    await this.transaction(() => this.insertComparison(comparison, runs, stats));
  }

  /** Stores an experiment with the comparison of its arms (runs, statistics) in one transaction. */
  async addExperiment(
    experiment: ExperimentRecord,
    comparison: ComparisonRecord,
    runs: readonly { run: Omit<RunRecord, 'rowCount'>; rows: readonly IndicatorRow[] }[],
    stats: readonly StatRow[],
  ): Promise<void> {
    this.assertWritable();
    await this.transaction(async () => {
      await this.insertComparison(comparison, runs, stats);
      const e = experiment;
      await this.db.run(`INSERT INTO experiments VALUES ($1, $2, $3, $4, $5, $6)`, [
        e.id,
        e.createdAt,
        e.experiment,
        e.verdict,
        e.comparisonId,
        JSON.stringify(e.result),
      ] as never);
    });
  }

  /**
   * One experiment by id, or the newest of a name (e.g. `prohibition`), or the newest with `latest`.
   * @throws `E_STORE_EXPERIMENT` when there is none
   */
  async getExperiment(idOrName: string): Promise<ExperimentRecord> {
    let rows: Row[];
    try {
      rows =
        idOrName === 'latest'
          ? await this.rows(`SELECT * FROM experiments ORDER BY created_at DESC, id DESC LIMIT 1`)
          : await this.rows(
              `SELECT * FROM experiments WHERE id = $1 OR experiment = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
              [idOrName],
            );
    } catch {
      rows = []; // a store written before experiments existed, opened read-only
    }
    if (!rows.length)
      throw userError(
        'E_STORE_EXPERIMENT',
        `no stored experiment ${idOrName} in ${this.file} (run \`regimes experiment\` first)`,
      );
    const r = rows[0];
    return {
      id: String(r.id),
      createdAt: String(r.created_at),
      experiment: String(r.experiment),
      verdict: String(r.verdict),
      comparisonId: String(r.comparison_id),
      result: JSON.parse(String(r.result_json)) as unknown,
    };
  }

  private async insertComparison(
    comparison: ComparisonRecord,
    runs: readonly { run: Omit<RunRecord, 'rowCount'>; rows: readonly IndicatorRow[] }[],
    stats: readonly StatRow[],
  ): Promise<void> {
    const c = comparison;
    {
      await this.db.run(
        `INSERT INTO comparisons VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          c.id,
          c.createdAt,
          c.scenario,
          c.regimes.join(','),
          c.seeds.join(','),
          c.scale,
          c.from,
          c.to,
          c.threads,
          c.codeVersion,
          c.commandLine,
          c.intervalMethod,
          c.wallMs,
        ] as never,
      );
      for (const m of runs) await this.appendRun({ ...m.run, rowCount: m.rows.length }, m.rows);
      const members = await this.db.createAppender('comparison_members');
      for (const m of c.members) {
        members.appendVarchar(c.id);
        members.appendVarchar(m.regime);
        members.appendBigInt(BigInt(m.seed));
        members.appendVarchar(m.runId);
        members.endRow();
      }
      members.closeSync();
      const app = await this.db.createAppender('comparison_stats');
      for (const s of stats) {
        app.appendVarchar(c.id);
        app.appendSmallInt(s.year);
        app.appendVarchar(s.indicator);
        app.appendVarchar(s.country);
        app.appendVarchar(s.kind);
        app.appendVarchar(s.label);
        for (const v of [s.mean, s.lo, s.hi]) {
          if (Number.isFinite(v)) app.appendDouble(v);
          else app.appendNull();
        }
        app.appendInteger(s.n);
        app.endRow();
      }
      app.closeSync();
    }
  }

  private assertWritable(): void {
    if (this.readOnly) throw new Error('results store opened read-only');
  }

  /** Every run, newest first. */
  async listRuns(): Promise<RunRecord[]> {
    return (await this.rows(`SELECT * FROM runs ORDER BY created_at DESC, id DESC`)).map(toRun);
  }

  /**
   * One run by id, or the newest with `latest`.
   * @throws `E_STORE_RUN` when there is no such run
   */
  async getRun(id: string): Promise<RunRecord> {
    const rows =
      id === 'latest'
        ? await this.rows(
            `SELECT * FROM runs WHERE comparison_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
          )
        : await this.rows(`SELECT * FROM runs WHERE id = $1`, [id]);
    if (!rows.length)
      throw userError(
        'E_STORE_RUN',
        id === 'latest' ? `no runs in ${this.file}` : `unknown run: ${id} (see \`regimes runs\`)`,
      );
    return toRun(rows[0]);
  }

  /** A run's indicator rows, ordered by year, indicator, country. NULL values come back as NaN. */
  async readRows(runId: string): Promise<IndicatorRow[]> {
    const rows = await this.rows(
      `SELECT year, indicator, country, value FROM indicators WHERE run_id = $1 ORDER BY year, indicator, country`,
      [runId],
    );
    return rows.map((r) => ({
      year: Number(r.year),
      indicator: String(r.indicator),
      country: String(r.country),
      value: r.value === null ? NaN : Number(r.value),
    }));
  }

  /** Every comparison, newest first, with its members. */
  async listComparisons(): Promise<ComparisonRecord[]> {
    const rows = await this.rows(`SELECT * FROM comparisons ORDER BY created_at DESC, id DESC`);
    return Promise.all(rows.map((r) => this.withMembers(r)));
  }

  /**
   * One comparison by id, or the newest with `latest`.
   * @throws `E_STORE_COMPARISON` when there is no such comparison
   */
  async getComparison(id: string): Promise<ComparisonRecord> {
    const rows =
      id === 'latest'
        ? await this.rows(`SELECT * FROM comparisons ORDER BY created_at DESC, id DESC LIMIT 1`)
        : await this.rows(`SELECT * FROM comparisons WHERE id = $1`, [id]);
    if (!rows.length) throw userError('E_STORE_COMPARISON', `unknown comparison: ${id}`);
    return this.withMembers(rows[0]);
  }

  /** A comparison's statistics, ordered by indicator, country, year, kind, label. */
  async readStats(comparisonId: string): Promise<StatRow[]> {
    const rows = await this.rows(
      `SELECT * FROM comparison_stats WHERE comparison_id = $1 ORDER BY indicator, country, year, kind DESC, label`,
      [comparisonId],
    );
    const num = (v: unknown) => (v === null ? NaN : Number(v));
    return rows.map((r) => ({
      year: Number(r.year),
      indicator: String(r.indicator),
      country: String(r.country),
      kind: r.kind as StatRow['kind'],
      label: String(r.label),
      mean: num(r.mean),
      lo: num(r.lo),
      hi: num(r.hi),
      n: Number(r.n),
    }));
  }

  private async withMembers(r: Row): Promise<ComparisonRecord> {
    const members = await this.rows(
      `SELECT regime, seed, run_id FROM comparison_members WHERE comparison_id = $1 ORDER BY regime, seed`,
      [String(r.id)],
    );
    const seeds = String(r.seeds);
    return {
      id: String(r.id),
      createdAt: String(r.created_at),
      scenario: String(r.scenario),
      regimes: String(r.regimes).split(','),
      seeds: seeds === '' ? [] : seeds.split(',').map(Number),
      scale: Number(r.scale),
      from: Number(r.year_from),
      to: Number(r.year_to),
      threads: Number(r.threads),
      codeVersion: String(r.code_version),
      commandLine: String(r.command_line),
      intervalMethod: String(r.interval_method),
      wallMs: Number(r.wall_ms),
      members: members.map((m) => ({
        regime: String(m.regime),
        seed: Number(m.seed),
        runId: String(m.run_id),
      })),
    };
  }

  /** Row counts of the store's tables (for `regimes runs` and the docs). */
  async counts(): Promise<{ runs: number; indicatorRows: number; comparisons: number }> {
    const [r] = await this.rows(
      `SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM indicators) AS rows, (SELECT count(*) FROM comparisons) AS cmps`,
    );
    return { runs: Number(r.runs), indicatorRows: Number(r.rows), comparisons: Number(r.cmps) };
  }

  /**
   * Writes the result of a query to a file with DuckDB's `COPY … TO` (Parquet or CSV).
   * @param query a SELECT built by this module's callers from validated ids only
   */
  async copyTo(query: string, file: string, format: 'parquet' | 'csv'): Promise<void> {
    const options = format === 'parquet' ? `FORMAT parquet, COMPRESSION zstd` : `FORMAT csv, HEADER`;
    await this.db.run(`COPY (${query}) TO ${sqlString(file)} (${options})`);
  }

  /** Closes the connection and releases the file. */
  close(): void {
    this.db.closeSync();
    this.instance.closeSync();
  }
}

/** A SQL string literal (single quotes doubled). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function toRun(r: Row): RunRecord {
  return {
    id: String(r.id),
    createdAt: String(r.created_at),
    scenario: String(r.scenario),
    regime: String(r.regime),
    seed: Number(r.seed),
    scale: Number(r.scale),
    from: Number(r.year_from),
    to: Number(r.year_to),
    threads: Number(r.threads),
    codeVersion: String(r.code_version),
    commandLine: String(r.command_line),
    engineDigest: String(r.engine_digest),
    outputDigest: String(r.output_digest),
    agents: Number(r.agents),
    rowCount: Number(r.row_count),
    wallMs: Number(r.wall_ms),
    comparisonId: r.comparison_id === null ? null : String(r.comparison_id),
  };
}
