/**
 * Map: a world choropleth of any indicator in any year, from the world data shipped with the
 * project (with the root-cause series: arms imports and exports, agriculture's share of GDP) or
 * from a stored run, with a year slider, and the year's deaths in organised violence by type.
 * Shapes are Natural Earth's (world-atlas), joined to the data by ISO 3166 numeric code.
 */
import { useEffect, useMemo, useState } from 'react';
import type { IndicatorRow, RunRecord, WorldCountry } from '../api/types.ts';
import { Choropleth } from '../charts/Choropleth.tsx';
import { formatNumber, label } from '../charts/format.ts';
import { DeathsByType } from '../components/DeathsByType.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { useApi } from '../hooks.ts';
import { replaceParams } from '../router.ts';
import type { PageProps } from './types.ts';

interface SeriesInfo {
  name: string;
  unit: string;
  source: string;
}

export function MapPage({ params }: PageProps) {
  const countries = useApi<{ countries: WorldCountry[] }>('/api/world/countries');
  const seriesList = useApi<{ span: { first: number; last: number }; series: SeriesInfo[] }>(
    '/api/world/series',
  );
  const rootCauseSeries = useApi<{ series: SeriesInfo[] }>('/api/root-causes/series');
  const runs = useApi<{ runs: RunRecord[] }>('/api/runs');
  const [source, setSource] = useState(params.get('source') ?? 'world');
  const [indicator, setIndicator] = useState(
    params.get('indicator') ?? (source === 'world' ? 'population' : ''),
  );
  const [year, setYear] = useState(Number(params.get('year') ?? 2000));

  const fromRun = source !== 'world';
  const rootCause = !fromRun && (rootCauseSeries.data?.series.some((s) => s.name === indicator) ?? false);
  const runData = useApi<{
    indicators: string[];
    years: { first: number; last: number } | null;
    rows: IndicatorRow[];
  }>(
    fromRun && indicator
      ? `/api/runs/${encodeURIComponent(source)}/indicators?indicator=${encodeURIComponent(indicator)}`
      : null,
  );
  const runIndicators = useApi<{ indicators: string[]; years: { first: number; last: number } | null }>(
    fromRun ? `/api/runs/${encodeURIComponent(source)}/indicators?country=WLD` : null,
  );
  const worldData = useApi<{
    rows: { year: number; country: string; value: number }[];
    unit: string;
    source: string;
  }>(
    fromRun || !indicator || !rootCauseSeries.data
      ? null
      : `/api/${rootCause ? 'root-causes' : 'world'}/series/${encodeURIComponent(indicator)}`,
  );

  const worldSeries = [...(seriesList.data?.series ?? []), ...(rootCauseSeries.data?.series ?? [])];
  const indicators = fromRun ? (runIndicators.data?.indicators ?? []) : worldSeries.map((s) => s.name);
  const span = fromRun ? runIndicators.data?.years : seriesList.data?.span;
  useEffect(() => {
    if (!indicator && indicators.length) setIndicator(indicators[0]);
  }, [indicator, indicators]);
  useEffect(() => {
    if (span && (year < span.first || year > span.last))
      setYear(Math.min(span.last, Math.max(span.first, year)));
  }, [span, year]);
  useEffect(() => {
    replaceParams('map', { source, indicator, year: String(year) });
  }, [source, indicator, year]);

  const rows = useMemo(() => {
    const all: { year: number; country: string; value: number | null }[] = fromRun
      ? (runData.data?.rows ?? [])
      : (worldData.data?.rows ?? []);
    return all.filter((r) => r.year === year && r.country !== 'WLD');
  }, [fromRun, runData.data, worldData.data, year]);

  const { values, names } = useMemo(() => {
    const byIso3 = new Map((countries.data?.countries ?? []).map((c) => [c.iso3, c]));
    const values = new Map<number, number>();
    const names = new Map<number, string>();
    for (const c of countries.data?.countries ?? []) if (c.isoNumeric) names.set(c.isoNumeric, c.name);
    for (const r of rows) {
      const c = byIso3.get(r.country);
      if (c && c.isoNumeric && r.value !== null && Number.isFinite(r.value))
        values.set(c.isoNumeric, r.value);
    }
    return { values, names };
  }, [countries.data, rows]);

  const info = !fromRun ? worldSeries.find((s) => s.name === indicator) : undefined;
  const countryNames = useMemo(
    () => new Map((countries.data?.countries ?? []).map((c) => [c.iso3, c.name])),
    [countries.data],
  );
  const top = useMemo(
    () =>
      rows
        .filter((r) => r.value !== null)
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
        .slice(0, 8)
        .map((r) => ({ name: countryNames.get(r.country) ?? r.country, value: r.value })),
    [rows, countryNames],
  );

  return (
    <div className="map-page">
      <div className="row">
        <h2>Map</h2>
        <label>
          data{' '}
          <select
            aria-label="data source"
            value={source}
            onChange={(e) => {
              setSource(e.target.value);
              setIndicator(e.target.value === 'world' ? 'population' : '');
            }}
          >
            <option value="world">world data (data/world)</option>
            {runs.data?.runs.map((r) => (
              <option key={r.id} value={r.id}>
                run {r.id} ({r.regime}, seed {r.seed})
              </option>
            ))}
          </select>
        </label>
        <label>
          indicator{' '}
          <select aria-label="indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
            {indicators.map((i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>
        {span && (
          <label className="year-slider">
            year{' '}
            <input
              type="range"
              aria-label="year"
              min={span.first}
              max={span.last}
              step={1}
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
            />{' '}
            <output data-testid="map-year">{year}</output>
          </label>
        )}
      </div>
      <ErrorBox
        error={
          countries.error ?? runData.error ?? worldData.error ?? seriesList.error ?? rootCauseSeries.error
        }
      />
      <Choropleth values={values} names={names} title={`${label(indicator)}, ${year}`} />
      <p className="meta" data-testid="map-count">
        {values.size} countries with a value in {year}
        {info ? ` · ${info.unit} · ${info.source}` : ''}
      </p>
      {top.length > 0 && (
        <ol className="top-list">
          {top.map((t) => (
            <li key={t.name}>
              {t.name}: {formatNumber(t.value)}
            </li>
          ))}
        </ol>
      )}
      {!fromRun && <DeathsByType year={year} names={countryNames} />}
    </div>
  );
}
