/**
 * CSV tables as the world data ship them: a header row, UTF-8, empty cell = missing.
 * Parsing is done by `csv-parse`; this module adds line numbers to every row and turns
 * malformed input into a `FILE:LINE` user error. Pure: it takes text, never reads files.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { userError } from '../shared/errors.ts';

/** A parsed CSV file: the header, the rows as strings, and each row's 1-based line in the file. */
export interface CsvTable {
  /** The file as the user or the data folder names it (used in error messages). */
  file: string;
  /** Header names, in file order. */
  columns: string[];
  /** Data rows (header excluded), each with exactly `columns.length` cells. */
  rows: string[][];
  /** 1-based line of each data row in the file (the line the record ends on). */
  lines: number[];
}

/**
 * Parses CSV text into a table.
 * @param text the file contents
 * @param file the name used in error messages
 * @returns the table; throws `E_WORLD_CSV` at `FILE:LINE` on a malformed row or an empty file
 */
export function parseCsv(text: string, file: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw userError(
        'E_WORLD_CSV',
        `malformed CSV: ${err.message.replace(/^Invalid Record Length: /, '')}`,
        {
          file,
          ...(line ? { line } : {}),
        },
      );
    }
    throw err;
  }
  if (records.length === 0)
    throw userError('E_WORLD_CSV', 'empty CSV: expected a header row', { file, line: 1 });
  const columns = records[0].record;
  const rows: string[][] = new Array(records.length - 1);
  const lines: number[] = new Array(records.length - 1);
  for (let i = 1; i < records.length; i++) {
    rows[i - 1] = records[i].record;
    lines[i - 1] = records[i].info.lines;
  }
  return { file, columns, rows, lines };
}

/**
 * The index of a named column.
 * @throws `E_WORLD_CSV` at the header line when the column is missing
 */
export function columnIndex(table: CsvTable, name: string): number {
  const i = table.columns.indexOf(name);
  if (i < 0) {
    throw userError('E_WORLD_CSV', `missing column: ${name} (have ${table.columns.join(', ')})`, {
      file: table.file,
      line: 1,
    });
  }
  return i;
}

/**
 * A numeric cell: empty → NaN (missing), otherwise a finite number.
 * @throws `E_WORLD_VALUE` at `FILE:LINE` when the cell is not a number
 */
export function numberCell(table: CsvTable, row: number, col: number): number {
  const raw = table.rows[row][col];
  if (raw === '' || raw === 'NA') return NaN;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw userError('E_WORLD_VALUE', `not a number: ${JSON.stringify(raw)} in column ${table.columns[col]}`, {
      file: table.file,
      line: table.lines[row],
    });
  }
  return value;
}

/**
 * A year cell: an integer.
 * @throws `E_WORLD_VALUE` at `FILE:LINE` when the cell is not an integer year
 */
export function yearCell(table: CsvTable, row: number, col: number): number {
  const value = numberCell(table, row, col);
  if (!Number.isInteger(value)) {
    throw userError('E_WORLD_VALUE', `not a year: ${JSON.stringify(table.rows[row][col])}`, {
      file: table.file,
      line: table.lines[row],
    });
  }
  return value;
}
