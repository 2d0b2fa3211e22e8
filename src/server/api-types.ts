/**
 * The shapes of the API's answers (docs/api.md), declared once: the routes build them and the
 * dashboard reads them (web/src/api/types.ts re-exports this module). Types only, so importing it
 * brings no server code into the browser bundle.
 *
 * Where JSON changes a value, the answer's type says so: a number the engine leaves undefined
 * (NaN: a rate over zero cases, an interval from one seed) arrives as `null`.
 */
import type { PolicyChange, ResolvedDocument as Resolved, Source } from '../regime/index.ts';
import type { Reason } from '../rules/index.ts';
import type { Diagnostic } from '../shared/errors.ts';
import type { ComparisonRecord, IndicatorRow, RunRecord, StatRow } from '../store/index.ts';
import type { LeafDifference } from './diff.ts';
import type { JobView } from './run-queue.ts';

export type {
  ComparisonRecord,
  Diagnostic,
  JobView,
  LeafDifference,
  PolicyChange,
  Reason,
  RunRecord,
  Source,
};

/** A number as JSON carries it: NaN becomes `null`. */
export type JsonNumber = number | null;

/** A row of `GET /api/documents`. */
export interface DocumentRow {
  id: string;
  kind: string;
  title?: string;
  summary?: string;
  valid_from?: string;
  valid_to?: string;
  file: string;
}

/** One event of a document's history as `GET /api/documents/:id` lists it. */
export interface DocumentEventView {
  date: string;
  by: string;
  source?: Source;
  note?: string;
  demig?: PolicyChange['demig'];
}

/** `GET /api/documents/:id`: a document as in force on a date, with its file, sources and YAML. */
export interface ResolvedDocumentView extends Omit<Resolved, 'document'> {
  document: Record<string, unknown> & { title?: string; summary?: string };
  file: string;
  sources: Source[];
  events: DocumentEventView[];
  yaml: string;
}

/** A country of `GET /api/world/countries`: the ISO numeric code is what the map joins on. */
export interface WorldCountry {
  iso3: string;
  isoNumeric: number;
  name: string;
  region: string;
  subregion?: string;
}

/** A row of `GET /api/runs/:id/indicators`. */
export type IndicatorRowView = Omit<IndicatorRow, 'value'> & { value: JsonNumber };

/** A row of `GET /api/comparisons/:id/stats`. */
export type StatRowView = Omit<StatRow, 'mean' | 'lo' | 'hi'> & {
  mean: JsonNumber;
  lo: JsonNumber;
  hi: JsonNumber;
};
