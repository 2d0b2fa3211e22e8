/**
 * What the per-agent kernels read in one year: country-level arrays prepared by the main thread
 * (wages, peace at origin, the parts of the policy tables the agents need) and the stream keys.
 * A plain object of typed arrays and numbers, so it crosses to worker threads by structured clone.
 */
import type { Parameters } from './parameters.ts';
import type { PolicyTables } from './policy-tables.ts';
import type { Resettlement } from './kernels/resettlement.ts';

/** The parts of the year's policy tables the agents read, as they are (policy-tables.ts). */
type TablesTheAgentsRead = Pick<
  PolicyTables,
  | 'enforcementInterior'
  | 'protection'
  | 'readmission'
  | 'humanitarianNonReturn'
  | 'nonReturnableStatus'
  | 'rightsIndex'
  | 'yearsToLongTermResidence'
  | 'yearsToNaturalisation'
  | 'dualCitizenship'
  | 'reImmigrationRetained'
  | 'temporaryToPermanent'
  | 'permitYears'
  | 'permitRenewable'
  | 'employerTied'
  | 'familyAllowed'
>;

export interface AgentStepContext extends TablesTheAgentsRead {
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
  /** Yearly repatriation of the refugees by location and origin line, `[d × (N + 2) + o]` (kernels/repatriation.ts). */
  repatriation: Float64Array;
  /** Its factor by origin line and years in the country, `[o × 256 + years]` (kernels/repatriation.ts). */
  exileWeight: Float64Array;
  /** Probability that an eligible resident is regularised this year, by country, and what it gets (kernels/regularisation.ts). */
  regularisation: Float64Array;
  regularisedStatus: Uint8Array;
  /** Bit s set: status s is eligible. */
  regularisedEligible: Uint32Array;
  /** Whether refugees whose status gives them residence security integrate (kernels/local-integration.ts). */
  localIntegration: boolean;
  /** Whether a claimant from a country at war claims as a victim of the war, fled or not (kernels/asylum-in-country.ts). */
  surPlace: boolean;
  /** In-country asylum claims of irregular residents, their rate by `[d × (N + 2) + o]` (kernels/asylum-in-country.ts). */
  inCountryClaim: Float64Array;
  /** [d] years of recognitions UNHCR counts as d's refugees, 0 = all (kernels/counting-rule.ts). */
  estimateYears: Uint8Array;
  /** [d] 1 where d's refugee figure counts its tolerated, the rejected non-returnable (kernels/counting-rule.ts). */
  toleratedCounted: Uint8Array;
  /** This year's resettlement from countries of first asylum (kernels/resettlement.ts). */
  resettlement: Resettlement;
  /**
   * Added return of the homeland-born living in a co-ethnic origin, `[location × (N + 2) + origin]`
   * (kernels/co-ethnic.ts); −1 where nobody returns (the registered refugees, kernels/registered-refugees.ts).
   */
  coEthnicReturn: Float64Array;
  /** Formal wage rates at each destination, US$ per year: high-skill and low-skill. */
  wageHigh: Float64Array;
  wageLow: Float64Array;
  /** Probability of being employed at each destination (1 − unemployment). */
  employment: Float64Array;
  /** The social protection floor's share of the low-skill wage at home, by country (kernels/social-protection.ts); absent: history. */
  protectionFloor?: Float64Array;
  /** The same for migrants in an irregular situation there (what absconding can count on); absent: none. */
  protectionFloorIrregular?: Float64Array;
  /** Recorded share of wages remitted this year (remittanceShare × (1 + trend)^(year − 1990)). */
  remittanceShare: number;
  // ── derived from the policy tables ──
  claimTypeCount: number;
  /** Index in the tables' claim types of each `CLAIM` kind (kernels/asylum.ts). */
  claimIndex: Int32Array;
  /** Rights bitmask of status s at d: `rightsMask[d * S + s]` (the labour market reads it). */
  rightsMask: Uint16Array;
}
