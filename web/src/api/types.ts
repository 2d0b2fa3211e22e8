/** Shapes of the API's answers, as the dashboard reads them (docs/api.md has the full reference). */

export interface Diagnostic {
  code: string;
  message: string;
  file?: string;
  line?: number;
  col?: number;
  path?: (string | number)[];
}

export interface DocumentRow {
  id: string;
  kind: string;
  title?: string;
  summary?: string;
  valid_from?: string;
  valid_to?: string;
  file: string;
}

export interface Source {
  instrument?: string;
  article?: string;
  paragraph?: string;
  seed?: string;
  page?: string;
  url?: string;
  note?: string;
}

export interface ResolvedDocument {
  id: string;
  kind: string;
  date: string;
  in_force: boolean;
  document: Record<string, unknown> & { title?: string; summary?: string };
  file: string;
  sources: Source[];
  events: { date: string; by: string; source?: Source; note?: string }[];
  yaml: string;
}

export interface PolicyChange {
  date: string;
  document: string;
  path: string;
  before: unknown;
  after: unknown;
  by: string;
  source?: Source;
  demig?: { area?: string; tool?: string; target?: string; direction?: string };
  note?: string;
}

export interface LeafDifference {
  path: string;
  a: unknown;
  b: unknown;
}

export interface JobView {
  id: string;
  kind: 'run' | 'comparison';
  state: 'queued' | 'running' | 'done' | 'failed';
  params: Record<string, unknown>;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: { done: number; total: number; message: string };
  position?: number;
  resultId?: string;
  error?: { code: string; message: string };
}

export interface RunRecord {
  id: string;
  createdAt: string;
  scenario: string;
  regime: string;
  seed: number;
  scale: number;
  from: number;
  to: number;
  agents: number;
  rowCount: number;
  wallMs: number;
  comparisonId: string | null;
}

export interface ComparisonRecord {
  id: string;
  createdAt: string;
  scenario: string;
  regimes: string[];
  seeds: number[];
  scale: number;
  from: number;
  to: number;
  intervalMethod: string;
  wallMs: number;
}

export interface IndicatorRow {
  year: number;
  indicator: string;
  country: string;
  value: number | null;
}

export interface StatRow {
  year: number;
  indicator: string;
  country: string;
  kind: 'regime' | 'difference';
  label: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

export interface WorldCountry {
  iso3: string;
  isoNumeric: number;
  name: string;
  region: string;
}

export interface Reason {
  topic: string;
  rule: string;
  citation: string;
  text: string;
  values?: Record<string, unknown>;
}
