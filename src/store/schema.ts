/**
 * The store's tables (layout version 1):
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
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { userError } from '../shared/errors.ts';
import { rowsOf } from './sql.ts';

/** Layout version of the store's tables. */
export const STORE_SCHEMA_VERSION = 1;

const TABLES = [
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

/** Creates the tables that are missing and records the layout version (a store opened for writing). */
export async function migrate(db: DuckDBConnection, file: string): Promise<void> {
  for (const sql of TABLES) await db.run(sql);
  const v = await rowsOf(db, `SELECT value FROM store_meta WHERE key = 'schema_version'`);
  if (v.length === 0)
    await db.run(`INSERT INTO store_meta VALUES ('schema_version', $1)`, [String(STORE_SCHEMA_VERSION)]);
  else await checkVersion(db, file);
}

/**
 * Checks that the file is a store of this layout.
 * @throws `E_STORE_OPEN` when it is not a store of this program; `E_STORE_VERSION` for another layout
 */
export async function checkVersion(db: DuckDBConnection, file: string): Promise<void> {
  let v;
  try {
    v = await rowsOf(db, `SELECT value FROM store_meta WHERE key = 'schema_version'`);
  } catch {
    throw userError('E_STORE_OPEN', `${file} is not a results store of this program`);
  }
  if (v.length && Number(v[0].value) !== STORE_SCHEMA_VERSION) {
    throw userError(
      'E_STORE_VERSION',
      `results store ${file} has layout version ${String(v[0].value)}; this program reads version ${STORE_SCHEMA_VERSION}`,
    );
  }
}
