/**
 * `decide`: a case under a regime on a date gives protection, status, removability,
 * non-refoulement, channels, rights and transitions, each with the reasons that decided it. Pure:
 * the library, the regime id, the case and the deciding state's tier in; a decision out. Where a
 * fact is missing on the live path the field is `undetermined` and `missing` lists what to ask.
 *
 * Order of reasoning (docs/rules.md):
 * 1. the deciding state's policy under the regime (own policy or tier default, adjustments applied);
 * 2. a national of the deciding state is a citizen: nothing else to decide;
 * 3. the rules (protection tests the policy applies, the policy's own rules) decide protection and
 *    whatever else they conclude, with exceptions and conflicts (exceptions.ts);
 * 4. the history gives the lawful status, after failed returns, lapsed permits and long-term
 *    residence (transitions.ts);
 * 5. status: a settled status (long-term or permanent resident) stands; protection gives its
 *    status; a lawful stay stands; otherwise removal decides between returnable and not (removal.ts);
 * 6. non-refoulement, removability: the rules' conclusion where they conclude, else as above;
 * 7. channels (channels.ts) and the rights of the status (rights.ts), with rules' grants and denials.
 * Rules conclude over the policy-field defaults: a rule that concludes a field decides it.
 */
import {
  RIGHTS,
  resolve,
  type Case,
  type Channel,
  type Library,
  type Protection,
  type Right,
  type Status,
  type Tier,
} from '../regime/index.ts';
import { userError } from '../shared/errors.ts';
import { caseContext, type CaseContext } from './derived-facts.ts';
import { decideChannels } from './channels.ts';
import { reason, type Reason } from './explanation.ts';
import {
  decideProtection,
  fieldFromRules,
  runRules,
  type Conflict,
  type Decided,
  type RuleRun,
} from './protection.ts';
import { regimeView, type RegimeView } from './regime-view.ts';
import { decideRemoval } from './removal.ts';
import { statusRights } from './rights.ts';
import { LAWFUL, statusFromHistory, transitionsOf, type TransitionsOut } from './transitions.ts';

export const UNDETERMINED = 'undetermined' as const;
type U<T> = T | typeof UNDETERMINED;

export interface Decision {
  regime: string;
  country: string;
  tier: Tier;
  /** The policy document the state's policy started from, and the regime adjustments applied. */
  policy: { id: string; adjustments: number[] };
  date: string;
  case: string;
  outcome: 'decided' | 'undetermined' | 'conflict';
  protection: U<Protection>;
  /** Status in the deciding state; null when the person has none there (abroad, never entered). */
  status: U<Status | null>;
  removable: U<boolean>;
  non_refoulement: U<boolean>;
  channels: Channel[];
  /** Channels that may be open, pending the facts listed. */
  channels_undetermined: { channel: Channel; missing: string[] }[];
  rights: U<Right[]>;
  transitions: TransitionsOut;
  /** Facts needed on the live path, in the order met. */
  missing: string[];
  conflicts: Conflict[];
  explanation: Reason[];
}

export interface DecideOptions {
  /** Tier of the deciding state (picks the regime's default policy when it has no policy of its own). */
  tier: Tier;
  /** Decision date; the case's date when absent. */
  date?: string;
}

/**
 * Decides a case under a regime.
 * @throws `E_NOT_IN_FORCE` when the regime is not in force on the decision date (a case of 1850
 *   was decided under a 1990 regime without a word: issue 24, finding 8)
 */
export function decide(lib: Library, regimeId: string, c: Case, opts: DecideOptions): Decision {
  const date = opts.date ?? c.date;
  const regime = resolve(lib, lib.require(regimeId, 'Regime').doc.id, date);
  if (!regime.in_force)
    throw userError(
      'E_NOT_IN_FORCE',
      `regime ${regimeId} is not in force on ${date} (${inForceSpan(regime.document as { valid_from?: string; valid_to?: string })}): no decision under it`,
    );
  return decideInView(regimeView(lib, regimeId, date), date === c.date ? c : { ...c, date }, opts.tier);
}

