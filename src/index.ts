/**
 * The library API of Mobility Regimes: what a researcher scripting the tool needs, typed, and the
 * same functions the `regimes` command uses. Grouped in the order data flows (docs/architecture.md
 * §2); each group names the doc that explains it. Everything else in `src/` is internal and may
 * change without notice.
 *
 *   import { loadBuiltinLibrary, resolve, decide } from 'mobility-regimes';
 */

// ── Errors (docs/errors.md) ──────────────────────────────────────────────────
/** A user error carries coded diagnostics (file, line, column, path); `formatDiagnostic` prints one. */
export { UserError, userError, formatDiagnostic, type Diagnostic } from './shared/errors.ts';

// ── Documents: load and check (docs/documents.md) ───────────────────────────
export {
  /** The built-in documents of `regimes/` as one library. */
  loadBuiltinLibrary,
  /** Your files loaded together with the built-ins (throws a UserError listing every problem). */
  loadWithBuiltins,
  /** The same, returning `{ ok, library }` or `{ ok: false, diagnostics }` instead of throwing. */
  checkWithBuiltins,
  /** A library from files given as bytes (`checkLibrary` for the non-throwing form). */
  buildLibrary,
  checkLibrary,
  /** A library with some documents added or replaced (what-if variants of a regime). */
  overlayLibrary,
  /** The JSON Schema of documents, for editors. */
  documentJsonSchema,
  type Library,
  type LoadedDocument,
  type LibraryCheck,
  type SourceFile,
} from './regime/index.ts';
/**
 * The document kinds and their parts, as TypeScript types (the zod schemas stay internal); the kinds
 * in the order listings show them (src/regime/kind-order.ts).
 */
export type {
  RegimeDocument,
  DocumentKind,
  // a regime and the scenario it runs in
  Regime,
  Scenario,
  // what a regime is made of
  Instrument,
  Convention,
  RegionalProcess,
  Agreement,
  Institution,
  // a country's own policy, and changes to a document from a date
  NationalPolicy,
  Amendment,
  // what the rules decide and what the experiments test
  Case,
  Experiment,
  Source,
  Channel,
  Status,
  Right,
  Protection,
  Tier,
} from './regime/index.ts';

// ── Documents at a date (docs/documents.md, "Parameters and history"; "Amendments") ──
export {
  /** A document as in force on a date: its history and the amendments effective by then applied. */
  resolve,
  /** Coded (DEMIG-style) policy changes of a document between two dates. */
  changesBetween,
  /** A country's policy as a regime makes it on a date (own policy or tier default, adjusted). */
  policyUnderRegime,
  type ResolvedDocument,
  type PolicyChange,
  type PolicyUnderRegime,
} from './regime/index.ts';

// ── Rules: decide a case, check a policy (docs/rules.md) ────────────────────
export {
  /** A case under a regime: protection, status, rights, removability, channels, with reasons. */
  decide,
  /** The decision's reasons, numbered, as the CLI prints them. */
  numberedReasons,
  /** A national policy against a convention, criterion by criterion, with a 0–100 score. */
  checkCompliance,
  /** The documents in force on a date, as `checkCompliance` reads them. */
  documentsOnDate,
  /** Compliance reports ranked by score. */
  rankReports,
  /** A regime compiled into the engine's policy tables for a date and a list of countries. */
  compilePolicyTables,
  type Decision,
  type DecideOptions,
  type Reason,
  type ComplianceReport,
  type CriterionReport,
} from './rules/index.ts';

// ── World data (docs/world-data.md) ─────────────────────────────────────────
export {
  /** The shipped world data (`data/world/`) assembled for a span of years. */
  loadWorld,
  type World,
  type YearSpan,
} from './world/index.ts';

// ── The engine (docs/model.md) ───────────────────────────────────────────────
export {
  /** A simulation input from a scenario or a regime: world, compiled tables, every check done. */
  prepareSimulation,
  /** Runs the world model over the input's years; rows, digest and agents out. */
  simulate,
  /** The parameters' values (with replacements checked against their ranges) and provenance. */
  parameters,
  PARAMETER_INFO,
  /** Every indicator the engine writes, with its unit and definition. */
  INDICATORS,
  /** SHA-256 over rows in canonical order: the engine digest. */
  digestRows,
  type PrepareOptions,
  type SimulationInput,
  type SimulationResult,
  type SimulationHooks,
  type IndicatorRow,
  type Parameters,
  type ParameterName,
  type ParameterInfo,
} from './sim/index.ts';

// ── Runs and comparisons, stored (docs/results.md) ──────────────────────────
/** One run end to end: checked, simulated on worker threads, stored, exported when asked. */
export { executeRun, type RunOptions, type RunSummary } from './ensemble/execute-run.ts';
/** Regimes compared over seeds: ensembles, paired differences with intervals, stored. */
export {
  executeComparison,
  type CompareOptions,
  type ComparisonSummary,
} from './ensemble/execute-compare.ts';

// ── The results store (docs/results.md, "The results store") ──────────────
export {
  /** The DuckDB results store: runs, their rows, comparisons, experiments. */
  ResultStore,
  /** The store file a command would use (`--store`, `REGIMES_STORE`, or the default). */
  resolveStoreFile,
  DEFAULT_STORE_FILE,
  /** A stored run or comparison written again as CSV and Parquet. */
  exportRun,
  exportComparison,
  type RunRecord,
  type ComparisonRecord,
  type StatRow,
  type ExperimentRecord,
} from './store/index.ts';

// ── Experiments: the seed's claims (docs/experiments.md) ────────────────────
/** An experiment document run: verdict, effects with intervals, audit, sensitivity; stored. */
export { runExperiment, type ExperimentRequest, type ExperimentResult } from './experiments/execute.ts';

// ── Forced displacement, Flee-compatible (docs/displacement.md) ─────────────
export {
  /** A Flee-format conflict directory read and checked. */
  loadScenario,
  /** The displacement model over a scenario. */
  runModel,
  /** A conflict run over seeds, validated against UNHCR camp counts (averaged relative difference). */
  runDisplacement,
  /** The averaged relative difference of simulated against observed camp counts. */
  computeArd,
  /** Regime levers (border closures, camp capacity, asylum doctrine) from a file or a regime. */
  readLeversFile,
  resolveLevers,
  type FleeScenario,
  type ModelOptions,
  type ModelResult,
  type DisplacementRun,
  type DisplacementLevers,
} from './displacement/index.ts';
