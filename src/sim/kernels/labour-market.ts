/**
 * The segmented labour market of destinations (docs/model.md §3.9; Overbeek 2002, §1: flexibilised
 * labour markets where undocumented work is functional for firms).
 *
 * Segments: high-skill (skill = high with the right to work), low-skill formal (the right to work),
 * informal (no right to work: irregular, asylum seekers, rejected), self-employed.
 *   formal rate:  wageHigh[d] (high skill), wageLow[d] × (mediumSkillWagePremium for medium skill) otherwise
 *   employed with P = employment[d] (× informalEmployment in the informal segment; nobody 65+)
 *   wage paid = rate × (1 − informalDiscount) informal; the rate to a worker free to change
 *   employer (employers compete for them); and to a worker tied to the employer — without the
 *   right to change employer or to equal pay, or on the permit of a channel that ties its holder
 *   (`employer_tied` in the policy) — the Nash bargain over the job's surplus above the worker's
 *   outside option b (issue 18):
 *     tied wage = b + workerBargainingPower × (rate − b)          (the rate when b ≥ rate)
 *     b = max(absconding into informal work at d, going home):
 *       abscond[d]   = employment[d] × informalEmployment × wageLow[d] × (1 − informalDiscount)
 *                      × (1 − removalIrregular × interior enforcement[d])
 *                      + (1 − employment[d] × informalEmployment) × floorIrregular[d] × wageLow[d]
 *                      (a floor that reaches migrants in an irregular situation; social-protection.ts)
 *       home[o, k]   = employment[o] × the rate of skill k at the origin o
 *                      + (1 − employment[o]) × floor[o] × wageLow[o]   (a social protection floor
 *                      beyond history, a root-cause lever: social-protection.ts; 0 in history)
 *   employer rent += rate − wage paid (docs/model.md §3.9: the difference is the employer rent), so a
 *   tied worker's rent, (1 − bargaining power) × (rate − b), emerges from the informal labour
 *   market, enforcement and the origin's wages rather than from a fixed discount.
 * Wage rates respond to supply in the main thread (`wageRates`, engine.ts). The tally
 * (agent-year.ts) adds each agent's expected employment, wage, rent and remittances from its cell
 * in `labourCells`, without a draw: a job is not kept from one year to the next, so a drawn one
 * would only add noise to the indicators and to the wage response. The renewal of a temporary
 * permit draws the holder's job from the same probability (transitions.ts).
 */
import type { AgentStepContext } from '../context.ts';
import type { Parameters } from '../parameters.ts';
import { S_ST_COUNT, SEGMENT, ST } from '../state.ts';
import { protectionIncome } from './social-protection.ts';

// Constants hoisted to module scope for the hot loops.
const ST_SELF_EMPLOYED = ST.self_employed;
const SEGMENT_SELF_EMPLOYED = SEGMENT.selfEmployed;
const SEGMENT_INFORMAL = SEGMENT.informal;
const SEGMENT_HIGH = SEGMENT.high;
const SEGMENT_LOW_FORMAL = SEGMENT.lowFormal;

/** Bits of the rights that matter here (index in RIGHTS). */
const RIGHT_WORK = 1 << 0;
const RIGHT_EQUAL_PAY = 1 << 7;
const RIGHT_CHANGE_EMPLOYER = 1 << 8;

/**
 * The labour market of each cell (destination d, status st, skill k) this year, for the tally and
 * the renewal of permits (agent-year.ts): cell = (d × S + st) × 3 + k. Agents 65+ and returnees
 * are outside it.
 */
export interface LabourCells {
  /** Probability of being employed. */
  employed: Float64Array;
  /** Formal rate and the wage paid to a worker free to change employer (informal: discounted), US$ per year (paid rounded to Float32, as the agents' wage field held it until 2026-11-28). */
  rate: Float64Array;
  paid: Float64Array;
  /** 0: not a formal job (informal, self-employed); 1: formal; 2: formal, and the status ties its holder to the employer (`TIE`). */
  tie: Uint8Array;
  /** The outside option of absconding into informal work, by destination, US$ per year. */
  abscond: Float64Array;
  /** The outside option of going home, by origin line (countries, other territory, unknown: 0) × skill, US$ per year. */
  home: Float64Array;
  /** 1 when the segment counts as low-skill labour supply (informal or low-skill formal). */
  lowSkill: Uint8Array;
}

