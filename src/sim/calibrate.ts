/**
 * Calibration of the free parameters against the shipped data of 1990–2005 (held-out years are not
 * in the project's data and are never read), per country (calibration-loss.ts):
 *
 *   stage 1 — Nelder–Mead (nelder-mead.ts) over the parameters of `SEARCH_SPACE`, each in a
 *     transformed coordinate that keeps it inside the values it is defined for (logs of positive
 *     parameters, logits of shares), minimising `calibrationLoss` (the aims' scores, in units of
 *     each aim) of the free run from 1990 to 2005, plus a ridge toward the start (`ridgePenalty`):
 *     fixed seeds (common random numbers, so the loss surface does not jitter between evaluations);
 *     its few best points are then scored on held-out seeds and one is kept only if it beats the
 *     start there by a margin (calibration-guard.ts: the search otherwise fits its seeds' noise);
 *   stage 2 — remittances scale linearly with remittanceShare and geometrically with
 *     remittanceTrend and feed back into nothing else, so both follow in closed form: least squares
 *     of ln(data / model at share 1, trend 0) on (year − 1990);
 *   stage 3 — parameter uncertainty (calibration-ensemble.ts): approximate Bayesian computation by
 *     rejection around the optimum — the parameter sets of a Latin hypercube whose runs come as
 *     close to the data as runs at the optimum itself do over other seeds.
 *
 * Run: `npx tsx src/sim/calibrate.ts [--scale K] [--seeds S|A,B] [--check-seeds LIST|none] [--check-best K]
 * [--check-margin M] [--evaluations N] [--minutes M] [--step-scale F] [--start JSON]
 * [--only NAME,NAME…] [--ensemble-points M] [--reference-seeds R] [--half-width W]
 * [--ridge-half-width V] [--with-ranges] [--out FILE] [--ensemble-only]` (`--help`; the options are
 * read and checked by calibrate-options.ts before any run): prints the values to put
 * into parameters.ts and writes the ensemble file with --out. `--only` searches the named
 * parameters alone, the others held at their values; `--ensemble-only` runs stage 3 alone around
 * the values of parameters.ts; `--ensemble-points` is the number of ABC proposals, `--half-width`
 * the proposal box in simplex steps (`--ridge-half-width` for ascStay and the region constants,
 * default the same); `--with-ranges` draws the parameters of `PARAMETER_RANGES` with each
 * proposal, from their documented ranges.
 */
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { seedsOf } from '../ensemble/options.ts';
import { UserError } from '../shared/errors.ts';
import { exitCodeOf } from '../shared/error-codes.ts';
import type { World } from '../world/index.ts';
import {
  assembleWorld,
  buildWorldDataFromCsv,
  loadWorld,
  modelRemittancesOfReporters,
} from '../world/index.ts';
import type { CalibrateOptions } from './calibrate-options.ts';
import { CALIBRATE_USAGE, calibrateOptions } from './calibrate-options.ts';
import type { Evaluator, LossValue } from './calibration-loss.ts';
import {
  CALIBRATION_YEARS,
  calibrationLoss,
  calibrationLossOfRuns,
  calibrationTargets,
  ridgePenalty,
} from './calibration-loss.ts';
import { RIDGE, abcEnsemble, ensembleModule } from './calibration-ensemble.ts';
import { ENSEMBLE_SALT, drawFromRanges } from './parameter-ensemble.ts';
import { SEARCH_SPACE, decode, encode, searchSpace } from './calibration-space.ts';
import type { IndicatorRow } from './indicators.ts';
import type { HeldOutCheck, Visited } from './calibration-guard.ts';
import { HELD_OUT_MARGIN, bestVisited, heldOutChoice } from './calibration-guard.ts';
import { nelderMead } from './nelder-mead.ts';
import type { Parameters } from './parameters.ts';
import { PARAMETER_RANGES, parameters } from './parameters.ts';
import type { PolicyTables } from './policy-tables.ts';
import { prepareSimulation } from './prepare.ts';
import { simulate } from './simulate.ts';
import type { WorldInput } from './world-input.ts';
import { fromWorld } from './world-input.ts';

export { CALIBRATION_YEARS } from './calibration-loss.ts';
export { SEARCH_SPACE } from './calibration-space.ts';

