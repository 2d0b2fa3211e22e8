/**
 * Reasons: each step of a decision names the rule or policy field that decided it, its citation,
 * the values it read and one line a caseworker can read. `--explain` prints them numbered.
 */
import type { Source } from '../regime/index.ts';
import type { Value } from './evaluate.ts';

/** One step of the reasoning. */
export interface Reason {
  /** What the step decides: protection, non_refoulement, removable, status, channels, rights, transitions… */
  topic: string;
  /** `doc-id#rule-id` for a rule, `doc-id#field.path` for a policy field. */
  rule: string;
  /** Document, article or section, as one line. */
  citation: string;
  /** The citation as written in the document. */
  source?: Source;
  /** One-line reason. */
  text: string;
  /** Facts and parameters read, with their values. */
  values?: Record<string, Value>;
  /** Exception relations considered: rules this one overrode or was overridden by. */
  overrides?: string[];
}

/** A citation on one line: `refugee-convention-1951, Art 1A(2), p. 3, Overbeek 2002 §4`. */
export function formatCitation(s: Source | undefined): string {
  if (!s) return '';
  const parts: string[] = [];
  if (s.instrument) parts.push(s.instrument);
  if (s.article) parts.push(`Art ${s.article}${s.paragraph ? `(${s.paragraph})` : ''}`);
  else if (s.paragraph) parts.push(`para ${s.paragraph}`);
  if (s.page) parts.push(`p. ${s.page}`);
  if (s.seed) parts.push(`Overbeek 2002 ${s.seed}`);
  if (!parts.length && s.url) parts.push(s.url);
  if (!parts.length && s.note) parts.push(s.note);
  return parts.join(', ');
}

/** A reason built from a source. */
export function reason(
  topic: string,
  rule: string,
  source: Source | undefined,
  text: string,
  values?: Record<string, Value>,
): Reason {
  const r: Reason = { topic, rule, citation: formatCitation(source), text };
  if (source) r.source = source;
  if (values && Object.keys(values).length) r.values = values;
  return r;
}

/** Renders values read as `a = 1, b = [x, y]`. */
export function formatValues(values: Record<string, Value> | undefined): string {
  if (!values) return '';
  return Object.entries(values)
    .map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : v === null ? 'null' : String(v)}`)
    .join(', ');
}

/** The reasons as numbered lines a caseworker can read. */
export function numberedReasons(reasons: readonly Reason[]): string[] {
  const lines: string[] = [];
  reasons.forEach((r, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${r.text}`);
    lines.push(`    ${r.rule}${r.citation ? ` — ${r.citation}` : ''}`);
    const vals = formatValues(r.values);
    if (vals) lines.push(`    read: ${vals}`);
    if (r.overrides?.length) lines.push(`    ${r.overrides.join('; ')}`);
  });
  return lines;
}
