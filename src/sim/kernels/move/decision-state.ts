/**
 * What a year's decisions keep while they run, declared once: the options of the origin being
 * decided, what a mover of each origin pays and risks on each option, the demand on each capped
 * channel and the share of it admitted, and each mover class's option weights, which the demand
 * pass computes and the draw pass reads again. The functions that fill and read these arrays are in
 * options.ts (options and utilities), demand.ts (demand and the caps) and draws.ts (the mover agents).
 *
 * An origin's options are its candidate destinations × the channels, `q = k × C + c`.
 */
import { CHANNELS } from '../../../regime/schema/vocabulary.ts';
import type { Parameters } from '../../parameters.ts';
import type { SlotAllocator } from '../../slots.ts';
import type { FieldArrays } from '../../typed-fields.ts';
import { allocateFields } from '../../typed-fields.ts';
import type { MoveOutcome, MoveYear } from './move-year.ts';

/** Channels. */
export const C = CHANNELS.length;

/** Mover classes of an origin: forced or not × 3 skills × 3 savings bands, `class = (forced × 3 + skill) × 3 + band`. */
export const CLASSES = 18;

/** Per option of the origin being decided, `[q]` (rewritten origin by origin). */
const OPTION_FIELDS = {
  /** Class-independent utility (NaN: closed). */
  base: [Float64Array],
  /** What the move costs, US$ (fees, travel, the smugglers' price), and its utility term betaCost × ln(1 + cost / income). */
  cost: [Float64Array],
  costTerm: [Float64Array],
  /** The same for a mover fleeing violence across a land border on foot (mass influx: no travel cost). */
  flightCost: [Float64Array],
  flightCostTerm: [Float64Array],
  /** Utility only those fleeing get there: the country of first asylum's capacity (asylum channel). */
  flightTerm: [Float64Array],
  /** 1: open only to those fleeing (group recognition where the asylum channel is closed). */
  flightOnly: [Uint8Array],
  /** The route's diaspora, and those of it who may sponsor family, persons. */
  diaspora: [Float64Array],
  sponsors: [Float64Array],
  /** Chance of protection for an asylum option, `[2q]` not forced, `[2q + 1]` forced. */
  recognition: [Float64Array, 2],
  /** FDI presence of the destination in the origin (transfers and services), else 1. */
  presence: [Float64Array],
  /** Skills the option's channel admits (bit mask, policy tables) and the capital it asks (establishment). */
  skills: [Uint8Array],
  capital: [Float64Array],
  /** log of the expected wage there, by skill, `[3q + skill]`. */
  logWage: [Float64Array, 3],
  /** The class-independent part of the log eligibility (family sponsors, FDI presence). */
  logPresence: [Float64Array],
  /** One skill's option weights before the savings bands' limits, and whether the option is open to it. */
  skillWeight: [Float64Array],
  skillOpen: [Uint8Array],
  /** A class's weights (after rationing in the draw pass) and their running sum (a mover's option is found by bisection). */
  weights: [Float64Array],
  cumulative: [Float64Array],
  /** Expected persons of the origin choosing each option. */
  demand: [Float64Array],
  /** The options open at all (a utility), in option order: the first `openCount` entries. */
  open: [Int32Array],
} as const;

/** Per origin and option, `[o × optCount + q]`: what a mover pays and risks there (read by the draw pass). */
const ROUTE_FIELDS = {
  /** Destination (−1: no candidate). */
  dest: [Int32Array],
  /** 1 when the journey goes through the smuggling market. */
  smuggled: [Uint8Array],
  death: [Float64Array],
  interception: [Float64Array],
  price: [Float64Array],
  /** Share of the smugglers' revenue that goes to organised crime. */
  organisedCrime: [Float64Array],
  /** 1: those fleeing who arrive here are recognised as refugees as a group (prima facie; mass-influx mechanism). */
  groupRecognition: [Uint8Array],
} as const;