/** Salt of the documented ranges' draws of the ABC proposals (`--with-ranges`), apart from the members'. */
const ABC_RANGES_SALT = ENSEMBLE_SALT ^ 0xabc0;

/** What a calibration found. */
export interface CalibrationResult {
  values: Partial<Parameters>;
  loss: LossValue;
  evaluations: number;
  /** Why stage 1 ended: converged (`tolerance`), the evaluation limit, or the time limit (`stop`). */
  stoppedBy: 'tolerance' | 'evaluations' | 'stop';
  /** The guard's check of the best points on held-out seeds (calibration-guard.ts), if asked. */
  heldOut?: HeldOutCheck;
  rows: IndicatorRow[];
}

/** The guard of stage 1 (calibration-guard.ts): held-out seeds, how many best points, the margin. */
export interface HeldOutOptions {
  /** The evaluator on the held-out seeds (the search never runs them). */
  evaluator: Evaluator;
  seeds: number[];
  /** How many of the search's best points are checked (default 5). */
  best?: number;
  /** A point is kept only if it beats the start there by more than this (default HELD_OUT_MARGIN). */
  margin?: number;
}

/**
 * An evaluator of the free run at `scale` persons per agent: its loss is that of the mean rows of
 * `seeds` (a count: seeds 1…seeds; or the seeds themselves), common random numbers, so the surface
 * does not jitter between evaluations.
 */
export function evaluator(
  world: World,
  tablesForYear: (year: number) => PolicyTables,
  scale: number,
  seeds: number | readonly number[] = 1,
): Evaluator {
  const seedList = seedsOf(seeds);
  const input: WorldInput = fromWorld(world, CALIBRATION_YEARS.first);
  const targets = calibrationTargets(world);
  const run = (over: Partial<Parameters>, seed = 1) =>
    simulate({
      world: input,
      tablesForYear,
      regimeId: 'neoliberal',
      seed,
      scale,
      fromYear: CALIBRATION_YEARS.first,
      toYear: CALIBRATION_YEARS.last,
      parameters: over,
    }).rows;
  // several seeds: the loss of their mean rows, as `regimes fit` scores its seeds
  const loss = (over: Partial<Parameters>, seed?: number): LossValue =>
    seed !== undefined
      ? calibrationLoss(targets, run(over, seed))
      : calibrationLossOfRuns(
          targets,
          seedList.map((k) => run(over, k)),
        );
  return { targets, run, loss };
}

/** The policy tables of the calibration's free run: the compiled `neoliberal` regime, 1990–2005. */
export async function calibrationTables(
  world: World,
  scale: number,
): Promise<(year: number) => PolicyTables> {
  const prepared = await prepareSimulation({
    regime: 'neoliberal',
    world,
    scale,
    fromYear: CALIBRATION_YEARS.first,
    toYear: CALIBRATION_YEARS.last,
  });
  return prepared.tablesForYear;
}

