/**
 * Channels of entry: whether a channel is open from an origin to a destination (the policy's
 * channel is open, its quota is not 0 and its `origins` list, if any, covers the origin; or an
 * agreement in force under the regime opens it between the two: free movement, association and
 * establishment, services commitments, labour agreements), and whether a person qualifies for it:
 * - labour, temporary_labour: skill in the channel's `skills`; a job offer from an employer in the
 *   state when `requires_offer`;
 * - intra_corporate: `employment.intra_corporate` (GATS mode 4 / ICT), and the skills if listed;
 * - service_provider: `employment.service_contract`; establishment: `employment.self_employed`;
 * - family: the spouse or a child lives in the state and the sponsor's status carries
 *   family_reunification (or the sponsor is a citizen);
 * - free_movement: nothing more; asylum: the case makes a claim;
 * - irregular is a route, never an open channel. Citizens need no channel.
 */
import {
  CHANNELS,
  type Channel,
  type NationalPolicy,
  type Source,
  type Status,
  STATUSES,
} from '../regime/index.ts';
import type { CaseContext } from './derived-facts.ts';
import type { Value } from './evaluate.ts';
import { reason, type Reason } from './explanation.ts';
import type { RegimeView } from './regime-view.ts';
import { policySource } from './regime-view.ts';
import { statusRights } from './rights.ts';
import { hasProtectionClaim } from './protection.ts';

/** Whether a channel is open from any of the origins, and why. */
export interface ChannelAccess {
  open: boolean;
  /** `doc#channels.X` or the agreement id that opens it. */
  by: string;
  source: Source;
  why: string;
}

/** Whether the policy's asylum channel is open (open when not written and the state applies a protection test). */
export const asylumOpen = (p: NationalPolicy) => p.channels.asylum?.open ?? p.asylum.tests.length > 0;

/**
 * Whether a channel of a state is open to one origin: the policy's channel is open, its quota is
 * not 0 and its `origins` list, if any, covers the origin; or an agreement in force under the
 * regime opens it with the origin as a party. The predicate is built once per state and channel
 * (the policy tables ask it for every origin); `channelAccess` gives the same answer with its reason.
 */
export function channelOpenTo(
  view: RegimeView,
  p: NationalPolicy,
  state: string,
  ch: Channel,
): (origin: string) => boolean {
  if (ch === 'irregular') return () => false;
  if (ch === 'asylum') {
    const open = asylumOpen(p);
    return () => open;
  }
  const cp = p.channels[ch];
  const byPolicy = Boolean(cp?.open) && cp?.quota !== 0;
  const listed = cp?.origins ? view.coverage(cp.origins) : undefined;
  if (byPolicy && !listed) return () => true;
  const agreements = view.agreementsOpening(ch, state);
  if (!byPolicy && agreements.length === 0) return () => false;
  return (o) => (byPolicy && listed!.has(o)) || agreements.some((a) => a.parties.has(o));
}

/** Policy-level and agreement-level access to a channel from an origin to a state. */
export function channelAccess(
  view: RegimeView,
  p: NationalPolicy,
  policyId: string,
  state: string,
  origins: readonly string[],
  ch: Channel,
): ChannelAccess {
  const cp = p.channels[ch];
  const field = `${policyId}#channels.${ch}`;
  if (ch === 'irregular')
    return {
      open: false,
      by: field,
      source: policySource(p, ch),
      why: 'irregular entry is a route, not an open channel',
    };
  if (origins.length === 0)
    return { open: false, by: field, source: policySource(p, ch), why: 'a citizen needs no channel' };
  const agreement = view.agreementsOpening(ch, state).find((a) => origins.some((o) => a.parties.has(o)));
  if (ch === 'asylum') {
    const open = asylumOpen(p);
    return {
      open,
      by: field,
      source: policySource(p, ch),
      why: open ? 'the state receives asylum claims' : 'the state receives no asylum claims',
    };
  }
  const policyOpen =
    Boolean(cp?.open) &&
    cp?.quota !== 0 &&
    (!cp?.origins || origins.some((o) => cp.origins!.some((ref) => view.covers(ref, o))));
  if (policyOpen)
    return {
      open: true,
      by: field,
      source: policySource(p, ch),
      why: `the ${ch} channel is open${cp?.origins ? ` to ${cp.origins.join(', ')}` : ''}${cp?.quota != null ? ` (quota ${cp.quota} a year)` : ''}`,
    };
  if (agreement)
    return {
      open: true,
      by: agreement.id,
      source: agreement.channels.get(ch)!,
      why: `${agreement.doc.title} opens the ${ch} channel between its parties`,
    };
  const why =
    !cp || !cp.open
      ? `the ${ch} channel is closed`
      : cp.quota === 0
        ? `the ${ch} quota is 0`
        : `the ${ch} channel is open only to ${cp.origins!.join(', ')}`;
  return { open: false, by: field, source: policySource(p, ch), why };
}

