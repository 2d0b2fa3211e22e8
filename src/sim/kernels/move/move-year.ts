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
  /** Records one origin's decisions in one year (decision-probe.ts; `regimes choices`); absent in ordinary runs. */
  probe?: DecisionProbe;
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

/** One option (destination × channel) of a mover class. */
export interface ProbedOption {
  destination: string;
  channel: (typeof CHANNELS)[number];
  /** The option's utility for the class, V(j, c) (docs/model.md §3.3); staying is `ascStay`. */
  utility: number;
  /** What the move costs, US$ (fees, travel, the smugglers' price on a smuggled route). */
  cost: number;
  /** Whether the class can pay for it: the cost within its savings (and the network's credit) and, for establishment, its capital. */
  affordable: boolean;
  /** Persons of the class expected to choose it (before the caps). */
  chosen: number;
  /** Share of them the caps admit (the channel's quota, and the route's sponsors on the family channel). */
  admitted: number;
}

/** One mover class of the origin. */
export interface ProbedClass {
  forced: boolean;
  skill: 'low' | 'medium' | 'high';
  /** Savings band, 0 (poorest) to 2. */
  band: number;
  persons: number;
  /** Savings, US$ (the band's multiple of the income per head). */
  savings: number;
  /** Utility of staying (ascStay, less betaViolence for those fleeing). */
  stayUtility: number;
  /** Persons of the class expected to choose a move (before the caps). */
  movers: number;
  /** Options open to the class's skill, best first. */
  options: ProbedOption[];
}

/** What a probe records of its origin and year. */
export interface OriginDecisions {
  year: number;
  origin: string;
  /** Income per head, US$ (at least the floor of origin-pool.ts): what savings and costs are measured against. */
  income: number;
  /** Potential movers: voluntary (the aspiration pool) and forced (those violence forces to consider flight). */
  voluntary: number;
  forced: number;
  classes: ProbedClass[];
}

/** Which origin and year a decision probe records (kernels/move/decision-probe.ts); `result` is filled by the run. */
export interface DecisionProbe {
  origin: number;
  year: number;
  result?: OriginDecisions;
}
