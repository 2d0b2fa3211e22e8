/**
 * A document as in force on a date: its own dated history and the amendments effective by then
 * applied in date order, members and components not yet (or no longer) in force left out.
 */
import type { Library } from '../load/library.ts';
import type { Amendment, RegimeDocument } from '../schema/kinds.ts';
import type { Source } from '../schema/common.ts';
import type { DemigCoding } from '../schema/vocabulary.ts';
import type { Rule } from '../schema/rule.ts';
import { userError } from '../../shared/errors.ts';
import { setPath } from './paths.ts';
import { perLibrary } from '../load/per-library.ts';

/** A dated event that changes a document: a history entry or one change of an amendment. */
export interface DocumentEvent {
  date: string;
  /** `DOC#history.N` for a history entry, or the amendment's id. */
  by: string;
  source: Source;
  set?: Record<string, unknown>;
  add_rule?: Rule;
  replace_rule?: Rule;
  repeal_rule?: string;
  demig?: DemigCoding;
  note?: string;
}

export interface ResolvedDocument<D extends RegimeDocument = RegimeDocument> {
  id: string;
  kind: D['kind'];
  /** The date it was resolved at. */
  date: string;
  /** Whether the document itself is in force on that date. */
  in_force: boolean;
  /** The document as in force on that date (history folded in). */
  document: D;
  /** The events applied to get there, oldest first. */
  applied: DocumentEvent[];
}

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Checks a date given by a user (CLI flag, API parameter). */
export function requireDate(s: string, what = 'date'): string {
  if (!isDate(s)) throw userError('E_BAD_DATE', `${what} '${s}' is not a calendar date written YYYY-MM-DD`);
  return s;
}

const amendmentIndex = perLibrary<ReadonlyMap<string, Amendment[]>>();

/** The amendments of each document in a library, by effective date then id (indexed once: a library does not change). */
function amendmentsOf(lib: Library, id: string): readonly Amendment[] {
  return amendmentIndex(lib, 'by target', () => amendmentsByTarget(lib)).get(id) ?? [];
}

function amendmentsByTarget(lib: Library): Map<string, Amendment[]> {
  const byTarget = new Map<string, Amendment[]>();
  for (const a of lib.ofKind('Amendment')) {
    const list = byTarget.get(a.doc.amends) ?? [];
    list.push(a.doc as Amendment);
    byTarget.set(a.doc.amends, list);
  }
  for (const list of byTarget.values())
    list.sort((x, y) => x.effective.localeCompare(y.effective) || x.id.localeCompare(y.id));
  return byTarget;
}

/** Every event that changes a document, oldest first (history before amendments on the same day). */
export function eventsOf(lib: Library, id: string): DocumentEvent[] {
  const doc = lib.require(id).doc;
  const events: DocumentEvent[] = [];
  if ('history' in doc && doc.kind !== 'Case') {
    (doc.history ?? []).forEach((h, i) =>
      events.push({ date: h.from, by: `${id}#history.${i}`, source: h.source, set: h.set, note: h.note }),
    );
  }
  for (const a of amendmentsOf(lib, id)) {
    for (const c of a.changes) events.push({ date: a.effective, by: a.id, source: a.sources[0], ...c });
  }
  return events.sort((x, y) => x.date.localeCompare(y.date)); // stable: history first within a day
}

/** Applies one event to a document in place. */
export function applyEvent(doc: Record<string, unknown>, e: DocumentEvent): void {
  for (const [path, value] of Object.entries(e.set ?? {})) setPath(doc, path, value);
  const rules = (doc.rules as Rule[] | undefined) ?? [];
  if (e.add_rule) doc.rules = [...rules, e.add_rule];
  if (e.replace_rule) doc.rules = rules.map((r) => (r.id === e.replace_rule!.id ? e.replace_rule! : r));
  if (e.repeal_rule) doc.rules = rules.filter((r) => r.id !== e.repeal_rule);
}

const inForce = (date: string, from?: string, to?: string) => (!from || from <= date) && (!to || date <= to);

/** Keeps only the dated parts (members, parties, components, rules) in force on the date. */
function dropOutOfForce(doc: Record<string, unknown>, date: string): void {
  for (const key of ['members', 'parties', 'components', 'rules']) {
    const list = doc[key] as
      { from?: string; to?: string; valid_from?: string; valid_to?: string }[] | undefined;
    if (Array.isArray(list))
      doc[key] = list.filter((x) => inForce(date, x.from ?? x.valid_from, x.to ?? x.valid_to));
  }
}

/** The document `id` as in force on `date`. */
export function resolve(lib: Library, id: string, date: string): ResolvedDocument {
  requireDate(date);
  const original = lib.require(id).doc;
  const doc = structuredClone(original) as unknown as Record<string, unknown>;
  const applied = eventsOf(lib, id).filter((e) => e.date <= date);
  for (const e of applied) applyEvent(doc, e);
  delete doc.history;
  dropOutOfForce(doc, date);
  const from =
    'valid_from' in original ? original.valid_from : 'effective' in original ? original.effective : undefined;
  const to = 'valid_to' in original ? original.valid_to : undefined;
  return {
    id,
    kind: original.kind,
    date,
    in_force: inForce(date, from, to),
    document: doc as unknown as RegimeDocument,
    applied,
  };
}
