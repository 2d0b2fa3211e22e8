/** `regimes fit`: the model's error against the data of 1990–2005, beside persistence and a gravity model. */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocuments } from '../../ensemble/documents.ts';
import { collect, defaultThreads, parseScale, parseSeedCount, parseThreads } from '../../ensemble/options.ts';
import { progressBar } from '../../ensemble/progress.ts';
import { formatDuration } from '../../ensemble/format.ts';
import { FIT_DEFAULTS, executeFit } from '../../fit/execute-fit.ts';
import type { FitReport } from '../../fit/execute-fit.ts';
import { FIT_METRIC, METHODS, METHOD_TITLES } from '../../fit/fit-table.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress } from '../output.ts';
import { ENGINE_DEPS } from './run.ts';
import type { SimulationDeps } from './run.ts';

interface FitCliOptions extends CommonOptions {
  scenario: string;
  regime: string;
  seeds: string;
  scale?: string;
  threads?: string;
  out?: string;
  file?: string[];
}

/** Registers `fit`. */
export function registerFit(program: Command, deps: SimulationDeps = ENGINE_DEPS): void {
  program
    .command('fit')
    .description(
      'error of the model (under the historical regime) against the data of 1990–2005, with persistence and gravity baselines',
    )
    .option('--scenario <id>', 'scenario whose world and scale are used', FIT_DEFAULTS.scenario)
    .option('--regime <id>', 'the regime taken as the historical one', FIT_DEFAULTS.regime)
    .option(
      '--file <yaml>',
      'a document file (your own regime, policies, scenario…) to load with the built-ins (repeatable)',
      collect,
    )
    .option('--seeds <n>', 'seeds averaged for the model', String(FIT_DEFAULTS.seeds))
    .option('--scale <k>', "persons per agent (default: the scenario's)")
    .option('--threads <t>', 'worker threads (default: the cores)')
    .option('--out <dir>', 'also write fit.json and fit.md here')
    .option('--json', 'print the full report (every series and year) as JSON on stdout')
    .option('--quiet', 'no progress bar or notes on stderr')
    .addHelpText('after', `\nMetric: ${FIT_METRIC}.`)
    .action(async (opts: FitCliOptions) => {
      const threads = opts.threads === undefined ? defaultThreads() : parseThreads(opts.threads);
      let bar = progressBar(false, 0, '');
      const report = await executeFit({
        scenario: opts.scenario,
        regime: opts.regime,
        documents: opts.file?.length ? readDocuments(opts.file) : undefined,
        seeds: parseSeedCount(opts.seeds),
        scale: opts.scale === undefined ? undefined : parseScale(opts.scale),
        threads,
        runnerModule: deps.runnerModule,
        onPlanned: (jobs, plan) => {
          const starts = [...new Set(jobs.map((j) => j.from))].sort();
          note(
            opts,
            `fit: ${plan.job.scenario} under ${plan.job.regime}, ${jobs.length / starts.length} seeds from each of ${starts.join(' and ')} to ${plan.job.to}, ${plan.job.scale} persons per agent`,
          );
          bar = progressBar(
            wantsProgress(opts),
            jobs.reduce((sum, j) => sum + j.to - j.from + 1, 0),
            'fit',
            'member-years',
          );
        },
        onYear: () => bar.tick(),
      }).finally(() => bar.stop());
      if (opts.out) {
        mkdirSync(opts.out, { recursive: true });
        writeFileSync(join(opts.out, 'fit.json'), JSON.stringify(report, null, 2) + '\n');
        writeFileSync(join(opts.out, 'fit.md'), report.markdown + '\n');
      }
      if (opts.json) printJson(report);
      else printFit(report);
    });
}

const WIDTH = 17;
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`).padStart(WIDTH);

function printFit(r: FitReport): void {
  printLine(
    `fit ${r.years.from}–${r.years.to}: ${r.scenario} under ${r.regime}, ${r.seeds.length} seeds, ${r.scale} persons per agent (${formatDuration(r.wallMs)})`,
  );
  printLine(`metric: ${r.metric}`);
  printLine(
    `persistence: ${r.persistence}; gravity: ${r.gravity.method} (pseudo-R² ${r.gravity.pseudoR2.toFixed(3)}, ${r.gravity.observations} pair-years)`,
  );
  printLine();
  printLine(
    `model from ${r.forecastOrigin}: starts from the observed state of ${r.forecastOrigin}, the year persistence stands in; model from ${r.years.from}: runs freely from ${r.years.from}`,
  );
  printLine();
  printLine(`  ${'series'.padEnd(44)}${METHODS.map((m) => METHOD_TITLES[m].padStart(WIDTH)).join('')}`);
  for (const row of r.rows)
    printLine(`  ${row.label.slice(0, 43).padEnd(44)}${METHODS.map((m) => pct(row.mape[m])).join('')}`);
  printLine();
  printLine('mean MAPE per group:');
  for (const g of r.groups)
    printLine(`  ${`${g.group} (${g.series})`.padEnd(44)}${METHODS.map((m) => pct(g.mape[m])).join('')}`);
}
