/**
 * An experiment, end to end: find its document, check every arm and parameter before any run,
 * run the arms over seeds — and, for the sensitivity analysis, over the Morris design points — on
 * the ensemble pool (all cores), judge the criterion declared in the document, and store the arms'
 * runs and statistics (as a comparison whose regimes are the arm ids) with the result.
 *
 * The verdict is computed from the runs only (criterion.ts); nothing here knows what it should be.
 */
import { fileURLToPath } from 'node:url';
import type { Experiment, Library, Scenario } from '../regime/index.ts';
import { userError } from '../shared/errors.ts';
import { prepareSimulation } from '../sim/index.ts';
import { runEnsemble } from '../ensemble/pool.ts';
import { libraryOf, readDocuments } from '../ensemble/documents.ts';
import { memberRunRecord } from '../ensemble/member.ts';
import type { EnsembleBackend } from '../distributed/backend.ts';
import { siblingModule } from '../shared/spawn-worker.ts';
import { INTERVAL_METHOD, compareEnsembles } from '../ensemble/stats.ts';
import { ResultStore, codeVersion, newId, unpackRows } from '../store/index.ts';
import type { ComparisonRecord, IndicatorRow, RunRecord, StatRow } from '../store/index.ts';
import { INSTITUTION_PARAMETER_INFO } from '../institutions/index.ts';
import { PARAMETER_INFO } from '../sim/index.ts';
import type { ParameterEnsembleSource } from '../sim/index.ts';
import { checkParameterNames } from './arm.ts';
import { MAX_CONFIRMED, auditedVerdict, declaredAudit, searchFlip } from './audit.ts';
import type { Audit, JudgeSetting } from './audit.ts';
import { checkConfidence, evaluateCriterion, measureEffect } from './criterion.ts';
import type { ConditionResult, CriterionVerdict, EffectResult, IntervalKind, Verdict } from './criterion.ts';
import {
  PREDICTION_INTERVAL_METHOD,
  ensembleSource,
  memberParameters,
  uncertainParameterNames,
} from './uncertainty.ts';
import type { ParameterUncertainty } from './uncertainty.ts';
import type { ExperimentJob } from './member.ts';
import { morrisDesign, morrisIndices, scalePoint } from './morris.ts';

/** The claims of Overbeek (2002) as experiments, by name, in the order of docs/experiments.md. */
export const BUILTIN_EXPERIMENTS = [
  'prohibition',
  'manufactured-irregularity',
  'isolated-temporary-labour',
  'downward-harmonisation',
  'capital-for-labour',
  'representation',
  'lock-in',
  'remittances-vs-aid',
  'neither-state-nor-market',
  'arms-and-flight',
  'double-movement',
  'codification-without-root-causes',
] as const;

/** Suffix of an experiment document whose name is taken by a document of another kind. */
export const CLAIM_SUFFIX = '-claim';

/** Seed of the Morris design (fixed: the same experiment gives the same design). */
export const MORRIS_SEED = 20020174;

/** Sensitivity seeds when not given: at most this many of the experiment's seeds. */
export const SENSITIVITY_SEEDS_MAX = 3;

/** The experiment document for a name: the Experiment with that id, else with id NAME-claim. */
export function findExperiment(lib: Library, name: string): { name: string; doc: Experiment } {
  const direct = lib.get(name);
  if (direct?.doc.kind === 'Experiment') return { name, doc: direct.doc };
  const claim = lib.get(`${name}${CLAIM_SUFFIX}`);
  if (claim?.doc.kind === 'Experiment') return { name, doc: claim.doc };
  const known = lib.ofKind('Experiment').map((d) => d.doc.id.replace(/-claim$/, ''));
  throw userError('E_EXPERIMENT_UNKNOWN', `no experiment '${name}'; known: ${known.join(', ')}`);
}

export interface ExperimentRequest {
  name: string;
  /** The user's document files (loaded with the built-ins). */
  files?: string[];
  /** Seeds 1…N (default: the document's). */
  seeds?: number;
  scale?: number;
  from?: number;
  to?: number;
  threads: number;
  /** Run the sensitivity analysis (default: when the document declares one). */
  sensitivity?: boolean;
  trajectories?: number;
  sensitivitySeeds?: number;
  /** Draw parameters from the parameter ensemble (default true): intervals then carry parameter uncertainty. */
  parameterUncertainty?: boolean;
  /** The parameter ensemble to draw from (default: the calibrated one where shipped, else the documented ranges). */
  parameterSource?: ParameterEnsembleSource;
  /** Results store file; null: do not store. */
  storeFile: string | null;
  commandLine: string;
  /** The runner module (tests may pass a double). */
  runnerModule?: URL;
  /** Where the members run (`--backend`); default: `threads` worker threads here. */
  backend?: EnsembleBackend;
  onPlanned?(plan: {
    main: number;
    sensitivity: number;
    /** Runs of the flip search, at most (corners and confirmations; fewer when no candidate needs confirming). */
    search: number;
    years: number;
    scale: number;
    seeds: number;
  }): void;
  onYear?(): void;
  onDone?(): void;
}

