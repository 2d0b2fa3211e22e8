/**
 * The per-agent part of a year in two passes over a range of agents: `agentYearPass` takes each
 * agent through every mechanism in order, reading and writing it once; `tallyPass` then counts the
 * stocks, the bilateral stock (bilateral-tally.ts) and adds each agent's labour market and
 * remittances in expectation. (Two small loops run faster than one that does both: measured side
 * by side, the fused loop took 1.24–1.58× as long; but the bilateral count belongs in the tally's
 * loop, which reads the same fields: 47 against 56 ns per slot for the two loops it replaces;
 * docs/model.md §7.1.) The formulas live in the mechanism modules named in each section; this file
 * only strings them together over typed arrays.
 *
 * Order for one agent: death and ageing, status transitions (kernels/transitions.ts), asylum
 * decision (kernels/asylum.ts), removal (kernels/removal.ts), return and re-immigration
 * (kernels/return.ts); then the tally (kernels/tally.ts), with the labour market
 * (kernels/labour-market.ts) and remittances (kernels/remittances.ts). No mechanism reads a sum
 * that another one writes in the same year, so agents are independent within a year and any split
 * over threads gives the same result.
 *
 * Random numbers: one counter-based uniform per agent and year (rng.ts) serves the common events —
 * death, ageing, naturalisation, return — one after the other. An event of probability p consumes
 * it by conditioning: if u < p the event happens and u / p is again uniform on [0, 1)
 * and independent of the event; otherwise (u − p) / (1 − p) is. (With 32-bit draws the resolution
 * after a few events is still finer than 1e-6.) Rarer events — the end of a temporary permit, an
 * asylum decision, removal — draw from their own streams.
 */
import type { AgentStepContext } from './context.ts';
import { ACC, fieldStarts } from './accumulators.ts';
import type { BilateralTally } from './bilateral-tally.ts';
import { decideClaim } from './kernels/asylum.ts';
import { inCountryClaimChance } from './kernels/asylum-in-country.ts';
import { TIE, labourCells, tiedWage } from './kernels/labour-market.ts';
import type { LabourCells } from './kernels/labour-market.ts';
import { remittedShare } from './kernels/remittances.ts';
import { removeOrAbscond } from './kernels/removal.ts';
import { resettlementDestination } from './kernels/resettlement.ts';
import { integratedRefugees } from './kernels/local-integration.ts';
import { countedAsRefugee } from './kernels/counting-rule.ts';
import { REPATRIATING, returneeYear, returnRates, sendHome } from './kernels/return.ts';
import { STATUS_FLAG, TALLY, TALLY_KIND, statusFlags } from './kernels/tally.ts';
import { TRANSITION, TRANSITION_KIND, temporaryPermitEnds } from './kernels/transitions.ts';
import { ARRIVAL_STATUS } from './kernels/move/draws.ts';
import { C, CH } from './policy-tables.ts';
import { uniform } from './rng.ts';
import { FREE, S_ST_COUNT, ST, TRAIT } from './state.ts';
import type { AgentStore } from './state.ts';

/** The per-year numbers the pass reads, compiled once per thread from the context. */
export interface AgentYear {
  ctx: AgentStepContext;
  /** Death probability by age band, and 1 / (1 − it). */
  mortality: Float64Array;
  survivalInverse: Float64Array;
  /** Return probability `[((status × 2 + origin at peace) << 8) + years in the country]` (return.ts). */
  returnRate: Float64Array;
  labour: LabourCells;
  /** Share of the wage remitted by years in the country. */
  remitted: Float64Array;
  /** `STATUS_FLAG` bits of each (destination, status) cell (kernels/tally.ts). */
  flags: Uint8Array;
  /**
   * The status whose return rate the agents of each (destination, status) cell leave at: their own,
   * a long-term resident's for refugees integrated there (kernels/local-integration.ts), or
   * `REPATRIATES` for refugees who repatriate at their origin's rate (kernels/repatriation.ts).
   */
  leavesAs: Uint8Array;
}

/** In `AgentYear.leavesAs`: the cell's refugees repatriate. */
export const REPATRIATES = 255;

function leavingStatus(integrated: Uint8Array): Uint8Array {
  return Uint8Array.from(integrated, (x, k) => {
    const st = k % S_ST_COUNT;
    return x === 1 ? ST.long_term_resident : REPATRIATING[st] ? REPATRIATES : st;
  });
}