type Qualifies = { value: boolean; missing: string[]; why: string; read: Record<string, Value> };

/** Whether the person meets the channel's personal conditions. */
export function personQualifies(ctx: CaseContext, ch: Channel): Qualifies {
  const cp = ctx.policy.channels[ch];
  const read: Record<string, Value> = {};
  const missing: string[] = [];
  const fails: string[] = [];
  const need = (path: string, test: (v: Value) => boolean, failWhy: string) => {
    const l = ctx.fact(path);
    if (!l.known) missing.push(...l.missing);
    else {
      read[path] = l.value;
      if (!test(l.value)) fails.push(failWhy);
    }
  };
  switch (ch) {
    case 'labour':
    case 'temporary_labour':
    case 'intra_corporate':
      if (ch === 'intra_corporate')
        need('employment.intra_corporate', (v) => v === true, 'not an intra-corporate transfer');
      if (cp?.skills)
        need('person.skill', (v) => cp.skills!.includes(v as never), `skill not in ${cp.skills.join('/')}`);
      if (cp?.requires_offer && ch !== 'intra_corporate') {
        need('employment.offer', (v) => v === true, 'no job offer');
        const ec = ctx.case.employment?.employer_country;
        if (ec && ec !== ctx.state) fails.push(`the offer is from an employer in ${ec}`);
      }
      break;
    case 'service_provider':
      need('employment.service_contract', (v) => v === true, 'no service contract');
      break;
    case 'establishment':
      need('employment.self_employed', (v) => v === true, 'not self-employed');
      break;
    case 'family': {
      need('derived.family_in_state', (v) => v === true, 'no spouse or child in the state');
      if (!missing.length && !fails.length) {
        need(
          'family.sponsor_status',
          (v) => {
            const s = v as Status;
            return (
              (STATUSES as readonly string[]).includes(s) &&
              statusRights(ctx.policy, s).includes('family_reunification')
            );
          },
          `the sponsor's status (${String(ctx.case.family?.sponsor_status)}) carries no family reunification`,
        );
      }
      break;
    }
    case 'asylum':
      if (!hasProtectionClaim(ctx.case)) fails.push('no protection claim');
      break;
    default:
      break;
  }
  if (fails.length) return { value: false, missing: [], why: fails.join('; '), read };
  if (missing.length) return { value: false, missing, why: 'facts missing', read };
  return { value: true, missing: [], why: 'meets the conditions', read };
}

export interface ChannelsOut {
  channels: Channel[];
  undetermined: { channel: Channel; missing: string[] }[];
}

/** The channels open to the person, with a reason for each one open. */
export function decideChannels(
  ctx: CaseContext,
  reasons: Reason[],
  ruleChannels: Map<Channel, boolean>,
): ChannelsOut {
  const origins = ctx.case.person.nationalities.filter((n) => n !== ctx.state);
  const out: ChannelsOut = { channels: [], undetermined: [] };
  for (const ch of CHANNELS) {
    const ruled = ruleChannels.get(ch);
    if (ruled !== undefined) {
      if (ruled) out.channels.push(ch);
      continue;
    }
    const access = channelAccess(ctx.view, ctx.policy, ctx.policyId, ctx.state, origins, ch);
    if (!access.open) continue;
    const q = personQualifies(ctx, ch);
    if (q.missing.length) {
      out.undetermined.push({ channel: ch, missing: q.missing });
      continue;
    }
    if (!q.value) continue;
    out.channels.push(ch);
    reasons.push(
      reason('channels', access.by, access.source, `${ch}: ${access.why}, and the person ${q.why}`, q.read),
    );
  }
  return out;
}
