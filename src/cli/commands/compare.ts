/** `regimes compare SCENARIO --regimes A,B[,C]`: ensembles of each regime over seeds, with paired differences. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PARAMETER_ENSEMBLE_SOURCES } from '../../sim/index.ts';
import type { ParameterEnsembleSource } from '../../sim/index.ts';
import {
  backendFromOptions,
  backendOption,
  formatTallies,
  queueOption,
  redisOption,
} from '../../distributed/cli-options.ts';
import type { BackendCliOptions } from '../../distributed/cli-options.ts';
import { commandLine } from '../../ensemble/command-line.ts';
import { readDocuments } from '../../ensemble/documents.ts';
import { startingStockNote } from '../../ensemble/member.ts';
import { COMPARE_DEFAULT_SEEDS_MAX, executeComparison } from '../../ensemble/execute-compare.ts';
import type { ComparisonSummary } from '../../ensemble/execute-compare.ts';
import { formatDuration, formatValue } from '../../ensemble/format.ts';
import { HEADLINE_INDICATORS, indicatorOrder } from '../../ensemble/headline.ts';
import {
  collect,
  defaultThreads,
  parseRegimeList,
  parseScale,
  parseSeedCount,
  parseThreads,
  parseYear,
} from '../../ensemble/options.ts';
import { progressBar } from '../../ensemble/progress.ts';
import { INTERVAL_METHOD } from '../../ensemble/stats.ts';
import { DEFAULT_STORE_FILE, resolveStoreFile } from '../../store/index.ts';
import type { StatRow } from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress, FORCE_HELP } from '../output.ts';
import { ENGINE_DEPS, rawArgs } from './run.ts';
import type { SimulationDeps } from './run.ts';

interface CompareCliOptions extends CommonOptions, BackendCliOptions {
  regimes: string;
  seeds?: string;
  scale?: string;
  from?: string;
  to?: string;
  threads?: string;
  out?: string;
  store?: string;
  file?: string[];
  parameterUncertainty?: boolean | ParameterEnsembleSource;
}

/** Registers `compare`. */
export function registerCompare(program: Command, deps: SimulationDeps = ENGINE_DEPS): void {
  program
    .command('compare')
    .description(
      'run each regime over several seeds in parallel and report means, 90% intervals and paired differences',
    )
    .argument('<scenario>', 'scenario id (built in: world-1990-2020, or one of a --file)')
    .requiredOption(
      '--regimes <a,b[,c]>',
      'regimes to compare; differences are taken from the first (B-A, C-A)',
    )
    .option(
      '--file <yaml>',
      'a document file (your own regime, policies, scenario…) to load with the built-ins (repeatable)',
      collect,
    )
    .option(
      '--seeds <n>',
      `seeds per regime (1…n; default: the scenario's, at most ${COMPARE_DEFAULT_SEEDS_MAX})`,
    )
    .option(
      '--scale <k>',
      "persons per agent (default: the scenario's; a coarser scale is faster but changes the results)",
    )
    .option('--from <year>', "first simulated year (default: the scenario's)")
    .option('--to <year>', "last simulated year (default: the scenario's)")
    .option('--threads <t>', 'worker threads, one member each at a time (default: the cores)')
    .option('--out <dir>', 'also write comparison.csv, comparison.parquet and comparison.json here')
    .option('--store <file>', `results store (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`)
    .option('--force', FORCE_HELP)
    .addOption(
      new Option(
        '--parameter-uncertainty [source]',
        "seed i runs with member i of the parameter ensemble, so the intervals carry parameter uncertainty too: calibrated-ensemble (the calibration's kept parameter sets, docs/model.md §5; the default where one is shipped) or documented-ranges (every parameter with a documented range drawn uniformly from it)",
      ).choices(PARAMETER_ENSEMBLE_SOURCES),
    )
    .option('--json', 'print the comparison (every year) as JSON on stdout')
    .option('--quiet', 'no progress bar or notes on stderr')
    .addOption(backendOption())
    .addOption(redisOption())
    .addOption(queueOption())
    .addHelpText(
      'after',
      `\nIntervals: ${INTERVAL_METHOD}.\nEach member is stored as a run; the comparison, its members and statistics are stored together.`,
    )
    .action(async (scenario: string, opts: CompareCliOptions, cmd: Command) => {
      const regimes = parseRegimeList(opts.regimes);
      const threads = opts.threads === undefined ? defaultThreads() : parseThreads(opts.threads);
      const backend = backendFromOptions(opts, threads);
      let bar = progressBar(false, 0, '');
      let done = 0;
      let total = 0;
      let workers = '';
      const status = () => `${done}/${total} members done${workers && ` | ${workers}`}`;
      const summary = await executeComparison({
        scenario,
        documents: opts.file?.length ? readDocuments(opts.file) : undefined,
        regimes,
        seeds: opts.seeds === undefined ? undefined : parseSeedCount(opts.seeds),
        scale: opts.scale === undefined ? undefined : parseScale(opts.scale),
        from: opts.from === undefined ? undefined : parseYear('--from', opts.from),
        to: opts.to === undefined ? undefined : parseYear('--to', opts.to),
        threads,
        storeFile: resolveStoreFile(opts.store),
        outDir: opts.out,
        force: opts.force,
        commandLine: commandLine(rawArgs(cmd)),
        runnerModule: deps.runnerModule,
        parameterUncertainty: opts.parameterUncertainty,
        backend,
        onWorkers: (t) => {
          workers = formatTallies(t);
          bar.tick(0, { status: status() });
        },
        onNote: (line) => note(opts, line),
        onStoreWait: (message) => note(opts, message),
        onPlanned: (jobs, plan) => {
          total = jobs.length;
          const years = plan.job.to - plan.job.from + 1;
          note(
            opts,
            `${scenario}: ${regimes.join(' vs ')}, ${jobs.length / regimes.length} seeds, ${plan.job.scale} persons per agent, ${plan.job.from}–${plan.job.to}, ${backend.kind === 'local' ? `${Math.min(jobs.length, threads)} threads` : backend.describe()}`,
          );
          const stock = startingStockNote(plan);
          if (stock) note(opts, stock);
          bar = progressBar(wantsProgress(opts), jobs.length * years, 'compare', 'member-years');
        },
        onYear: () => bar.tick(1, { status: status() }),
        onDone: () => {
          done++;
          bar.tick(0, { status: status() });
        },
      }).finally(() => bar.stop());
      if (opts.json) printJson(summary);
      else printComparison(summary);
    });
}