const inverseOfComplement = (p: Float64Array): Float64Array =>
  Float64Array.from(p, (x) => (x < 1 ? 1 / (1 - x) : 0));

export function compileAgentYear(ctx: AgentStepContext): AgentYear {
  const p = ctx.params;
  const mortality = Float64Array.of(p.mortality0, p.mortality1, p.mortality2, p.mortality3);
  return {
    ctx,
    mortality,
    survivalInverse: inverseOfComplement(mortality),
    returnRate: returnRates(ctx),
    labour: labourCells(ctx),
    remitted: remittedShare(ctx),
    flags: statusFlags(ctx.rightsMask),
    leavesAs: leavingStatus(integratedRefugees(ctx.rightsMask, ctx.localIntegration)),
  };
}

// Constants hoisted to module scope for the hot loop.
const ST_RETURNEE = ST.returnee;
const ST_CITIZEN = ST.citizen;
const ST_ASYLUM_SEEKER = ST.asylum_seeker;
const ST_IRREGULAR = ST.irregular;
const ST_REJECTED_RETURNABLE = ST.rejected_returnable;
const ST_LONG_TERM_RESIDENT = ST.long_term_resident;
const ST_NATURALISED = ST.naturalised;
const ST_RECOGNISED_REFUGEE = ST.recognised_refugee;
const TRAIT_AGE_MASK = TRAIT.ageMask;
const TRAIT_AGE_SHIFT = TRAIT.ageShift;
/** The age band 65+ (band 3) in the traits byte: outside the labour market. */
const TRAIT_AGE_OLD = 3 << TRAIT.ageShift;
const TRAIT_SKILL_MASK = TRAIT.skillMask;
const TRAIT_DUAL = TRAIT.dual;
const TRAIT_VIOLENCE = TRAIT.violence;
const CH_ASYLUM = CH.asylum;
const TIE_FREE = TIE.free;
const TIE_TIED = TIE.tied;
const FLAG_UNFREE = STATUS_FLAG.unfree;
const FLAG_SECURE = STATUS_FLAG.secure;
const FLAG_ROUTE = STATUS_FLAG.route;

/**
 * The year of agents [from, to) and then their tally, summing into `acc` at `base` (ACC layout)
 * and adding their bilateral stock to `bilateral`.
 */
export function runAgentYear(
  s: AgentStore,
  from: number,
  to: number,
  y: AgentYear,
  acc: Float64Array,
  base: number,
  bilateral: BilateralTally,
): void {
  agentYearPass(s, from, to, y, acc, base);
  tallyPass(s, from, to, y, acc, base, bilateral);
}

/**
 * Runs the mechanisms of the year for agents [from, to), summing deaths, naturalisations, returns,
 * removals, asylum decisions and re-immigrations into `acc` at `base` (ACC layout, accumulators.ts).
 */
