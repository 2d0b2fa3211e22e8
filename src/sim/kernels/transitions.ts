/**
 * Status transitions, ageing and deaths (DESIGN §2, People and Governance: transition rules read
 * from the compiled tables).
 *
 *   death:           P = mortality[age band]
 *   ageing:          P(next band) = ageingRate
 *   temporary work:  after temporaryYears renewed with P = temporaryRenewal if employed; else → permanent (P = temporaryToPermanentRate where the
 *                    tables allow it), else overstay → irregular (P = overstayRate × (1 − interior
 *                    enforcement)), else home
 *   transferee / service provider: after intraCorporateYears → permanent where allowed, else home
 *   settled statuses → long-term resident after yearsToLongTermResidence[d]
 *   long-term residents → naturalised after yearsToNaturalisation[d], P = naturalisationUptake;
 *   refugees and complementary protection the same with P = refugeeNaturalisationUptake
 *   rejected non-returnable → rejected returnable once the origin is at peace
 */
import type { AgentStepContext } from '../context.ts';
import { ACC } from '../accumulators.ts';
import { uniform } from '../rng.ts';
import { FREE, ST, TRAIT } from '../state.ts';
import type { AgentStore } from '../state.ts';
import { sendHome } from './return.ts';

// Constants hoisted to module scope for the hot loops.
const ST_RETURNEE = ST.returnee;
const ST_CITIZEN = ST.citizen;
const ST_TEMPORARY_WORKER = ST.temporary_worker;
const ST_INTRA_CORPORATE_TRANSFEREE = ST.intra_corporate_transferee;
const ST_SERVICE_PROVIDER = ST.service_provider;
const ST_PERMANENT_RESIDENT = ST.permanent_resident;
const ST_IRREGULAR = ST.irregular;
const ST_FAMILY_MEMBER = ST.family_member;
const ST_FREE_MOVER = ST.free_mover;
const ST_SELF_EMPLOYED = ST.self_employed;
const ST_LONG_TERM_RESIDENT = ST.long_term_resident;
const ST_RECOGNISED_REFUGEE = ST.recognised_refugee;
const ST_COMPLEMENTARY_PROTECTION = ST.complementary_protection;
const ST_NATURALISED = ST.naturalised;
const ST_REJECTED_NON_RETURNABLE = ST.rejected_non_returnable;
const ST_REJECTED_RETURNABLE = ST.rejected_returnable;
const TRAIT_AGE_MASK = TRAIT.ageMask;
const TRAIT_AGE_SHIFT = TRAIT.ageShift;
const TRAIT_DUAL = TRAIT.dual;
const K_ACC_DEATHS = ACC.deaths;
const K_ACC_NATURALISATIONS = ACC.naturalisations;

export function transitionsKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
  const ageingRate = ctx.params.ageingRate;
  const statusA = s.status;
  const traitsA = s.traits;
  const locationA = s.location;
  const originA = s.origin;
  const yisA = s.yearsInStatus;
  const yicA = s.yearsInCountry;
  const wageA = s.wage;
  const n = ctx.n;
  const lines = n + 2;
  const p = ctx.params;
  const mort0 = p.mortality0;
  const mort1 = p.mortality1;
  const mort2 = p.mortality2;
  const mort3 = p.mortality3;
  const kM = ctx.keys.mortality;
  const kA = ctx.keys.ageing;
  const kT = ctx.keys.transitions;
  for (let i = from; i < to; i++) {
    const st = statusA[i];
    if (st === FREE) continue;
    let traits = traitsA[i];
    const age = (traits & TRAIT_AGE_MASK) >> TRAIT_AGE_SHIFT;
    const d = locationA[i];
    const um = uniform(kM, i);
    const mort = age === 0 ? mort0 : age === 1 ? mort1 : age === 2 ? mort2 : mort3;
    if (um < mort) {
      statusA[i] = FREE;
      if (st !== ST_RETURNEE) acc[base + K_ACC_DEATHS * lines + d] += 1;
      continue;
    }
    if (age < 3 && uniform(kA, i) < ageingRate) {
      traits += 1 << TRAIT_AGE_SHIFT;
      traitsA[i] = traits;
    }
    const yis = yisA[i];
    const yic = yicA[i];
    yisA[i] = yis < 255 ? yis + 1 : 255;
    yicA[i] = yic < 255 ? yic + 1 : 255;
    if (st === ST_RETURNEE || st === ST_CITIZEN) continue;
    const o = originA[i];
    switch (st) {
      case ST_TEMPORARY_WORKER:
      case ST_INTRA_CORPORATE_TRANSFEREE:
      case ST_SERVICE_PROVIDER: {
        const years = st === ST_TEMPORARY_WORKER ? p.temporaryYears : p.intraCorporateYears;
        if (yis + 1 < years) break;
        const u = uniform(kT, i);
        if (wageA[i] > 0 && uniform(kA ^ 0x5bd1e995, i) < p.temporaryRenewal) {
          yisA[i] = 0;
          break;
        }
        if (ctx.temporaryToPermanent[d] && u < p.temporaryToPermanentRate)
          setStatus(s, i, ST_PERMANENT_RESIDENT);
        else if (st === ST_TEMPORARY_WORKER && u > 1 - p.overstayRate * (1 - ctx.enforcementInterior[d]))
          setStatus(s, i, ST_IRREGULAR);
        else if (o < n) sendHome(s, i, acc, base, lines);
        else setStatus(s, i, ST_IRREGULAR);
        break;
      }
      case ST_PERMANENT_RESIDENT:
      case ST_FAMILY_MEMBER:
      case ST_FREE_MOVER:
      case ST_SELF_EMPLOYED:
        if (yic + 1 >= ctx.yearsToLongTermResidence[d]) setStatus(s, i, ST_LONG_TERM_RESIDENT);
        break;
      case ST_LONG_TERM_RESIDENT:
      case ST_RECOGNISED_REFUGEE:
      case ST_COMPLEMENTARY_PROTECTION:
        if (
          yic + 1 >= ctx.yearsToNaturalisation[d] &&
          uniform(kT, i) <
            (st === ST_LONG_TERM_RESIDENT ? p.naturalisationUptake : p.refugeeNaturalisationUptake)
        ) {
          setStatus(s, i, ST_NATURALISED);
          if (ctx.dualCitizenship[d]) traitsA[i] |= TRAIT_DUAL;
          acc[base + K_ACC_NATURALISATIONS * lines + d] += 1;
        }
        break;
      case ST_REJECTED_NON_RETURNABLE:
        if (o < n && ctx.atPeace[o]) setStatus(s, i, ST_REJECTED_RETURNABLE);
        break;
      default:
        break;
    }
  }
}

function setStatus(s: AgentStore, i: number, status: number): void {
  s.status[i] = status;
  s.yearsInStatus[i] = 0;
}
