/**
 * The members of a decision body and their ideal points on one standard: a rights floor for
 * migrants, 0 (no floor) to 1 (full equal treatment).
 *
 * States' ideal points come from what they gain and lose by migrants' rights in the simulated
 * world of that year (issue 18). A state gains G_i when its nationals abroad are treated equally —
 * the remittances they send home (the engine's `remittances_usd` by origin) — and loses L_i when
 * the migrants it hosts are — the employer rent earned on them (`employer_rent_usd` by residence).
 * With quadratic losses in the distance to each stake, U(s) = −G (1 − s)² − L s², the best floor is
 *
 *   state ideal  x_i = G_i^a / (G_i^a + L_i^a),  a = idealStateSlope  (0.5 when both are zero)
 *
 * so an origin living on remittances wants a high floor, a destination whose employers live on
 * cheap migrant labour a low one, and both move as the run moves. Without simulated stakes (a
 * world given by stocks only) the stocks stand in: G = emigrants, L = immigrants.
 * Constituency ideal points (migrants, civil society, trade unions, employers) are parameters.
 */
import type { InstitutionParameters } from './parameters.ts';

/** The world as the institutions layer reads it, for one year. Arrays by country index. */
export interface InstitutionWorld {
  iso3: readonly string[];
  population: ArrayLike<number>;
  /** GDP, US$. */
  gdpUsd: ArrayLike<number>;
  /** Immigrants living in the country. */
  migrantStock: ArrayLike<number>;
  /** Nationals (born there) living abroad. */
  emigrantStock: ArrayLike<number>;
  /** Simulated stakes (US$): remittances received (gains from rights abroad) and employer rent earned on migrants (losses from rights at home). */
  stakes?: { gainsUsd: ArrayLike<number>; lossesUsd: ArrayLike<number> };
}

export type Constituency = 'states' | 'migrants' | 'civil_society' | 'employers' | 'trade_unions';

/** A state's ideal rights floor from its gains and losses by migrants' rights (or, standing in, its emigrant and immigrant stocks). */
export function stateIdealPoint(gains: number, losses: number, slope: number): number {
  const g = Math.max(0, gains) ** slope;
  const l = Math.max(0, losses) ** slope;
  return g + l > 0 ? g / (g + l) : 0.5;
}

/** Every state's ideal point. */
export function stateIdealPoints(world: InstitutionWorld, params: InstitutionParameters): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n);
  const s = world.stakes;
  for (let i = 0; i < n; i++)
    out[i] = s
      ? stateIdealPoint(s.gainsUsd[i], s.lossesUsd[i], params.idealStateSlope)
      : stateIdealPoint(world.emigrantStock[i], world.migrantStock[i], params.idealStateSlope);
  return out;
}

/** The ideal point of a non-state constituency. */
export function constituencyIdealPoint(
  c: Exclude<Constituency, 'states'>,
  params: InstitutionParameters,
): number {
  switch (c) {
    case 'migrants':
      return params.idealMigrants;
    case 'civil_society':
      return params.idealCivilSociety;
    case 'trade_unions':
      return params.idealTradeUnions;
    case 'employers':
      return params.idealEmployers;
  }
}

/**
 * The affected population's interest, the benchmark a standard is measured against: one person,
 * one voice. Each migrant counts with the migrants' ideal point; each other resident with the ideal
 * point of the state they live in (their government speaks for them).
 */
export function affectedInterest(world: InstitutionWorld, params: InstitutionParameters): number {
  const x = stateIdealPoints(world, params);
  let num = 0;
  let den = 0;
  let migrants = 0;
  for (let i = 0; i < x.length; i++) {
    const natives = Math.max(0, world.population[i] - world.migrantStock[i]);
    num += natives * x[i];
    den += natives;
    migrants += Math.max(0, world.migrantStock[i]);
  }
  num += migrants * params.idealMigrants;
  den += migrants;
  return den > 0 ? num / den : NaN;
}
