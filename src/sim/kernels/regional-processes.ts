/**
 * Regional processes changing the tables over time (docs/model.md §3.12; Overbeek 2002, §3: the Budapest
 * and Puebla processes: visa harmonisation, externalised border policing, aid to transit states).
 *
 *   visa approximation: the effective visa requirement follows the compiled one with a lag,
 *     v[d, o] ← v[d, o] + visaConvergence × (visaRequired[d, o] − v[d, o])   (starts equal)
 *   externalisation: years[d] grows by 1 a year while d externalises, shrinks by 1 otherwise;
 *     transit enforcement on routes to d that are not overland = min(externalisationMax, externalisationRamp × years[d])
 *   aid: aid[c] = net ODA received (data) + Σ over externalising d of transitAidShare × GDP[d],
 *     shared equally among d's transit states (countries outside the core within 2,500 km of d)
 */
import type { Parameters } from '../parameters.ts';
import type { PolicyTables } from '../policy-tables.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';

export interface RegionalState {
  /** Effective visa requirement, 0–1: `visa[d * n + o]`. */
  visa: Float32Array;
  /** Years of externalisation per destination. */
  externalisedYears: Float64Array;
  /** Transit enforcement per destination. */
  transitEnforcement: Float64Array;
  /** Aid received this year, US$. */
  aidUsd: Float64Array;
  started: boolean;
}

export function newRegionalState(n: number): RegionalState {
  return {
    visa: new Float32Array(n * n),
    externalisedYears: new Float64Array(n),
    transitEnforcement: new Float64Array(n),
    aidUsd: new Float64Array(n),
    started: false,
  };
}

export function regionalProcessesKernel(
  state: RegionalState,
  tables: PolicyTables,
  world: WorldInput,
  year: number,
  p: Parameters,
): void {
  const n = world.iso3.length;
  if (!state.started) {
    for (let k = 0; k < n * n; k++) state.visa[k] = tables.visaRequired[k];
    state.started = true;
  } else {
    for (let k = 0; k < n * n; k++)
      state.visa[k] += p.visaConvergence * (tables.visaRequired[k] - state.visa[k]);
  }
  for (let c = 0; c < n; c++) {
    state.externalisedYears[c] = tables.externalised[c]
      ? state.externalisedYears[c] + 1
      : Math.max(0, state.externalisedYears[c] - 1);
    state.transitEnforcement[c] = Math.min(
      p.externalisationMax,
      p.externalisationRamp * state.externalisedYears[c],
    );
    const oda = world.odaReceivedUsd[at(world, year, c)];
    state.aidUsd[c] = oda;
  }
  for (let d = 0; d < n; d++) {
    if (!tables.externalised[d]) continue;
    const gdp = world.gdpPerCapitaUsd[at(world, year, d)] * world.population[at(world, year, d)];
    const transit: number[] = [];
    for (let c = 0; c < n; c++) {
      if (c !== d && world.tier[at(world, year, c)] !== 0 && world.distanceKm[d * n + c] < 2500)
        transit.push(c);
    }
    for (const c of transit) state.aidUsd[c] += (p.transitAidShare * gdp) / transit.length;
  }
}
