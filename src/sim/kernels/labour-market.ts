/**
 * The segmented labour market of destinations (DESIGN §2, Labour market; seed §1: flexibilised
 * labour markets where undocumented work is functional for firms).
 *
 * Segments: high-skill (skill = high with the right to work), low-skill formal (the right to work),
 * informal (no right to work: irregular, asylum seekers, rejected), self-employed.
 *   formal rate:  wageHigh[d] (high skill), wageLow[d] × (1.3 for medium skill) otherwise
 *   employed with P = employment[d] (× informalEmployment in the informal segment; nobody 65+)
 *   wage paid = rate × (1 − informalDiscount) informal; × (1 − tiedDiscount) without the right to
 *   change employer or to equal pay; the rate otherwise
 *   employer rent += rate − wage paid (DESIGN §2: the difference is the employer rent)
 * Wage rates respond to supply in the main thread (labour-market-wages in step.ts).
 */
import type { AgentStepContext } from '../context.ts';
import type { Parameters } from '../parameters.ts';
import { ACC } from '../accumulators.ts';
import { uniform } from '../rng.ts';
import { FREE, S_ST_COUNT, SEGMENT, ST, TRAIT } from '../state.ts';
import type { AgentStore } from '../state.ts';

// Constants hoisted to module scope for the hot loops.
const ST_RETURNEE = ST.returnee;
const ST_SELF_EMPLOYED = ST.self_employed;
const SEGMENT_NONE = SEGMENT.none;
const SEGMENT_SELF_EMPLOYED = SEGMENT.selfEmployed;
const SEGMENT_INFORMAL = SEGMENT.informal;
const SEGMENT_HIGH = SEGMENT.high;
const SEGMENT_LOW_FORMAL = SEGMENT.lowFormal;
const TRAIT_AGE_MASK = TRAIT.ageMask;
const TRAIT_AGE_SHIFT = TRAIT.ageShift;
const TRAIT_SKILL_MASK = TRAIT.skillMask;
const K_ACC_EMPLOYER_RENT = ACC.employerRent;
const K_ACC_WAGES_PAID = ACC.wagesPaid;
const K_ACC_EMPLOYED = ACC.employed;
const K_ACC_LOW_SKILL_WORKERS = ACC.lowSkillWorkers;

/** Bits of the rights that matter here (index in RIGHTS). */
const RIGHT_WORK = 1 << 0;
const RIGHT_EQUAL_PAY = 1 << 7;
const RIGHT_CHANGE_EMPLOYER = 1 << 8;

export function labourMarketKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const rightsMask = ctx.rightsMask;
  const wageLow = ctx.wageLow;
  const wageHigh = ctx.wageHigh;
  const employment = ctx.employment;
  const informalEmployment = ctx.params.informalEmployment;
  const statusA = s.status;
  const traitsA = s.traits;
  const locationA = s.location;
  const segmentA = s.segment;
  const rightsA = s.rights;
  const wageA = s.wage;
  const n = ctx.n;
  const lines = n + 2;
  const p = ctx.params;
  const key = ctx.keys.labourMarket;
  const informalPaid = 1 - p.informalDiscount;
  const tiedPaid = 1 - p.tiedDiscount;
  for (let i = from; i < to; i++) {
    const st = statusA[i];
    if (st === FREE || st === ST_RETURNEE) continue;
    const traits = traitsA[i];
    const d = locationA[i];
    const rights = rightsMask[d * S_ST_COUNT + st];
    rightsA[i] = rights;
    if ((traits & TRAIT_AGE_MASK) >> TRAIT_AGE_SHIFT === 3) {
      segmentA[i] = SEGMENT_NONE;
      wageA[i] = 0;
      continue;
    }
    const skill = traits & TRAIT_SKILL_MASK;
    let segment: number;
    let rate: number;
    if (st === ST_SELF_EMPLOYED) {
      segment = SEGMENT_SELF_EMPLOYED;
      rate = wageLow[d] * 1.3;
    } else if ((rights & RIGHT_WORK) === 0) {
      segment = SEGMENT_INFORMAL;
      rate = wageLow[d];
    } else if (skill === 2) {
      segment = SEGMENT_HIGH;
      rate = wageHigh[d];
    } else {
      segment = SEGMENT_LOW_FORMAL;
      rate = skill === 1 ? wageLow[d] * 1.3 : wageLow[d];
    }
    const pEmployed = segment === SEGMENT_INFORMAL ? employment[d] * informalEmployment : employment[d];
    if (uniform(key, i) >= pEmployed) {
      segmentA[i] = SEGMENT_NONE;
      wageA[i] = 0;
      continue;
    }
    let paid = rate;
    if (segment === SEGMENT_INFORMAL) paid = rate * informalPaid;
    else if (
      segment !== SEGMENT_SELF_EMPLOYED &&
      ((rights & RIGHT_CHANGE_EMPLOYER) === 0 || (rights & RIGHT_EQUAL_PAY) === 0)
    )
      paid = rate * tiedPaid;
    segmentA[i] = segment;
    wageA[i] = paid;
    acc[base + K_ACC_EMPLOYER_RENT * lines + d] += rate - paid;
    acc[base + K_ACC_WAGES_PAID * lines + d] += paid;
    acc[base + K_ACC_EMPLOYED * lines + d] += 1;
    if (segment === SEGMENT_INFORMAL || segment === SEGMENT_LOW_FORMAL)
      acc[base + K_ACC_LOW_SKILL_WORKERS * lines + d] += 1;
  }
}

/** Wage rates and employment of every country this year (country-level part of the labour market). */
export interface WageRates {
  /** Average labour compensation per worker, US$: labourShare × GDP / (0.65 × working-age population). */
  average: Float64Array;
  /** Low-skill formal rate: average × lowSkillRelativeWage × (1 − wageSupplyEffect × immigrant share). */
  low: Float64Array;
  /** High-skill rate: average × highSkillRelativeWage. */
  high: Float64Array;
  /** 1 − unemployment rate. */
  employment: Float64Array;
}

/**
 * @param immigrantStock persons living in each country born abroad (last year's tally)
 */
export function wageRates(
  n: number,
  gdpPerCapitaUsd: (c: number) => number,
  population: (c: number) => number,
  workingAge: (c: number) => number,
  unemploymentPct: (c: number) => number,
  immigrantStock: Float64Array,
  p: Parameters,
): WageRates {
  const out: WageRates = {
    average: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    employment: new Float64Array(n),
  };
  for (let c = 0; c < n; c++) {
    const pop = Math.max(population(c), 1);
    const wap = Math.max(workingAge(c), 1);
    const avg = (p.labourShare * gdpPerCapitaUsd(c) * pop) / (0.65 * wap);
    const share = Math.min(1, immigrantStock[c] / pop);
    out.average[c] = avg;
    out.low[c] = avg * p.lowSkillRelativeWage * (1 - p.wageSupplyEffect * share);
    out.high[c] = avg * p.highSkillRelativeWage;
    out.employment[c] = Math.min(1, Math.max(0.3, 1 - unemploymentPct(c) / 100));
  }
  return out;
}