export function agentYearPass(
  s: AgentStore,
  from: number,
  to: number,
  y: AgentYear,
  acc: Float64Array,
  base: number,
): void {
  const ctx = y.ctx;
  const p = ctx.params;
  const n = ctx.n;
  const lines = n + 2;
  const S = S_ST_COUNT;
  const statusA = s.status;
  const traitsA = s.traits;
  const locationA = s.location;
  const originA = s.origin;
  const statusSinceA = s.statusSince;
  const residentSinceA = s.residentSince;
  const clock = s.clock;
  const key = ctx.keys.agentYear;
  const { mortality, survivalInverse, returnRate, leavesAs } = y;
  const repatriation = ctx.repatriation;
  const exileWeight = ctx.exileWeight;
  const coEthnicReturn = ctx.coEthnicReturn;
  const { regularisation, regularisedStatus, regularisedEligible } = ctx;
  const aRegularised = base + ACC.regularised * lines;
  const { rate: resettleRate, source: resettleSource, cumulative: resettleCumulative } = ctx.resettlement;
  const aResettled = base + ACC.resettled * lines;
  const inCountryClaim = ctx.inCountryClaim;
  const aInCountryClaims = base + ACC.inCountryClaims * lines;
  const channelA = s.channel;
  const lmEmployed = y.labour.employed;
  const ageingRate = p.ageingRate;
  const ageingInverse = ageingRate > 0 ? 1 / ageingRate : 0;
  const notAgeingInverse = ageingRate < 1 ? 1 / (1 - ageingRate) : 0;
  const naturalisation = p.naturalisationUptake;
  const refugeeNaturalisation = p.refugeeNaturalisationUptake;
  const atPeace = ctx.atPeace;
  const yearsToLtr = ctx.yearsToLongTermResidence;
  const yearsToNat = ctx.yearsToNaturalisation;
  const dualCitizenship = ctx.dualCitizenship;
  // accumulator offsets of this group's slice
  const aDeaths = base + ACC.deaths * lines;
  const aNaturalisations = base + ACC.naturalisations * lines;
  for (let i = from; i < to; i++) {
    let st = statusA[i];
    if (st === FREE) continue;
    let traits = traitsA[i];
    const d = locationA[i];
    const o = originA[i];

    let u = uniform(key, i);
    // ── death and ageing (transitions.ts) ──
    let age = (traits & TRAIT_AGE_MASK) >> TRAIT_AGE_SHIFT;
    const m = mortality[age];
    if (u < m) {
      statusA[i] = FREE;
      if (st !== ST_RETURNEE) acc[aDeaths + d] += 1;
      continue;
    }
    u = (u - m) * survivalInverse[age];
    if (age < 3) {
      if (u < ageingRate) {
        u *= ageingInverse;
        age++;
        traits += 1 << TRAIT_AGE_SHIFT;
        traitsA[i] = traits;
      } else u = (u - ageingRate) * notAgeingInverse;
    }
    // years in the status and in the country, this year included: counted from the store's clock,
    // so nothing is written for them (state.ts)
    const yis = (clock - statusSinceA[i]) & 255;
    const yic = (clock - residentSinceA[i]) & 255;

    // ── status transitions (transitions.ts) ──
    if (st !== ST_RETURNEE && st !== ST_CITIZEN) {
      switch (TRANSITION_KIND[st]) {
        case TRANSITION.temporaryPermit:
          temporaryPermitEnds(
            s,
            i,
            st,
            yis - 1,
            age < 3 ? lmEmployed[(d * S + st) * 3 + (traits & TRAIT_SKILL_MASK)] : 0,
            ctx,
            acc,
            base,
          );
          st = statusA[i];
          break;
        case TRANSITION.settling:
          if (yic >= yearsToLtr[d]) {
            st = ST_LONG_TERM_RESIDENT;
            statusA[i] = st;
            statusSinceA[i] = clock;
          }
          break;
        case TRANSITION.naturalising:
        case TRANSITION.naturalisingRefugee:
          if (yic >= yearsToNat[d]) {
            const q = st === ST_LONG_TERM_RESIDENT ? naturalisation : refugeeNaturalisation;
            if (u < q) {
              u /= q;
              st = ST_NATURALISED;
              statusA[i] = st;
              statusSinceA[i] = clock;
              if (dualCitizenship[d]) traitsA[i] = traits | TRAIT_DUAL;
              acc[aNaturalisations + d] += 1;
            } else u = (u - q) / (1 - q);
          }
          break;
        case TRANSITION.nonReturnable:
          if (o < n && atPeace[o]) {
            st = ST_REJECTED_RETURNABLE;
            statusA[i] = st;
            statusSinceA[i] = clock;
          }
          break;
      }
    }

    // ── regularisation (regularisation.ts) ──
    const reg = regularisation[d];
    if (reg > 0 && (regularisedEligible[d] >>> st) & 1) {
      if (u < reg) {
        u /= reg;
        st = regularisedStatus[d];
        statusA[i] = st;
        statusSinceA[i] = clock;
        acc[aRegularised + d] += 1;
      } else u = (u - reg) / (1 - reg);
    }

    // ── resettlement from first asylum (resettlement.ts) ──
    if (resettleRate > 0 && TALLY_KIND[st] === TALLY.protected && resettleSource[d] === 1 && o < n) {
      if (u < resettleRate) {
        const to = resettlementDestination(resettleCumulative, u / resettleRate);
        locationA[i] = to;
        statusA[i] = ST_RECOGNISED_REFUGEE;
        channelA[i] = CH_ASYLUM;
        statusSinceA[i] = clock;
        residentSinceA[i] = clock;
        acc[aResettled + to] += 1;
        continue;
      }
      u = (u - resettleRate) / (1 - resettleRate);
    }

    // ── asylum claims lodged in the country (asylum-in-country.ts) ──
    const claimRate = st === ST_IRREGULAR && channelA[i] !== CH_ASYLUM ? inCountryClaim[d * lines + o] : 0;
    if (claimRate > 0) {
      const claims = inCountryClaimChance(s, i, ctx, claimRate);
      if (u < claims) {
        u /= claims;
        st = ST_ASYLUM_SEEKER;
        statusA[i] = st;
        channelA[i] = CH_ASYLUM;
        statusSinceA[i] = clock;
        acc[aInCountryClaims + d] += 1;
      } else u = (u - claims) / (1 - claims);
    }

    // ── asylum decision (asylum.ts) and removal (removal.ts) ──
    if (st === ST_ASYLUM_SEEKER) {
      decideClaim(s, i, ctx, acc, base);
      st = statusA[i];
    }
    if (st === ST_REJECTED_RETURNABLE || st === ST_IRREGULAR) {
      removeOrAbscond(s, i, st, ctx, acc, base);
      st = statusA[i];
    }

    // ── return and re-immigration (return.ts); only a return changes the residence, so `yic` holds ──
    if (o < n) {
      if (st === ST_RETURNEE) returneeYear(s, i, u, ctx, acc, base);
      else {
        const leaving = leavesAs[d * S + st];
        if (
          u <
          (leaving === REPATRIATES
            ? repatriation[d * lines + o] * exileWeight[(o << 8) + yic]
            : returnRate[((leaving * 2 + atPeace[o]) << 8) + yic] + coEthnicReturn[d * lines + o])
        )
          sendHome(s, i, acc, base, lines);
      }
    }
  }
}

