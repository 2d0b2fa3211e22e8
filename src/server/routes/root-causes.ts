/**
 * Root-cause data for the dashboard's map (docs/model.md §9): SIPRI arms transfers by recipient
 * and by supplier, and agriculture's share of GDP, by country and year, as the root-cause
 * estimates and levers read them (src/rootcauses/). The deaths by type of violence are world
 * series (`/api/world/series/deathsStateBased`, …).
 */
import type { TaskTable } from '../tasks/task-table.ts';
import type { CountryYearSeries } from '../../rootcauses/index.ts';
import { readAgricultureShare, readArmsData } from '../../rootcauses/index.ts';
import { apiError } from '../http-error.ts';
import { queryInt } from '../request.ts';

/** The root-cause series the map can show: unit, source, and how to read them. */
const ROOT_CAUSE_SERIES = {
  armsImportsTiv: {
    unit: 'TIV millions (SIPRI trend-indicator value of major conventional weapons delivered)',
    source: 'SIPRI Arms Transfers Database, imports by recipient (data/world/arms/)',
    read: () => readArmsData().imports,
  },
  armsExportsTiv: {
    unit: 'TIV millions (SIPRI trend-indicator value of major conventional weapons delivered)',
    source: 'SIPRI Arms Transfers Database, exports by supplier (data/world/arms/)',
    read: () => readArmsData().exports,
  },
  agricultureSharePct: {
    unit: '% of GDP (agriculture, forestry and fishing, value added)',
    source: 'WDI NV.AGR.TOTL.ZS via Gapminder (data/world/economy/agriculture_share_gdp_wdi.csv)',
    read: () => percent(readAgricultureShare()),
  },
} as const;

type RootCauseSeriesName = keyof typeof ROOT_CAUSE_SERIES;

const percent = (s: CountryYearSeries): CountryYearSeries =>
  new Map([...s].map(([iso3, byYear]) => [iso3, new Map([...byYear].map(([y, v]) => [y, v * 100]))]));

/** First and last year of a series. */
function spanOf(s: CountryYearSeries): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const byYear of s.values())
    for (const y of byYear.keys()) [first, last] = [Math.min(first, y), Math.max(last, y)];
  return { first, last };
}

/** A series' name, unit, source and span, from its data as read. */
const describe = (name: RootCauseSeriesName, data: CountryYearSeries) => {
  const { unit, source } = ROOT_CAUSE_SERIES[name];
  return { name, unit, source, span: spanOf(data) };
};

/** The handlers of the routes, by `METHOD /path` (they run in the task workers). */
export const rootCauseTasks: TaskTable = {
  'GET /api/root-causes/series': () => ({
    series: (Object.keys(ROOT_CAUSE_SERIES) as RootCauseSeriesName[]).map((name) =>
      describe(name, ROOT_CAUSE_SERIES[name].read()),
    ),
  }),

  'GET /api/root-causes/series/:name': (req) => {
    const name = req.params.name;
    if (!Object.hasOwn(ROOT_CAUSE_SERIES, name))
      throw apiError(
        'E_UNKNOWN_SERIES',
        `no root-cause series '${name.slice(0, 60)}'; GET /api/root-causes/series lists them`,
      );
    const data = ROOT_CAUSE_SERIES[name as RootCauseSeriesName].read();
    const info = describe(name as RootCauseSeriesName, data);
    const q = req.query as Record<string, unknown>;
    const year = queryInt(q, 'year', info.span.first, info.span.last);
    const rows: { year: number; country: string; value: number }[] = [];
    for (const [country, byYear] of [...data].sort(([a], [b]) => a.localeCompare(b)))
      for (const [y, value] of byYear)
        if ((year === undefined || y === year) && Number.isFinite(value))
          rows.push({ year: y, country, value });
    return { ...info, rows };
  },
};
