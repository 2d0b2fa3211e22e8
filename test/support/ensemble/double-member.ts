/**
 * TEST DOUBLE (tests only; never used by the shipped commands): a small deterministic stand-in for
 * the engine's member runner, so the pool, the statistics and the CLI plumbing can be tested fast.
 * Values depend on the regime (a level) and the seed (noise shared by every regime of the same seed,
 * so paired differences are tight).
 *
 * Special regimes: `unknown-regime` throws a user error; `crash-once` kills its worker thread the
 * first time (when `REGIMES_TEST_CRASH_MARKER` names a file that does not exist yet).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { mulberry32 } from '../../../src/experiments/morris.ts';
import { userError } from '../../../src/shared/errors.ts';
import { digestRows, packRows } from '../../../src/store/rows.ts';
import type { IndicatorRow } from '../../../src/store/index.ts';
import type {
  MemberHooks,
  MemberJob,
  MemberOutput,
  MemberPlan,
  MemberRequest,
} from '../../../src/ensemble/member.ts';

const LEVEL: Record<string, number> = {
  a: 100,
  b: 130,
  c: 90,
  neoliberal: 100,
  'framework-convention': 120,
  'crash-once': 100,
};

/** Rows the double gives for a job (world plus two countries, two indicators). */
export function doubleRows(job: MemberJob): IndicatorRow[] {
  const level = LEVEL[job.regime];
  if (level === undefined) throw userError('E_UNKNOWN_ID', `unknown regime: ${job.regime}`);
  const next = mulberry32(job.seed);
  const rows: IndicatorRow[] = [];
  for (let year = job.from; year <= job.to; year++) {
    const noise = next() * 20;
    const usa = (level + noise + (year - job.from)) * 1e5 * (1000 / job.scale);
    const mex = (level / 2 + noise) * 1e5 * (1000 / job.scale);
    rows.push({ year, indicator: 'migrant_stock', country: 'USA', value: usa });
    rows.push({ year, indicator: 'migrant_stock', country: 'MEX', value: mex });
    rows.push({ year, indicator: 'migrant_stock', country: 'WLD', value: usa + mex });
    rows.push({ year, indicator: 'refugees', country: 'WLD', value: level * 1e4 + noise });
  }
  return rows;
}

/** The double's `runMember`. */
export function runMember(job: MemberJob, hooks: MemberHooks): MemberOutput {
  const marker = process.env.REGIMES_TEST_CRASH_MARKER;
  if (job.regime === 'crash-once' && marker && !existsSync(marker) && !isMainThread) {
    writeFileSync(marker, 'crashed');
    process.exit(3);
  }
  const started = performance.now();
  const rows = doubleRows(job);
  for (let y = job.from; y <= job.to; y++) hooks.onYear?.(y);
  return {
    engineDigest: `double:${digestRows(rows)}`,
    agents: Math.ceil(1e6 / job.scale),
    rows: packRows(rows),
    wallMs: performance.now() - started,
  };
}

/** Bytes per agent the double pretends to use. */
export const DOUBLE_BYTES_PER_AGENT = 22;

/** The double's `planMember`: scenarios `test-scenario` and `world-1990-2020` (regime a, scale 1000, 1990–1994, 3 seeds; data 1990–2023, as the real world; 1e9 persons). */
export function planMember(request: MemberRequest, memoryBudget: number): MemberPlan {
  if (request.scenario !== 'test-scenario' && request.scenario !== 'world-1990-2020') {
    throw userError('E_UNKNOWN_ID', `unknown scenario: ${request.scenario}`);
  }
  const regime = request.regime ?? 'a';
  if (LEVEL[regime] === undefined) throw userError('E_UNKNOWN_ID', `unknown regime: ${regime}`);
  const from = request.from ?? 1990;
  const to = request.to ?? 1994;
  if (from < 1990 || to > 2023 || from > to)
    throw userError('E_WORLD_YEAR', `years ${from}–${to} outside the world data (1990–2023)`);
  const scale = request.scale ?? 1000;
  const agents = Math.ceil(1e9 / scale);
  const bytes = agents * DOUBLE_BYTES_PER_AGENT;
  if (bytes > memoryBudget)
    throw userError(
      'E_SIM_MEMORY',
      `scale ${scale} needs ${bytes} bytes, over the budget of ${memoryBudget}`,
    );
  return {
    job: {
      scenario: request.scenario,
      regime,
      seed: request.seed ?? 1,
      scale,
      from,
      to,
      threads: request.threads,
    },
    scenarioSeeds: 3,
  };
}