export interface SensitivityEntry {
  parameter: string;
  low: number;
  high: number;
  source: string;
  /** Morris indices per criterion condition (on its effect's estimate, in unit-range terms). */
  effects: { condition: string; indicator: string; mu: number; muStar: number; sigma: number }[];
}

export interface SensitivityPoint {
  values: Record<string, number>;
  verdict: CriterionVerdict;
  estimates: number[];
}

export interface SensitivitySummary {
  method: 'morris';
  trajectories: number;
  seeds: number;
  points: number;
  verdicts: Record<CriterionVerdict, number>;
  /** Whether every design point gave the verdict of the main runs. */
  robust: boolean;
  /** Share of design points with the main verdict. */
  agreement: number;
  design: SensitivityPoint[];
}

/** What an effect's interval is made of (docs/experiments.md, "Uncertainty"). */
export interface IntervalSources {
  /** Seeds per arm. */
  seeds: number;
  /** Where the runs' parameters came from: the parameter ensemble's source, or `none` (nominal values). */
  parameters: ParameterUncertainty;
  /** The parameters that varied between seeds. */
  varied: string[];
  /** The interval: of the mean over seeds (`mean`), or the prediction interval over (seed, parameter set) members. */
  interval: IntervalKind;
  /** The seeds-only part: the same effect at the nominal parameters, interval of the mean over seeds (null without parameter uncertainty). */
  seedsOnly: { estimate: number; low: number; high: number } | null;
}

export type ReportedEffect = Omit<EffectResult, 'perSeed'> & { interval_sources: IntervalSources };

/** What `regimes experiment --json` prints and the store keeps. */
export interface ExperimentResult {
  experiment: string;
  id: string | null;
  document: string;
  title: string;
  claim: string;
  verdict: Verdict;
  /** The criterion's own verdict over the main runs (`verdict` is `by_construction` when the audit found no flip). */
  criterionVerdict: CriterionVerdict;
  criterion: {
    confidence: number;
    intervalMethod: string;
    conditions: {
      text: string;
      op: 'gt' | 'lt';
      value: number;
      verdict: CriterionVerdict;
      effect: ReportedEffect;
    }[];
  };
  effects: (ReportedEffect & { perSeed: number[] })[];
  /** Effects reported beside the criterion (the document's `report`), which do not decide the verdict. */
  reported: (ReportedEffect & { text: string; perSeed: number[] })[];
  audit: Audit;
  sensitivity: SensitivityEntry[];
  sensitivitySummary: SensitivitySummary | null;
  arms: { id: string; title?: string; regime: string; parameters: Record<string, number>; policy: number }[];
  indicators: string[];
  /** Per arm and indicator, world totals per year: mean and interval over seeds. */
  series: StatRow[];
  scenario: string;
  seeds: number[];
  scale: number;
  from: number;
  to: number;
  threads: number;
  wallMs: number;
  codeVersion: string;
  commandLine: string;
  reproduce: string;
  comparisonId: string | null;
  store: string | null;
  sources: Experiment['sources'];
}

function sourceText(s: Experiment['sources'][number]): string {
  return [s.seed && `seed ${s.seed}`, s.instrument, s.article, s.note, s.url].filter(Boolean).join('; ');
}

function paramSource(name: string): string {
  const e = (PARAMETER_INFO as Record<string, { source: string }>)[name];
  const i = (INSTITUTION_PARAMETER_INFO as Record<string, { source: string }>)[name];
  return (e ?? i)?.source ?? '';
}

