/**
 * What the dependent members of a regional process receive and bear in a year, from the simulation
 * (Overbeek 2002, §3, after Gill 1998: commitments "locked in" within the dependent states, so that
 * it becomes "extremely costly" not to respect them). The cost of leaving is not a formula of the
 * years in: it is the difference in this position between a run in which the members keep their
 * aligned controls and one in which they reverse them (the `lock-in` experiment's arms,
 * docs/experiments.md):
 *
 *   position = transfers − Σ_c arrivalCostShare × GDP per capita_c × arrivals_c
 *   transfers  = aid the members receive because destinations externalise border policing to them
 *                (the engine's aid to transit states: aid received − net ODA in the data)
 *   arrivals_c = asylum applications + irregular entries into member c that year (the engine)
 *
 * reported over the members' GDP, per mille.
 */
import type { InstitutionParameters } from './parameters.ts';

/** One dependent member in one year: world data and the year's simulated quantities. */
export interface MemberYear {
  gdpUsd: number;
  gdpPerCapitaUsd: number;
  /** Aid received above the net ODA of the data, US$. */
  transfersUsd: number;
  /** Asylum applications and irregular entries this year, persons. */
  arrivals: number;
}

export interface MembersPosition {
  transfersUsd: number;
  /** Cost of the arrivals to the members, US$. */
  arrivalsCostUsd: number;
  gdpUsd: number;
  /** transfers − arrivals' cost, US$. */
  positionUsd: number;
  /** The same per mille of the members' GDP (NaN without GDP). */
  positionShare: number;
}

/** The members' position in one year: what they receive for policing against what arrivals cost them. */
export function membersPosition(
  members: readonly MemberYear[],
  params: Pick<InstitutionParameters, 'arrivalCostShare'>,
): MembersPosition {
  let transfersUsd = 0;
  let arrivalsCostUsd = 0;
  let gdpUsd = 0;
  for (const m of members) {
    transfersUsd += Math.max(0, m.transfersUsd);
    arrivalsCostUsd += params.arrivalCostShare * Math.max(0, m.gdpPerCapitaUsd) * Math.max(0, m.arrivals);
    gdpUsd += Math.max(0, m.gdpUsd);
  }
  const positionUsd = transfersUsd - arrivalsCostUsd;
  return {
    transfersUsd,
    arrivalsCostUsd,
    gdpUsd,
    positionUsd,
    positionShare: gdpUsd > 0 ? (1000 * positionUsd) / gdpUsd : NaN,
  };
}