/** `mean [lo, hi]`, or `mean (n=1)` when too few seeds had a value for an interval. */
const interval = (indicator: string, s: StatRow) =>
  Number.isFinite(s.lo)
    ? `${formatValue(indicator, s.mean)} [${formatValue(indicator, s.lo)}, ${formatValue(indicator, s.hi)}]`
    : `${formatValue(indicator, s.mean)} (n=${s.n})`;

/** Years printed in text: the first, every fifth, and the last (JSON and the store have every year). */
function milestoneYears(from: number, to: number): number[] {
  const years = new Set([from, to]);
  for (let y = Math.ceil(from / 5) * 5; y < to; y += 5) years.add(y);
  return [...years].sort((a, b) => a - b);
}

function printComparison(c: ComparisonSummary): void {
  printLine(
    `comparison ${c.comparisonId} stored in ${c.store} (${c.members.length} member runs; \`regimes runs --members\` lists them)`,
  );
  printLine(
    `  ${c.scenario}: ${c.regimes.join(' vs ')}, seeds ${c.seeds[0]}–${c.seeds[c.seeds.length - 1]}, ${c.scale} persons per agent, ${c.from}–${c.to}, ${c.threads} threads, ${formatDuration(c.wallMs)}`,
  );
  printLine(
    `  means with 90% intervals (Student t over ${c.seeds.length} seeds${c.parameterEnsemble ? `, each with its member of the parameter ensemble (${c.parameterEnsemble.source})` : ''}; differences paired by seed); world totals`,
  );
  const years = new Set(milestoneYears(c.from, c.to));
  const all = [...new Set(c.stats.map((s) => s.indicator))].sort(indicatorOrder);
  const indicators = all.filter((i) => (HEADLINE_INDICATORS as readonly string[]).includes(i));
  const labels = [...c.regimes, ...c.regimes.slice(1).map((r) => `${r}-${c.regimes[0]}`)];
  for (const ind of indicators) {
    printLine();
    printLine(`${ind}`);
    printLine(`  ${'year'.padEnd(6)}${labels.map((l) => l.padEnd(40)).join('')}`.trimEnd());
    const of = c.stats.filter((s) => s.indicator === ind && years.has(s.year));
    for (const y of [...years]) {
      const cells = labels.map((l) => of.find((s) => s.year === y && s.label === l));
      if (cells.every((x) => !x)) continue;
      printLine(
        `  ${String(y).padEnd(6)}${cells.map((s) => (s ? interval(ind, s) : '-').padEnd(40)).join('')}`.trimEnd(),
      );
    }
  }
  printLine();
  printLine(
    `${indicators.length} headline indicators shown at ${[...years].join(', ')}; ${all.length - indicators.length} more indicators and every year are in --json, the store and the exports`,
  );
  if (c.outputs.length) printLine(`wrote ${c.outputs.join(', ')}`);
  printLine(
    `every year: \`regimes export ${c.comparisonId} --out DIR\` (comparison.csv/.parquet); members: \`regimes export RUN --out DIR\``,
  );
}