/** Runs an experiment and (unless storeFile is null) stores it. */
export async function runExperiment(req: ExperimentRequest): Promise<ExperimentResult> {
  const files = req.files ?? [];
  // read once here; the jobs carry the bytes to any thread or machine (ensemble/documents.ts)
  const documents = files.length ? readDocuments(files) : undefined;
  const lib = libraryOf(documents);
  const { name, doc } = findExperiment(lib, req.name);
  checkConfidence(doc);
  checkParameterNames(doc);
  if (doc.sensitivity && doc.sensitivity.method !== 'morris')
    throw userError(
      'E_EXPERIMENT_SENSITIVITY',
      `experiment ${name}: sensitivity method ${doc.sensitivity.method} is not implemented (use morris)`,
    );
  const scenario = lib.require(doc.scenario, 'Scenario').doc as Scenario;
  const from = req.from ?? doc.years?.from ?? scenario.years.from;
  const to = req.to ?? doc.years?.to ?? scenario.years.to;
  const scale = req.scale ?? doc.scale;
  const seedCount = req.seeds ?? doc.seeds;
  if (!(seedCount >= 2))
    throw userError(
      'E_EXPERIMENT_SEEDS',
      `experiment ${name}: at least 2 seeds are needed for intervals, got ${seedCount}`,
    );
  const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
  // Every arm is checked (regime, years, scale, memory) before any run.
  for (const arm of doc.arms)
    await prepareSimulation({
      scenario: doc.scenario,
      regime: arm.regime,
      library: lib,
      scale,
      fromYear: from,
      toYear: to,
      seed: 1,
    });
  const reportSpecs = doc.report ?? [];
  const allEffects = [...doc.criterion.conditions, ...reportSpecs].map((c) => c.effect);
  const indicators = [...new Set([...doc.indicators, ...allEffects.map((e) => e.indicator)])];
  const effectCountries = [...new Set(['WLD', ...allEffects.map((e) => e.country ?? 'WLD')])];
  // the arms the criterion reads (the sensitivity analysis and the search run only these)
  const usedBy = (effects: readonly { arm: string; baseline: string }[]) =>
    doc.arms.filter((a) => effects.some((e) => e.arm === a.id || e.baseline === a.id));
  const criterionArms = usedBy(doc.criterion.conditions.map((c) => c.effect));
  const effectArms = usedBy(allEffects);
  const base = { scenario: doc.scenario, scale, from, to, threads: 1, experiment: name, documents };
  const uncertainty: ParameterUncertainty =
    req.parameterUncertainty === false ? 'none' : (req.parameterSource ?? ensembleSource());
  const intervalKind: IntervalKind = uncertainty === 'none' ? 'mean' : 'prediction';
  const conditionIndicators = [...new Set(doc.criterion.conditions.map((c) => c.effect.indicator))];
  const conditionKeep = { indicators: conditionIndicators, countries: effectCountries };
  const effectKeep = {
    indicators: [...new Set(allEffects.map((e) => e.indicator))],
    countries: effectCountries,
  };
  const jobsAt = (
    seedList: readonly number[],
    extra: Pick<ExperimentJob, 'keep'> & { point?: Record<string, number>; nominal?: boolean },
    arms: readonly (typeof doc.arms)[number][] = criterionArms,
  ): ExperimentJob[] =>
    seedList.flatMap((seed) =>
      arms.map((arm) => ({
        ...base,
        regime: arm.regime,
        seed,
        arm,
        keep: extra.keep,
        ...(extra.nominal ? {} : { draw: memberParameters(seed, uncertainty) }),
        ...(extra.point ? { point: extra.point } : {}),
      })),
    );
  const mainJobs = jobsAt(seeds, { keep: { indicators, countries: 'all' } }, doc.arms);
  // the seeds-only part of the intervals: the same runs at the nominal parameters
  const nominalJobs =
    uncertainty === 'none' ? [] : jobsAt(seeds, { keep: effectKeep, nominal: true }, effectArms);
  // Sensitivity: Morris design points × arms × seeds.
  const sens = req.sensitivity === false ? undefined : doc.sensitivity;
  const trajectories = req.trajectories ?? sens?.trajectories ?? 0;
  const sensSeeds = seeds.slice(0, req.sensitivitySeeds ?? Math.min(seedCount, SENSITIVITY_SEEDS_MAX));
  const design = sens ? morrisDesign(sens.parameters.length, trajectories, MORRIS_SEED) : [];
  const points = design.flatMap((t) => t.points.map((u) => scalePoint(u, sens!.parameters)));
  const pointValues = (values: readonly number[]) =>
    Object.fromEntries(sens!.parameters.map((p, i) => [p.name, values[i]]));
  const sensJobs = points.flatMap((values) =>
    jobsAt(sensSeeds, { keep: conditionKeep, point: pointValues(values) }),
  );
  const jobs = [...mainJobs, ...nominalJobs, ...sensJobs];
  const conditionCount = doc.criterion.conditions.length;
  const searchBound = sens
    ? (2 * conditionCount + 1) * criterionArms.length * sensSeeds.length +
      MAX_CONFIRMED * criterionArms.length * seedCount
    : 0;
  req.onPlanned?.({
    main: mainJobs.length + nominalJobs.length,
    sensitivity: sensJobs.length,
    search: searchBound,
    years: to - from + 1,
    scale,
    seeds: seedCount,
  });
  const started = performance.now();
  const runnerModule = req.runnerModule ?? siblingModule('./member', import.meta.url);
  const run = (list: readonly ExperimentJob[]) =>
    req.backend && req.backend.kind !== 'local'
      ? req.backend.run(list, {
          ensemble: req.name,
          runnerModule,
          onYear: () => req.onYear?.(),
          onDone: () => req.onDone?.(),
        })
      : // Local members keep their arm on one thread (the arm's tables are compiled once per thread).
        runEnsemble(list, {
          threads: req.threads,
          runnerModule,
          affinity: (job) => JSON.stringify((job as ExperimentJob).arm),
          onYear: () => req.onYear?.(),
          onDone: () => req.onDone?.(),
        });
  const outputs = await run(jobs);
  /** The rows of a block of outputs by arm (seeds in order). */
  const rowsByArm = (
    list: readonly ExperimentJob[],
    outs: readonly { rows: Parameters<typeof unpackRows>[0] }[],
  ) => {
    const rows = new Map<string, IndicatorRow[][]>(doc.arms.map((a) => [a.id, []]));
    list.forEach((j, i) => rows.get(j.arm.id)!.push(unpackRows(outs[i].rows)));
    return rows;
  };
  /** The criterion over a block of outputs laid out as jobsAt makes them (seeds × arms). */
  const judgeBlock = (
    list: readonly ExperimentJob[],
    outs: readonly { rows: Parameters<typeof unpackRows>[0] }[],
    interval: IntervalKind,
  ) => evaluateCriterion(doc, rowsByArm(list, outs), interval);

  // Main runs: the criterion's verdict.
  const mainRows = outputs.slice(0, mainJobs.length).map((o) => unpackRows(o.rows));
  const armRows = new Map<string, IndicatorRow[][]>(doc.arms.map((a) => [a.id, []]));
  mainJobs.forEach((j, i) => armRows.get(j.arm.id)!.push(mainRows[i]));
  const judged = evaluateCriterion(doc, armRows, intervalKind);
  const nominalRows = nominalJobs.length
    ? rowsByArm(nominalJobs, outputs.slice(mainJobs.length, mainJobs.length + nominalJobs.length))
    : null;
  const seedsOnly = nominalRows ? evaluateCriterion(doc, nominalRows, 'mean') : null;
  function intervalSources(so: EffectResult | null): IntervalSources {
    return {
      seeds: seedCount,
      parameters: uncertainty,
      varied: uncertainParameterNames(uncertainty),
      interval: intervalKind,
      seedsOnly: so ? { estimate: so.estimate, low: so.low, high: so.high } : null,
    };
  }
  // effects reported beside the criterion
  const reportedEffects = reportSpecs.map((r) => {
    const { perSeed, ...e } = measureEffect(r.effect, armRows, intervalKind);
    const so = nominalRows ? measureEffect(r.effect, nominalRows, 'mean') : null;
    return {
      text: r.text,
      ...e,
      perSeed,
      interval_sources: intervalSources(so),
    };
  });
  const series = compareEnsembles(
    mainJobs.map((j, i) => ({ regime: j.arm.id, seed: j.seed, rows: mainRows[i] })),
    doc.arms.map((a) => a.id),
    seeds,
  );

  // Sensitivity: the criterion at each design point, Morris indices of each condition's estimate.
  let sensitivity: SensitivityEntry[] = [];
  let sensitivitySummary: SensitivitySummary | null = null;
  let judgedPoints: SensitivityPoint[] = [];
  let indices: ReturnType<typeof morrisIndices>[] = [];
  if (sens && points.length) {
    const perPoint = criterionArms.length * sensSeeds.length;
    const sensBase = mainJobs.length + nominalJobs.length;
    judgedPoints = points.map((values, p) => {
      const at = sensBase + p * perPoint;
      const r = judgeBlock(jobs.slice(at, at + perPoint), outputs.slice(at, at + perPoint), intervalKind);
      return {
        values: pointValues(values),
        verdict: r.verdict,
        estimates: r.conditions.map((c) => c.effect.estimate),
      };
    });
    const k = sens.parameters.length;
    const perTraj = k + 1;
    indices = doc.criterion.conditions.map((_, c) =>
      morrisIndices(
        design,
        design.map((_, t) => judgedPoints.slice(t * perTraj, (t + 1) * perTraj).map((p) => p.estimates[c])),
        k,
      ),
    );
    sensitivity = sens.parameters.map((q, i) => ({
      parameter: q.name,
      low: q.low,
      high: q.high,
      source: [sourceText(q.source), paramSource(q.name)].filter(Boolean).join(' — '),
      effects: doc.criterion.conditions.map((c, ci) => ({
        condition: c.text,
        indicator: c.effect.indicator,
        mu: indices[ci][i].mu,
        muStar: indices[ci][i].muStar,
        sigma: indices[ci][i].sigma,
      })),
    }));
    const verdicts: Record<CriterionVerdict, number> = { holds: 0, does_not_hold: 0, inconclusive: 0 };
    for (const p of judgedPoints) verdicts[p.verdict]++;
    sensitivitySummary = {
      method: 'morris',
      trajectories,
      seeds: sensSeeds.length,
      points: judgedPoints.length,
      verdicts,
      robust: verdicts[judged.verdict] === judgedPoints.length,
      agreement: verdicts[judged.verdict] / judgedPoints.length,
      design: judgedPoints,
    };
  }

  // Audit: the search for a setting that changes the verdict.
  const judgeSettings: JudgeSetting = async (settings, which) => {
    const seedList = which === 'main' ? seeds : sensSeeds;
    const blocks = settings.map((point) => jobsAt(seedList, { keep: conditionKeep, point }));
    const outs = await run(blocks.flat());
    let at = 0;
    return blocks.map((block, b) => {
      const r = judgeBlock(block, outs.slice(at, (at += block.length)), intervalKind);
      return {
        values: settings[b],
        verdict: r.verdict,
        estimates: r.conditions.map((c) => c.effect.estimate),
        conditions: r.conditions.map((c) => ({
          text: c.text,
          estimate: c.effect.estimate,
          low: c.effect.low,
          high: c.effect.high,
          verdict: c.verdict,
        })),
      };
    });
  };
  const searched = Boolean(sens && judgedPoints.length);
  const found = searched
    ? await searchFlip({
        main: judged.verdict,
        conditions: judged.conditions.map((c) => ({
          op: c.op,
          value: c.value,
          estimate: c.effect.estimate,
          verdict: c.verdict,
        })),
        parameters: sens!.parameters.map((p) => ({ name: p.name, low: p.low, high: p.high })),
        morris: judgedPoints,
        mu: indices.map((row) => row.map((m) => m.mu)),
        sensitivitySeeds: sensSeeds.length,
        judge: judgeSettings,
      })
    : null;
  const audit: Audit = {
    ...declaredAudit(doc),
    flip: found?.flip ?? null,
    reason:
      found?.reason ??
      (doc.sensitivity
        ? 'not searched: the sensitivity analysis was skipped (--no-sensitivity)'
        : 'not searched: the experiment declares no parameter ranges (sensitivity.parameters)'),
    search: found?.search ?? null,
  };
  const wallMs = Math.round(performance.now() - started);

  const sourcesOf = (i: number): IntervalSources => intervalSources(seedsOnly?.conditions[i].effect ?? null);
  const reported = (c: ConditionResult, i: number): ReportedEffect => {
    const { perSeed: _ignored, ...e } = c.effect;
    void _ignored;
    return { ...e, interval_sources: sourcesOf(i) };
  };
  const result: ExperimentResult = {
    experiment: name,
    id: null,
    document: doc.id,
    title: doc.title,
    claim: doc.claim.trim(),
    verdict: auditedVerdict(judged.verdict, searched, audit.flip),
    criterionVerdict: judged.verdict,
    criterion: {
      confidence: doc.criterion.confidence ?? 0.9,
      intervalMethod: intervalKind === 'mean' ? INTERVAL_METHOD : PREDICTION_INTERVAL_METHOD,
      conditions: judged.conditions.map((c, i) => ({
        text: c.text,
        op: c.op,
        value: c.value,
        verdict: c.verdict,
        effect: reported(c, i),
      })),
    },
    effects: judged.conditions.map((c, i) => ({ ...reported(c, i), perSeed: c.effect.perSeed })),
    reported: reportedEffects,
    audit,
    sensitivity,
    sensitivitySummary,
    arms: doc.arms.map((a) => ({
      id: a.id,
      title: a.title,
      regime: a.regime,
      parameters: a.parameters ?? {},
      policy: a.policy?.length ?? 0,
    })),
    indicators,
    series: series.filter((s) => s.kind === 'regime'),
    scenario: doc.scenario,
    seeds,
    scale,
    from,
    to,
    threads: req.threads,
    wallMs,
    codeVersion: codeVersion(),
    commandLine: req.commandLine,
    reproduce: reproduceCommand(name, {
      seeds: seedCount,
      scale,
      from,
      to,
      doc,
      files,
      sensitivity: Boolean(sens),
      trajectories,
      parameterUncertainty: uncertainty !== 'none',
      parameterSource: req.parameterSource,
    }),
    comparisonId: null,
    store: null,
    sources: doc.sources,
  };
  if (req.storeFile)
    await storeExperiment(
      req.storeFile,
      result,
      mainJobs,
      outputs.slice(0, mainJobs.length),
      mainRows,
      series,
    );
  return result;
}

