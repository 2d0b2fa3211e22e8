/**
 * What the results store keeps: runs with their parameters, comparisons with their members and
 * statistics, and experiments. Plain data; the tables they live in are in schema.ts.
 */

/** What every stored run and comparison was made with. */
export interface Provenance {
  scenario: string;
  /** Persons per agent. */
  scale: number;
  /** First simulated year. */
  from: number;
  /** Last simulated year. */
  to: number;
  threads: number;
  /** `mobility-regimes@VERSION+COMMIT`. */
  codeVersion: string;
  /** The command line that made it, as typed (arguments joined by spaces). */
  commandLine: string;
}

/** What a run was made from: enough to make it again. */
export interface RunParams extends Provenance {
  regime: string;
  seed: number;
}

/** A stored run. */
export interface RunRecord extends RunParams {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The engine's digest of its final state. */
  engineDigest: string;
  /** Digest of the indicator rows (`digestRows`). */
  outputDigest: string;
  agents: number;
  rowCount: number;
  wallMs: number;
  /** The comparison this run is a member of, if any. */
  comparisonId: string | null;
}

/** What a comparison was made from. */
export interface ComparisonParams extends Provenance {
  regimes: string[];
  seeds: number[];
  /** How the intervals were computed, in words. */
  intervalMethod: string;
}

/** One member of a comparison: a (regime, seed) run. */
export interface ComparisonMember {
  regime: string;
  seed: number;
  runId: string;
}

/** A stored comparison. */
export interface ComparisonRecord extends ComparisonParams {
  id: string;
  createdAt: string;
  wallMs: number;
  members: ComparisonMember[];
}

/** A statistic of a comparison: a regime's mean and interval, or a paired difference's. */
export interface StatRow {
  year: number;
  indicator: string;
  country: string;
  kind: 'regime' | 'difference';
  /** The regime id, or `B-A` for a difference. */
  label: string;
  mean: number;
  /** Lower end of the interval (NaN when it cannot be computed, e.g. one seed). */
  lo: number;
  hi: number;
  /** Number of seeds. */
  n: number;
}

/** A stored experiment: its verdict and whole result (src/experiments), and the comparison of its arms. */
export interface ExperimentRecord {
  id: string;
  createdAt: string;
  /** The experiment's name, e.g. `prohibition`. */
  experiment: string;
  verdict: string;
  comparisonId: string;
  result: unknown;
}
