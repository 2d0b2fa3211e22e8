/**
 * How far in time the documents reach. A national policy states the law from its `valid_from` and
 * records every later change as a dated history entry or an amendment; after its last dated entry
 * it says nothing new, so a question about a later date is answered with the law as last recorded.
 * `check` and the dashboard default to the latest date the national policies cover (never beyond
 * today) and warn about each policy asked about past its last entry (issue 20; docs/rules.md §4).
 */
import type { Library } from '../load/library.ts';
import { eventsOf } from './resolve.ts';

/** The date of a document's last dated entry: its `valid_from`, a history entry or an amendment. */
export function lastEntry(lib: Library, id: string): string {
  const doc = lib.require(id).doc as { valid_from?: string };
  const events = eventsOf(lib, id);
  const last = events.length ? events[events.length - 1].date : '';
  return [doc.valid_from ?? '', last].reduce((a, b) => (b > a ? b : a));
}

/** The latest date any national policy of the library covers (its last dated entry). */
export function documentsCoverTo(lib: Library): string {
  return lib
    .ofKind('NationalPolicy')
    .map((d) => lastEntry(lib, d.doc.id))
    .reduce((a, b) => (b > a ? b : a), '');
}

/** The date a question defaults to: the latest date the documents cover, never beyond today. */
export function defaultDate(lib: Library, today = new Date().toISOString().slice(0, 10)) {
  const covered = documentsCoverTo(lib);
  const date = covered && covered < today ? covered : today;
  return {
    date,
    note:
      date === today
        ? `${date}: today (the documents reach ${covered})`
        : `${date}: the latest date the national policies cover (the last dated change in any of them)`,
  };
}

/** A policy asked about on a date after its last dated entry. */
export interface PastLastEntry {
  policy: string;
  last_entry: string;
  date: string;
  message: string;
}

/** The policies among `ids` asked about past their last dated entry, with a warning each. */
export function pastLastEntry(lib: Library, ids: readonly string[], date: string): PastLastEntry[] {
  const out: PastLastEntry[] = [];
  for (const id of ids) {
    const last = lastEntry(lib, id);
    if (date > last)
      out.push({
        policy: id,
        last_entry: last,
        date,
        message: `${id} records no change after ${last}: on ${date} it gives the law as last recorded`,
      });
  }
  return out;
}
