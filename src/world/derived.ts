/**
 * The derived file: `WorldData` as JSON, so the engine does not parse ~9 MB of CSV on every run.
 * Panels are arrays with `null` for NaN; bilateral stocks are sparse `[destination, origin, value]`
 * triples per data year (most pairs are not estimated). Pure: text in, text out.
 */
import { userError } from '../shared/errors.ts';
import type { BilateralStocks } from './bilateral.ts';
import type { SeriesName, SeriesPanels } from './series.ts';
import { SERIES_NAMES } from './series.ts';
import type { WorldData } from './world-data.ts';
import { WORLD_DATA_FORMAT } from './world-data.ts';

/** Path of the derived file inside the data folder. */
export const DERIVED_FILE = 'derived/world.json';

const toJsonArray = (a: Float64Array): (number | null)[] =>
  Array.from(a, (v) => (Number.isNaN(v) ? null : v));
const fromJsonArray = (a: (number | null)[]): Float64Array =>
  Float64Array.from(a, (v) => (v === null ? NaN : v));

/** Serialises world data (one series per line, so a diff shows which series changed). */
export function serializeWorldData(data: WorldData): string {
  const { series, bilateral, ...rest } = data;
  const b = bilateral;
  const stock = b.stock.map((s) => {
    const triples: number[][] = [];
    for (let i = 0; i < s.length; i++) {
      if (!Number.isNaN(s[i])) triples.push([Math.floor(i / b.originCount), i % b.originCount, s[i]]);
    }
    return triples;
  });
  const lines = [
    '{',
    ...Object.entries(rest).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`),
    `"bilateral": ${JSON.stringify({ ...b, stock })},`,
    '"series": {',
    SERIES_NAMES.map((name) => `${JSON.stringify(name)}: ${JSON.stringify(toJsonArray(series[name]))}`).join(
      ',\n',
    ),
    '}',
    '}',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Reads world data from the derived file's text.
 * @throws `E_WORLD_DERIVED` when the file is not a derived world file of this format
 */
export function parseWorldData(text: string, file: string): WorldData {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw userError('E_WORLD_DERIVED', `derived world file is not JSON: ${(err as Error).message}`, { file });
  }
  if (raw.format !== WORLD_DATA_FORMAT) {
    throw userError(
      'E_WORLD_DERIVED',
      `derived world file has format ${String(raw.format)}, expected ${WORLD_DATA_FORMAT}: run tools/build-world.ts`,
      { file },
    );
  }
  const rawSeries = raw.series as Record<SeriesName, (number | null)[]>;
  const series = {} as SeriesPanels;
  for (const name of SERIES_NAMES) {
    if (!Array.isArray(rawSeries?.[name])) {
      throw userError(
        'E_WORLD_DERIVED',
        `derived world file lacks series ${name}: run tools/build-world.ts`,
        { file },
      );
    }
    series[name] = fromJsonArray(rawSeries[name]);
  }
  const rb = raw.bilateral as Omit<BilateralStocks, 'stock'> & { stock: number[][][] };
  const bilateral: BilateralStocks = {
    ...rb,
    stock: rb.stock.map((triples) => {
      const s = new Float64Array(rb.destinationCount * rb.originCount).fill(NaN);
      for (const [d, o, v] of triples) s[d * rb.originCount + o] = v;
      return s;
    }),
  };
  return { ...(raw as unknown as WorldData), series, bilateral };
}
