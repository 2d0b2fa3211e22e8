/**
 * Status transitions, ageing and deaths (docs/model.md §3.8: transition rules read from the
 * compiled tables).
 *
 *   death:           P = mortality[age band]
 *   ageing:          P(next band) = ageingRate
 *   temporary work:  after the permit's years (its channel's `duration_years` at d, rounded, at least 1;
 *                    temporaryYears where the policy gives none) renewed with P = temporaryRenewal if
 *                    employed (drawn with the employment probability of the holder's labour-market
 *                    cell, labour-market.ts; nobody 65+), a regularisation's with P = regularisedRenewal
 *                    (`permitRenewalChance`), if the channel's permits are renewable; else → permanent (P = temporaryToPermanentRate where the
 *                    tables allow it), else irregular for the permits of a regularisation
 *                    (`lapsesIntoIrregularity`), else overstay → irregular (P = overstayRate × (1 − interior
 *                    enforcement)), else home
 *   transferee / service provider: the same, intraCorporateYears where the policy gives none
 *   settled statuses → long-term resident after yearsToLongTermResidence[d]
 *   long-term residents → naturalised after yearsToNaturalisation[d], P = naturalisationUptake;
 *   refugees and complementary protection the same with P = refugeeNaturalisationUptake
 *   rejected non-returnable → rejected returnable once the origin is at peace
 *
 * The common events (death, ageing, settling, naturalisation) run inline in the agent pass
 * (agent-year.ts) from the per-year numbers below; the end of a temporary permit is rarer and runs
 * here.
 */
import type { AgentStepContext } from '../context.ts';
import type { Parameters } from '../parameters.ts';
import { uniform } from '../rng.ts';
import { STATUSES } from '../../regime/schema/vocabulary.ts';
import { C, CH } from '../policy-tables.ts';
import { ST, statusBegins } from '../state.ts';
import type { AgentStore } from '../state.ts';
import { sendHome } from './return.ts';

/** What the transition rules of a status do in the agent pass (`TRANSITION_KIND[status]`). */
export const TRANSITION = {
  none: 0,
  /** temporary worker, transferee, service provider: permit ends after a number of years */
  temporaryPermit: 1,
  /** permanent resident, family member, free mover, self-employed: long-term residence in time */
  settling: 2,
  /** long-term resident: naturalisation with naturalisationUptake */
  naturalising: 3,
  /** recognised refugee, complementary protection: naturalisation with refugeeNaturalisationUptake */
  naturalisingRefugee: 4,
  /** rejected non-returnable: returnable once the origin is at peace */
  nonReturnable: 5,
} as const;

export const TRANSITION_KIND: Uint8Array = Uint8Array.from(STATUSES, (name) => {
  switch (name) {
    case 'temporary_worker':
    case 'intra_corporate_transferee':
    case 'service_provider':
      return TRANSITION.temporaryPermit;
    case 'permanent_resident':
    case 'family_member':
    case 'free_mover':
    case 'self_employed':
      return TRANSITION.settling;
    case 'long_term_resident':
      return TRANSITION.naturalising;
    case 'recognised_refugee':
    case 'complementary_protection':
      return TRANSITION.naturalisingRefugee;
    case 'rejected_non_returnable':
      return TRANSITION.nonReturnable;
    default:
      return TRANSITION.none;
  }
});

/**
 * The years a temporary permit runs (status `st`, granted through the channel of `term` = d × C +
 * channel): the channel's `duration_years` at d, rounded, at least 1 (a permit shorter than a year
 * ends at the first year's end); the model's temporaryYears or intraCorporateYears where the policy
 * says none.
 */
export function permitYears(
  ctx: Pick<AgentStepContext, 'permitYears' | 'params'>,
  st: number,
  term: number,
): number {
  const policyYears = ctx.permitYears[term];
  if (policyYears > 0) return Math.max(1, Math.round(policyYears));
  return st === ST.temporary_worker ? ctx.params.temporaryYears : ctx.params.intraCorporateYears;
}

