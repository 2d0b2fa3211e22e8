/**
 * World data for the dashboard's map and charts: the model's countries (ISO3 with the ISO numeric
 * code the map joins on) and any yearly series of `data/world`, by year.
 */
import type { TaskTable } from '../tasks/task-table.ts';
import { SERIES, SERIES_NAMES, loadWorldData } from '../../world/index.ts';
import type { SeriesName, WorldData } from '../../world/index.ts';
import type { WorldCountry } from '../api-types.ts';
import { apiError } from '../http-error.ts';
import { queryInt } from '../request.ts';

let cached: WorldData | undefined;
const world = () => (cached ??= loadWorldData());

/** The handlers of the routes, by `METHOD /path` (they run in the task workers: tasks/task-pool.ts). */
export const worldTasks: TaskTable = {
  'GET /api/world/countries': (): { countries: WorldCountry[] } => ({
    countries: world().countries.map((c) => ({
      iso3: c.iso3,
      isoNumeric: c.m49,
      name: c.name,
      region: c.region,
      subregion: c.subregion,
    })),
  }),

  'GET /api/world/series': () => ({
    span: world().span,
    series: SERIES_NAMES.map((name) => ({ name, ...SERIES[name] })),
  }),

  'GET /api/world/series/:name': (req) => {
    const name = req.params.name;
    if (!(SERIES_NAMES as string[]).includes(name))
      throw apiError(
        'E_UNKNOWN_SERIES',
        `no world series '${name.slice(0, 60)}'; GET /api/world/series lists them`,
      );
    const w = world();
    const q = req.query as Record<string, unknown>;
    const year = queryInt(q, 'year', w.span.first, w.span.last);
    const from = year ?? queryInt(q, 'from', w.span.first, w.span.last) ?? w.span.first;
    const to = year ?? queryInt(q, 'to', w.span.first, w.span.last) ?? w.span.last;
    const panel = w.series[name as SeriesName];
    const n = w.countries.length;
    const rows: { year: number; country: string; value: number }[] = [];
    for (let y = from; y <= to; y++) {
      for (let c = 0; c < n; c++) {
        const v = panel[(y - w.span.first) * n + c];
        if (Number.isFinite(v)) rows.push({ year: y, country: w.countries[c].iso3, value: v });
      }
    }
    return { name, ...SERIES[name as SeriesName], span: w.span, rows };
  },
};