function inForceSpan(doc: { valid_from?: string; valid_to?: string }): string {
  return `in force from ${doc.valid_from ?? 'its start'}${doc.valid_to ? ` to ${doc.valid_to}` : ''}`;
}

/** Decides a case in a regime view (the view's date is the decision date). */
export function decideInView(view: RegimeView, c: Case, tier: Tier): Decision {
  const ctx = caseContext(view, c, tier);
  const reasons: Reason[] = [];
  const missing: string[] = [];
  const conflicts: Conflict[] = [];
  const adj = ctx.adjustments.length
    ? `; regime adjustments ${ctx.adjustments.map((i) => `#${i}`).join(', ')} applied`
    : '';
  reasons.push(
    policyReason(
      ctx,
      'policy',
      '',
      `${ctx.state} decides under ${ctx.policyId}${ctx.policy.country ? '' : ` (the regime's default for the ${tier.replace('_', '-')} tier)`}${adj}`,
    ),
  );

  const take = <T>(d: Decided<T>): U<T> => {
    if ('value' in d) return d.value;
    missing.push(...d.missing);
    if (d.conflict) conflicts.push(d.conflict);
    return UNDETERMINED;
  };

  if (c.person.nationalities.includes(ctx.state)) return citizen(ctx, reasons);

  const run = runRules(ctx);
  const protection = take(decideProtection(ctx, run, reasons));
  const settled = statusFromHistory(ctx, reasons);
  const claimant =
    run.claim ||
    settled.status === 'asylum_seeker' ||
    settled.status === 'rejected_returnable' ||
    settled.status === 'rejected_non_returnable';

  // Non-refoulement: a rule's conclusion, else protection implies it.
  let nonRefoulement: U<boolean>;
  const nr = fieldFromRules<boolean>(run, 'non_refoulement', 'non_refoulement', reasons);
  if (nr !== 'empty') nonRefoulement = take(nr);
  else nonRefoulement = protection === UNDETERMINED ? UNDETERMINED : protection !== 'none';

  // Status.
  let status: U<Status | null>;
  let removable: U<boolean>;
  const present = c.person.location === ctx.state;
  const ruleStatus = fieldFromRules<Status>(run, 'status', 'status', reasons);
  if (protection === UNDETERMINED) {
    status = UNDETERMINED;
    removable = UNDETERMINED;
  } else if (
    settled.status &&
    (settled.status === 'long_term_resident' || settled.status === 'permanent_resident')
  ) {
    status = settled.status;
    removable = false;
    reasons.push(policyReason(ctx, 'status', '#transitions', `holds ${settled.status}: a settled stay`));
  } else if (protection !== 'none') {
    status = ruleStatus !== 'empty' ? take(ruleStatus) : protectionStatus(protection);
    removable = false;
  } else if (ruleStatus !== 'empty') {
    status = take(ruleStatus);
    removable = status === UNDETERMINED ? UNDETERMINED : !(status !== null && LAWFUL.has(status));
  } else if (settled.status && LAWFUL.has(settled.status)) {
    status = settled.status;
    removable = false;
    reasons.push(policyReason(ctx, 'status', '#channels', `holds ${settled.status}: a lawful stay`));
  } else if (!present) {
    status = settled.status;
    removable = false;
    reasons.push(
      policyReason(
        ctx,
        'removable',
        '',
        `the person is not in ${ctx.state} (in ${c.person.location}): nothing to remove`,
      ),
    );
  } else if (!run.claim && !settled.status) {
    missing.push(...(settled.missing.length ? settled.missing : ['history']));
    status = UNDETERMINED;
    removable = UNDETERMINED;
  } else if (nonRefoulement === UNDETERMINED) {
    status = UNDETERMINED;
    removable = UNDETERMINED;
  } else {
    const r = decideRemoval(ctx, claimant, nonRefoulement, reasons);
    status = take(r.status);
    removable = take(r.removable);
  }
  const ruleRemovable = fieldFromRules<boolean>(run, 'removable', 'removable', reasons);
  if (ruleRemovable !== 'empty') removable = take(ruleRemovable);

  // Channels: the rules' open/close conclusions, else the policy and agreements.
  const ruleChannels = new Map<Channel, boolean>();
  for (const [field] of run.fields) {
    if (!field.startsWith('channel.')) continue;
    const d = fieldFromRules<boolean>(run, field, 'channels', reasons);
    if (d !== 'empty') {
      const v = take(d);
      if (v !== UNDETERMINED) ruleChannels.set(field.slice(8) as Channel, v);
    }
  }
  const ch = decideChannels(ctx, reasons, ruleChannels);
  for (const u of ch.undetermined) missing.push(...u.missing);

  const rights = rightsOf(ctx, run, status, reasons, take);
  const years = settled.years_counted;
  const transitions = transitionsOf(ctx, status === UNDETERMINED ? null : status, years, reasons);
  const uniqueMissing = [...new Set(missing)];
  return {
    regime: view.regimeId,
    country: ctx.state,
    tier,
    policy: { id: ctx.policyId, adjustments: ctx.adjustments },
    date: view.date,
    case: c.id,
    outcome: conflicts.length
      ? 'conflict'
      : uniqueMissing.length || [protection, status, removable, nonRefoulement].includes(UNDETERMINED)
        ? 'undetermined'
        : 'decided',
    protection,
    status,
    removable,
    non_refoulement: nonRefoulement,
    channels: ch.channels,
    channels_undetermined: ch.undetermined,
    rights,
    transitions,
    missing: uniqueMissing,
    conflicts,
    explanation: dedupeReasons(reasons),
  };
}

/** One reason per rule and text (a rule concluding several fields is cited once). */
function dedupeReasons(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const k = `${r.rule}|${r.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The status that a protection gives. */
export function protectionStatus(p: Protection): Status | null {
  return p === 'refugee'
    ? 'recognised_refugee'
    : p === 'complementary'
      ? 'complementary_protection'
      : p === 'temporary'
        ? 'temporary_protection'
        : null;
}

function rightsOf(
  ctx: CaseContext,
  run: RuleRun,
  status: U<Status | null>,
  reasons: Reason[],
  take: <T>(d: Decided<T>) => U<T>,
): U<Right[]> {
  if (status === UNDETERMINED) return UNDETERMINED;
  const held = new Set<Right>(status ? statusRights(ctx.policy, status) : []);
  if (status) {
    reasons.push(
      policyReason(
        ctx,
        'rights',
        `#rights.${status}`,
        `rights of ${status}: ${[...held].join(', ') || 'none'}`,
      ),
    );
  }
  for (const r of RIGHTS) {
    const d = fieldFromRules<boolean>(run, `right.${r}`, 'rights', reasons);
    if (d === 'empty') continue;
    const v = take(d);
    if (v === UNDETERMINED) return UNDETERMINED;
    if (v) held.add(r);
    else held.delete(r);
  }
  return RIGHTS.filter((r) => held.has(r));
}

function citizen(ctx: CaseContext, reasons: Reason[]): Decision {
  const status: Status = ctx.residence.naturalised ? 'naturalised' : 'citizen';
  reasons.push(
    policyReason(
      ctx,
      'status',
      '#transitions',
      `a national of ${ctx.state} is ${status}: no protection, channel or removal question arises`,
    ),
  );
  const rights = statusRights(ctx.policy, status);
  return {
    regime: ctx.view.regimeId,
    country: ctx.state,
    tier: ctx.tier,
    policy: { id: ctx.policyId, adjustments: ctx.adjustments },
    date: ctx.view.date,
    case: ctx.case.id,
    outcome: 'decided',
    protection: 'none',
    status,
    removable: false,
    non_refoulement: false,
    channels: [],
    channels_undetermined: [],
    rights,
    transitions: transitionsOf(ctx, status, ctx.residence.years_resident ?? null, []),
    missing: [],
    conflicts: [],
    explanation: reasons,
  };
}

/** A reason the case's national policy gives, at `anchor` in it ('' for the policy as a whole). */
function policyReason(ctx: CaseContext, topic: string, anchor: string, text: string): Reason {
  return reason(topic, `${ctx.policyId}${anchor}`, ctx.policy.sources[0], text);
}
