/**
 * The store's read queries, built in one place for the CLI, the server and the exports: a run's
 * indicator rows and a comparison's statistics, each with the same optional filter (indicators,
 * countries, a year range, and for statistics a kind). Every value is checked before it is put
 * into SQL: ids by their pattern, names by a strict one, years as integers.
 */
import { userError } from '../shared/errors.ts';
import { isId } from './ids.ts';
import { sqlString } from './sql.ts';

/** A filter of result rows. Unset fields do not filter. */
export interface RowFilter {
  indicators?: readonly string[];
  countries?: readonly string[];
  /** First and last year kept. */
  from?: number;
  to?: number;
  /** Statistics only: a regime's own values or paired differences. */
  kind?: 'regime' | 'difference';
}

/** What a name in a filter may look like (indicator names, ISO3 codes, `WLD`). */
const NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The columns and order of a run's indicator rows (as stored, and as exported). */
export const INDICATOR_COLUMNS = 'CAST(year AS INTEGER) AS year, indicator, country, value';
const INDICATOR_ORDER = 'year, indicator, country';

/** The columns and order of a comparison's statistics. */
export const STAT_COLUMNS = 'CAST(year AS INTEGER) AS year, indicator, country, kind, label, mean, lo, hi, n';
const STAT_ORDER = 'indicator, country, year, kind DESC, label';

/** The SELECT of a run's indicator rows, filtered. */
export function indicatorQuery(runId: string, filter: RowFilter = {}): string {
  return `SELECT ${INDICATOR_COLUMNS} FROM indicators WHERE ${where('run_id', runId, filter)} ORDER BY ${INDICATOR_ORDER}`;
}

/** The SELECT of a comparison's statistics, filtered. */
export function statsQuery(comparisonId: string, filter: RowFilter = {}): string {
  return `SELECT ${STAT_COLUMNS} FROM comparison_stats WHERE ${where('comparison_id', comparisonId, filter)} ORDER BY ${STAT_ORDER}`;
}

/** How many rows a query of `indicatorQuery` / `statsQuery` gives, without reading them. */
export function countQuery(
  table: 'indicators' | 'comparison_stats',
  id: string,
  filter: RowFilter = {},
): string {
  return `SELECT count(*) AS n FROM ${table} WHERE ${where(table === 'indicators' ? 'run_id' : 'comparison_id', id, filter)}`;
}

/** The indicators and the first and last year of a run's or comparison's rows (unfiltered). */
export function extentQuery(table: 'indicators' | 'comparison_stats', id: string): string {
  const key = table === 'indicators' ? 'run_id' : 'comparison_id';
  return `SELECT list(DISTINCT indicator ORDER BY indicator) AS indicators, min(year) AS first, max(year) AS last FROM ${table} WHERE ${key} = ${sqlString(checkedId(id))}`;
}

function where(key: string, id: string, f: RowFilter): string {
  const out = [`${key} = ${sqlString(checkedId(id))}`];
  if (f.indicators) out.push(`indicator IN (${names(f.indicators, 'indicator')})`);
  if (f.countries) out.push(`country IN (${names(f.countries, 'country')})`);
  if (f.from !== undefined) out.push(`year >= ${year(f.from)}`);
  if (f.to !== undefined) out.push(`year <= ${year(f.to)}`);
  if (f.kind !== undefined) {
    if (f.kind !== 'regime' && f.kind !== 'difference')
      throw userError('E_BAD_FILTER', `kind: expected regime or difference, got ${JSON.stringify(f.kind)}`);
    out.push(`kind = ${sqlString(f.kind)}`);
  }
  return out.join(' AND ');
}

function checkedId(id: string): string {
  if (!isId(id))
    throw userError('E_BAD_FILTER', `not a run or comparison id: ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

function names(list: readonly string[], what: string): string {
  if (!list.length) return 'NULL';
  return list
    .map((n) => {
      if (!NAME.test(n))
        throw userError('E_BAD_FILTER', `not a ${what} name: ${JSON.stringify(n.slice(0, 80))}`);
      return sqlString(n);
    })
    .join(', ');
}

function year(y: number): number {
  if (!Number.isInteger(y)) throw userError('E_BAD_FILTER', `not a year: ${y}`);
  return y;
}
