/**
 * Cases: a person and their history, as a YAML case document, decided under a regime on a date:
 * the decision (protection, status, removability, non-refoulement, channels, rights) and the
 * numbered reasons, each with the rule and the citation that decided it.
 */
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { DocumentRow, Reason } from '../api/types.ts';
import { DocumentIdInput } from '../components/DocumentIdInput.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { useApi } from '../hooks.ts';
import type { PageProps } from './types.ts';

const EXAMPLES: Record<string, string> = {
  'violence, not persecution': `kind: Case
id: victim-of-generalised-violence
title: A civilian fleeing generalised violence, no individual persecution
date: 2001-06-01
person:
  nationalities: [SOM]
  location: NLD
  age: 34
history:
  - { date: 2001-03-10, event: entered, country: NLD, channel: irregular }
  - { date: 2001-03-12, event: applied_asylum, country: NLD }
claim:
  persecution: null
  violence: { immediacy: current, degree: life_threatening, generalised: true }
  role: victim
  return_possible: false
`,
  'political activist': `kind: Case
id: political-activist
title: An opposition activist persecuted by the state
date: 2001-06-01
person:
  nationalities: [IRN]
  location: DEU
history:
  - { date: 2001-01-05, event: entered, country: DEU, channel: asylum }
  - { date: 2001-01-06, event: applied_asylum, country: DEU }
claim:
  persecution: { ground: political_opinion, by: state }
  role: activist
  internal_flight_alternative: false
  return_possible: true
`,
  'labour migrant': `kind: Case
id: labour-migrant
title: A skilled worker with a job offer
date: 2002-01-15
person:
  nationalities: [IND]
  location: IND
  applying_to: GBR
  skill: high
employment:
  offer: true
  employer_country: GBR
`,
};

interface DecisionView {
  regime: string;
  country: string;
  tier: string;
  date: string;
  outcome: string;
  protection: unknown;
  status: unknown;
  removable: unknown;
  non_refoulement: unknown;
  channels: string[];
  rights: unknown;
  missing: string[];
  conflicts: unknown[];
  explanation: Reason[];
}

export function CasesPage(_props: PageProps) {
  const regimes = useApi<{ documents: DocumentRow[] }>('/api/documents?kind=Regime');
  const [regime, setRegime] = useState('');
  const [yaml, setYaml] = useState(EXAMPLES['violence, not persecution']);
  const [at, setAt] = useState('');
  const [decision, setDecision] = useState<DecisionView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { regime: regime || regimes.data?.documents[0]?.id, yaml };
      if (at) body.at = at;
      setDecision(await api<DecisionView>('/api/decide', { body }));
    } catch (e) {
      setDecision(null);
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cases">
      <h2>Decide a case</h2>
      <p className="hint">
        The case is a YAML document of kind Case; the same text may also hold your own Regime or policies
        (separate documents with ---).
      </p>
      <form
        className="case-form"
        onSubmit={(e) => {
          e.preventDefault();
          void decide();
        }}
      >
        <div className="row">
          <DocumentIdInput
            name="regime"
            documents={regimes.data?.documents}
            value={regime}
            onChange={setRegime}
          />
          <label>
            decide on{' '}
            <input
              type="date"
              aria-label="decision date"
              value={at}
              onChange={(e) => setAt(e.target.value)}
            />{' '}
            (default: the case's date)
          </label>
          <label>
            example{' '}
            <select
              aria-label="example case"
              onChange={(e) => e.target.value && setYaml(EXAMPLES[e.target.value])}
              defaultValue=""
            >
              <option value="">load an example…</option>
              {Object.keys(EXAMPLES).map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        </div>
        <textarea
          className="case-yaml"
          aria-label="case (YAML)"
          spellCheck={false}
          value={yaml}
          onChange={(e) => setYaml(e.target.value)}
          rows={18}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'deciding…' : 'decide'}
        </button>
      </form>
      <ErrorBox error={error} />
      {decision && <DecisionCard d={decision} />}
    </div>
  );
}

function DecisionCard({ d }: { d: DecisionView }) {
  const fields: [string, unknown][] = [
    ['outcome', d.outcome],
    ['protection', d.protection],
    ['status', d.status],
    ['removable', d.removable],
    ['non-refoulement', d.non_refoulement],
    ['channels open', d.channels],
    ['rights', d.rights],
  ];
  return (
    <section className="decision" aria-label="decision">
      <h3>
        Decision under <code>{d.regime}</code> in {d.country} ({d.tier}) on {d.date}
      </h3>
      <dl className="decision-fields">
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd data-field={k}>{show(v)}</dd>
          </div>
        ))}
      </dl>
      {d.missing.length > 0 && (
        <p className="missing">
          Facts needed to decide: <code>{d.missing.join(', ')}</code>
        </p>
      )}
      <h3>Reasons</h3>
      <ol className="reasons">
        {d.explanation.map((r, i) => (
          <li key={i}>
            <span className="reason-text">{r.text}</span>
            <div className="reason-meta">
              <code>{r.rule}</code>
              {r.citation && <span className="citation"> — {r.citation}</span>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function show(v: unknown): string {
  if (v === null) return 'none';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
