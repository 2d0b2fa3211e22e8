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
 *   long-term residents and refugees → naturalised after yearsToNaturalisation[d], P = naturalisationUptake
 *   rejected non-returnable → rejected returnable once the origin is at peace
 */
import type { AgentStepContext } from '../context.ts';
import { ACC } from '../accumulators.ts';
import { uniform } from '../rng.ts';
import { FREE, ST, TRAIT } from '../state.ts';
import type { AgentStore } from '../state.ts';
import { sendHome } from './return.ts';

export function transitionsKernel(
  s: AgentStore,
  from: number,
  to: number,
  ctx: AgentStepContext,
  acc: Float64Array,
  base: number,
): void {
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
    const st = s.status[i];
    if (st === FREE) continue;
    let traits = s.traits[i];
    const age = (traits & TRAIT.ageMask) >> TRAIT.ageShift;
    const d = s.location[i];
    const um = uniform(kM, i);
    const mort = age === 0 ? mort0 : age === 1 ? mort1 : age === 2 ? mort2 : mort3;
    if (um < mort) {
      s.status[i] = FREE;
      if (st !== ST.returnee) acc[base + ACC.deaths * lines + d] += 1;
      continue;
    }
    if (age < 3 && uniform(kA, i) < p.ageingRate) {
      traits += 1 << TRAIT.ageShift;
      s.traits[i] = traits;
    }
    const yis = s.yearsInStatus[i];
    const yic = s.yearsInCountry[i];
    s.yearsInStatus[i] = yis < 255 ? yis + 1 : 255;
    s.yearsInCountry[i] = yic < 255 ? yic + 1 : 255;
    if (st === ST.returnee || st === ST.citizen) continue;
    const o = s.origin[i];
    switch (st) {
      case ST.temporary_worker:
      case ST.intra_corporate_transferee:
      case ST.service_provider: {
        const years = st === ST.temporary_worker ? p.temporaryYears : p.intraCorporateYears;
        if (yis + 1 < years) break;
        const u = uniform(kT, i);
        if (s.wage[i] > 0 && uniform(kA ^ 0x5bd1e995, i) < p.temporaryRenewal) {
          s.yearsInStatus[i] = 0;
          break;
        }
        if (ctx.temporaryToPermanent[d] && u < p.temporaryToPermanentRate)
          setStatus(s, i, ST.permanent_resident);
        else if (st === ST.temporary_worker && u > 1 - p.overstayRate * (1 - ctx.enforcementInterior[d]))
          setStatus(s, i, ST.irregular);
        else if (o < n) sendHome(s, i, acc, base, lines);
        else setStatus(s, i, ST.irregular);
        break;
      }
      case ST.permanent_resident:
      case ST.family_member:
      case ST.free_mover:
      case ST.self_employed:
        if (yic + 1 >= ctx.yearsToLongTermResidence[d]) setStatus(s, i, ST.long_term_resident);
        break;
      case ST.long_term_resident:
      case ST.recognised_refugee:
      case ST.complementary_protection:
        if (yic + 1 >= ctx.yearsToNaturalisation[d] && uniform(kT, i) < p.naturalisationUptake) {
          setStatus(s, i, ST.naturalised);
          if (ctx.dualCitizenship[d]) s.traits[i] |= TRAIT.dual;
          acc[base + ACC.naturalisations * lines + d] += 1;
        }
        break;
      case ST.rejected_non_returnable:
        if (o < n && ctx.atPeace[o]) setStatus(s, i, ST.rejected_returnable);
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
