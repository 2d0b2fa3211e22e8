/**
 * Reading results back from the store: runs, comparisons with their members, experiments, rows
 * and statistics (filtered in SQL by queries.ts), each turned from DuckDB's rows into records.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { userError } from '../shared/errors.ts';
import { countQuery, extentQuery, indicatorQuery, statsQuery } from './queries.ts';
import type { RowFilter } from './queries.ts';
import type { ComparisonRecord, ExperimentRecord, Provenance, RunRecord, StatRow } from './records.ts';
import type { IndicatorRow } from './rows.ts';
import { rowsOf, type Row } from './sql.ts';

/** Every run, newest first. */
export async function listRuns(db: DuckDBConnection): Promise<RunRecord[]> {
  return (await rowsOf(db, `SELECT * FROM runs ORDER BY created_at DESC, id DESC`)).map(toRun);
}

/**
 * One run by id, or the newest lone run with `latest`.
 * @throws `E_STORE_RUN` when there is no such run
 */
export async function getRun(db: DuckDBConnection, file: string, id: string): Promise<RunRecord> {
  const rows =
    id === 'latest'
      ? await rowsOf(
          db,
          `SELECT * FROM runs WHERE comparison_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
        )
      : await rowsOf(db, `SELECT * FROM runs WHERE id = $1`, [id]);
  if (!rows.length)
    throw userError(
      'E_STORE_RUN',
      id === 'latest' ? `no runs in ${file}` : `unknown run: ${id} (see \`regimes runs\`)`,
    );
  return toRun(rows[0]);
}

/** A run's indicator rows (filtered), ordered by year, indicator, country. NULL values come back as NaN. */
export async function readRows(db: DuckDBConnection, runId: string, filter?: RowFilter) {
  return (await rowsOf(db, indicatorQuery(runId, filter))).map((r): IndicatorRow => ({
    ...cellOf(r),
    value: number(r.value),
  }));
}

/** Every comparison, newest first, with its members. */
export async function listComparisons(db: DuckDBConnection): Promise<ComparisonRecord[]> {
  const rows = await rowsOf(db, `SELECT * FROM comparisons ORDER BY created_at DESC, id DESC`);
  return Promise.all(rows.map((r) => withMembers(db, r)));
}

/**
 * One comparison by id, or the newest with `latest`.
 * @throws `E_STORE_COMPARISON` when there is no such comparison
 */
export async function getComparison(db: DuckDBConnection, id: string): Promise<ComparisonRecord> {
  const rows =
    id === 'latest'
      ? await rowsOf(db, `SELECT * FROM comparisons ORDER BY created_at DESC, id DESC LIMIT 1`)
      : await rowsOf(db, `SELECT * FROM comparisons WHERE id = $1`, [id]);
  if (!rows.length) throw userError('E_STORE_COMPARISON', `unknown comparison: ${id}`);
  return withMembers(db, rows[0]);
}

/** A comparison's statistics (filtered), ordered by indicator, country, year, kind, label. */
export async function readStats(db: DuckDBConnection, comparisonId: string, filter?: RowFilter) {
  return (await rowsOf(db, statsQuery(comparisonId, filter))).map((r): StatRow => ({
    ...cellOf(r),
    kind: r.kind as StatRow['kind'],
    label: String(r.label),
    mean: number(r.mean),
    lo: number(r.lo),
    hi: number(r.hi),
    n: Number(r.n),
  }));
}

/** How many rows a filter keeps of a run's indicators or a comparison's statistics. */
export async function countRows(
  db: DuckDBConnection,
  table: 'indicators' | 'comparison_stats',
  id: string,
  filter?: RowFilter,
): Promise<number> {
  const [r] = await rowsOf(db, countQuery(table, id, filter));
  return Number(r.n);
}

/** The indicators of a run's or comparison's rows and their first and last year (null without rows). */
export async function rowExtent(
  db: DuckDBConnection,
  table: 'indicators' | 'comparison_stats',
  id: string,
): Promise<{ indicators: string[]; years: { first: number; last: number } | null }> {
  const [r] = await rowsOf(db, extentQuery(table, id));
  const indicators = ((r.indicators as unknown[] | null) ?? []).map(String);
  return {
    indicators,
    years: r.first === null ? null : { first: Number(r.first), last: Number(r.last) },
  };
}

/**
 * One experiment by id, or the newest of a name (e.g. `prohibition`), or the newest with `latest`.
 * @throws `E_STORE_EXPERIMENT` when there is none
 */
export async function getExperiment(
  db: DuckDBConnection,
  file: string,
  idOrName: string,
): Promise<ExperimentRecord> {
  let rows: Row[];
  try {
    rows =
      idOrName === 'latest'
        ? await rowsOf(db, `SELECT * FROM experiments ORDER BY created_at DESC, id DESC LIMIT 1`)
        : await rowsOf(
            db,
            `SELECT * FROM experiments WHERE id = $1 OR experiment = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
            [idOrName],
          );
  } catch {
    rows = []; // a store written before experiments existed, opened read-only
  }
  if (!rows.length)
    throw userError(
      'E_STORE_EXPERIMENT',
      `no stored experiment ${idOrName} in ${file} (run \`regimes experiment\` first)`,
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

/** Row counts of the store's tables (for `regimes runs` and the docs). */
export async function countTables(
  db: DuckDBConnection,
): Promise<{ runs: number; indicatorRows: number; comparisons: number }> {
  const [r] = await rowsOf(
    db,
    `SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM indicators) AS rows, (SELECT count(*) FROM comparisons) AS cmps`,
  );
  return { runs: Number(r.runs), indicatorRows: Number(r.rows), comparisons: Number(r.cmps) };
}

const number = (v: unknown) => (v === null ? NaN : Number(v));

/** Where an indicator row or a statistic stands: its year, indicator and country. */
function cellOf(r: Row): Pick<IndicatorRow, 'year' | 'indicator' | 'country'> {
  return { year: Number(r.year), indicator: String(r.indicator), country: String(r.country) };
}

/** The columns a run and a comparison share: what they were made with. */
function provenanceOf(r: Row): Provenance {
  return {
    scenario: String(r.scenario),
    scale: Number(r.scale),
    from: Number(r.year_from),
    to: Number(r.year_to),
    threads: Number(r.threads),
    codeVersion: String(r.code_version),
    commandLine: String(r.command_line),
  };
}

async function withMembers(db: DuckDBConnection, r: Row): Promise<ComparisonRecord> {
  const members = await rowsOf(
    db,
    `SELECT regime, seed, run_id FROM comparison_members WHERE comparison_id = $1 ORDER BY regime, seed`,
    [String(r.id)],
  );
  const seeds = String(r.seeds);
  return {
    id: String(r.id),
    createdAt: String(r.created_at),
    ...provenanceOf(r),
    regimes: String(r.regimes).split(','),
    seeds: seeds === '' ? [] : seeds.split(',').map(Number),
    intervalMethod: String(r.interval_method),
    wallMs: Number(r.wall_ms),
    members: members.map((m) => ({
      regime: String(m.regime),
      seed: Number(m.seed),
      runId: String(m.run_id),
    })),
  };
}

function toRun(r: Row): RunRecord {
  return {
    id: String(r.id),
    createdAt: String(r.created_at),
    ...provenanceOf(r),
    regime: String(r.regime),
    seed: Number(r.seed),
    engineDigest: String(r.engine_digest),
    outputDigest: String(r.output_digest),
    agents: Number(r.agents),
    rowCount: Number(r.row_count),
    wallMs: Number(r.wall_ms),
    comparisonId: r.comparison_id === null ? null : String(r.comparison_id),
  };
}
