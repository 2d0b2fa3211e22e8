/**
 * What a year's decisions to move read (`MoveYear`) and what they produce (`MoveOutcome`).
 */
import { CHANNELS } from '../../../regime/schema/vocabulary.ts';
import type { MechanismSwitches } from '../../mechanisms.ts';
import type { Parameters } from '../../parameters.ts';
import type { PolicyTables } from '../../policy-tables.ts';
import type { WorldInput } from '../../world-input.ts';
import type { FdiYear } from '../fdi.ts';
import type { WageRates } from '../labour-market.ts';
import type { RegionalState } from '../regional-processes.ts';

/** The inputs of one year's decisions. */
export interface MoveYear {
  world: WorldInput;
  year: number;
  scale: number;
  params: Parameters;
  tables: PolicyTables;
  /** Index in the tables' claim types of each `CLAIM` kind. */
  claimIndex: Int32Array;
  regional: RegionalState;
  wages: WageRates;
  commodificationPressure: Float64Array;
  fdi: FdiYear;
  /** Diaspora on each candidate route, persons, `diaspora[o * D + k]`. */
  diaspora: Float64Array;
  /** Those of the diaspora who may sponsor family (not on a permit with `family_allowed: false`), `sponsors[o * D + k]`. */
  sponsors: Float64Array;
  /** Candidate destinations of each origin, `dest[o * D + k]`, −1 padded (choice-set.ts). */
  dest: Int32Array;
  D: number;
  keys: { decide: number; smuggle: number; count: number };
  /** The mechanisms switched on (mechanisms.ts). */
  mechanisms: MechanismSwitches;
  /** Refugees (protected statuses) living in each country at the end of last year, persons (host capacity). */
  refugeesHosted: Float64Array;
  /** Labour demand of each country, a share a year (kernels/labour-demand.ts). */
  labourDemand: Float64Array;
  /** Persons of each origin who flee to a kin state this year, apart from the rest (kernels/kin-flight.ts). */
  kinFled?: Float64Array;
  /** Persons of each origin who flee into the retreat of a fallen government this year, apart from the rest (kernels/fall-flight.ts). */
  fallFled?: Float64Array;
  /**
   * Persons of each origin forced to consider flight outside its regions of violence this year, NaN
   * where it has none (kernels/regional-flight.ts): they replace the origin's flight function.
   */
  forcedOutsideRegions?: Float64Array;
}

/** What the move decisions of one year produced (persons and US$, by country). */
export interface MoveOutcome {
  /** By destination: arrivals by channel, `inflow[c * n + j]`. */
  inflow: Float64Array;
  asylumApplications: Float64Array;
  deathsEnRoute: Float64Array;
  intercepted: Float64Array;
  smugglingRevenue: Float64Array;
  smugglingCustomers: Float64Array;
  organisedCrimeRevenue: Float64Array;
  quotaRefused: Float64Array;
  /** By origin. */
  emigration: Float64Array;
  trapped: Float64Array;
  fdiSubstituted: Float64Array;
  potentialMovers: Float64Array;
  /** Mean smuggling price paid by the customers of routes to each destination, US$ (NaN without customers). */
  smugglingPrice: Float64Array;
}

export function newMoveOutcome(n: number): MoveOutcome {
  const z = () => new Float64Array(n);
  return {
    inflow: new Float64Array(CHANNELS.length * n),
    asylumApplications: z(),
    deathsEnRoute: z(),
    intercepted: z(),
    smugglingRevenue: z(),
    smugglingCustomers: z(),
    organisedCrimeRevenue: z(),
    quotaRefused: z(),
    emigration: z(),
    trapped: z(),
    fdiSubstituted: z(),
    potentialMovers: z(),
    smugglingPrice: z(),
  };
}
