/**
 * `regimes fit`: the model's error against the data of 1990–2005, beside persistence and a gravity
 * model, and out of sample against the series that go on after 2005.
 */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { claimOutputs, recordOutputs } from '../../shared/output-files.ts';
import { join } from 'node:path';
import { readDocuments } from '../../ensemble/documents.ts';
import { collect, defaultThreads, parseScale, parseSeedSet, parseThreads } from '../../ensemble/options.ts';
import { progressBar } from '../../ensemble/progress.ts';
import { formatDuration } from '../../ensemble/format.ts';
import { FIT_DEFAULTS, executeFit } from '../../fit/execute-fit.ts';
import type { FitReport } from '../../fit/execute-fit.ts';
import {
  FIT_METRIC,
  METHODS,
  METHOD_TITLES,
  OUT_OF_SAMPLE_METHODS,
  OUT_OF_SAMPLE_TITLES,
} from '../../fit/fit-table.ts';
import type { FitGroup, FitRow, Method } from '../../fit/fit-table.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress, FORCE_HELP } from '../output.ts';
import { ENGINE_DEPS } from './run.ts';
import { MECHANISMS } from '../../sim/index.ts';
import type { SimulationDeps } from './run.ts';

interface FitCliOptions extends CommonOptions {
  scenario: string;
  regime: string;
  seeds: string;
  scale?: string;
  threads?: string;
  out?: string;
  file?: string[];
  without?: string[];
}

/** Registers `fit`. */
export function registerFit(program: Command, deps: SimulationDeps = ENGINE_DEPS): void {
  program
    .command('fit')
    .description(
      'error of the model (under the historical regime) against the data of 1990–2005, with persistence and gravity baselines, and out of sample (2006–2020) against the series that go on',
    )
    .option('--scenario <id>', 'scenario whose world and scale are used', FIT_DEFAULTS.scenario)
    .option('--regime <id>', 'the regime taken as the historical one', FIT_DEFAULTS.regime)
    .option(
      '--file <yaml>',
      'a document file (your own regime, policies, scenario…) to load with the built-ins (repeatable)',
      collect,
    )
    .option(
      '--seeds <n>',
      'seeds averaged for the model: a count (seeds 1…n) or a list (4,5,6: seeds another fit did not see)',
      String(FIT_DEFAULTS.seeds),
    )
    .option(
      '--without <mechanism>',
      `switch a mechanism of the world model off, for an ablation (repeatable; ${MECHANISMS.join(', ')})`,
      collect,
    )
    .option('--scale <k>', "persons per agent (default: the scenario's)")
    .option('--threads <t>', 'worker threads (default: the cores)')
    .option('--out <dir>', 'also write fit.json and fit.md here')
    .option('--force', FORCE_HELP)
    .option('--json', 'print the full report (every series and year) as JSON on stdout')
    .option('--quiet', 'no progress bar or notes on stderr')
    .addHelpText('after', `\nMetric: ${FIT_METRIC}.`)
    .action(async (opts: FitCliOptions) => {
      const threads = opts.threads === undefined ? defaultThreads() : parseThreads(opts.threads);
      const outputs = opts.out ? [join(opts.out, 'fit.json'), join(opts.out, 'fit.md')] : [];
      claimOutputs(outputs, { force: opts.force }); // before the fit: a user's file in the way stops it at once
      let bar = progressBar(false, 0, '');
      const report = await executeFit({
        scenario: opts.scenario,
        regime: opts.regime,
        documents: opts.file?.length ? readDocuments(opts.file) : undefined,
        seeds: parseSeedSet(opts.seeds),
        without: opts.without,
        scale: opts.scale === undefined ? undefined : parseScale(opts.scale),
        threads,
        runnerModule: deps.runnerModule,
        onPlanned: (jobs, plan) => {
          const spans = [...new Set(jobs.map((j) => `${j.from}–${j.to}`))].sort();
          note(
            opts,
            `fit: ${plan.job.scenario} under ${plan.job.regime}, ${jobs.length / spans.length} seeds over each of ${spans.join(' and ')}, ${plan.job.scale} persons per agent`,
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
        writeFileSync(outputs[0], JSON.stringify(report, null, 2) + '\n');
        writeFileSync(
          outputs[1],
          `${report.markdown}\n\nAims, the model run freely from ${report.years.from}:\n\n${report.aims.markdown}\n\nOut of sample, ${report.outOfSample.years.from}–${report.outOfSample.years.to}:\n\n${report.outOfSample.markdown}\n`,
        );
        recordOutputs(outputs);
      }
      if (opts.json) printJson(report);
      else printFit(report);
    });
}

const WIDTH = 17;

function printFit(r: FitReport): void {
  printLine(
    `fit ${r.years.from}–${r.years.to}: ${r.scenario} under ${r.regime}${r.without.length ? ` without ${r.without.join(', ')}` : ''}, ${r.seeds.length} seeds, ${r.scale} persons per agent (${formatDuration(r.wallMs)})`,
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
  printTable(METHODS, METHOD_TITLES, r.rows, r.groups);
  printLine();
  printAims(r);
  const o = r.outOfSample;
  printLine();
  printLine(
    `out of sample, ${o.years.from}–${o.years.to} (not used in calibration): the model from ${r.years.from} against the series that go on after ${r.years.to}; persistence: ${o.persistence}`,
  );
  printLine();
  printTable(OUT_OF_SAMPLE_METHODS, OUT_OF_SAMPLE_TITLES, o.rows, o.groups);
}

function printTable(
  methods: readonly Method[],
  titles: Record<Method, string>,
  rows: readonly FitRow[],
  groups: readonly FitGroup[],
): void {
  const width = Math.max(WIDTH, ...methods.map((m) => titles[m].length + 2));
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`).padStart(width);
  printLine(`  ${'series'.padEnd(44)}${methods.map((m) => titles[m].padStart(width)).join('')}`);
  for (const row of rows)
    printLine(`  ${row.label.slice(0, 43).padEnd(44)}${methods.map((m) => pct(row.mape[m])).join('')}`);
  printLine();
  printLine('mean MAPE per group:');
  for (const g of groups)
    printLine(`  ${`${g.group} (${g.series})`.padEnd(44)}${methods.map((m) => pct(g.mape[m])).join('')}`);
  const several = groups.filter((g) => g.series > 1);
  if (several.length) printLine('median MAPE per group of several series:');
  for (const g of several)
    printLine(`  ${`${g.group} (${g.series})`.padEnd(44)}${methods.map((m) => pct(g.median[m])).join('')}`);
}

/** The aims per country (aims.ts): the free run from 1990 beside the baselines, one line per group. */
function printAims(r: FitReport): void {
  printLine(
    `aims, the model run freely from ${r.years.from} (persistence: the 1990 values held; growth: scaled by the world stock's growth):`,
  );
  const head = ['model', 'persistence', 'growth', 'gravity'];
  printLine(`  ${'group'.padEnd(46)}${'aim'.padStart(9)}${head.map((h) => h.padStart(13)).join('')}`);
  for (const g of r.aims.groups) {
    const fmt = (v: number | null) => (v === null ? '—' : g.unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(3));
    const cells = [g.model, g.persistence, g.growth, g.gravity].map((v) => fmt(v).padStart(13)).join('');
    printLine(`  ${g.title.padEnd(46)}${`≤ ${fmt(g.aim)}`.padStart(9)}${cells}${g.met ? '' : '  missed'}`);
  }
  for (const g of r.aims.groups) printLine(`  ${g.title}: ${g.metric}`);
}