/** The command that reproduces a result (options only where they differ from the document). */
export function reproduceCommand(
  name: string,
  o: {
    seeds: number;
    scale: number;
    from: number;
    to: number;
    doc: Experiment;
    files: readonly string[];
    sensitivity: boolean;
    trajectories: number;
    parameterUncertainty?: boolean;
    parameterSource?: ParameterEnsembleSource;
  },
): string {
  const parts = ['regimes', 'experiment', name];
  if (o.seeds !== o.doc.seeds) parts.push('--seeds', String(o.seeds));
  if (o.scale !== o.doc.scale) parts.push('--scale', String(o.scale));
  if (o.doc.years?.from !== o.from) parts.push('--from', String(o.from));
  if (o.doc.years?.to !== o.to) parts.push('--to', String(o.to));
  if (o.parameterUncertainty === false) parts.push('--no-parameter-uncertainty');
  else if (o.parameterSource) parts.push('--parameter-source', o.parameterSource);
  if (!o.sensitivity) parts.push('--no-sensitivity');
  else if (o.trajectories !== (o.doc.sensitivity?.trajectories ?? 10))
    parts.push('--trajectories', String(o.trajectories));
  for (const f of o.files) parts.push('--file', f);
  return parts.join(' ');
}

async function storeExperiment(
  file: string,
  result: ExperimentResult,
  jobs: readonly ExperimentJob[],
  outputs: readonly { engineDigest: string; agents: number; wallMs: number }[],
  rows: readonly IndicatorRow[][],
  stats: readonly StatRow[],
): Promise<void> {
  const store = await ResultStore.open(file, 'write');
  try {
    const now = new Date();
    const taken = new Set<string>();
    const comparisonId = newId('cmp', now, taken);
    const id = newId('exp', now, taken);
    const createdAt = now.toISOString();
    const context = {
      newRunId: () => newId('run', now, taken),
      createdAt,
      codeVersion: result.codeVersion,
      commandLine: result.commandLine,
      comparisonId,
    };
    const runs: { run: Omit<RunRecord, 'rowCount'>; rows: IndicatorRow[] }[] = jobs.map((job, i) => ({
      rows: rows[i],
      run: memberRunRecord(job, outputs[i], rows[i], context),
    }));
    const comparison: ComparisonRecord = {
      id: comparisonId,
      createdAt,
      scenario: result.scenario,
      regimes: result.arms.map((a) => a.id),
      seeds: result.seeds,
      scale: result.scale,
      from: result.from,
      to: result.to,
      threads: result.threads,
      codeVersion: result.codeVersion,
      commandLine: result.commandLine,
      intervalMethod: INTERVAL_METHOD,
      wallMs: result.wallMs,
      members: jobs.map((j, i) => ({ regime: j.arm.id, seed: j.seed, runId: runs[i].run.id })),
    };
    result.id = id;
    result.comparisonId = comparisonId;
    result.store = store.file;
    await store.addExperiment(
      { id, createdAt, experiment: result.experiment, verdict: result.verdict, comparisonId, result },
      comparison,
      runs,
      stats,
    );
  } finally {
    store.close();
  }
}

/** This module's folder (for docs and tests). */
export const EXPERIMENTS_DIR = fileURLToPath(new URL('.', import.meta.url));