/** Stage 1 and stage 2 (see above). */
export function calibrate(
  e: Evaluator,
  opts: {
    maxEvaluations?: number;
    /** Stage 1 stops at the first iteration after this `performance.now()` (ms). */
    deadline?: number;
    /** The simplex's first steps as a multiple of calibration-space.ts's (default 1; the ridge keeps its own). */
    stepScale?: number;
    /** Where the search starts (default: the values of parameters.ts). */
    start?: Partial<Parameters>;
    /** The parameters of `SEARCH_SPACE` to search (default: all); the others stay at `start`. */
    only?: readonly string[];
    /** Keep the search's best point only if it holds on held-out seeds (calibration-guard.ts). */
    heldOut?: HeldOutOptions;
    log?: (s: string) => void;
    onBest?(r: Partial<Parameters>, loss: number): void;
  } = {},
): CalibrationResult {
  let best = Infinity;
  const visited: Visited[] = [];
  const space = searchSpace(opts.only);
  const start = opts.start ?? {};
  const x0 = encode(parameters(start), space);
  const steps = space.map((c) => c.step);
  const result = nelderMead(
    (x) => {
      const values = { ...start, ...decode(x, space) };
      const loss = e.loss(values);
      // the ridge toward the start (calibration-loss.ts, RIDGE_WEIGHT)
      const ridge = ridgePenalty(x, x0, steps);
      const objective = loss.total + ridge;
      visited.push({ values, objective, ridge, steps: x.map((xk, k) => xk / steps[k]) });
      opts.log?.(
        `${JSON.stringify(values)} → ${objective.toFixed(5)} (loss ${loss.total.toFixed(5)}) ${JSON.stringify(loss.groups)}`,
      );
      if (objective < best) {
        best = objective;
        opts.onBest?.(values, best);
      }
      return objective;
    },
    x0,
    {
      step: steps.map((s) => s * (opts.stepScale ?? 1)),
      maxEvaluations: opts.maxEvaluations ?? 300,
      tolerance: 1e-5,
      shouldStop: opts.deadline === undefined ? undefined : () => performance.now() > opts.deadline!,
    },
  );
  let stage1 = { ...start, ...decode(result.x, space) };
  let heldOut: HeldOutCheck | undefined;
  if (opts.heldOut) {
    // the first point the search evaluated is the start
    heldOut = checkOnHeldOutSeeds(visited[0], visited, opts.heldOut, opts.log);
    stage1 = {
      ...start,
      ...(heldOut.kept === null ? visited[0].values : heldOut.candidates[heldOut.kept].values),
    };
  }
  const values = { ...stage1, ...remittanceStage(e, stage1) };
  const rows = e.run(values);
  return {
    values,
    loss: e.loss(values),
    evaluations: result.evaluations + 2,
    stoppedBy: result.stoppedBy,
    heldOut,
    rows,
  };
}

/**
 * Scores the search's best points and the start on the held-out seeds and decides which to keep
 * (calibration-guard.ts).
 */
export function checkOnHeldOutSeeds(
  start: Visited,
  visited: readonly Visited[],
  o: HeldOutOptions,
  log?: (s: string) => void,
): HeldOutCheck {
  const margin = o.margin ?? HELD_OUT_MARGIN;
  const startScore = o.evaluator.loss(start.values).total;
  log?.(`held-out seeds ${o.seeds.join(',')}: start ${startScore.toFixed(5)}`);
  const candidates = bestVisited(visited, start.objective, o.best ?? 5).map((v, i) => {
    const heldOut = o.evaluator.loss(v.values).total + v.ridge;
    log?.(
      `held-out candidate ${i + 1}: ${v.objective.toFixed(5)} on the search's seeds → ${heldOut.toFixed(5)}`,
    );
    return { ...v, heldOut };
  });
  const kept = heldOutChoice(startScore, candidates, margin);
  log?.(
    kept === null
      ? 'held out: no point beats the start by the margin; the start is kept'
      : `held out: candidate ${kept + 1} kept`,
  );
  return { seeds: o.seeds, start: startScore, margin, candidates, kept };
}

/**
 * Stage 2: remittanceShare and remittanceTrend by least squares of ln(data / model) on the year, the
 * model summed over the countries that report in the data that year.
 */
export function remittanceStage(
  e: Evaluator,
  stage1: Partial<Parameters>,
  world?: World,
): Pick<Parameters, 'remittanceShare' | 'remittanceTrend'> {
  const base = e.run({ ...stage1, remittanceShare: 1, remittanceTrend: 0 });
  const w = world ?? loadWorld({ first: CALIBRATION_YEARS.first, last: CALIBRATION_YEARS.last });
  const byCountry = new Map<string, number>();
  for (const r of base)
    if (r.indicator === 'remittances_usd') byCountry.set(`${r.year} ${r.country}`, r.value);
  // the model over the countries that report in the data that year (src/world/remittance-coverage.ts)
  const model = new Map<number, number>();
  for (let y = CALIBRATION_YEARS.first; y <= CALIBRATION_YEARS.last; y++) {
    const v = modelRemittancesOfReporters(w, y, (c) => byCountry.get(`${y} ${c}`));
    if (v !== undefined) model.set(y, v);
  }
  const data = remittancesData(w);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let k = 0;
  for (const [y, v] of data) {
    const m = model.get(y);
    if (!(m && m > 0 && v > 0)) continue;
    const xv = y - CALIBRATION_YEARS.first;
    const yv = Math.log(v / m);
    sx += xv;
    sy += yv;
    sxx += xv * xv;
    sxy += xv * yv;
    k++;
  }
  const slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  const intercept = (sy - slope * sx) / k;
  return { remittanceShare: Math.exp(intercept), remittanceTrend: Math.exp(slope) - 1 };
}

