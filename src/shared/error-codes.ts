/**
 * Every error code, declared once: the section of docs/errors.md it is listed in, the HTTP status
 * the API answers it with, the exit code the CLI ends with, and what it means. The API
 * (`src/server/app.ts`) and the CLI (`src/cli/program.ts`) take statuses and exit codes from here,
 * and docs/errors.md is rendered from it (`src/shared/errors-doc.ts`; a test compares them). A code
 * is never reused for another meaning.
 */

/** What is known of an error code. */
export interface ErrorCodeInfo {
  /** The section of docs/errors.md (a key of `ERROR_SECTIONS`). */
  section: keyof typeof ERROR_SECTIONS;
  /** HTTP status of an API answer with this code; null for codes the API never answers with. */
  status: number | null;
  /** Exit code of the CLI: 1 a user error, 2 a usage error, 3 a fault of the program. */
  exit: 1 | 2 | 3;
  /** What it means, in one line (the message's template: the message says the same of the case at hand). */
  meaning: string;
}

/** The sections of docs/errors.md, in order: their titles and an optional note under the title. */
export const ERROR_SECTIONS = {
  reading: { title: 'Reading files' },
  writing: { title: 'Writing files' },
  yaml: { title: 'YAML' },
  documents: { title: 'Documents' },
  conditions: { title: 'Conditions (the expression tree)' },
  references: { title: 'Between documents' },
  commands: { title: 'Commands' },
  rules: { title: 'Rules and cases (see [rules.md](rules.md))' },
  engine: { title: 'The world model engine (`src/sim`, see [model.md](model.md))' },
  world: { title: 'World data (`src/world`, see [world-data.md](world-data.md))' },
  displacement: { title: 'Displacement (Flee-format scenarios, see [displacement.md](displacement.md))' },
  store: { title: 'Runs, comparisons and the results store (see [results.md](results.md))' },
  http: {
    title: 'HTTP API (`regimes serve`)',
    note: 'Every API error is JSON `{ statusCode, code, message, diagnostics?, errorId? }` with the HTTP status listed for its code in this file (docs/api.md); errors of the regime language, the rules and the store answer with the status of their own code.',
  },
  experiments: { title: 'Experiments and reports (see [experiments.md](experiments.md))' },
  distributed: { title: 'Distributed ensembles (see [scale.md](scale.md))' },
} as const satisfies Record<string, { title: string; note?: string }>;

