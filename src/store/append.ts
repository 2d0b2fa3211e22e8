/**
 * Writing results into the store: a run's parameters and rows, a comparison with its members'
 * runs and statistics, an experiment. Callers wrap each in one transaction (result-store.ts).
 */
import { DOUBLE, DuckDBDataChunk, INTEGER } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ComparisonRecord, ExperimentRecord, RunRecord, StatRow } from './records.ts';
import type { IndicatorRow } from './rows.ts';

/** Rows per data chunk appended at once (DuckDB's vector size). */
const CHUNK_ROWS = 2048;

/** A run of a comparison or experiment with its rows. */
export interface RunWithRows {
  run: Omit<RunRecord, 'rowCount'>;
  rows: readonly IndicatorRow[];
}

/** A run's parameters into `runs` and its rows into `indicators`. */
export async function appendRun(
  db: DuckDBConnection,
  run: RunRecord,
  rows: readonly IndicatorRow[],
): Promise<void> {
  await db.run(
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
  await appendIndicatorRows(db, run.id, rows);
}

/**
 * A run's rows into `indicators`. The numbers go in as typed columns of data chunks and the
 * names as a small table of (indicator, country) pairs joined in SQL: a run has 234,000 rows but
 * only some 7,500 pairs, and a string per row through the appender took most of the time a
 * comparison spent writing its store.
 */
async function appendIndicatorRows(
  db: DuckDBConnection,
  runId: string,
  rows: readonly IndicatorRow[],
): Promise<void> {
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
  await db.run(
    `CREATE OR REPLACE TEMP TABLE pending_pairs (pair INTEGER, indicator VARCHAR, country VARCHAR)`,
  );
  // the year as INTEGER here, so that one SMALLINT cannot hold fails the INSERT below
  await db.run(
    `CREATE OR REPLACE TEMP TABLE pending_values (position INTEGER, pair INTEGER, year INTEGER, value DOUBLE)`,
  );
  const pairAppender = await db.createAppender('pending_pairs');
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
  const valueAppender = await db.createAppender('pending_values');
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
  await db.run(
    `INSERT INTO indicators
         SELECT $1, v.year, p.indicator, p.country, v.value
         FROM pending_values v JOIN pending_pairs p USING (pair) ORDER BY v.position`,
    [runId],
  );
  await db.run(`DROP TABLE pending_values`);
  await db.run(`DROP TABLE pending_pairs`);
}

/** A comparison, its members' runs and rows, and its statistics. */
export async function insertComparison(
  db: DuckDBConnection,
  comparison: ComparisonRecord,
  runs: readonly RunWithRows[],
  stats: readonly StatRow[],
): Promise<void> {
  const c = comparison;
  {
    await db.run(`INSERT INTO comparisons VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
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
    ] as never);
    for (const m of runs) await appendRun(db, { ...m.run, rowCount: m.rows.length }, m.rows);
    const members = await db.createAppender('comparison_members');
    for (const m of c.members) {
      members.appendVarchar(c.id);
      members.appendVarchar(m.regime);
      members.appendBigInt(BigInt(m.seed));
      members.appendVarchar(m.runId);
      members.endRow();
    }
    members.closeSync();
    const app = await db.createAppender('comparison_stats');
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

/** An experiment's record (its comparison is stored with `insertComparison`). */
export async function insertExperiment(db: DuckDBConnection, e: ExperimentRecord): Promise<void> {
  await db.run(`INSERT INTO experiments VALUES ($1, $2, $3, $4, $5, $6)`, [
    e.id,
    e.createdAt,
    e.experiment,
    e.verdict,
    e.comparisonId,
    JSON.stringify(e.result),
  ] as never);
}
