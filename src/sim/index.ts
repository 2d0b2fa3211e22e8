/**
 * The world model's engine (issue 4): agents at a declared scale, struct-of-arrays state, kernels
 * for the three integration mechanisms of the labour market, decisions, channels, the smuggling
 * market, asylum and removal, transitions, labour market, remittances, return and regional
 * processes; indicators per year by country and for the world. See docs/model.md.
 */
import { ACC_FIELDS } from './accumulators.ts';

export type { IndicatorRow } from './indicators.ts';
export { INDICATORS, compareRows, digestRows } from './indicators.ts';
export type { PolicyTables, UniformPolicy } from './policy-tables.ts';
export { uniformTables, NEOLIBERAL_STANDIN, PROTECTION_CODE } from './policy-tables.ts';
export { standinTablesForYear, tierStandinTables } from './standin-tables.ts';
export type { WorldInput } from './world-input.ts';
export { fromWorld } from './world-input.ts';
export type { Parameters, ParameterInfo, ParameterName } from './parameters.ts';
export type { ParameterRange } from '../shared/parameter-info.ts';
export { PARAMETER_INFO, PARAMETER_RANGES, parameters, checkParameter, CALIBRATED } from './parameters.ts';
export type { ParameterEnsemble, ParameterEnsembleSource } from './parameter-ensemble.ts';
/** The legitimacy index and its parts (docs/model.md §3.13). */
export * from './legitimacy.ts';
export {
  ENSEMBLE_SALT,
  PARAMETER_ENSEMBLE_SOURCES,
  drawFromRanges,
  parameterEnsemble,
} from './parameter-ensemble.ts';
export { BYTES_PER_AGENT } from './state.ts';
export type { Mechanism, MechanismSwitches } from './mechanisms.ts';
export { ALL_MECHANISMS, MECHANISMS, MECHANISM_INFO, mechanismSwitches } from './mechanisms.ts';
export { prepareSimulation } from './prepare.ts';
export type { PrepareOptions } from './prepare.ts';

export type { SimulationHooks, SimulationInput, SimulationResult } from './simulate.ts';
export { checkInput, estimateMemory, simulate } from './simulate.ts';
export type { DecisionProbe, OriginDecisions, ProbedClass, ProbedOption } from './kernels/move/move-year.ts';

/** Internal: the accumulator field count (for docs and benchmarks). */
export const ACCUMULATOR_FIELDS = ACC_FIELDS;
