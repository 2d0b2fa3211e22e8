/** `regimes experiment NAME | --all`: the seed's claims as controlled experiments, with verdicts and sensitivity. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PARAMETER_ENSEMBLE_SOURCES } from '../../sim/index.ts';
import type { ParameterEnsembleSource } from '../../sim/index.ts';
import { commandLine } from '../../ensemble/command-line.ts';
import { formatDuration } from '../../ensemble/format.ts';
import {
  collect,
  defaultThreads,
  parseScale,
  parseSeedCount,
  parseThreads,
  parseYear,
} from '../../ensemble/options.ts';
import { progressBar } from '../../ensemble/progress.ts';
import { INTERVAL_METHOD } from '../../ensemble/stats.ts';
import { BUILTIN_EXPERIMENTS, runExperiment } from '../../experiments/execute.ts';
import { PREDICTION_INTERVAL_METHOD, ensembleSource } from '../../experiments/uncertainty.ts';
import type { ExperimentResult } from '../../experiments/execute.ts';
import { userError } from '../../shared/errors.ts';
import {
  backendFromOptions,
  backendOption,
  queueOption,
  redisOption,
} from '../../distributed/cli-options.ts';
import type { BackendCliOptions } from '../../distributed/cli-options.ts';
import { DEFAULT_STORE_FILE, resolveStoreFile } from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import { rawArgs } from './run.ts';

interface ExperimentCliOptions extends CommonOptions, BackendCliOptions {
  all?: boolean;
  seeds?: string;
  scale?: string;
  from?: string;
  to?: string;
  threads?: string;
  sensitivity?: boolean;
  parameterUncertainty?: boolean;
  parameterSource?: ParameterEnsembleSource;
  trajectories?: string;
  file?: string[];
  store?: string;
}

/** Registers `experiment`. */
export function registerExperiment(program: Command): void {
  program
    .command('experiment')
    .description(
      'run one of the seed’s claims (or --all) as a controlled experiment: arms over seeds, effects with intervals, a verdict by the criterion declared in its document, and a Morris sensitivity analysis',
    )
    .argument('[name]', `experiment name (built in: ${BUILTIN_EXPERIMENTS.join(', ')})`)
    .option('--all', 'run every built-in experiment, one after another')
    .option('--seeds <n>', "seeds per arm (default: the experiment's)")
    .option('--scale <k>', "persons per agent (default: the experiment's)")
    .option('--from <year>', "first simulated year (default: the experiment's)")
    .option('--to <year>', "last simulated year (default: the experiment's)")
    .option('--threads <t>', 'worker threads (default: the cores)')
    .option('--no-sensitivity', 'skip the sensitivity analysis (and so the audit’s search for a flip)')
    .option(
      '--no-parameter-uncertainty',
      'run every seed at the nominal parameters (intervals then cover seed noise only)',
    )
    .addOption(
      new Option(
        '--parameter-source <source>',
        "the parameter ensemble the seeds draw from: calibrated-ensemble (the calibration's kept sets, the default where shipped) or documented-ranges",
      ).choices(PARAMETER_ENSEMBLE_SOURCES),
    )
    .option('--trajectories <r>', "Morris trajectories (default: the experiment's)")
    .option('--file <yaml>', 'a document file to load with the built-ins (repeatable)', collect)
    .option('--store <file>', `results store (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`)
    .option('--json', 'print the result (with --all: a list of the results) as JSON on stdout')
    .addOption(backendOption())
    .addOption(redisOption())
    .addOption(queueOption())
    .option('--quiet', 'no progress bar or notes on stderr')
    .addHelpText(
      'after',
      `\nVerdict: holds when every condition's interval lies beyond its threshold, does_not_hold when one lies wholly on the other side, else inconclusive; by_construction when the audit finds no setting inside the documented parameter ranges that changes a holds or does_not_hold.\nIntervals: seed i runs with parameter set i of the parameter ensemble (${ensembleSource()}: the calibration's kept parameter sets where shipped, docs/model.md §5, else the documented ranges) and of the institutions' and root causes' documented ranges, and effects get ${PREDICTION_INTERVAL_METHOD}; the seeds-only part is also reported. With --no-parameter-uncertainty: ${INTERVAL_METHOD}.\nThe result is stored (with its arms' runs as a comparison); \`regimes report NAME --out FILE.html\` writes a report.`,
    )
    .action(async (name: string | undefined, opts: ExperimentCliOptions, cmd: Command) => {
      if (opts.all && name) throw new UsageError('experiment: give an experiment name or --all, not both');
      if (!opts.all && !name)
        throw new UsageError(
          `experiment: name an experiment (${BUILTIN_EXPERIMENTS.join(', ')}) or give --all`,
        );
      const names = opts.all ? [...BUILTIN_EXPERIMENTS] : [name!];
      const threads = opts.threads === undefined ? defaultThreads() : parseThreads(opts.threads);
      const trajectories =
        opts.trajectories === undefined
          ? undefined
          : (() => {
              const t = opts.trajectories.trim();
              if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 1000)
                throw userError(
                  'E_RUN_OPTION',
                  `--trajectories: expected a number from 1 to 1000, got ${JSON.stringify(opts.trajectories)}`,
                );
              return Number(t);
            })();
      const request = {
        seeds: opts.seeds === undefined ? undefined : parseSeedCount(opts.seeds),
        scale: opts.scale === undefined ? undefined : parseScale(opts.scale),
        from: opts.from === undefined ? undefined : parseYear('--from', opts.from),
        to: opts.to === undefined ? undefined : parseYear('--to', opts.to),
        threads,
        backend: backendFromOptions(opts, threads),
        sensitivity: opts.sensitivity,
        parameterUncertainty: opts.parameterUncertainty,
        parameterSource: opts.parameterSource,
        trajectories,
        files: opts.file ?? [],
        storeFile: resolveStoreFile(opts.store),
        commandLine: commandLine(rawArgs(cmd)),
      };
      const results: ExperimentResult[] = [];
      for (const n of names) {
        let bar = progressBar(false, 0, '');
        const result = await runExperiment({
          ...request,
          name: n,
          onPlanned: (p) => {
            note(
              opts,
              `${n}: ${p.main} runs (${p.seeds} seeds × arms${request.parameterUncertainty === false ? '' : ', drawn and nominal parameters'}) + ${p.sensitivity} sensitivity runs + up to ${p.search} runs of the audit's search, ${p.scale} persons per agent, ${p.years} years, ${request.backend.kind === 'local' ? `${Math.min(threads, p.main + p.sensitivity)} threads` : request.backend.describe()}`,
            );
            bar = progressBar(
              wantsProgress(opts),
              (p.main + p.sensitivity + p.search) * p.years,
              n,
              'member-years',
            );
          },
          onYear: () => bar.tick(1),
        }).finally(() => bar.stop());
        results.push(result);
        if (!opts.json) printResult(result);
      }
      if (opts.json) printJson(opts.all ? results.map(jsonOf) : jsonOf(results[0]));
    });
}