/**
 * The tally of agents [from, to) at the end of the year (kernels/tally.ts): every agent abroad in
 * the stock of its location, the emigrants of its origin and the rights index of its location, the
 * labour market and remittances of those under 65 in expectation (their cell's P(employed), and × it
 * the wage, the rent and the remittance), and some statuses further (`TALLY_KIND`). Each agent abroad
 * is also added to `bilateral`, by (location, origin) (bilateral-tally.ts): whole agents, so the
 * threads' tallies add up exactly in any order. With `weight`, slot i stands for `weight[i]` agents
 * (a cohort's count, cohorts.ts); without it, for one.
 */
export function tallyPass(
  s: AgentStore,
  from: number,
  to: number,
  y: AgentYear,
  acc: Float64Array,
  base: number,
  bilateral: BilateralTally,
  weight?: ArrayLike<number>,
): void {
  const ctx = y.ctx;
  const n = ctx.n;
  const lines = n + 2;
  const S = S_ST_COUNT;
  const statusA = s.status;
  const traitsA = s.traits;
  const locationA = s.location;
  const originA = s.origin;
  const channelA = s.channel;
  const atPeace = ctx.atPeace;
  const rightsIndex = ctx.rightsIndex;
  // where each tally's line starts in this group's slice, held in locals for the loop below
  const {
    stock: aStock,
    emigrants: aEmigrants,
    rightsSum: aRights,
    refugees: aRefugees,
    refugeesByOrigin: aRefugeesByOrigin,
    asylumPending: aPending,
    unprotectedAbroad: aUnprotected,
    nonReturnable: aNonReturnable,
    irregular: aIrregular,
    temporary: aTemporary,
    employerRent: aRent,
    wagesPaid: aWages,
    employed: aEmployed,
    lowSkillWorkers: aLowSkill,
    remittancesSent: aSent,
    remittancesReceived: aReceived,
    unfree: aUnfree,
    secure: aSecure,
    membershipRoute: aRoute,
    unprotectedHere: aUnprotectedHere,
    citizens: aCitizens,
  } = fieldStarts(base, lines);
  const employerTied = ctx.employerTied;
  const residentSinceA = s.residentSince;
  const statusSinceA = s.statusSince;
  const clock = s.clock;
  const estimateYears = ctx.estimateYears;
  const toleratedCounted = ctx.toleratedCounted;
  const {
    employed: lmEmployed,
    rate: lmRate,
    paid: lmPaid,
    tie: lmTie,
    abscond: lmAbscond,
    home: lmHome,
    lowSkill: lmLow,
  } = y.labour;
  const remittedShare = y.remitted;
  const bargainingPower = ctx.params.workerBargainingPower;
  const flagsA = y.flags;
  const familyAllowed = ctx.familyAllowed;
  const { stock: pairStock, protected: pairProtected, nonSponsors: pairNonSponsors } = bilateral;
  for (let i = from; i < to; i++) {
    const st = statusA[i];
    if (st === FREE || st === ST_RETURNEE) continue;
    const d = locationA[i];
    const o = originA[i];
    const ch = channelA[i];
    // agents this slot stands for: 1, or a cohort's count (cohorts.ts); × 1 leaves every sum exact
    const w = weight === undefined ? 1 : weight[i];
    // still on the permit of its channel of entry
    const onPermit = ARRIVAL_STATUS[ch] === st;
    acc[aStock + d] += w;
    acc[aEmigrants + o] += w;
    acc[aRights + d] += w * rightsIndex[d * S + st];
    // the bilateral stock: those who may not sponsor family hold a permit that bars it (bilateral-tally.ts)
    const pair = d * lines + o;
    pairStock[pair] += w;
    if (onPermit && !familyAllowed[d * C + ch]) pairNonSponsors[pair] += w;
    // commodification and emancipation (indicators.ts): unfree labour, residence security, a route to membership
    const flags = flagsA[d * S + st];
    const tiedPermit = onPermit && employerTied[d * C + ch] !== 0;
    if (flags & FLAG_UNFREE || tiedPermit) acc[aUnfree + d] += w;
    if (flags & FLAG_SECURE) acc[aSecure + d] += w;
    if (flags & FLAG_ROUTE) acc[aRoute + d] += w;
    if (st === ST_NATURALISED) acc[aCitizens + d] += w;
    const traits = traitsA[i];
    // the labour market and remittances in expectation: the agent's cell's employment probability
    // times its wage (labour-market.ts, remittances.ts)
    if ((traits & TRAIT_AGE_MASK) !== TRAIT_AGE_OLD) {
      const cell = (d * S + st) * 3 + (traits & TRAIT_SKILL_MASK);
      const e = lmEmployed[cell];
      // tied to the employer by the status's rights or by the permit: the bargained wage (labour-market.ts)
      const tie = lmTie[cell];
      const paid =
        e *
        (tie === TIE_TIED || (tie === TIE_FREE && tiedPermit)
          ? tiedWage(
              lmRate[cell],
              Math.max(lmAbscond[d], lmHome[o * 3 + (traits & TRAIT_SKILL_MASK)]),
              bargainingPower,
            )
          : lmPaid[cell]);
      acc[aEmployed + d] += w * e;
      acc[aWages + d] += w * paid;
      acc[aRent + d] += w * (e * lmRate[cell] - paid);
      acc[aLowSkill + d] += w * (e * lmLow[cell]);
      const share = remittedShare[(clock - residentSinceA[i]) & 255];
      const remitted = st === ST_NATURALISED ? 0.5 * paid * share : paid * share;
      acc[aSent + d] += w * remitted;
      acc[aReceived + o] += w * remitted;
    }
    const kind = TALLY_KIND[st];
    if (kind === TALLY.none) continue;
    switch (kind) {
      case TALLY.protected:
        pairProtected[pair] += w;
        // as UNHCR counts them: where it estimates from recent recognitions, those of its years
        if (countedAsRefugee((clock - statusSinceA[i]) & 255, estimateYears[d])) {
          acc[aRefugees + d] += w;
          acc[aRefugeesByOrigin + o] += w;
        }
        break;
      case TALLY.pending:
        acc[aPending + d] += w;
        if (traits & TRAIT_VIOLENCE) {
          acc[aUnprotected + o] += w;
          acc[aUnprotectedHere + d] += w;
        }
        break;
      case TALLY.nonReturnable:
        acc[aNonReturnable + d] += w;
        // where the register counts its tolerated (Germany's Duldung), so does UNHCR's figure
        if (toleratedCounted[d]) {
          acc[aRefugees + d] += w;
          acc[aRefugeesByOrigin + o] += w;
        }
        if (traits & TRAIT_VIOLENCE) {
          acc[aUnprotected + o] += w;
          acc[aUnprotectedHere + d] += w;
        }
        break;
      case TALLY.irregular:
        acc[aIrregular + d] += w;
        if (o < n && !atPeace[o] && ch === CH_ASYLUM) acc[aNonReturnable + d] += w;
        if (traits & TRAIT_VIOLENCE) {
          acc[aUnprotected + o] += w;
          acc[aUnprotectedHere + d] += w;
        }
        break;
      case TALLY.temporary:
        acc[aTemporary + d] += w;
        break;
    }
  }
}