export function labourCells(ctx: AgentStepContext): LabourCells {
  const n = ctx.n;
  const S = S_ST_COUNT;
  const p = ctx.params;
  const size = n * S * 3;
  const out: LabourCells = {
    employed: new Float64Array(size),
    rate: new Float64Array(size),
    paid: new Float64Array(size),
    tie: new Uint8Array(size),
    abscond: new Float64Array(n),
    home: new Float64Array((n + 2) * 3),
    lowSkill: new Uint8Array(size),
  };
  for (let c = 0; c < n; c++) {
    const floorShare = ctx.protectionFloor?.[c] ?? 0;
    out.abscond[c] = abscondOption(
      p,
      ctx.wageLow[c],
      ctx.employment[c],
      ctx.enforcementInterior[c],
      ctx.protectionFloorIrregular?.[c] ?? 0,
    );
    const floor = floorShare > 0 ? protectionIncome(ctx.employment[c], floorShare, ctx.wageLow[c]) : 0;
    for (let skill = 0; skill < 3; skill++)
      out.home[c * 3 + skill] =
        homeOption(p, skill, ctx.wageLow[c], ctx.wageHigh[c], ctx.employment[c]) + floor;
  }
  for (let d = 0; d < n; d++) {
    for (let st = 0; st < S; st++) {
      const rights = ctx.rightsMask[d * S + st];
      for (let skill = 0; skill < 3; skill++) {
        const cell = (d * S + st) * 3 + skill;
        let segment: number;
        let rate: number;
        if (st === ST_SELF_EMPLOYED) {
          segment = SEGMENT_SELF_EMPLOYED;
          rate = ctx.wageLow[d] * p.mediumSkillWagePremium;
        } else if ((rights & RIGHT_WORK) === 0) {
          segment = SEGMENT_INFORMAL;
          rate = ctx.wageLow[d];
        } else if (skill === 2) {
          segment = SEGMENT_HIGH;
          rate = ctx.wageHigh[d];
        } else {
          segment = SEGMENT_LOW_FORMAL;
          rate = skill === 1 ? ctx.wageLow[d] * p.mediumSkillWagePremium : ctx.wageLow[d];
        }
        const paid = segment === SEGMENT_INFORMAL ? rate * (1 - p.informalDiscount) : rate;
        out.employed[cell] =
          segment === SEGMENT_INFORMAL ? ctx.employment[d] * p.informalEmployment : ctx.employment[d];
        out.rate[cell] = rate;
        out.paid[cell] = Math.fround(paid);
        const formal = segment === SEGMENT_HIGH || segment === SEGMENT_LOW_FORMAL;
        out.tie[cell] = !formal
          ? TIE.none
          : (rights & RIGHT_CHANGE_EMPLOYER) === 0 || (rights & RIGHT_EQUAL_PAY) === 0
            ? TIE.tied
            : TIE.free;
        out.lowSkill[cell] = segment === SEGMENT_INFORMAL || segment === SEGMENT_LOW_FORMAL ? 1 : 0;
      }
    }
  }
  return out;
}

/** A cell's tie to the employer (`LabourCells.tie`). */
export const TIE = { none: 0, free: 1, tied: 2 } as const;

/** The wage of a worker tied to the employer: the Nash bargain over the surplus above the outside option. */
export function tiedWage(rate: number, outside: number, bargainingPower: number): number {
  return outside >= rate ? rate : outside + bargainingPower * (rate - outside);
}

/**
 * What a tied worker expects from absconding into informal work at the destination, US$ per year;
 * with a social protection floor there (`floorShare`, a root-cause lever; 0 in history), what it
 * pays while without work (social-protection.ts).
 */
export function abscondOption(
  p: Pick<Parameters, 'informalEmployment' | 'informalDiscount' | 'removalIrregular'>,
  wageLow: number,
  employment: number,
  interiorEnforcement: number,
  floorShare = 0,
): number {
  const removal = Math.min(1, Math.max(0, p.removalIrregular * interiorEnforcement));
  const informal = employment * p.informalEmployment;
  const work = informal * wageLow * (1 - p.informalDiscount) * (1 - removal);
  return floorShare > 0 ? work + protectionIncome(informal, floorShare, wageLow) : work;
}

/** What a worker of a skill expects from going home, US$ per year (the origin's rate for the skill). */
export function homeOption(
  p: Pick<Parameters, 'mediumSkillWagePremium'>,
  skill: number,
  wageLow: number,
  wageHigh: number,
  employment: number,
): number {
  const rate = skill === 2 ? wageHigh : skill === 1 ? wageLow * p.mediumSkillWagePremium : wageLow;
  return employment * rate;
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

/** Probability of being employed at an unemployment rate (%), bounded to 0.3–1. */
export function employmentRate(unemploymentPct: number): number {
  return Math.min(1, Math.max(0.3, 1 - unemploymentPct / 100));
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
    out.employment[c] = employmentRate(unemploymentPct(c));
  }
  return out;
}
