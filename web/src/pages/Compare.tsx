/**
 * Compare: start a comparison of two or more regimes over several seeds, watch it, and read it as
 * small multiples: one chart per headline indicator (world totals), each regime's mean with its
 * interval; optionally the paired differences from the first regime.
 */
import { useMemo, useState } from 'react';
import { ApiError, api, exportUrl } from '../api/client.ts';
import type { ComparisonRecord, DocumentRow, JobView, StatRow } from '../api/types.ts';
import { IntervalSeries, RegimeLegend, type IntervalPoint } from '../charts/IntervalSeries.tsx';
import { DocumentIdInput } from '../components/DocumentIdInput.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { LeverControls } from '../components/LeverControls.tsx';
import { initialLeverForm, leversOf } from '../levers.ts';
import { JobList, useJobs } from '../components/JobWatcher.tsx';
import { useApi } from '../hooks.ts';
import { navigate } from '../router.ts';
import type { PageProps } from './types.ts';

const NO_JOBS: JobView[] = [];

/** Indicators shown first when a comparison has them (the rest follow, by name). */
const HEADLINE = [
  'migrant_stock',
  'irregular_stock',
  'non_returnable_stock',
  'smuggling_price',
  'smuggling_deaths',
  'protection_gap',
  'employer_rent',
  'rights_index',
  'remittances',
  'legitimacy',
];

export function ComparePage({ params }: PageProps) {
  const scenarios = useApi<{ documents: DocumentRow[] }>('/api/documents?kind=Scenario');
  const regimes = useApi<{ documents: DocumentRow[] }>('/api/documents?kind=Regime');
  const list = useApi<{ comparisons: ComparisonRecord[] }>('/api/comparisons');
  const known = useApi<{ jobs: JobView[] }>('/api/jobs');
  const initial = useMemo(
    () => (known.data?.jobs ?? NO_JOBS).filter((j) => j.kind === 'comparison'),
    [known.data],
  );
  const [jobs, addJob] = useJobs(initial, (job) => {
    list.reload();
    if (job.state === 'done' && job.resultId) navigate('compare', { id: job.resultId });
  });
  const [scenario, setScenario] = useState('');
  const [regimeText, setRegimeText] = useState('');
  const chosen = regimeText.split(/[,\s]+/).filter(Boolean);
  const setChosen = (ids: string[]) => setRegimeText(ids.join(', '));
  const [seeds, setSeeds] = useState('3');
  const [scale, setScale] = useState('');
  const [levers, setLevers] = useState(initialLeverForm);
  const [error, setError] = useState<ApiError | null>(null);
  const selected = params.get('id') ?? list.data?.comparisons[0]?.id;

  const start = async () => {
    setError(null);
    const body: Record<string, unknown> = {
      scenario: scenario || scenarios.data?.documents[0]?.id,
      regimes: chosen,
      seeds: Number(seeds || 3),
    };
    if (scale) body.scale = Number(scale);
    const chosenLevers = leversOf(levers);
    if (chosenLevers.length) body.levers = chosenLevers;
    try {
      const r = await api<{ job: JobView }>('/api/comparisons', { body });
      addJob(r.job);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <div>
      <h2>Compare regimes</h2>
      <form
        className="row start-comparison"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <DocumentIdInput
          name="scenario"
          documents={scenarios.data?.documents}
          value={scenario}
          onChange={setScenario}
        />
        <fieldset className="regime-choice">
          <legend>regimes (two or more; the first is the reference)</legend>
          <input
            aria-label="regimes"
            value={regimeText}
            placeholder="regime ids, comma-separated"
            onChange={(e) => setRegimeText(e.target.value)}
          />
          {regimes.data?.documents.map((d) => (
            <label key={d.id}>
              <input
                type="checkbox"
                checked={chosen.includes(d.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((x) => x !== d.id))
                }
              />
              {d.id}
            </label>
          ))}
        </fieldset>
        <label>
          seeds{' '}
          <input
            aria-label="seeds"
            type="number"
            min={1}
            max={64}
            value={seeds}
            onChange={(e) => setSeeds(e.target.value)}
          />
        </label>
        <label>
          scale{' '}
          <input
            aria-label="scale"
            type="number"
            min={1}
            placeholder="coarse default"
            value={scale}
            onChange={(e) => setScale(e.target.value)}
          />
        </label>
        <LeverControls form={levers} onChange={setLevers} />
        <button type="submit">start comparison</button>
      </form>
      <ErrorBox error={error} />
      <JobList jobs={jobs} />
      <div className="row">
        <label>
          comparison{' '}
          <select
            aria-label="comparison"
            value={selected ?? ''}
            onChange={(e) => navigate('compare', { id: e.target.value })}
          >
            {list.data?.comparisons.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id} — {c.regimes.join(' vs ')} ({c.seeds.length} seeds)
              </option>
            ))}
          </select>
        </label>
        {list.data?.comparisons.length === 0 && <span className="hint">no comparisons stored yet</span>}
      </div>
      {selected && (
        <ComparisonView id={selected} record={list.data?.comparisons.find((c) => c.id === selected)} />
      )}
    </div>
  );
}

function ComparisonView({ id, record }: { id: string; record?: ComparisonRecord }) {
  const [kind, setKind] = useState<'regime' | 'difference'>('regime');
  const stats = useApi<{ indicators: string[]; rows: StatRow[] }>(
    `/api/comparisons/${encodeURIComponent(id)}/stats?country=WLD&kind=${kind}`,
  );
  const { indicators, labels, byIndicator } = useMemo(() => {
    const rows = stats.data?.rows ?? [];
    const m = new Map<string, IntervalPoint[]>();
    for (const r of rows)
      m.set(r.indicator, [
        ...(m.get(r.indicator) ?? []),
        { year: r.year, label: r.label, mean: r.mean, lo: r.lo, hi: r.hi },
      ]);
    const names = [...m.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return { indicators: names, labels: [...new Set(rows.map((r) => r.label))], byIndicator: m };
  }, [stats.data]);
  return (
    <section className="comparison" data-comparison={id}>
      <div className="row">
        {record && (
          <p className="meta">
            {record.scenario}, {record.from}–{record.to}, scale {record.scale}, seeds{' '}
            {record.seeds.join(', ')}. {record.intervalMethod}
          </p>
        )}
        <select
          aria-label="show"
          value={kind}
          onChange={(e) => setKind(e.target.value as 'regime' | 'difference')}
        >
          <option value="regime">each regime (mean and interval)</option>
          <option value="difference">differences from the first regime</option>
        </select>
        <a href={exportUrl('comparisons', id, 'csv')} download>
          CSV
        </a>
        <a href={exportUrl('comparisons', id, 'parquet')} download>
          Parquet
        </a>
      </div>
      <ErrorBox error={stats.error} />
      <RegimeLegend labels={labels} />
      <div className="grid small-multiples">
        {indicators.map((ind) => (
          <IntervalSeries key={ind} indicator={ind} points={byIndicator.get(ind)!} labels={labels} />
        ))}
      </div>
    </section>
  );
}

function rank(indicator: string): number {
  const i = HEADLINE.indexOf(indicator);
  return i < 0 ? HEADLINE.length : i;
}
