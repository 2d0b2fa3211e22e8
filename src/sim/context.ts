/**
 * What the per-agent kernels read in one year: country-level arrays prepared by the main thread
 * (wages, peace at origin, the parts of the policy tables the agents need) and the stream keys.
 * A plain object of typed arrays and numbers, so it crosses to worker threads by structured clone.
 */
import type { Parameters } from './parameters.ts';

export interface AgentStepContext {
  /** Number of countries N; origin lines N and N+1 are other territory and unknown origin. */
  n: number;
  year: number;
  params: Parameters;
  /** Stream keys of this year (rng.ts `streamKey`). */
  keys: {
    /** The agent's one uniform of the year for death, ageing, naturalisation, return, employment (agent-year.ts). */
    agentYear: number;
    renewal: number;
    transitions: number;
    asylum: number;
    claim: number;
    removal: number;
  };
  /** 1 when the origin line is at peace this year (N + 2 long; pseudo-origins are 1). */
  atPeace: Uint8Array;
  /** Conflict intensity of the origin line this year: 0 none, 1 minor, 2 war (N + 2 long). */
  originConflict: Uint8Array;
  /** Formal wage rates at each destination, US$ per year: high-skill and low-skill. */
  wageHigh: Float64Array;
  wageLow: Float64Array;
  /** Probability of being employed at each destination (1 − unemployment). */
  employment: Float64Array;
  /** Recorded share of wages remitted this year (remittanceShare × (1 + trend)^(year − 1990)). */
  remittanceShare: number;
  // ── from the policy tables (effective, after regional processes) ──
  enforcementInterior: Float64Array;
  claimTypeCount: number;
  /** Index in the tables' claim types of each `CLAIM` kind (kernels/asylum.ts). */
  claimIndex: Int32Array;
  protection: Uint8Array;
  readmission: Uint8Array;
  humanitarianNonReturn: Uint8Array;
  nonReturnableStatus: Uint8Array;
  /** Rights bitmask of status s at d: `rightsMask[d * S + s]`. */
  rightsMask: Uint16Array;
  /** Share of rights held by status s at d (0–1): `rightsIndex[d * S + s]`. */
  rightsIndex: Float64Array;
  yearsToLongTermResidence: Float64Array;
  yearsToNaturalisation: Float64Array;
  dualCitizenship: Uint8Array;
  reImmigrationRetained: Uint8Array;
  temporaryToPermanent: Uint8Array;
  /** Corridor slot of (d, o) in the corridor tally, or -1: `corridorSlot[d * n + o]`. */
  corridorSlot: Int32Array;
  corridorCount: number;
}
