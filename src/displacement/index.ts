/** Forced displacement: Flee-compatible scenarios, the model, validation and regime levers. */
export { parseCsv, parseDate, formatDate, interpolate, addTimeSeries, locationKind } from './flee-csv.ts';
export {
  readLocations,
  readRoutes,
  readClosures,
  readConflicts,
  readSimPeriod,
  readRegistrationCorrections,
  readDataLayout,
  readTimeSeries,
} from './flee-csv.ts';
export type {
  CsvRow,
  LocationRow,
  LocationKind,
  RouteRow,
  ClosureRow,
  ClosureType,
  ConflictTable,
  SimPeriod,
  RegistrationCorrection,
  DataLayoutRow,
  TimeSeries,
} from './flee-csv.ts';
export { readSettings, FLEE_DEFAULTS } from './settings.ts';
export { tolerance, tolerate, formatWarning } from './tolerance.ts';
export type { Tolerance, Irregularity, FleeWarning } from './tolerance.ts';
export type { FleeSettings } from './settings.ts';
export { loadScenario, isCampKind } from './scenario.ts';
export type { FleeScenario, LoadOptions } from './scenario.ts';
export { runModel, plannedAgents, RULES } from './model.ts';
export type { ModelOptions, ModelResult, RuleSet, RuleSwitches } from './model.ts';
export { computeArd, round4, meanSd } from './validation.ts';
export type { Ard, ArdInput } from './validation.ts';
export { outCsv, pyFloat } from './out-csv.ts';
export { DisplacementLeversSchema, DOCTRINES, resolveLevers, readLeversFile, noLevers } from './levers.ts';
export type { DisplacementLevers, ResolvedLevers, AsylumDoctrine } from './levers.ts';
export { runDisplacement, writeOutputs, freshOutDir, summarize } from './run.ts';
export type { DisplacementRun, SeedRun, RunOptions } from './run.ts';
export { FLEE_ARD, fleeReferenceArd } from './flee-reference.ts';
