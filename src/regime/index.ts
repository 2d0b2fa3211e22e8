/**
 * The regime language: documents validated against one schema, loaded as a library, resolved at a
 * date, and diffed into coded policy changes.
 */
export * from './schema/common.ts';
export * from './schema/vocabulary.ts';
export * from './schema/expression.ts';
export * from './schema/rule.ts';
export * from './schema/case.ts';
export * from './schema/kinds.ts';
export * from './schema/experiment.ts';
export * from './schema/levers.ts';
export { DERIVED_FACTS, factType } from './check/facts.ts';
export { KIND_LISTING_ORDER, kindRank } from './kind-order.ts';
export { parseSource, LIMITS, type SourceDocument } from './load/yaml-source.ts';
export { validateDocument } from './load/validate-document.ts';
export {
  checkLibrary,
  buildLibrary,
  overlayLibrary,
  type Library,
  type LoadedDocument,
  type SourceFile,
  type LibraryCheck,
} from './load/library.ts';
export { perLibrary } from './load/per-library.ts';
export {
  loadBuiltinLibrary,
  checkWithBuiltins,
  loadWithBuiltins,
  readUserFile,
  builtinFiles,
  builtinFilesExcept,
  builtinNameOf,
  BUILTIN_DIR,
} from './load/files.ts';
export { resolve, requireDate, eventsOf, type ResolvedDocument, type DocumentEvent } from './time/resolve.ts';
export { changesBetween, type PolicyChange } from './time/changes.ts';
export {
  lastEntry,
  documentsCoverTo,
  defaultDate,
  pastLastEntry,
  type PastLastEntry,
} from './time/coverage.ts';
export { interventionAmendments, withInterventions } from './time/interventions.ts';
export { getPath, setPath } from './time/paths.ts';
export { documentJsonSchema } from './json-schema.ts';
export {
  policyUnderRegime,
  explicitPolicies,
  adjust,
  type PolicyUnderRegime,
} from './time/policy-under-regime.ts';
