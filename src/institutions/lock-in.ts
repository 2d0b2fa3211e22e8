/**
 * The cost of leaving a regional process (Overbeek 2002, §3: commitments "locked in" within the dependent
 * states, "extremely costly, both economically and politically, not to respect them", after Gill
 * 1998), for a member c in a year:
 *
 *   cost_c = H · transfers_c + R · GDP_c · alignment_c
 *   transfers_c = aid the member receives because destinations externalise border policing to it
 *                 (the engine's aid to transit states: aid received − net ODA in the data)
 *   alignment_c = 1 − (1 − v)^years_c, v = the engine's visaConvergence: the share of the gap to
 *                 the process's visa and control rules the member has closed after years_c in it
 *   H = lockInHorizonYears, R = lockInReversalCost.
 * The claim holds when this cost, as a share of members' GDP, grows with time in the process.
 */
import type { InstitutionParameters } from './parameters.ts';

/** Share of the gap to a process's rules closed after `years` in it. */
export function alignment(years: number, visaConvergence: number): number {
  if (!(years > 0)) return 0;
  return 1 - (1 - Math.min(1, Math.max(0, visaConvergence))) ** years;
}

/** The cost of leaving for one member in one year, US$. */
export function leavingCost(
  member: { years: number; gdpUsd: number; transfersUsd: number },
  visaConvergence: number,
  params: Pick<InstitutionParameters, 'lockInHorizonYears' | 'lockInReversalCost'>,
): number {
  if (!(member.years > 0)) return 0;
  return (
    params.lockInHorizonYears * Math.max(0, member.transfersUsd) +
    params.lockInReversalCost * Math.max(0, member.gdpUsd) * alignment(member.years, visaConvergence)
  );
}
