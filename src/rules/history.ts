/**
 * A person's history in the deciding state, read from the case's dated events: when they entered,
 * what status each event gave them, whether they left and came back (a failed return), and how many
 * years count towards long-term residence and naturalisation under the state's policy.
 *
 * Reading of events (documented in docs/rules.md):
 * - `entered` with `country` = the deciding state starts a stay; its `channel` gives the status
 *   (labour → permanent_resident when the policy's labour channel is permanent, else temporary_worker;
 *   temporary_labour → temporary_worker; intra_corporate → intra_corporate_transferee; service_provider;
 *   establishment → self_employed; family → family_member; free_movement → free_mover;
 *   asylum → asylum_seeker; irregular → irregular). `entered` elsewhere is transit.
 * - `applied_asylum` → asylum_seeker; `recognised` → recognised_refugee; `rejected` → rejected;
 *   `naturalised` → naturalised; `visa_granted` → the channel's status. An explicit `status` wins.
 * - `removed`, `left`, `returned` end a stay (the person is outside the deciding state).
 * Events dated after the decision date are ignored; events for other countries do not change status.
 */
import { STATUSES, type Case, type Channel, type NationalPolicy, type Status } from '../regime/index.ts';

export const YEAR_DAYS = 365.25;

/** Years from date a to date b (b later), in decimal years. */
export function yearsBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 / YEAR_DAYS;
}

/** Months from date a to date b. */
export function monthsBetween(a: string, b: string): number {
  return yearsBetween(a, b) * 12;
}

/** The status a channel of entry gives. */
export function statusOfChannel(channel: Channel, policy: NationalPolicy): Status {
  switch (channel) {
    case 'labour':
      return policy.channels.labour?.permanent === false ? 'temporary_worker' : 'permanent_resident';
    case 'temporary_labour':
      return 'temporary_worker';
    case 'intra_corporate':
      return 'intra_corporate_transferee';
    case 'service_provider':
      return 'service_provider';
    case 'establishment':
      return 'self_employed';
    case 'family':
      return 'family_member';
    case 'free_movement':
      return 'free_mover';
    case 'asylum':
      return 'asylum_seeker';
    default:
      return 'irregular';
  }
}

/** A failed return: the person left (or was removed or returned) and came back. */
export interface FailedReturn {
  left: string;
  back: string;
  months_away: number;
  /** Status held before leaving. */
  status_before?: Status;
}

export interface Residence {
  /** The person is in the deciding state on the decision date according to the history. */
  present: boolean;
  /** Current status from the history; undefined when the history does not say. */
  status?: Status;
  /** The event (index into history) and date that gave the status. */
  status_event?: number;
  status_since?: string;
  /** Channel the status came from, if any. */
  channel?: Channel;
  first_entry?: string;
  last_entry?: string;
  /** Years since first entry (derived.years_resident). */
  years_resident?: number;
  /** Years since the current status began (derived.years_in_status). */
  years_in_status?: number;
  failed_return?: FailedReturn;
  /** The person left the deciding state after a stay there and has not come back (yet): when, and the status held before. */
  away?: { left: string; status_before?: Status };
  /** Countries passed through before entering the deciding state. */
  transit: string[];
  naturalised: boolean;
  /** Facts the history lacks to say the status (e.g. the channel of an entry). */
  missing: string[];
}

const isStatus = (s: string | undefined): s is Status =>
  s !== undefined && (STATUSES as readonly string[]).includes(s);
const EXITS = new Set(['removed', 'left', 'returned']);

/** Reads the history of a case for the deciding state. */
export function readHistory(c: Case, state: string, policy: NationalPolicy): Residence {
  const events = (c.history ?? []).map((e, i) => ({ ...e, i })).filter((e) => e.date <= c.date);
  events.sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i);
  const r: Residence = { present: false, transit: [], naturalised: false, missing: [] };
  let statusBeforeExit: Status | undefined;
  let exitDate: string | undefined;
  const setStatus = (s: Status, e: (typeof events)[number], channel?: Channel) => {
    r.status = s;
    r.status_event = e.i;
    r.status_since = e.date;
    r.channel = channel;
  };
  for (const e of events) {
    const here = e.country === undefined || e.country === state;
    if (e.event === 'entered') {
      if (e.country !== state) {
        if (e.country && !r.present) r.transit.push(e.country);
        continue;
      }
      r.first_entry ??= e.date;
      r.last_entry = e.date;
      r.present = true;
      if (exitDate) {
        r.failed_return = {
          left: exitDate,
          back: e.date,
          months_away: monthsBetween(exitDate, e.date),
          status_before: statusBeforeExit,
        };
        exitDate = undefined;
      }
      if (isStatus(e.status)) setStatus(e.status, e, e.channel);
      else if (e.channel) setStatus(statusOfChannel(e.channel, policy), e, e.channel);
      else {
        r.status = undefined;
        r.missing.push('history.channel');
      }
      continue;
    }
    if (!here) continue;
    if (EXITS.has(e.event)) {
      if (r.present) {
        statusBeforeExit = r.status;
        exitDate = e.date;
      }
      r.present = false;
      setStatus('returnee', e);
      continue;
    }
    switch (e.event) {
      case 'applied_asylum':
        setStatus(isStatus(e.status) ? e.status : 'asylum_seeker', e, 'asylum');
        break;
      case 'recognised':
        setStatus(isStatus(e.status) ? e.status : 'recognised_refugee', e);
        break;
      case 'rejected':
        setStatus(isStatus(e.status) ? e.status : 'rejected_returnable', e);
        break;
      case 'naturalised':
        r.naturalised = true;
        setStatus('naturalised', e);
        break;
      case 'visa_granted':
        if (isStatus(e.status)) setStatus(e.status, e, e.channel);
        else if (e.channel) setStatus(statusOfChannel(e.channel, policy), e, e.channel);
        break;
      default:
        if (isStatus(e.status)) setStatus(e.status, e, e.channel);
    }
  }
  if (exitDate && !r.present) r.away = { left: exitDate, status_before: statusBeforeExit };
  if (r.first_entry) r.years_resident = Math.max(0, yearsBetween(r.first_entry, c.date));
  if (r.status_since) r.years_in_status = Math.max(0, yearsBetween(r.status_since, c.date));
  return r;
}
