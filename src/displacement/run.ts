/**
 * One displacement run as the CLI and the benchmarks use it: load a scenario, run the model for
 * one or more seeds, score each run against the UNHCR camp counts, and write out.csv.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { claimOutputs, recordOutputs, type OutputOptions } from '../shared/output-files.ts';
import { join } from 'node:path';
import { userError } from '../shared/errors.ts';
import { loadScenario } from './scenario.ts';
import type { FleeScenario, LoadOptions } from './scenario.ts';
import { runModel } from './model.ts';
import type { ModelResult, RuleSet } from './model.ts';
import type { ResolvedLevers } from './levers.ts';
import { computeArd, meanSd } from './validation.ts';
import { outCsv } from './out-csv.ts';
import { fleeReferenceArd } from './flee-reference.ts';

export interface SeedRun {
  seed: number;
  ard: number;
  ardNormal: number;
  perCamp: Float64Array;
  result: ModelResult;
  wallS: number;
  /** This seed's out.csv, and its SHA-256 (what `sha256sum out.csv` prints): the run's output digest. */
  outCsv: string;
  outputDigest: string;
}

export interface DisplacementRun {
  scenario: FleeScenario;
  rules: RuleSet;
  runs: SeedRun[];
  /** Mean ARD over the seeds and its sample standard deviation. */
  ard: number;
  ardSd: number;
  /** Flee's measured ARD on this scenario at this hasten, when we have one. */
  fleeArd: { ard: number; runs: number; note: string } | null;
}

export interface RunOptions extends LoadOptions {
  seed: number;
  seeds: number;
  rules: RuleSet;
  /** Builds the levers once the scenario is loaded (dates need its start date). */
  levers?: (s: FleeScenario) => ResolvedLevers;
  /** Called once the scenario is loaded, before the first run. */
  onLoaded?: (s: FleeScenario) => void;
  onDay?: (seedIndex: number, day: number) => void;
}

export function runDisplacement(dir: string, opts: RunOptions): DisplacementRun {
  const scenario = loadScenario(dir, { hasten: opts.hasten, days: opts.days, strict: opts.strict });
  const levers = opts.levers?.(scenario);
  opts.onLoaded?.(scenario);
  const runs: SeedRun[] = [];
  for (let k = 0; k < opts.seeds; k++) {
    const seed = opts.seed + k;
    const t0 = performance.now();
    const result = runModel(scenario, { seed, rules: opts.rules, levers, onDay: (d) => opts.onDay?.(k, d) });
    const wallS = (performance.now() - t0) / 1000;
    const a = computeArd({
      days: scenario.days,
      camps: scenario.camps.length,
      sim: result.campSim,
      data: scenario.campData,
      raw: result.raw,
    });
    const csv = outCsv(scenario, result);
    runs.push({
      seed,
      ard: a.ard,
      ardNormal: a.ardNormal,
      perCamp: a.perCamp,
      result,
      wallS,
      outCsv: csv,
      outputDigest: createHash('sha256').update(csv).digest('hex'),
    });
  }
  const { mean, sd } = meanSd(runs.map((r) => r.ard));
  const full = opts.days === undefined || opts.days === 0;
  return {
    scenario,
    rules: opts.rules,
    runs,
    ard: mean,
    ardSd: sd,
    fleeArd: full ? fleeReferenceArd(scenario) : null,
  };
}

/** A fresh output folder under `out/displacement/` (never an existing one). */
export function freshOutDir(name: string, base = join('out', 'displacement')): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let dir = join(base, `${name}-${stamp}`);
  for (let k = 2; existsSync(dir); k++) dir = join(base, `${name}-${stamp}-${k}`);
  return dir;
}

/**
 * Writes out.csv (first seed) and out-seed<N>.csv (further seeds) into `dir`. Refuses to
 * overwrite an out.csv inside a scenario folder (shipped data stays untouched).
 */
export function writeOutputs(run: DisplacementRun, dir: string, options: OutputOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const paths = run.runs.map((r, k) => join(dir, k === 0 ? 'out.csv' : `out-seed${r.seed}.csv`));
  // every file checked before any is written (src/shared/output-files.ts: never a user's file)
  claimOutputs(
    paths.filter((p) => !(existsSync(p) && existsSync(join(dir, 'input_csv')))),
    options,
  );
  run.runs.forEach((r, k) => {
    const file = paths[k];
    if (existsSync(file) && existsSync(join(dir, 'input_csv'))) {
      throw userError(
        'E_OUT_EXISTS',
        'already exists in a scenario folder; not overwriting it (choose another --out folder)',
        { file },
      );
    }
    writeFileSync(file, r.outCsv);
    files.push(file);
  });
  recordOutputs(files);
  return files;
}

/** The JSON summary of a run (the contract plus details). */
export function summarize(run: DisplacementRun, wallS: number, outFiles: string[]) {
  const s = run.scenario;
  const first = run.runs[0];
  const campNames = Array.from(s.camps, (c) => s.locations[c].name);
  const perCamp: Record<string, number> = {};
  campNames.forEach((n, c) => {
    perCamp[n] = round(run.runs.reduce((a, r) => a + r.perCamp[c], 0) / run.runs.length);
  });
  const arrivals: Record<string, number> = {};
  campNames.forEach((n, c) => (arrivals[n] = first.result.campArrivals[c]));
  const stranded: Record<string, number> = {};
  let strandedTotal = 0;
  first.result.strandedAt.forEach((v, i) => {
    if (v > 0) {
      stranded[s.locations[i].name] = v;
      strandedTotal += v;
    }
  });
  return {
    scenario: s.name,
    days: s.days,
    agents: first.result.totalAgents[s.days - 1],
    ard: round(run.ard),
    ard_per_camp: perCamp,
    wall_s: Math.round(wallS * 1000) / 1000,
    rules: run.rules,
    hasten: s.settings.hasten,
    seeds: run.runs.map((r) => r.seed),
    ard_runs: run.runs.map((r) => round(r.ard)),
    ard_sd: round(run.ardSd),
    ard_normal: round(run.runs.reduce((a, r) => a + r.ardNormal, 0) / run.runs.length),
    flee_ard: run.fleeArd,
    spawning: spawningRule(s),
    camp_arrivals: arrivals,
    stranded: { total: strandedTotal, by_location: stranded },
    turned_away: first.result.turnedAway,
    out: outFiles,
    output_digests: run.runs.map((r) => r.outputDigest),
    warnings: s.warnings.map((w) => ({
      code: w.code,
      file: w.file,
      line: w.line ?? null,
      message: w.message,
      count: w.count,
    })),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * What drives spawning. Under conflict- or flood-driven spawning Flee's out.csv gives a UNHCR camp
 * total of 0, so the ARD (computed as Flee's script computes it) is the data's sum alone.
 */
export function spawningRule(s: FleeScenario): 'unhcr-series' | 'conflict-driven' | 'flood-driven' {
  if (s.settings.conflictDrivenSpawning !== null) return 'conflict-driven';
  if (s.settings.floodDrivenSpawning !== null) return 'flood-driven';
  return 'unhcr-series';
}