/** Per origin, class and option, `[(o × CLASSES + class) × optCount + q]`. */
const CLASS_OPTION_FIELDS = {
  /** The class's option weights within its capabilities (the demand pass's, kept for the draw pass). */
  classWeight: [Float64Array],
} as const;

/** Per origin and class, `[o × CLASSES + class]`. */
const CLASS_FIELDS = {
  /** Sum of the class's option weights. */
  weightSum: [Float64Array],
} as const;

/** Per destination and channel, `[j × C + c]`. */
const CHANNEL_FIELDS = {
  /** Demand on the channel after the family caps, persons. */
  demand: [Float64Array],
  /** Share of that demand the channel's quota admits. */
  admission: [Float64Array, 1, 1],
} as const;

/** Per candidate route, `[o × D + k]`. */
const CANDIDATE_FIELDS = {
  /** Share of the family demand the route's sponsors admit. */
  familyAdmission: [Float64Array, 1, 1],
} as const;

/** The state of one year's decisions. */
export interface DecisionState {
  readonly y: MoveYear;
  readonly p: Parameters;
  /** Countries, candidate destinations per origin, options per origin (D × C). */
  readonly n: number;
  readonly D: number;
  readonly optCount: number;
  /** Destination-region constant of each country (UN region; calibrated on the regional stocks). */
  readonly destAsc: Float64Array;
  /** log of the wage a mover expects at each destination through each channel, `[(j × C + c) × 3 + skill]`. */
  readonly logWageAbroad: Float64Array;
  /** The capacity term of each country of first asylum for those fleeing (options.ts, `hostCapacityTerms`). */
  readonly capacityTerm: Float64Array;
  /** betaLabourDemand × the labour demand of each destination / 0.01 (kernels/labour-demand.ts). */
  readonly demandTerm: Float64Array;
  readonly option: FieldArrays<typeof OPTION_FIELDS>;
  /** How many options of the current origin are open (`option.open`). */
  openCount: number;
  readonly route: FieldArrays<typeof ROUTE_FIELDS>;
  readonly classOption: FieldArrays<typeof CLASS_OPTION_FIELDS>;
  readonly moverClass: FieldArrays<typeof CLASS_FIELDS>;
  readonly channel: FieldArrays<typeof CHANNEL_FIELDS>;
  readonly candidate: FieldArrays<typeof CANDIDATE_FIELDS>;
  /** Where the mover agents go, and the year's outcome. */
  readonly slots: SlotAllocator;
  readonly out: MoveOutcome;
  /** Mover agents drawn so far this year: the counter of their random draws. */
  counter: number;
}

/** The state of a year's decisions, with every array allocated. */
export function newDecisionState(
  y: MoveYear,
  sink: { slots: SlotAllocator; out: MoveOutcome },
  derived: {
    destAsc: Float64Array;
    logWageAbroad: Float64Array;
    capacityTerm: Float64Array;
    demandTerm: Float64Array;
  },
): DecisionState {
  const n = y.world.iso3.length;
  const optCount = y.D * C;
  return {
    y,
    p: y.params,
    n,
    D: y.D,
    optCount,
    destAsc: derived.destAsc,
    logWageAbroad: derived.logWageAbroad,
    capacityTerm: derived.capacityTerm,
    demandTerm: derived.demandTerm,
    option: allocateFields(OPTION_FIELDS, optCount),
    openCount: 0,
    route: allocateFields(ROUTE_FIELDS, n * optCount),
    classOption: allocateFields(CLASS_OPTION_FIELDS, n * CLASSES * optCount),
    moverClass: allocateFields(CLASS_FIELDS, n * CLASSES),
    channel: allocateFields(CHANNEL_FIELDS, n * C),
    candidate: allocateFields(CANDIDATE_FIELDS, n * y.D),
    slots: sink.slots,
    out: sink.out,
    counter: 0,
  };
}