/** The JSON form: the contract of `--json` first, then the rest of the result. */
function jsonOf(r: ExperimentResult) {
  const { experiment, verdict, criterion, effects, sensitivity, reported, ...rest } = r;
  return {
    experiment,
    verdict,
    criterion,
    effects: effects.map(({ perSeed: _p, ...e }) => (void _p, e)),
    reported: (reported ?? []).map(({ perSeed: _p, ...e }) => (void _p, e)),
    sensitivity,
    ...rest,
  };
}

const num = (v: number) =>
  !Number.isFinite(v)
    ? '—'
    : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0)
      ? v.toExponential(3)
      : Number(v.toPrecision(4)).toString();

/** An effect in words: the indicator in an arm, or the statistic of an arm against its baseline. */
function effectWords(e: ExperimentResult['criterion']['conditions'][number]['effect']): string {
  const when = e.year !== undefined ? `in ${e.year}` : e.over;
  return e.arm === e.baseline
    ? `${e.indicator} [${e.arm}, ${when}]`
    : `${e.statistic} of ${e.indicator} (${when}) ${e.arm} vs ${e.baseline}`;
}

function printResult(r: ExperimentResult): void {
  printLine(
    `${r.experiment}: ${r.verdict.replace(/_/g, ' ').toUpperCase()}${r.verdict === 'by_construction' ? ` (the criterion gives: ${r.criterionVerdict.replace(/_/g, ' ')})` : ''}`,
  );
  printLine(`  ${r.title}`);
  printLine(
    `  ${r.arms.map((a) => a.id).join(' vs ')}; seeds ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]}, ${r.scale} persons per agent, ${r.from}–${r.to}, ${formatDuration(r.wallMs)}`,
  );
  printLine(
    `  criterion (declared in ${r.document}; ${Math.round(r.criterion.confidence * 100)}% intervals, paired by seed):`,
  );
  for (const c of r.criterion.conditions) {
    const e = c.effect;
    const what = effectWords(e);
    const so = e.interval_sources.seedsOnly;
    printLine(
      `    ${c.verdict.padEnd(14)}${c.text}: ${what} = ${num(e.estimate)} [${num(e.low)}, ${num(e.high)}] ${c.op === 'gt' ? '>' : '<'} ${c.value}${so ? `; seeds only ${num(so.estimate)} [${num(so.low)}, ${num(so.high)}]` : ''}`,
    );
  }
  for (const e of r.reported ?? []) {
    const so = e.interval_sources.seedsOnly;
    const what = effectWords(e);
    printLine(
      `    reported      ${e.text}: ${what} = ${num(e.estimate)} [${num(e.low)}, ${num(e.high)}]${so ? `; seeds only ${num(so.estimate)} [${num(so.low)}, ${num(so.high)}]` : ''}`,
    );
  }
  const src = r.effects[0]?.interval_sources;
  if (src)
    printLine(
      `  intervals: ${src.seeds} seeds, parameters ${src.parameters}${src.varied.length ? ` (${src.varied.length} drawn per seed)` : ''}`,
    );
  const a = r.audit;
  printLine(
    `  audit: ${a.inputs.length} assumed, ${a.emergent.length} emergent quantities; flip: ${
      a.flip
        ? `${Object.entries(a.flip.values)
            .map(([k, v]) => `${k} = ${num(v)}`)
            .join(', ')} gives ${a.flip.verdict.replace(/_/g, ' ')}`
        : `none (${a.reason})`
    }`,
  );
  if (r.sensitivitySummary) {
    const s = r.sensitivitySummary;
    printLine(
      `  sensitivity (Morris, ${s.trajectories} trajectories, ${s.points} points, ${s.seeds} seeds each): verdict ${s.robust ? 'the same at every point' : `the same at ${Math.round(100 * s.agreement)}% of points`} (holds ${s.verdicts.holds}, does not hold ${s.verdicts.does_not_hold}, inconclusive ${s.verdicts.inconclusive})`,
    );
    for (const p of r.sensitivity)
      printLine(
        `    ${p.parameter.padEnd(28)}[${num(p.low)}, ${num(p.high)}]  μ* ${p.effects.map((e) => num(e.muStar)).join(' / ')}  σ ${p.effects.map((e) => num(e.sigma)).join(' / ')}`,
      );
  }
  if (r.id)
    printLine(`  stored as ${r.id} in ${r.store}; report: regimes report ${r.id} --out ${r.experiment}.html`);
  printLine(`  reproduce: ${r.reproduce}`);
  printLine();
}