/** WDI personal remittances received, summed over the reporting model countries, 1990–2005. */
export function remittancesData(world: World): Map<number, number> {
  const n = world.countries.countries.length;
  const out = new Map<number, number>();
  for (let y = CALIBRATION_YEARS.first; y <= CALIBRATION_YEARS.last; y++) {
    let s = 0;
    for (let c = 0; c < n; c++) {
      const v = world.series.remittancesReceivedUsd[(y - world.span.first) * n + c];
      if (v === v) s += v;
    }
    out.set(y, s);
  }
  return out;
}

function loadAnyWorld(): World {
  try {
    return loadWorld();
  } catch {
    return assembleWorld(buildWorldDataFromCsv());
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let options: CalibrateOptions;
  try {
    options = calibrateOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    // the exit code docs/errors.md gives the error's code (E_CALIBRATE_OPTION: 1)
    process.exit(err instanceof UserError ? exitCodeOf(err.code) : 3);
  }
  if (options.help) {
    console.log(CALIBRATE_USAGE);
    process.exit(0);
  }
  const { scale, seeds, start, only, out, ensemblePoints } = options;
  const maxEvaluations = options.evaluations;
  const world = loadAnyWorld();
  const t0 = performance.now();
  const tablesForYear = await calibrationTables(world, scale);
  const e = evaluator(world, tablesForYear, scale, seeds);
  const log = (s: string) => process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(0)} s ${s}\n`);
  // --ensemble-only: stage 3 alone, around the values of parameters.ts (a finished stage 1 and 2)
  const r: Pick<CalibrationResult, 'values' | 'loss' | 'evaluations'> &
    Partial<Pick<CalibrationResult, 'stoppedBy' | 'heldOut'>> = options.ensembleOnly
    ? (() => {
        const values = Object.fromEntries(
          SEARCH_SPACE.map((c) => [c.name, parameters()[c.name]]),
        ) as Partial<Parameters>;
        return { values, loss: e.loss(values), evaluations: 0 };
      })()
    : calibrate(e, {
        maxEvaluations,
        deadline: options.minutes === undefined ? undefined : t0 + options.minutes * 60_000,
        stepScale: options.stepScale,
        start,
        only,
        heldOut: options.checkSeeds.length
          ? {
              evaluator: evaluator(world, tablesForYear, scale, options.checkSeeds),
              seeds: options.checkSeeds,
              best: options.checkBest,
              margin: options.checkMargin,
            }
          : undefined,
        log,
        onBest: (values, loss) => log(`best ${loss.toFixed(5)} ${JSON.stringify(values)}`),
      });
  // stage 1 and 2 first, so a failure in stage 3 loses nothing
  console.log(
    JSON.stringify(
      {
        values: r.values,
        loss: r.loss,
        evaluations: r.evaluations,
        stoppedBy: r.stoppedBy,
        heldOut: r.heldOut,
        scale,
        seeds,
      },
      null,
      2,
    ),
  );
  if (ensemblePoints > 0) {
    // --with-ranges: each proposal also draws the parameters of PARAMETER_RANGES from their ranges
    const others = options.withRanges
      ? (j: number) => drawFromRanges(PARAMETER_RANGES, j, ABC_RANGES_SALT) as Partial<Parameters>
      : undefined;
    const { halfWidth, ridgeHalfWidth } = options;
    const ensemble = abcEnsemble(e, r.values, {
      others,
      proposals: ensemblePoints,
      referenceSeeds: options.referenceSeeds,
      halfWidth: SEARCH_SPACE.map((c) => (RIDGE.includes(c.name) ? ridgeHalfWidth : halfWidth)),
      scale,
      log,
    });
    if (out) {
      const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      // the command that writes the shipped file: these arguments, --out naming where it is shipped
      const args = process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out');
      const command = `npx tsx src/sim/calibrate.ts ${args.join(' ')} --out src/sim/calibrated-ensemble.ts`;
      writeFileSync(
        out,
        ensembleModule(ensemble, { command, date: new Date().toISOString().slice(0, 16) + ' UTC', commit }),
      );
    }
    console.log(JSON.stringify({ ensemble, seconds: (performance.now() - t0) / 1000 }, null, 2));
  }
}
