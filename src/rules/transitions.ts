/**
 * Status over time, from the policy's `transitions` and channels: the lawful status a person's
 * history gives them on the decision date, after
 * 1. a failed return (they left and came back): the stay continues when the absence was within
 *    `absence_months_allowed`; otherwise the former status and years are kept only when
 *    `re_immigration_rights_retained` (Overbeek 2002, §4), else the clock restarts with the new entry;
 *    a former resident still abroad who applies to come back holds, under a policy that keeps
 *    rights on re-immigration, the former lawful status and its years (`reImmigrationFromAbroad`):
 *    they may re-enter on it, as the seed's re-immigration with full retention of rights asks;
 * 2. a permit that lapsed: a status from a channel with `duration_years` that is not `renewable`
 *    ends after that many years (the person overstays: irregular);
 * 3. long-term residence after `years_to_long_term_residence` on a settling status (temporary
 *    workers only when `temporary_to_permanent`; intra-corporate transferees and service providers
 *    never: GATS Annex on Movement of Natural Persons);
 * and the naturalisation route (`years_to_naturalisation`, `dual_citizenship`).
 */
import type { Status } from '../regime/index.ts';
import type { CaseContext } from './derived-facts.ts';
import { reason, type Reason } from './explanation.ts';
import { yearsBetween } from './history.ts';
import { policySource } from './regime-view.ts';
import type { NationalPolicy } from '../regime/index.ts';

/** Statuses whose years lead to long-term residence under a policy. */
export function settlingStatuses(p: NationalPolicy): Status[] {
  const base: Status[] = [
    'permanent_resident',
    'family_member',
    'self_employed',
    'free_mover',
    'recognised_refugee',
    'complementary_protection',
  ];
  return p.transitions.temporary_to_permanent ? [...base, 'temporary_worker'] : base;
}

/** Statuses that are a lawful stay (not irregular, rejected, pending or outside). */
export const LAWFUL: ReadonlySet<Status> = new Set<Status>([
  'citizen',
  'naturalised',
  'permanent_resident',
  'long_term_resident',
  'temporary_worker',
  'intra_corporate_transferee',
  'service_provider',
  'self_employed',
  'family_member',
  'free_mover',
  'recognised_refugee',
  'complementary_protection',
  'temporary_protection',
]);

export interface TransitionsOut {
  /** Years of residence counted towards long-term residence and naturalisation. */
  years_counted: number | null;
  long_term_residence: { route: boolean; years_required: number | null; reached: boolean };
  naturalisation: { route: boolean; years_required: number | null; eligible: boolean };
  dual_citizenship: boolean;
  re_immigration_rights_retained: boolean;
}

export interface SettledStatus {
  /** Status from the history after transitions; null when the history gives none. */
  status: Status | null;
  years_counted: number | null;
  missing: string[];
}

/** The lawful status the history gives on the date, with transitions applied. */
export function statusFromHistory(ctx: CaseContext, reasons: Reason[]): SettledStatus {
  const { residence: h, policy: p, case: c } = ctx;
  const t = p.transitions;
  const src = (field: string) => `${ctx.policyId}#${field}`;
  if (!h.status) return { status: null, years_counted: null, missing: h.missing };
  let status: Status = h.status;
  let since = h.status_since!;
  let years: number | null = h.years_resident ?? null;
  if (h.status === 'returnee' || !h.present) {
    if (c.person.location === ctx.state) return { status: null, years_counted: null, missing: ['history'] };
    const retained = reImmigrationFromAbroad(ctx, reasons);
    if (!retained)
      return { status: h.status === 'returnee' ? 'returnee' : null, years_counted: null, missing: [] };
    ({ status, since, years } = retained);
  }

  const fr = h.failed_return;
  if (fr) {
    const before = fr.status_before;
    const within = fr.months_away <= t.absence_months_allowed;
    const presentYears = yearsBetween(h.first_entry!, fr.left) + yearsBetween(fr.back, c.date);
    if (within) {
      if (before && LAWFUL.has(before)) status = before;
      years = presentYears;
      reasons.push(
        reason(
          'transitions',
          src('transitions.absence_months_allowed'),
          p.sources[0],
          `an absence of ${fr.months_away.toFixed(1)} months is within the ${t.absence_months_allowed} allowed: the stay and its status continue`,
          { 'policy.transitions.absence_months_allowed': t.absence_months_allowed },
        ),
      );
    } else if (t.re_immigration_rights_retained) {
      if (before && LAWFUL.has(before)) {
        status = before;
        since = h.first_entry!;
      }
      years = presentYears;
      reasons.push(
        reason(
          'transitions',
          src('transitions.re_immigration_rights_retained'),
          p.sources[0],
          `came back after a failed return (${fr.left} to ${fr.back}): re-immigration keeps the former status${before ? ` (${before})` : ''} and years of residence`,
          { 'policy.transitions.re_immigration_rights_retained': true },
        ),
      );
    } else {
      years = yearsBetween(fr.back, c.date);
      reasons.push(
        reason(
          'transitions',
          src('transitions.re_immigration_rights_retained'),
          p.sources[0],
          `came back after a failed return (${fr.left} to ${fr.back}) under a policy that does not keep rights on re-immigration: status and years start again from the new entry`,
          { 'policy.transitions.re_immigration_rights_retained': false },
        ),
      );
    }
  }

  // A permit that is not renewable lapses at the end of its term.
  const ch = h.channel;
  const cp = ch ? p.channels[ch] : undefined;
  if (
    ch &&
    cp &&
    status === h.status &&
    cp.duration_years != null &&
    cp.renewable === false &&
    status !== 'asylum_seeker'
  ) {
    const inStatus = yearsBetween(since, c.date);
    if (inStatus > cp.duration_years) {
      reasons.push(
        reason(
          'status',
          src(`channels.${ch}.duration_years`),
          policySource(p, ch),
          `the ${ch} permit of ${cp.duration_years} years is not renewable and ended ${(inStatus - cp.duration_years).toFixed(1)} years ago: the person overstays`,
          {
            [`policy.channels.${ch}.duration_years`]: cp.duration_years,
            [`policy.channels.${ch}.renewable`]: false,
          },
        ),
      );
      return { status: 'irregular', years_counted: years, missing: [] };
    }
  }

  if (status === 'temporary_worker' && !t.temporary_to_permanent) {
    reasons.push(
      reason(
        'transitions',
        src('transitions.temporary_to_permanent'),
        p.sources[0],
        'temporary work does not lead to long-term residence under this policy',
        { 'policy.transitions.temporary_to_permanent': false },
      ),
    );
  }
  if (settlingStatuses(p).includes(status) && t.years_to_long_term_residence !== null) {
    if (years === null) return { status, years_counted: null, missing: ['history'] };
    if (years >= t.years_to_long_term_residence) {
      reasons.push(
        reason(
          'status',
          src('transitions.years_to_long_term_residence'),
          p.sources[0],
          `${years.toFixed(1)} years of residence as ${status} reach the ${t.years_to_long_term_residence} years for long-term residence`,
          {
            years_counted: round(years),
            'policy.transitions.years_to_long_term_residence': t.years_to_long_term_residence,
          },
        ),
      );
      status = 'long_term_resident';
    }
  }
  return { status, years_counted: years, missing: [] };
}

