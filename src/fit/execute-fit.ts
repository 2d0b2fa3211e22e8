/**
 * `regimes fit`, end to end: run the historical regime (`neoliberal`) on the worker pool (a few
 * seeds, averaged) twice — from the observed state of 1995 to 2005, the forecast origin persistence
 * stands in, and freely from 1990 on to 2020 — fit the baselines on the data of 1990–2005, and
 * tabulate each method's error per observed series: in sample (up to 2005) and out of sample (the
 * series that go on after 2005, out-of-sample.ts).
 */
import { loadRunner } from '../ensemble/member.ts';
import type { MemberJob, MemberPlan } from '../ensemble/member.ts';
import type { UserDocumentFile } from '../ensemble/documents.ts';
import { memoryBudget, seedsOf } from '../ensemble/options.ts';
import { runEnsemble } from '../ensemble/pool.ts';
import { unpackRows } from '../store/index.ts';
import type { IndicatorRow } from '../store/index.ts';
import { loadWorld } from '../world/index.ts';
import { mechanismSwitches } from '../sim/index.ts';
import {
  GRAVITY_REGRESSORS,
  PERSISTENCE_BASE,
  PERSISTENCE_ORIGIN,
  fitGravity,
  gravityPredictions,
  persistence,
} from './baselines.ts';
import {
  FIT_METRIC,
  OUT_OF_SAMPLE_METHODS,
  OUT_OF_SAMPLE_TITLES,
  fitGroups,
  fitMarkdown,
  fitRows,
} from './fit-table.ts';
import type { FitGroup, FitRow } from './fit-table.ts';
import { meanRows, modelPredictions } from './model-series.ts';
import type { AimGroup } from './aims.ts';
import { aimsMarkdown, aimsReport } from './aims.ts';
import { OUT_OF_SAMPLE, outOfSampleSeries } from './out-of-sample.ts';
import { FIT_SPAN, targetSeries } from './targets.ts';

/** Where the `model` runs start: the year persistence stands in, so both forecast from the same data. */
export const FORECAST_ORIGIN = PERSISTENCE_ORIGIN;

/** The scenario and regime the fit runs by default: the world under the de facto regime of the period. */
export const FIT_DEFAULTS = { scenario: 'world-1990-2020', regime: 'neoliberal', seeds: 3 } as const;

/** How to fit. */
export interface FitOptions {
  scenario?: string;
  regime?: string;
  /** The user's document files loaded with the built-ins (`--file`). */
  documents?: UserDocumentFile[];
  /** Seeds per start year: a count (seeds 1…N) or the seeds themselves. */
  seeds?: number | readonly number[];
  scale?: number;
  threads: number;
  runnerModule: URL;
  /** Called once with every member (both start years) and the plan of the free run from 1990. */
  onPlanned?(jobs: readonly MemberJob[], plan: MemberPlan): void;
  onYear?(member: number, year: number): void;
  /** Mechanisms switched off in every run (an ablation; src/sim/mechanisms.ts). */
  without?: string[];
}

/** What `regimes fit --json` prints. */
export interface FitReport {
  scenario: string;
  regime: string;
  /** Mechanisms switched off (an ablation), none by default. */
  without: string[];
  seeds: number[];
  scale: number;
  years: { from: number; to: number };
  /** The start of the `model` runs (the forecast origin persistence stands in); `modelFrom1990` starts in `years.from`. */
  forecastOrigin: number;
  metric: string;
  persistence: string;
  gravity: {
    regressors: Record<string, number>;
    observations: number;
    pseudoR2: number;
    iterations: number;
    method: string;
  };
  groups: FitGroup[];
  rows: FitRow[];
  markdown: string;
  /**
   * The aims of the world model per country (aims.ts): the free run from 1990 against the 30
   * largest destinations of 2005, the 100 largest corridors of 2005, the world's refugees, the 10
   * largest countries of asylum of each year and the world stock, beside persistence, growth and
   * gravity; each group with its points (`countries`: country, year, model, observed, baselines).
   */
  aims: { groups: AimGroup[]; markdown: string };
  /**
   * The free run from 1990 against the series that go on after 2005, beside persistence from 2005
   * (out-of-sample.ts).
   */
  outOfSample: {
    years: { from: number; to: number };
    persistence: string;
    groups: FitGroup[];
    rows: FitRow[];
    markdown: string;
  };
  wallMs: number;
}

