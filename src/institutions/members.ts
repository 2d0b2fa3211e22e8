/**
 * The members of a decision body and their ideal points on one standard: a rights floor for
 * migrants, 0 (no floor) to 1 (full equal treatment). States' ideal points come from their
 * position in the world data: a state whose people are mostly abroad wants a high floor (it
 * protects its nationals), a state that mostly hosts migrants a low one.
 *
 *   state ideal  x_i = e_i^a / (e_i^a + m_i^a), e = emigrant stock, m = immigrant stock, a = idealStateSlope
 *                 (0.5 when both are zero)
 *   constituency ideal points (migrants, civil society, trade unions, employers) are parameters.
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
}

export type Constituency = 'states' | 'migrants' | 'civil_society' | 'employers' | 'trade_unions';

/** A state's ideal rights floor from its emigrant and immigrant stocks. */
export function stateIdealPoint(emigrants: number, immigrants: number, slope: number): number {
  const e = Math.max(0, emigrants) ** slope;
  const m = Math.max(0, immigrants) ** slope;
  return e + m > 0 ? e / (e + m) : 0.5;
}

/** Every state's ideal point. */
export function stateIdealPoints(world: InstitutionWorld, params: InstitutionParameters): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = stateIdealPoint(world.emigrantStock[i], world.migrantStock[i], params.idealStateSlope);
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
