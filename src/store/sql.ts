/** The little SQL helpers every part of the store uses. */
import type { DuckDBConnection } from '@duckdb/node-api';

/** A result row as DuckDB gives it back (BigInt for big integers). */
export type Row = Record<string, unknown>;

/** The rows of a query, as objects. */
export async function rowsOf(
  db: DuckDBConnection,
  sql: string,
  params: (string | number | null)[] = [],
): Promise<Row[]> {
  const reader = await db.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as Row[];
}

/** A SQL string literal (single quotes doubled). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Runs `work` inside one transaction: all of it is stored, or (on any error) none of it. */
export async function inTransaction<T>(db: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  try {
    const out = await work();
    await db.run('COMMIT');
    return out;
  } catch (err) {
    await db.run('ROLLBACK');
    throw err;
  }
}
