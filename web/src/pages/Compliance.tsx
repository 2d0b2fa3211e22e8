/**
 * Compliance: the national policies of the library checked against a convention on a date: a
 * countries × criteria table (met / not met / not applicable, each with its reason and citation)
 * and the ranking of the 0–100 scores.
 */
import { useMemo, useState } from 'react';
import type { DocumentRow } from '../api/types.ts';
import { Ranking } from '../charts/Ranking.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { useApi } from '../hooks.ts';
import type { PageProps } from './types.ts';

export interface ComplianceCell {
  criterion: string;
  result: string;
  reason: string;
  citation: string;
}

export interface ComplianceRow {
  country: string;
  policy: string;
  score: number | null;
  results: ComplianceCell[];
}

export interface ComplianceTable {
  convention: string;
  date: string;
  criteria: { id: string; title: string }[];
  rows: ComplianceRow[];
  scoring?: string;
  /** How the date was chosen: the one asked, or the latest the documents cover. */
  date_note?: string;
  /** Policies asked about past their last dated entry, with that entry's date. */
  past_last_entry?: Record<string, string>;
}

const SYMBOL: Record<string, string> = {
  met: '✓',
  more_favourable: '✓+',
  not_met: '✗',
  not_applicable: '–',
  not_assessable: '?',
};

export function CompliancePage(_props: PageProps) {
  const conventions = useApi<{ documents: DocumentRow[] }>('/api/documents?kind=Convention');
  const [convention, setConvention] = useState('');
  // '' until the user picks a date: the server then answers on the latest date the documents cover
  const [at, setAt] = useState('');
  const chosen = convention || conventions.data?.documents[0]?.id || '';
  const table = useApi<ComplianceTable>(
    chosen
      ? `/api/compliance?convention=${encodeURIComponent(chosen)}${at ? `&at=${encodeURIComponent(at)}` : ''}`
      : null,
  );
  const stale = table.data?.past_last_entry ?? {};
  const ranking = useMemo(
    () =>
      (table.data?.rows ?? [])
        .filter((r) => r.score !== null)
        .map((r) => ({ name: `${r.country} (${r.policy})`, score: r.score as number })),
    [table.data],
  );
  return (
    <div className="compliance">
      <div className="row">
        <h2>Compliance</h2>
        <label>
          convention{' '}
          <select aria-label="convention" value={chosen} onChange={(e) => setConvention(e.target.value)}>
            {conventions.data?.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          on{' '}
          <input
            type="date"
            aria-label="date"
            value={at || table.data?.date || ''}
            onChange={(e) => e.target.value && setAt(e.target.value)}
          />
        </label>
      </div>
      {table.data?.date_note && <p className="hint date-note">On {table.data.date_note}.</p>}
      {Object.keys(stale).length > 0 && (
        <p className="hint">
          † {Object.keys(stale).length} policies record no change after their last dated entry: they give the
          law as last recorded (hover a country for the date).
        </p>
      )}
      {conventions.data && conventions.data.documents.length === 0 && (
        <p className="hint">No Convention documents in the library yet.</p>
      )}
      <ErrorBox error={table.error} />
      {table.data && (
        <div className="two-columns">
          <div className="table-scroll">
            <table className="compliance-table">
              <thead>
                <tr>
                  <th>country</th>
                  <th>score</th>
                  {table.data.criteria.map((c) => (
                    <th key={c.id} title={c.title}>
                      {c.id}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.data.rows.map((r) => (
                  <tr key={`${r.country}-${r.policy}`} data-country={r.country}>
                    <th
                      title={
                        stale[r.policy]
                          ? `${r.policy}: no change recorded after ${stale[r.policy]}`
                          : r.policy
                      }
                    >
                      {r.country === '—' ? r.policy : r.country}
                      {stale[r.policy] ? ' †' : ''}
                    </th>
                    <td className="score">{r.score === null ? '–' : r.score.toFixed(0)}</td>
                    {table.data!.criteria.map((c) => {
                      const cell = r.results.find((x) => x.criterion === c.id);
                      return (
                        <td
                          key={c.id}
                          className={`cell ${cell?.result ?? 'none'}`}
                          title={cell ? `${cell.reason}${cell.citation ? ` — ${cell.citation}` : ''}` : ''}
                        >
                          {cell ? (SYMBOL[cell.result] ?? cell.result) : ''}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {table.data.scoring && <p className="meta">{table.data.scoring}</p>}
          </div>
          <div>
            <h3>Ranking</h3>
            <Ranking rows={ranking} />
          </div>
        </div>
      )}
    </div>
  );
}