/**
 * A former resident abroad applying to come back: under a policy that keeps rights on
 * re-immigration, the lawful status held before leaving and the years of residence until then
 * (Overbeek 2002, §4: re-immigration with full retention of rights). Null when the person held no
 * lawful status there or the policy does not keep rights.
 */
export function reImmigrationFromAbroad(
  ctx: CaseContext,
  reasons: Reason[],
): { status: Status; since: string; years: number } | null {
  const { residence: h, policy: p } = ctx;
  const before = h.away?.status_before;
  if (!h.away || !h.first_entry || !before || !LAWFUL.has(before)) return null;
  const t = p.transitions;
  if (!t.re_immigration_rights_retained) {
    reasons.push(
      reason(
        'transitions',
        `${ctx.policyId}#transitions.re_immigration_rights_retained`,
        p.sources[0],
        `left ${ctx.state} on ${h.away.left} as ${before}; the policy does not keep rights on re-immigration: a new entry needs a channel`,
        { 'policy.transitions.re_immigration_rights_retained': false },
      ),
    );
    return null;
  }
  const years = yearsBetween(h.first_entry, h.away.left);
  reasons.push(
    reason(
      'transitions',
      `${ctx.policyId}#transitions.re_immigration_rights_retained`,
      p.sources[0],
      `left ${ctx.state} on ${h.away.left} as ${before} after ${years.toFixed(1)} years; re-immigration keeps the former status and years: the person may come back on it, without a channel`,
      { 'policy.transitions.re_immigration_rights_retained': true, years_counted: round(years) },
    ),
  );
  return { status: before, since: h.first_entry, years };
}

/** The transitions open to a person of a status under the policy. */
export function transitionsOf(
  ctx: CaseContext,
  status: Status | null,
  years: number | null,
  reasons: Reason[],
): TransitionsOut {
  const t = ctx.policy.transitions;
  const ltrRoute =
    status !== null &&
    (status === 'long_term_resident' || settlingStatuses(ctx.policy).includes(status)) &&
    t.years_to_long_term_residence !== null;
  const natRoute =
    status !== null &&
    (status === 'long_term_resident' || settlingStatuses(ctx.policy).includes(status)) &&
    t.years_to_naturalisation !== null;
  const eligible = natRoute && years !== null && years >= t.years_to_naturalisation!;
  if (eligible) {
    reasons.push(
      reason(
        'transitions',
        `${ctx.policyId}#transitions.years_to_naturalisation`,
        ctx.policy.sources[0],
        `${years!.toFixed(1)} years of residence reach the ${t.years_to_naturalisation} years for naturalisation${t.dual_citizenship ? ', keeping the nationality of origin (dual citizenship)' : ', giving up the nationality of origin (no dual citizenship)'}`,
        {
          years_counted: round(years!),
          'policy.transitions.years_to_naturalisation': t.years_to_naturalisation,
          'policy.transitions.dual_citizenship': t.dual_citizenship,
        },
      ),
    );
  }
  return {
    years_counted: years === null ? null : round(years),
    long_term_residence: {
      route: ltrRoute,
      years_required: t.years_to_long_term_residence,
      reached: status === 'long_term_resident' || status === 'naturalised',
    },
    naturalisation: { route: natRoute, years_required: t.years_to_naturalisation, eligible },
    dual_citizenship: t.dual_citizenship,
    re_immigration_rights_retained: t.re_immigration_rights_retained,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
