/**
 * Runs: start a run of a scenario (token needed), watch its progress live, list the stored runs,
 * read one's world totals as charts and download its indicators as CSV or Parquet.
 */
import { useMemo, useState } from 'react';
import { ApiError, api, exportUrl } from '../api/client.ts';
import type { DocumentRow, IndicatorRow, JobView, RunRecord } from '../api/types.ts';
import { LineChart } from '../charts/LineFacets.tsx';
import { DocumentIdInput } from '../components/DocumentIdInput.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { LeverControls } from '../components/LeverControls.tsx';
import { initialLeverForm, leversOf } from '../levers.ts';
import { JobList, useJobs } from '../components/JobWatcher.tsx';
import { useApi } from '../hooks.ts';
import { navigate } from '../router.ts';
import type { PageProps } from './types.ts';

const NO_JOBS: JobView[] = [];

/** The numbers a run may take from its scenario or from the form (left empty: the scenario's). */
const SCENARIO_OVERRIDES = [
  { key: 'scale', label: 'scale', min: 1 },
  { key: 'from', label: 'from year', min: undefined },
  { key: 'to', label: 'to year', min: undefined },
] as const;

export function RunsPage({ params }: PageProps) {
  const scenarios = useApi<{ documents: DocumentRow[] }>('/api/documents?kind=Scenario');
  const regimes = useApi<{ documents: DocumentRow[] }>('/api/documents?kind=Regime');
  const runs = useApi<{ runs: RunRecord[] }>('/api/runs');
  const known = useApi<{ jobs: JobView[] }>('/api/jobs');
  const initial = useMemo(() => (known.data?.jobs ?? NO_JOBS).filter((j) => j.kind === 'run'), [known.data]);
  const [jobs, addJob] = useJobs(initial, () => runs.reload());
  const [form, setForm] = useState({ scenario: '', regime: '', seed: '1', scale: '', from: '', to: '' });
  const [levers, setLevers] = useState(initialLeverForm);
  const [error, setError] = useState<ApiError | null>(null);
  const selected = params.get('id');

  const start = async () => {
    setError(null);
    const body: Record<string, unknown> = {
      scenario: form.scenario || scenarios.data?.documents[0]?.id,
      seed: Number(form.seed || 1),
    };
    if (form.regime) body.regime = form.regime;
    for (const { key } of SCENARIO_OVERRIDES) if (form[key]) body[key] = Number(form[key]);
    const chosen = leversOf(levers);
    if (chosen.length) body.levers = chosen;
    try {
      const r = await api<{ id: string; job: JobView }>('/api/runs', { body });
      addJob(r.job);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  return (
    <div>
      <h2>Runs</h2>
      <form
        className="row start-run"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <DocumentIdInput
          name="scenario"
          documents={scenarios.data?.documents}
          value={form.scenario}
          onChange={(v) => setForm({ ...form, scenario: v })}
        />
        <DocumentIdInput
          name="regime"
          documents={regimes.data?.documents}
          value={form.regime}
          placeholder="the scenario's"
          onChange={(v) => setForm({ ...form, regime: v })}
        />
        <label>
          seed{' '}
          <input aria-label="seed" type="number" min={0} value={form.seed} onChange={set('seed')} size={5} />
        </label>
        {SCENARIO_OVERRIDES.map(({ key, label, min }) => (
          <label key={key}>
            {key}{' '}
            <input
              aria-label={label}
              type="number"
              min={min}
              placeholder="scenario's"
              value={form[key]}
              onChange={set(key)}
            />
          </label>
        ))}
        <LeverControls form={levers} onChange={setLevers} />
        <button type="submit">start run</button>
      </form>
      {scenarios.data && scenarios.data.documents.length === 0 && (
        <p className="hint">No Scenario documents in the library yet.</p>
      )}
      <ErrorBox error={error} />
      <JobList jobs={jobs} />
      <h3>Stored runs</h3>
      <ErrorBox error={runs.error} />
      <table className="runs">
        <thead>
          <tr>
            <th>run</th>
            <th>scenario</th>
            <th>regime</th>
            <th>seed</th>
            <th>scale</th>
            <th>years</th>
            <th>rows</th>
            <th>made</th>
            <th>download</th>
          </tr>
        </thead>
        <tbody>
          {runs.data?.runs.length === 0 && (
            <tr>
              <td colSpan={9}>no runs stored yet</td>
            </tr>
          )}
          {runs.data?.runs.map((r) => (
            <tr key={r.id} className={r.id === selected ? 'selected' : undefined} data-run={r.id}>
              <td>
                <a href={`#/runs?id=${r.id}`}>{r.id}</a>
              </td>
              <td>{r.scenario}</td>
              <td>{r.regime}</td>
              <td>{r.seed}</td>
              <td>{r.scale}</td>
              <td>
                {r.from}–{r.to}
              </td>
              <td>{r.rowCount}</td>
              <td>{r.createdAt.slice(0, 19).replace('T', ' ')}</td>
              <td>
                <a href={exportUrl('runs', r.id, 'csv')} download>
                  CSV
                </a>{' '}
                <a href={exportUrl('runs', r.id, 'parquet')} download>
                  Parquet
                </a>{' '}
                <a href={`#/map?source=${r.id}`}>map</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && <RunCharts id={selected} onClose={() => navigate('runs')} />}
    </div>
  );
}

function RunCharts({ id, onClose }: { id: string; onClose: () => void }) {
  const r = useApi<{ indicators: string[]; rows: IndicatorRow[] }>(
    `/api/runs/${encodeURIComponent(id)}/indicators?country=WLD`,
  );
  const byIndicator = useMemo(() => {
    const m = new Map<string, IndicatorRow[]>();
    for (const row of r.data?.rows ?? []) m.set(row.indicator, [...(m.get(row.indicator) ?? []), row]);
    return m;
  }, [r.data]);
  return (
    <section className="run-charts" data-run={id}>
      <div className="row">
        <h3>World totals of {id}</h3>
        <button type="button" onClick={onClose}>
          close
        </button>
      </div>
      <ErrorBox error={r.error} />
      <div className="grid">
        {[...byIndicator.entries()].map(([indicator, rows]) => (
          <LineChart key={indicator} indicator={indicator} rows={rows} />
        ))}
      </div>
    </section>
  );
}
