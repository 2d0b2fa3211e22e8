/**
 * Editor: write or change a YAML document and see its problems as you type, each at its line and
 * column (the server validates it together with the built-in documents; a document with the id of
 * a built-in one replaces it, so a built-in document can be edited here).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { Diagnostic, DocumentRow } from '../api/types.ts';
import { CodeEditor, type CodeEditorHandle } from '../components/CodeEditor.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { useApi } from '../hooks.ts';
import type { PageProps } from './types.ts';

const STARTER = `kind: NationalPolicy
id: my-policy
title: A national policy to check
country: NLD
valid_from: 2000-01-01
sources:
  - note: written in the dashboard editor
`;

interface Validation {
  ok: boolean;
  documents: { id: string; kind: string }[];
  diagnostics: Diagnostic[];
}

export function EditorPage({ params }: PageProps) {
  const docs = useApi<{ documents: DocumentRow[] }>('/api/documents');
  const [text, setText] = useState(() => localStorage.getItem('regimes-editor') ?? STARTER);
  const [result, setResult] = useState<Validation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const editor = useRef<CodeEditorHandle>(null);
  const loadId = params.get('id');

  useEffect(() => {
    if (!loadId) return;
    api<{ text: string }>(`/api/documents/${encodeURIComponent(loadId)}/source`).then(
      (r) => setText(r.text),
      setError,
    );
  }, [loadId]);

  useEffect(() => {
    localStorage.setItem('regimes-editor', text);
    setChecking(true);
    const t = setTimeout(() => {
      api<Validation>('/api/validate', { body: { yaml: text, file: 'editor.yaml' } }).then(
        (r) => {
          setResult(r);
          setError(null);
          setChecking(false);
        },
        (e: ApiError) => {
          setError(e);
          setChecking(false);
        },
      );
    }, 300);
    return () => clearTimeout(t);
  }, [text]);

  const problems = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const d of result?.diagnostics ?? [])
      if (d.line) m.set(d.line, [...(m.get(d.line) ?? []), d.message]);
    return m;
  }, [result]);

  return (
    <div className="editor-page">
      <div className="row">
        <h2>Editor</h2>
        <select
          aria-label="open a built-in document"
          value=""
          onChange={(e) => e.target.value && (window.location.hash = `#/editor?id=${e.target.value}`)}
        >
          <option value="">open a built-in document…</option>
          {docs.data?.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.kind}: {d.id}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setText(STARTER)}>
          new
        </button>
        <span
          className={`status ${checking ? 'checking' : result?.ok ? 'valid' : 'invalid'}`}
          data-testid="validation-status"
        >
          {checking
            ? 'checking…'
            : result?.ok
              ? `valid: ${result.documents.map((d) => `${d.kind} ${d.id}`).join(', ')}`
              : result
                ? `${result.diagnostics.length} problem(s)`
                : ''}
        </span>
      </div>
      <div className="editor-layout">
        <CodeEditor ref={editor} value={text} onChange={setText} problems={problems} label="YAML document" />
        <section className="problems" aria-label="problems">
          <h3>Problems</h3>
          <ErrorBox error={error} />
          {result && result.diagnostics.length === 0 && (
            <p className="valid">No problems: the document is valid with the built-in library.</p>
          )}
          <ul>
            {result?.diagnostics.map((d, i) => (
              <li key={i} className="diagnostic" data-line={d.line} data-col={d.col}>
                <button
                  type="button"
                  className="link"
                  onClick={() => d.line && editor.current?.jumpTo(d.line, d.col ?? 1)}
                >
                  {d.file && d.file !== 'editor.yaml' ? `${d.file}:` : ''}
                  {d.line ?? '?'}:{d.col ?? '?'}
                </button>{' '}
                {d.message}
                {d.path?.length ? <span className="path"> (at {d.path.join('.')})</span> : null}{' '}
                <code>{d.code}</code>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