/** Every error code. */
export const ERROR_CODES = {
  E_FILE_NOT_FOUND: {
    section: 'reading',
    status: 400,
    exit: 1,
    meaning: 'the named file does not exist or cannot be read',
  },
  E_NOT_A_FILE: {
    section: 'reading',
    status: 400,
    exit: 1,
    meaning:
      'the path names a folder or a device, not a regular file (to read; or in the way of an output file)',
  },
  E_FILE_TOO_LARGE: {
    section: 'reading',
    status: 400,
    exit: 1,
    meaning:
      'the file is over its size limit (documents and levers files 1 MB, Flee input files 10 MB), refused before it is read',
  },
  E_BINARY_FILE: {
    section: 'reading',
    status: 400,
    exit: 1,
    meaning: 'the file contains NUL bytes: not a YAML text',
  },
  E_NOT_UTF8: { section: 'reading', status: 400, exit: 1, meaning: 'the file is not valid UTF-8' },
  E_TOO_MANY_DOCUMENTS: {
    section: 'reading',
    status: 400,
    exit: 1,
    meaning: 'more than 500 YAML documents in one file',
  },
  E_EMPTY_FILE: {
    section: 'reading',
    status: 400,
    exit: 1,
    meaning: 'the file holds no document: it is empty, or holds only comments and `---` markers',
  },
  E_OUT_EXISTS: {
    section: 'writing',
    status: 400,
    exit: 1,
    meaning:
      'an output file exists that regimes did not write, or that was changed since it wrote it: refused before any work (each output folder keeps a manifest, `.regimes-outputs.json`); `--force` overwrites it',
  },
  E_EXPORT_DIR: {
    section: 'writing',
    status: 400,
    exit: 1,
    meaning: 'an output folder cannot be made or written (a file is in the way, no permission)',
  },
  E_YAML_SYNTAX: {
    section: 'yaml',
    status: 400,
    exit: 1,
    meaning: "the YAML parser's own error, at its position",
  },
  E_DUPLICATE_KEY: {
    section: 'yaml',
    status: 400,
    exit: 1,
    meaning: 'a mapping has the same key twice (never silently dropped)',
  },
  E_ALIAS_LIMIT: {
    section: 'yaml',
    status: 400,
    exit: 1,
    meaning: 'more than 100 alias expansions: a possible alias bomb, refused',
  },
  E_TOO_DEEP: {
    section: 'yaml',
    status: 400,
    exit: 1,
    meaning: 'nesting deeper than 64 levels (in a YAML file, or in a JSON request body)',
  },
  E_TOO_MANY_KEYS: {
    section: 'yaml',
    status: 400,
    exit: 1,
    meaning: 'more than 10,000 mapping keys in one file (or JSON body)',
  },
  E_TOO_MANY_NODES: {
    section: 'yaml',
    status: 400,
    exit: 1,
    meaning: 'more than 50,000 values (mappings, lists, scalars) in one file (or JSON body)',
  },
  E_NOT_A_DOCUMENT: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'the YAML document is not a mapping',
  },
  E_UNKNOWN_KIND: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: '`kind` is not one of the document kinds',
  },
  E_MISSING_FIELD: { section: 'documents', status: 400, exit: 1, meaning: 'a required field is absent' },
  E_UNKNOWN_FIELD: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a field the kind does not have (a misspelling, usually)',
  },
  E_WRONG_TYPE: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a value of the wrong type (a string where a boolean is expected…)',
  },
  E_INVALID_VALUE: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a value outside a closed vocabulary (channels, statuses, rights, tests…)',
  },
  E_INVALID_FORMAT: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a value in the wrong format (an id, a country code, a date)',
  },
  E_INVALID: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning:
      'any other constraint (a share above 1, a negative quota, a date that does not exist, a source citing nothing)',
  },
  E_VALIDITY_ORDER: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a validity, membership or component ends before it starts',
  },
  E_HISTORY_BEFORE_VALIDITY: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a dated change before the document is in force',
  },
  E_HISTORY_ORDER: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'history entries not oldest first',
  },
  E_UNKNOWN_PATH: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a dated change, amendment or adjustment sets a field that does not exist',
  },
  E_OUT_OF_RANGE: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'a value outside the range the document allows (an intervention year outside the scenario)',
  },
  E_DUPLICATE_RULE: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'two rules of a document share an id',
  },
  E_DUPLICATE_CRITERION: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'two criteria of a convention share an id',
  },
  E_DUPLICATE_ARM: {
    section: 'documents',
    status: 400,
    exit: 1,
    meaning: 'two arms of an experiment share an id',
  },
  E_BAD_EXPRESSION: {
    section: 'conditions',
    status: 400,
    exit: 1,
    meaning: 'a mapping that is not an expression: unknown operator, or more than one operator key',
  },
  E_EXPRESSION_TYPE: {
    section: 'conditions',
    status: 400,
    exit: 1,
    meaning:
      "an unknown fact or parameter, a comparison of unlike types, a literal outside the fact's vocabulary, a non-boolean used as a condition",
  },
  E_CIRCULAR_EXCEPTION: {
    section: 'conditions',
    status: 400,
    exit: 1,
    meaning: 'rules that are exceptions of each other in a circle',
  },
  E_DUPLICATE_ID: {
    section: 'references',
    status: 400,
    exit: 1,
    meaning: 'two documents share an id (the message says where the first is)',
  },
  E_DANGLING_REFERENCE: {
    section: 'references',
    status: 400,
    exit: 1,
    meaning: 'a reference to a document, rule, label or parameter that does not exist (with a suggestion)',
  },
  E_WRONG_REFERENCE_KIND: {
    section: 'references',
    status: 400,
    exit: 1,
    meaning: 'a reference to a document of a kind that cannot stand there',
  },
  E_CIRCULAR_REFERENCE: {
    section: 'references',
    status: 400,
    exit: 1,
    meaning: 'documents that refer to each other in a circle',
  },
  E_CIRCULAR_AMENDMENT: {
    section: 'references',
    status: 400,
    exit: 1,
    meaning: 'amendments that amend each other in a circle',
  },
  E_UNKNOWN_ID: {
    section: 'commands',
    status: 404,
    exit: 1,
    meaning: 'no document with this id (with a suggestion)',
  },
  E_BAD_DATE: {
    section: 'commands',
    status: 400,
    exit: 1,
    meaning: 'a date option that is not a calendar date, or a range that ends before it starts',
  },
  E_WORLD_YEAR: { section: 'commands', status: 400, exit: 1, meaning: 'a year outside the world data' },
  E_CHOICES_ORIGIN: {
    section: 'commands',
    status: 400,
    exit: 1,
    meaning:
      '`regimes choices --origin`: not a country of the world model, or one without population in the year',
  },
  E_USER: { section: 'commands', status: 400, exit: 1, meaning: 'a user error without a more specific code' },
  E_NOT_IN_FORCE: {
    section: 'rules',
    status: 400,
    exit: 1,
    meaning:
      'the regime is not in force on the decision date (a case dated before it began): no decision under it',
  },
  E_NO_CASE: {
    section: 'rules',
    status: 400,
    exit: 1,
    meaning: 'the file given as a case holds no document of kind Case',
  },
  E_NO_POLICY: {
    section: 'rules',
    status: 400,
    exit: 1,
    meaning: 'the file given as a policy holds no document of kind NationalPolicy',
  },
  E_NO_PROTECTION_TEST: {
    section: 'rules',
    status: 400,
    exit: 1,
    meaning: 'a policy lists a protection test that no instrument in the library provides',
  },
  E_UNKNOWN_TIER: {
    section: 'rules',
    status: 400,
    exit: 1,
    meaning: 'the world data gives no tier for the deciding state that year (pass `--tier`)',
  },
  E_CASES_FAILED: {
    section: 'rules',
    status: 400,
    exit: 1,
    meaning: '`regimes cases`: some case tests did not give their expected outcome',
  },
  E_SIM_MEMORY: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'the requested scale would not fit in memory (the message names the smallest scale that fits)',
  },
  E_SIM_YEAR: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'a year range outside the data or ending before it starts',
  },
  E_SIM_SCALE: { section: 'engine', status: 400, exit: 1, meaning: 'a scale below 1 person per agent' },
  E_SIM_MECHANISM: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning:
      'an unknown mechanism named to switch off (`regimes fit --without`; the names are in docs/model.md §3.15)',
  },
  E_SIM_PARAMETER: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning:
      'a model parameter set outside the values the model is defined for (its `range` in src/sim/parameters.ts or src/institutions/parameters.ts, listed in docs/model.md §4 and docs/experiments.md), or not a finite number',
  },
  E_CALIBRATE_OPTION: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning:
      'an option of the calibration tool (src/sim/calibrate.ts) that it does not know, without its value, a number out of range, a `--start` that is not a JSON object, or held-out seeds (`--check-seeds`) that the search also runs',
  },
  E_SIM_SEED: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'a seed that is not an integer 0…4294967295',
  },
  E_SIM_THREADS: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'a thread count that is not an integer 1…256',
  },
  E_SIM_REGIME: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'an unknown regime, or one the scenario cannot run',
  },
  E_SIM_TABLES: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'the policy-table compiler is not available',
  },
  E_CHECKPOINT_NOT_FOUND: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'no checkpoint for the run to resume',
  },
  E_CHECKPOINT_CORRUPT: {
    section: 'engine',
    status: 400,
    exit: 1,
    meaning: 'a checkpoint file that is damaged or belongs to another run',
  },
  E_WORLD_CSV: {
    section: 'world',
    status: 400,
    exit: 1,
    meaning: 'malformed CSV (wrong number of cells, unclosed quote, missing column): `FILE:LINE`',
  },
  E_WORLD_VALUE: {
    section: 'world',
    status: 400,
    exit: 1,
    meaning: 'a cell that should be a number or a year is not: `FILE:LINE`',
  },
  E_WORLD_COUNTRY: {
    section: 'world',
    status: 400,
    exit: 1,
    meaning: 'unknown country or Gleditsch–Ward code',
  },
  E_WORLD_HELD_OUT: {
    section: 'world',
    status: 400,
    exit: 1,
    meaning: 'a migrant-stock year after 2005 (held out from development)',
  },
  E_WORLD_DERIVED: {
    section: 'world',
    status: 400,
    exit: 1,
    meaning: 'the derived world file is not JSON or has another format version',
  },
  E_FLEE_MISSING_FILE: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'an input file the scenario needs is missing',
  },
  E_FLEE_ROW: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a malformed row or a file without the rows it needs: `FILE:LINE`',
  },
  E_FLEE_COLUMNS: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a row with the wrong number of columns: `FILE:LINE`',
  },
  E_FLEE_DUPLICATE: { section: 'displacement', status: 400, exit: 1, meaning: 'a location defined twice' },
  E_FLEE_UNKNOWN_LOCATION: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a route, closure or conflict naming a location or country not in locations.csv',
  },
  E_FLEE_DATE: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a bad date, or dates out of order',
  },
  E_FLEE_SETTINGS: { section: 'displacement', status: 400, exit: 1, meaning: 'a bad simsetting.yml value' },
  E_FLEE_UNSUPPORTED: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning:
      'a scenario that switches on a Flee rule the model does not implement (flood rules, conflict-driven spawning, take_from_population, capacity_per_day …): refused, not run as a different model',
  },
  E_FLEE_ENCODING: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a warning: a byte-order mark at the start of a file, skipped',
  },
  E_FLEE_LINE_ENDS: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a warning: Windows line ends (CRLF), read as line ends',
  },
  E_FLEE_SPAWN: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'people to spawn on a day with no active conflict zone that has a population',
  },
  E_LEVERS: {
    section: 'displacement',
    status: 400,
    exit: 1,
    meaning: 'a bad levers file (regime levers for a displacement scenario)',
  },
  E_RUN_OPTION: {
    section: 'store',
    status: 400,
    exit: 1,
    meaning:
      'a bad `--seed`, `--seeds`, `--scale`, `--threads`, `--regimes` or `--top` value (not a number, out of range, a regime listed twice, fewer than two regimes)',
  },
  E_STORE_MISSING: {
    section: 'store',
    status: 404,
    exit: 1,
    meaning:
      'reading a results store that does not exist (run `regimes run` first, or name it with `--store` / `REGIMES_STORE`)',
  },
  E_STORE_BUSY: {
    section: 'store',
    status: 503,
    exit: 1,
    meaning:
      'another process held the results store for longer than the wait (30 s to read, 10 min to write; `REGIMES_STORE_WAIT` in seconds): DuckDB lets one process write the file, and writers hold it only while they append a finished result',
  },
  E_STORE_OPEN: {
    section: 'store',
    status: 400,
    exit: 1,
    meaning: 'the file is not a results store DuckDB can open (not a database, cut short, damaged)',
  },
  E_STORE_VERSION: {
    section: 'store',
    status: 400,
    exit: 1,
    meaning: 'the results store has another layout version',
  },
  E_BAD_FILTER: {
    section: 'store',
    status: 400,
    exit: 1,
    meaning: 'a row filter (indicators, countries, years, kind) with a value of the wrong shape',
  },
  E_STORE_RUN: { section: 'store', status: 404, exit: 1, meaning: 'no run with this id in the store' },
  E_STORE_COMPARISON: {
    section: 'store',
    status: 404,
    exit: 1,
    meaning: 'no comparison with this id in the store',
  },
  E_STORE_EXPERIMENT: {
    section: 'store',
    status: 404,
    exit: 1,
    meaning: 'no stored experiment with this id or name (run `regimes experiment NAME` first)',
  },
  E_BAD_REQUEST: {
    section: 'http',
    status: 400,
    exit: 1,
    meaning:
      'a body or query parameter of the wrong shape (every problem listed in `diagnostics` with its path)',
  },
  E_BAD_JSON: { section: 'http', status: 400, exit: 1, meaning: 'the body is not valid JSON' },
  E_BAD_ID: {
    section: 'http',
    status: 400,
    exit: 1,
    meaning: 'an id or name in the address is not of the expected shape (path-traversal attempts end here)',
  },
  E_PATH_OUTSIDE: {
    section: 'http',
    status: 403,
    exit: 1,
    meaning: "a path would leave the server's data folder (or `regimes/` for document sources)",
  },
  E_INVALID_DOCUMENT: {
    section: 'http',
    status: 400,
    exit: 1,
    meaning: "a posted case or policy does not validate; `diagnostics` gives each problem's line and column",
  },
  E_BODY_TOO_LARGE: {
    section: 'http',
    status: 413,
    exit: 1,
    meaning: 'the request body is over the limit (about 1 MB)',
  },
  E_TOO_MANY_ROWS: {
    section: 'http',
    status: 413,
    exit: 1,
    meaning: 'more result rows match than one JSON answer carries: filter, or use the export',
  },
  E_UNSUPPORTED_MEDIA_TYPE: {
    section: 'http',
    status: 415,
    exit: 1,
    meaning: 'a body that is neither JSON nor YAML',
  },
  E_TOKEN_MISSING: {
    section: 'http',
    status: 401,
    exit: 1,
    meaning: 'a request that writes or starts work came without the token',
  },
  E_TOKEN_WRONG: { section: 'http', status: 403, exit: 1, meaning: "the token sent is not this server's" },
  E_BAD_TOKEN: {
    section: 'http',
    status: null,
    exit: 2,
    meaning:
      '`--token` / `REGIMES_TOKEN` is shorter than 16 characters or has spaces (`regimes serve` exits 2)',
  },
  E_NOT_FOUND: { section: 'http', status: 404, exit: 1, meaning: 'no such route' },
  E_UNKNOWN_JOB: {
    section: 'http',
    status: 404,
    exit: 1,
    meaning: "no job with this id in this server's life",
  },
  E_UNKNOWN_RUN: {
    section: 'http',
    status: 404,
    exit: 1,
    meaning: 'no stored run or comparison with this id',
  },
  E_UNKNOWN_SERIES: { section: 'http', status: 404, exit: 1, meaning: 'no world data series of this name' },
  E_QUEUE_FULL: {
    section: 'http',
    status: 429,
    exit: 1,
    meaning: 'as many runs are running and waiting as the server allows: try again when one ends',
  },
  E_BUSY: {
    section: 'http',
    status: 503,
    exit: 1,
    meaning: 'more requests are waiting for a task worker than the server queues (64): try again shortly',
  },
  E_TASK_TIMEOUT: {
    section: 'http',
    status: 503,
    exit: 1,
    meaning: "the request's work ran longer than 60 s and was stopped (its worker is replaced)",
  },
  E_ENGINE_UNAVAILABLE: {
    section: 'http',
    status: 503,
    exit: 1,
    meaning: 'the simulation engine is not built in',
  },
  E_SHUTTING_DOWN: {
    section: 'http',
    status: 503,
    exit: 1,
    meaning: 'the server is stopping; a job still waiting when it stopped fails with this code',
  },
  E_JOB_FAILED: {
    section: 'http',
    status: null,
    exit: 1,
    meaning: "a job failed with an error that had no code of its own (the job's `error`)",
  },
  E_LIBRARY_BROKEN: {
    section: 'http',
    status: 500,
    exit: 1,
    meaning: 'a built-in document does not load (a packaging fault; `diagnostics` says where)',
  },
  E_INTERNAL: {
    section: 'http',
    status: 500,
    exit: 3,
    meaning:
      "a fault of the program, not of the input: the CLI prints one line and exits 3 (`REGIMES_DEBUG=1` prints where it happened); the API answers with an `errorId` that the server log's line has too",
  },
  E_PORT_IN_USE: {
    section: 'http',
    status: null,
    exit: 1,
    meaning: '`regimes serve --port P`: the port is taken (exit 1)',
  },
  E_BAD_HOST: {
    section: 'http',
    status: null,
    exit: 1,
    meaning: '`regimes serve --host H`: cannot listen on that address (exit 1)',
  },
  E_EXPERIMENT_UNKNOWN: {
    section: 'experiments',
    status: 404,
    exit: 1,
    meaning: 'no experiment document with this name (`regimes list` shows the experiments)',
  },
  E_EXPERIMENT_PARAMETER: {
    section: 'experiments',
    status: 400,
    exit: 1,
    meaning:
      "an arm or the sensitivity analysis names a parameter that is neither the engine's nor the institutions layer's, gives it a value that is not a finite number, or varies one that every arm sets",
  },
  E_EXPERIMENT_CONFIDENCE: {
    section: 'experiments',
    status: 400,
    exit: 1,
    meaning: "the criterion asks for a confidence the ensemble's intervals do not have (they are 90%)",
  },
  E_EXPERIMENT_SENSITIVITY: {
    section: 'experiments',
    status: 400,
    exit: 1,
    meaning: 'the sensitivity method is not implemented (Morris is; Sobol is not yet)',
  },
  E_EXPERIMENT_SEEDS: {
    section: 'experiments',
    status: 400,
    exit: 1,
    meaning: 'fewer than two seeds: no interval, no verdict',
  },
  E_REPORT_TARGET: {
    section: 'experiments',
    status: 400,
    exit: 1,
    meaning: '`regimes report` was given something that is not a stored run, comparison or experiment',
  },
  E_REPORT_OUT: {
    section: 'experiments',
    status: 400,
    exit: 1,
    meaning: "the report's output file cannot be written (missing folder, not an `.html` name)",
  },
  E_DIST_BACKEND: {
    section: 'distributed',
    status: 400,
    exit: 1,
    meaning: '`--backend` is neither `local` nor `bullmq`, or `--backend bullmq` came without `--redis URL`',
  },
  E_DIST_REDIS_URL: {
    section: 'distributed',
    status: 400,
    exit: 1,
    meaning: '`--redis` is not a `redis://` or `rediss://` URL with a host',
  },
  E_DIST_REDIS: {
    section: 'distributed',
    status: 400,
    exit: 1,
    meaning: 'Redis does not answer at that URL (nothing was submitted)',
  },
  E_DIST_QUEUE: {
    section: 'distributed',
    status: 400,
    exit: 1,
    meaning: '`--queue` has characters other than letters, digits, `.`, `-` and `_`',
  },
  E_DIST_VERSION: {
    section: 'distributed',
    status: 400,
    exit: 1,
    meaning:
      'a worker refused a member job submitted by another code version (results would not match a local run); the member is reported missing',
  },
  E_ENSEMBLE_INCOMPLETE: {
    section: 'distributed',
    status: 400,
    exit: 1,
    meaning:
      'some members of an ensemble failed on every attempt: each is named with its last error, nothing is stored, and running the same command again retries only those',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

/** An error code of the program. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a string is a declared error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** The HTTP status of a code (400 for a code the API never answers with, 500 for an unknown one). */
export function httpStatusOf(code: string): number {
  if (!isErrorCode(code)) return 500;
  return (ERROR_CODES[code] as ErrorCodeInfo).status ?? 400;
}

/** The CLI's exit code for a code (3 for an unknown one: a fault). */
export function exitCodeOf(code: string): 1 | 2 | 3 {
  return isErrorCode(code) ? (ERROR_CODES[code] as ErrorCodeInfo).exit : 3;
}
