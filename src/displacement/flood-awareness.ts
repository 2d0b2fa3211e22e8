/**
 * DFlee's demographics_floodawareness.csv (flee/demographics.py): a header
 * "floodawareness,Default,<location>,...", then one row per awareness level with its weight in
 * each column. Flee draws a person's level from the column of the place where it is created
 * (pandas sample with those weights), from Default where the place has no column; the flood
 * forecaster then weights the person by flood_awareness_weights at that level (model/forecaster.ts).
 */
import { userError } from '../shared/errors.ts';
import { parseCsv, parseFloatStrict } from './flee-csv.ts';

/** The awareness table: `levels[k]` drawn with weight `weights.get(column)[k]`. */
export interface FloodAwarenessTable {
  levels: number[];
  /** Weights per column ("Default" and location names). */
  weights: Map<string, number[]>;
}

export const FLOOD_AWARENESS_FILE = 'demographics_floodawareness.csv';

/**
 * Reads the table. Levels must be whole numbers from 0 below `levelCount` (Flee indexes
 * flood_awareness_weights by int(level)); a column's weights must be at least 0 with a positive sum
 * (pandas refuses otherwise).
 */
export function readFloodAwareness(text: string, file: string, levelCount: number): FloodAwarenessTable {
  const rows = parseCsv(text, file);
  if (rows.length === 0)
    throw userError('E_FLEE_ROW', 'empty file (expected a "floodawareness,Default,..." header)', { file });
  const head = rows[0];
  const header = head.cells.map((c) => c.trim());
  if (header[0] !== 'floodawareness' || !header.includes('Default'))
    throw userError(
      'E_FLEE_ROW',
      `expected a header "floodawareness,Default,<location>,...", found "${head.cells.join(',')}"`,
      { file, line: head.line },
    );
  const levels: number[] = [];
  const columns = header.slice(1).map(() => [] as number[]);
  for (const r of rows.slice(1)) {
    if (r.cells.length !== header.length)
      throw userError(
        'E_FLEE_COLUMNS',
        `expected ${header.length} columns like the header, found ${r.cells.length}`,
        {
          file,
          line: r.line,
        },
      );
    const level = parseFloatStrict(r.cells[0]);
    if (level === null || !Number.isInteger(level) || level < 0 || level >= levelCount)
      throw userError(
        'E_FLEE_ROW',
        `flood awareness level "${r.cells[0]}" must be a whole number from 0 to ${levelCount - 1} (move_rules.flood_rules.flood_awareness_weights has ${levelCount} values)`,
        { file, line: r.line },
      );
    levels.push(level);
    r.cells.slice(1).forEach((c, j) => {
      const w = parseFloatStrict(c);
      if (w === null || w < 0)
        throw userError(
          'E_FLEE_ROW',
          `bad weight "${c}" for ${header[j + 1]} (expected a number of at least 0)`,
          {
            file,
            line: r.line,
          },
        );
      columns[j].push(w);
    });
  }
  const weights = new Map<string, number[]>();
  header.slice(1).forEach((name, j) => {
    if (!(columns[j].reduce((s, w) => s + w, 0) > 0))
      throw userError('E_FLEE_ROW', `column "${name}" has no positive weight (Flee cannot draw from it)`, {
        file,
        line: head.line,
      });
    weights.set(name, columns[j]);
  });
  return { levels, weights };
}

/**
 * The weight of each location's draw: its own column, else Default. Returns, per location, the
 * awareness weight (flood_awareness_weights at the level) and the cumulative share of each row,
 * so that a uniform draw picks a row as pandas' weighted sample does.
 */
export function awarenessDraws(
  table: FloodAwarenessTable,
  locationNames: readonly string[],
): { cumulative: Float64Array; rows: number } {
  const rows = table.levels.length;
  const cumulative = new Float64Array(locationNames.length * rows);
  locationNames.forEach((name, i) => {
    const w = table.weights.get(name) ?? table.weights.get('Default')!;
    const sum = w.reduce((s, x) => s + x, 0);
    let acc = 0;
    for (let k = 0; k < rows; k++) {
      acc += w[k] / sum;
      cumulative[i * rows + k] = acc;
    }
  });
  return { cumulative, rows };
}
