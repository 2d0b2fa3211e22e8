import { useMemo } from 'react';
import { formatNumber } from '../charts/format.ts';
import { useApi } from '../hooks.ts';
import { ErrorBox } from './ErrorBox.tsx';

/** UCDP's three types of organised violence, as world series (docs/model.md §9.1). */
const TYPES = [
  { series: 'deathsStateBased', label: 'state-based' },
  { series: 'deathsNonState', label: 'non-state' },
  { series: 'deathsOneSided', label: 'one-sided' },
] as const;

type Rows = { rows: { country: string; value: number }[] };

/**
 * Deaths in organised violence by type in a year (UCDP GED, where they occurred): the world's
 * total of each type and the countries with the most deaths, each split by type.
 */
export function DeathsByType({ year, names }: { year: number; names: Map<string, string> }) {
  const q = (s: string) => `/api/world/series/${s}?year=${year}`;
  const stateBased = useApi<Rows>(q(TYPES[0].series));
  const nonState = useApi<Rows>(q(TYPES[1].series));
  const oneSided = useApi<Rows>(q(TYPES[2].series));
  const table = useMemo(() => {
    const byCountry = new Map<string, number[]>();
    [stateBased.data, nonState.data, oneSided.data].forEach((data, t) => {
      for (const r of data?.rows ?? []) {
        const v = byCountry.get(r.country) ?? [0, 0, 0];
        v[t] += r.value;
        byCountry.set(r.country, v);
      }
    });
    const totals = [0, 1, 2].map((t) => [...byCountry.values()].reduce((s, v) => s + v[t], 0));
    const top = [...byCountry]
      .map(([country, v]) => ({ country, v, all: v[0] + v[1] + v[2] }))
      .filter((r) => r.all > 0)
      .sort((a, b) => b.all - a.all)
      .slice(0, 8);
    return { totals, top };
  }, [stateBased.data, nonState.data, oneSided.data]);
  return (
    <div className="deaths-by-type" data-testid="deaths-by-type">
      <h3>Deaths in organised violence by type, {year}</h3>
      <ErrorBox error={stateBased.error ?? nonState.error ?? oneSided.error} />
      <table>
        <thead>
          <tr>
            <th>country</th>
            {TYPES.map((t) => (
              <th key={t.series}>{t.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-country="world">
            <td>world</td>
            {table.totals.map((v, t) => (
              <td key={t}>{formatNumber(v)}</td>
            ))}
          </tr>
          {table.top.map((r) => (
            <tr key={r.country} data-country={r.country}>
              <td>{names.get(r.country) ?? r.country}</td>
              {r.v.map((v, t) => (
                <td key={t}>{formatNumber(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">
        UCDP GED v25.1, best estimates, by where the deaths occurred (data/world/conflict/).
      </p>
    </div>
  );
}
