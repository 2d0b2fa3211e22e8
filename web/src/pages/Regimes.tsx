/**
 * Regimes: browse every document (regimes, instruments, conventions, processes, agreements,
 * policies…) as in force on a date, with its sources and dated changes; compare two documents on a
 * date, or one document between two dates (coded changes).
 */
import { useMemo, useState } from 'react';
import { today } from '../api/client.ts';
import type { DocumentRow, LeafDifference, PolicyChange, ResolvedDocument } from '../api/types.ts';
import { Citation } from '../components/Citation.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { useApi } from '../hooks.ts';
import { navigate } from '../router.ts';
import type { PageProps } from './types.ts';

export function RegimesPage({ params }: PageProps) {
  const list = useApi<{ documents: DocumentRow[] }>('/api/documents');
  const [filter, setFilter] = useState('');
  const selected = params.get('id') ?? '';
  const at = params.get('at') ?? today();
  const docs = list.data?.documents ?? [];
  const shown = docs.filter(
    (d) => !filter || `${d.id} ${d.title ?? ''} ${d.kind}`.toLowerCase().includes(filter.toLowerCase()),
  );
  const kinds = [...new Set(shown.map((d) => d.kind))];
  return (
    <div className="two-columns">
      <aside className="doc-list">
        <h2>Documents</h2>
        <input
          type="search"
          placeholder="filter"
          aria-label="filter documents"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ErrorBox error={list.error} />
        {kinds.map((k) => (
          <section key={k}>
            <h3>{k}</h3>
            <ul>
              {shown
                .filter((d) => d.kind === k)
                .map((d) => (
                  <li key={d.id}>
                    <a
                      href={`#/regimes?id=${d.id}&at=${at}`}
                      className={d.id === selected ? 'active' : undefined}
                      title={d.title}
                    >
                      {d.id}
                    </a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </aside>
      <section className="doc-view">
        {selected ? (
          <DocumentView id={selected} at={at} />
        ) : (
          <p className="hint">
            Choose a document on the left to read it as in force on a date, with its sources.
          </p>
        )}
        <DiffPanel docs={docs} first={selected} at={at} />
      </section>
    </div>
  );
}

function DocumentView({ id, at }: { id: string; at: string }) {
  const r = useApi<ResolvedDocument>(`/api/documents/${encodeURIComponent(id)}?at=${encodeURIComponent(at)}`);
  const d = r.data;
  return (
    <article className="document" data-id={id}>
      <div className="row">
        <label>
          in force on{' '}
          <input
            type="date"
            value={at}
            onChange={(e) => e.target.value && navigate('regimes', { id, at: e.target.value })}
            aria-label="date"
          />
        </label>
        <a className="button" href={`#/editor?id=${id}`}>
          edit a copy
        </a>
      </div>
      <ErrorBox error={r.error} />
      {d && (
        <>
          <h2>{d.document.title ?? d.id}</h2>
          <p className="meta">
            <span className="kind">{d.kind}</span> <code>{d.id}</code> · <code>{d.file}</code> ·{' '}
            <span className={d.in_force ? 'in-force' : 'not-in-force'}>
              {d.in_force ? `in force on ${d.date}` : `not in force on ${d.date}`}
            </span>
          </p>
          {d.document.summary && <p>{d.document.summary}</p>}
          <h3>Sources</h3>
          <ol className="sources">
            {d.sources.map((s, i) => (
              <li key={i}>
                <Citation source={s} />
              </li>
            ))}
          </ol>
          {d.events.length > 0 && (
            <>
              <h3>Dated changes</h3>
              <table className="events">
                <thead>
                  <tr>
                    <th>date</th>
                    <th>by</th>
                    <th>source</th>
                    <th>note</th>
                  </tr>
                </thead>
                <tbody>
                  {d.events.map((e, i) => (
                    <tr key={i} className={e.date <= at ? 'applied' : 'later'}>
                      <td>{e.date}</td>
                      <td>
                        <code>{e.by}</code>
                      </td>
                      <td>
                        <Citation source={e.source} />
                      </td>
                      <td>{e.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3>As in force on {d.date}</h3>
          <pre className="yaml">{d.yaml}</pre>
        </>
      )}
    </article>
  );
}

/** Two documents on one date, or one document between two dates. */
function DiffPanel({ docs, first, at }: { docs: DocumentRow[]; first: string; at: string }) {
  const [mode, setMode] = useState<'documents' | 'dates'>('documents');
  const [a, setA] = useState(first);
  const [b, setB] = useState('');
  const [from, setFrom] = useState('1990-01-01');
  const [to, setTo] = useState(at);
  const [ask, setAsk] = useState<string | null>(null);
  const ids = useMemo(() => docs.map((d) => d.id), [docs]);
  const result = useApi<{ differences?: LeafDifference[]; changes?: PolicyChange[] }>(ask);
  return (
    <section className="diff">
      <h3>Compare</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const docA = a || first;
          if (!docA) return;
          setAsk(
            mode === 'documents'
              ? `/api/diff?a=${encodeURIComponent(docA)}&b=${encodeURIComponent(b)}&at=${encodeURIComponent(at)}`
              : `/api/documents/${encodeURIComponent(docA)}/changes?from=${from}&to=${to}`,
          );
        }}
      >
        <select
          aria-label="compare what"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'documents' | 'dates')}
        >
          <option value="documents">two documents on {at}</option>
          <option value="dates">one document between two dates</option>
        </select>
        <select aria-label="document A" value={a || first} onChange={(e) => setA(e.target.value)}>
          <option value="">document…</option>
          {ids.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
        {mode === 'documents' ? (
          <select aria-label="document B" value={b} onChange={(e) => setB(e.target.value)}>
            <option value="">with…</option>
            {ids.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        ) : (
          <>
            <input type="date" aria-label="from" value={from} onChange={(e) => setFrom(e.target.value)} />
            <input type="date" aria-label="to" value={to} onChange={(e) => setTo(e.target.value)} />
          </>
        )}
        <button type="submit">compare</button>
      </form>
      <ErrorBox error={result.error} />
      {result.data?.differences && (
        <table className="differences">
          <thead>
            <tr>
              <th>path</th>
              <th>A</th>
              <th>B</th>
            </tr>
          </thead>
          <tbody>
            {result.data.differences.map((d) => (
              <tr key={d.path}>
                <td>
                  <code>{d.path}</code>
                </td>
                <td>{show(d.a)}</td>
                <td>{show(d.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.data?.changes && (
        <table className="changes">
          <thead>
            <tr>
              <th>date</th>
              <th>path</th>
              <th>before → after</th>
              <th>coding</th>
              <th>by, source</th>
            </tr>
          </thead>
          <tbody>
            {result.data.changes.length === 0 && (
              <tr>
                <td colSpan={5}>no changes between these dates</td>
              </tr>
            )}
            {result.data.changes.map((c, i) => (
              <tr key={i}>
                <td>{c.date}</td>
                <td>
                  <code>{c.path}</code>
                </td>
                <td>
                  {show(c.before)} → {show(c.after)}
                </td>
                <td className={`direction-${c.demig?.direction ?? ''}`}>
                  {[c.demig?.direction, c.demig?.area, c.demig?.tool].filter(Boolean).join(' · ')}
                </td>
                <td>
                  <code>{c.by}</code> <Citation source={c.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function show(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