/**
 * The end of a temporary permit of agent i (status `st` at d, `yis` years in it before this year;
 * `employedProbability`: its labour-market cell's this year): renewal, a permanent status,
 * overstay, or home. Draws from the transitions and renewal streams.
 */
export function temporaryPermitEnds(
  s: AgentStore,
  i: number,
  st: number,
  yis: number,
  employedProbability: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const p = ctx.params;
  const d = s.location[i];
  const term = d * C + s.channel[i];
  if (yis + 1 < permitYears(ctx, st, term)) return;
  const u = uniform(ctx.keys.transitions, i);
  // renewal needs a job: employed with the probability of the holder's labour-market cell
  const employed = uniform(ctx.keys.renewal ^ 0x27d4eb2f, i) < employedProbability;
  if (
    ctx.permitRenewable[term] &&
    uniform(ctx.keys.renewal ^ 0x5bd1e995, i) < permitRenewalChance(p, s.channel[i], employed)
  ) {
    statusBegins(s, i);
    return;
  }
  if (ctx.temporaryToPermanent[d] && u < p.temporaryToPermanentRate) setStatus(s, i, ST.permanent_resident);
  else if (lapsesIntoIrregularity(s.channel[i])) setStatus(s, i, ST.irregular);
  else if (st === ST.temporary_worker && u > 1 - p.overstayRate * (1 - ctx.enforcementInterior[d]))
    setStatus(s, i, ST.irregular);
  else if (s.origin[i] < ctx.n) sendHome(s, i, acc, base, ctx.n + 2);
  else setStatus(s, i, ST.irregular);
}

/**
 * The chance that an expiring renewable permit is renewed. A recruited worker's: `temporaryRenewal`
 * if employed (drawn with its labour-market cell's employment probability), none otherwise. A
 * regularisation's (`lapsesIntoIrregularity`): `regularisedRenewal`, the share of the regularised
 * observed renewing (Baldwin-Edwards & Kraler 2009, REGINE, §3.3.1.1: some 80% of Spain's of 2005 a
 * year later, 98% of Italy's of 2002 legal in 2005), whose count already holds those the renewal's
 * job condition refused, so the employment draw does not thin it again. Until 2026-12-08 these
 * permits renewed at `temporaryRenewal` × employment (0.6, a Gulf figure, ≈ 0.5 in all).
 */
export function permitRenewalChance(p: Parameters, channel: number, employed: boolean): number {
  if (lapsesIntoIrregularity(channel)) return p.regularisedRenewal;
  return employed ? p.temporaryRenewal : 0;
}

/**
 * Whether the holder of a permit that ends unrenewed stays on without status rather than going home
 * or overstaying at overstayRate: the permits of a regularisation (kernels/regularisation.ts), held
 * by people who entered irregularly or as asylum seekers and had lived in the country without status
 * before. Most of the regularised kept their status (Baldwin-Edwards & Kraler 2009, REGINE:
 * Regularisations in Europe, final report, ICMPD, §3.3.1.1: some 80% of Spain's regularised of 2005
 * still in the social security system and renewing a year later, 98% of Italy's of 2002 with a legal
 * status in 2005); that those who did not renew stayed on without status rather than leave is our
 * assumption: REGINE does not count their departures. Thailand's registered workers who did not
 * register again were said to stay on irregularly (Huguet & Punpuing 2005, IOM Bangkok; not found
 * in that report here, 2026-12-08). Until 2026-12-08 they went home as a recruited guest worker
 * does, so that a regularisation emptied the country of the people it regularised.
 */
export function lapsesIntoIrregularity(channel: number): boolean {
  return channel === CH.irregular || channel === CH.asylum;
}

export function setStatus(s: AgentStore, i: number, status: number): void {
  s.status[i] = status;
  statusBegins(s, i);
}