/** Runs the fit. */
export async function executeFit(o: FitOptions): Promise<FitReport> {
  const runner = await loadRunner(o.runnerModule);
  const scenario = o.scenario ?? FIT_DEFAULTS.scenario;
  const regime = o.regime ?? FIT_DEFAULTS.regime;
  const planFrom = (from: number, to: number) =>
    runner.planMember(
      { scenario, regime, scale: o.scale, from, to, threads: 1, documents: o.documents },
      memoryBudget(),
    );
  // the free run goes on to the last out-of-sample year (as the fit's years, whatever the scenario's)
  const plan = await planFrom(FIT_SPAN.first, OUT_OF_SAMPLE.last);
  const forecast = await planFrom(FORECAST_ORIGIN, FIT_SPAN.last);
  const seeds = seedsOf(o.seeds ?? FIT_DEFAULTS.seeds);
  const without = [...new Set(o.without ?? [])];
  mechanismSwitches(without); // refuses an unknown name before any work
  const jobs = [forecast, plan].flatMap((p) =>
    seeds.map((seed) => ({ ...p.job, seed, threads: 1, ...(without.length ? { without } : {}) })),
  );
  o.onPlanned?.(jobs, plan);
  const started = performance.now();
  const world = loadWorld({ first: FIT_SPAN.first, last: FIT_SPAN.last });
  const outputs = await runEnsemble(jobs, {
    threads: o.threads,
    runnerModule: o.runnerModule,
    onYear: o.onYear,
  });
  const targets = targetSeries(world);
  const meanRowsOf = (members: typeof outputs) => meanRows(members.map((out) => unpackRows(out.rows)));
  const gravity = fitGravity(world);
  // the free runs' rows serve both tables: in sample up to 2005, out of sample after
  const freeRuns = meanRowsOf(outputs.slice(seeds.length));
  const rows = fitRows(targets, {
    model: modelPredictions(world, meanRowsOf(outputs.slice(0, seeds.length)), targets),
    modelFrom1990: modelPredictions(world, freeRuns, targets),
    persistence: new Map(targets.map((s) => [s.id, persistence(s)])),
    gravity: gravityPredictions(world, gravity, targets),
  });
  const groups = fitGroups(rows);
  const aims = aimsReport(world, freeRuns, gravity);
  return {
    scenario,
    regime,
    without,
    seeds,
    scale: plan.job.scale,
    years: { from: FIT_SPAN.first, to: FIT_SPAN.last },
    forecastOrigin: FORECAST_ORIGIN,
    metric: FIT_METRIC,
    persistence: `growth ${PERSISTENCE_BASE}–${PERSISTENCE_ORIGIN} carried forward from ${PERSISTENCE_ORIGIN}`,
    gravity: {
      regressors: Object.fromEntries(
        GRAVITY_REGRESSORS.map((name, i) => [name, gravity.fit.coefficients[i]]),
      ),
      observations: gravity.fit.observations,
      pseudoR2: gravity.fit.pseudoR2,
      iterations: gravity.fit.iterations,
      method:
        'PPML (Poisson pseudo-maximum likelihood) by IRLS, weighted least squares by QR (ml-matrix), fitted on 1995, 2000, 2005',
    },
    groups,
    rows,
    markdown: fitMarkdown(groups),
    aims: { groups: aims, markdown: aimsMarkdown(aims) },
    outOfSample: outOfSampleTable(plan.job.to, freeRuns),
    wallMs: Math.round(performance.now() - started),
  };
}

/** The out-of-sample table: the free runs' mean rows (to `lastYear`) against the series after 2005. */
function outOfSampleTable(lastYear: number, freeRuns: IndicatorRow[]): FitReport['outOfSample'] {
  const world = loadWorld({ first: FIT_SPAN.first, last: lastYear });
  const series = outOfSampleSeries(world);
  const rows = fitRows(
    series,
    {
      modelFrom1990: modelPredictions(world, freeRuns, series),
      persistence: new Map(
        series.map((s) => [s.id, persistence(s, OUT_OF_SAMPLE.base, OUT_OF_SAMPLE.origin)]),
      ),
    },
    OUT_OF_SAMPLE.origin,
  );
  const groups = fitGroups(rows);
  return {
    years: { from: OUT_OF_SAMPLE.first, to: lastYear },
    persistence: `growth ${OUT_OF_SAMPLE.base}–${OUT_OF_SAMPLE.origin} carried forward from ${OUT_OF_SAMPLE.origin}`,
    groups,
    rows,
    markdown: fitMarkdown(groups, OUT_OF_SAMPLE_METHODS, OUT_OF_SAMPLE_TITLES),
  };
}
