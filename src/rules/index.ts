/**
 * The rules engine: cases decided with cited reasons, policies checked against conventions, case
 * tests, and the rules compiled into the simulation's policy tables.
 */
export {
  evaluate,
  operand,
  lookupPath,
  factsRead,
  sameValue,
  newReads,
  type Value,
  type Lookup,
  type Env,
  type Truth,
  type Reads,
  type ParamValue,
} from './evaluate.ts';
export {
  regimeView,
  documentsOnDate,
  policySource,
  type RegimeView,
  type DocumentsOnDate,
  type Component,
  type AgreementInForce,
} from './regime-view.ts';
export {
  caseContext,
  decidingState,
  readmissionAgreements,
  paramLookup,
  caseEnv,
  type CaseContext,
} from './derived-facts.ts';
export { readHistory, yearsBetween, statusOfChannel, type Residence, type FailedReturn } from './history.ts';
export {
  decideFields,
  conclusionFields,
  ruleRef,
  type EvaluatedRule,
  type FieldResult,
} from './exceptions.ts';
export {
  runRules,
  decideProtection,
  fieldFromRules,
  type RuleRun,
  type Decided,
  type Conflict,
} from './protection.ts';
export { decideRemoval, type RemovalOut } from './removal.ts';
export {
  channelAccess,
  personQualifies,
  decideChannels,
  asylumOpen,
  type ChannelAccess,
  type ChannelsOut,
} from './channels.ts';
export {
  statusFromHistory,
  transitionsOf,
  settlingStatuses,
  LAWFUL,
  type TransitionsOut,
  type SettledStatus,
} from './transitions.ts';
export { statusRights, rightsIndex } from './rights.ts';
export {
  decide,
  decideInView,
  protectionStatus,
  UNDETERMINED,
  type Decision,
  type DecideOptions,
} from './decide.ts';
export { formatCitation, numberedReasons, formatValues, reason, type Reason } from './explanation.ts';
export {
  checkCompliance,
  rankReports,
  CRITERION_RESULTS,
  type ComplianceReport,
  type CriterionReport,
  type CriterionResult,
} from './compliance.ts';
export {
  compareExpectation,
  regimeFromPath,
  formatDifference,
  casesWithExpect,
  type Difference,
  type CaseTestResult,
} from './case-tests.ts';
export {
  compilePolicyTables,
  standardCase,
  STANDARD_CLAIMS,
  CLAIM_TYPES,
  PROTECTION_CODES,
  type PolicyTables,
} from './tables.ts';
export { AFRICA, LATIN_AMERICA, originRegion } from './geography.ts';
export { tierInWorld } from './tiers.ts';
