/** `regimes run SCENARIO`: one simulation, stored in the results store and optionally exported. */
import type { Command } from 'commander';
import { checkpointing, parseCheckpointEvery } from '../../distributed/checkpoint-run.ts';
import { commandLine } from '../../ensemble/command-line.ts';
import { executeRun } from '../../ensemble/execute-run.ts';
import type { RunSummary } from '../../ensemble/execute-run.ts';
import { formatDuration, formatValue } from '../../ensemble/format.ts';
import { HEADLINE_INDICATORS } from '../../ensemble/headline.ts';
import { readDocuments } from '../../ensemble/documents.ts';
import { startingStockNote } from '../../ensemble/member.ts';
import {
  collect,
  defaultThreads,
  parseScale,
  parseSeed,
  parseThreads,
  parseYear,
} from '../../ensemble/options.ts';
import { progressBar } from '../../ensemble/progress.ts';
import { siblingModule } from '../../shared/spawn-worker.ts';
import { DEFAULT_STORE_FILE, resolveStoreFile } from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress, FORCE_HELP } from '../output.ts';

/** What the simulation commands run: the engine's runner module (tests give a double instead). */
export interface SimulationDeps {
  runnerModule: URL;
}

/** The shipped runner: the real engine. */
export const ENGINE_DEPS: SimulationDeps = {
  runnerModule: siblingModule('../../ensemble/engine-member', import.meta.url),
};

interface RunCliOptions extends CommonOptions {
  regime?: string;
  seed: string;
  scale?: string;
  from?: string;
  to?: string;
  threads?: string;
  out?: string;
  store?: string;
  checkpointEvery?: string;
  file?: string[];
}

/** Registers `run`. */
export function registerRun(program: Command, deps: SimulationDeps = ENGINE_DEPS): void {
  program
    .command('run')
    .description(
      'simulate a scenario under a regime; the results go to the results store and, with --out, to CSV and Parquet',
    )
    .argument('<scenario>', 'scenario id (built in: world-1990-2020, or one of a --file)')
    .option('--regime <id>', "regime to run under (default: the scenario's)")
    .option(
      '--file <yaml>',
      'a document file (your own regime, policies, scenario…) to load with the built-ins (repeatable)',
      collect,
    )
    .option('--seed <n>', 'random seed, 0 to 2^32-1', '1')
    .option('--scale <k>', "persons per agent (default: the scenario's)")
    .option('--from <year>', "first simulated year (default: the scenario's)")
    .option('--to <year>', "last simulated year (default: the scenario's)")
    .option('--threads <t>', 'threads the engine may use (results do not depend on it; default: the cores)')
    .option(
      '--out <dir>',
      'also write indicators.csv, indicators.parquet (year, indicator, country, value) and run.json here',
    )
    .option('--store <file>', `results store (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`)
    .option(
      '--checkpoint-every <n>',
      'save the engine state every N simulated years; if the run stops, `regimes resume RUN` continues it',
    )
    .option('--force', FORCE_HELP)
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress bar or notes on stderr')
    .action(async (scenario: string, opts: RunCliOptions, cmd: Command) => {
      const request = {
        scenario,
        regime: opts.regime,
        seed: parseSeed(opts.seed),
        scale: opts.scale === undefined ? undefined : parseScale(opts.scale),
        from: opts.from === undefined ? undefined : parseYear('--from', opts.from),
        to: opts.to === undefined ? undefined : parseYear('--to', opts.to),
        threads: opts.threads === undefined ? defaultThreads() : parseThreads(opts.threads),
        documents: opts.file?.length ? readDocuments(opts.file) : undefined,
      };
      let bar = progressBar(false, 0, '');
      const storeFile = resolveStoreFile(opts.store);
      const line = commandLine(rawArgs(cmd));
      const every =
        opts.checkpointEvery === undefined ? undefined : parseCheckpointEvery(opts.checkpointEvery);
      const checkpoints =
        every === undefined
          ? undefined
          : checkpointing({ every, storeFile, outDir: opts.out, commandLine: line });
      const summary = await executeRun({
        request,
        storeFile,
        outDir: opts.out,
        force: opts.force,
        commandLine: line,
        runnerModule: deps.runnerModule,
        runId: checkpoints ? checkpoints.runId : undefined,
        member: checkpoints ? checkpoints.member : undefined,
        onPlanned: (plan) => {
          if (checkpoints) note(opts, checkpoints.note);
          const { job } = plan;
          note(
            opts,
            `${job.scenario} under ${job.regime}: seed ${job.seed}, ${job.scale} persons per agent, ${job.from}–${job.to}, ${job.threads} thread${job.threads === 1 ? '' : 's'}`,
          );
          const stock = startingStockNote(plan);
          if (stock) note(opts, stock);
          bar = progressBar(wantsProgress(opts), job.to - job.from + 1, 'run', 'years');
        },
        onYear: (year) => bar.tick(1, { status: String(year) }),
        onStoreWait: (message) => note(opts, message),
      }).finally(() => bar.stop());
      if (checkpoints) checkpoints.finished();
      if (opts.json) printJson(summary);
      else printRunSummary(summary);
    });
}

/** The arguments the program was called with (commander keeps them on the root command). */
export function rawArgs(cmd: Command): string[] {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  return (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
}

function printRunSummary(s: RunSummary): void {
  printLine(`run ${s.runId} stored in ${s.store}`);
  printLine(
    `  ${s.scenario} under ${s.regime}, seed ${s.seed}, ${s.scale} persons per agent, ${s.from}–${s.to}, ${s.threads} thread${s.threads === 1 ? '' : 's'}`,
  );
  printLine(
    `  ${s.agents.toLocaleString('en-US')} agents, ${s.rows.toLocaleString('en-US')} indicator rows, ${formatDuration(s.wallMs)}`,
  );
  printLine(`  output digest ${s.outputDigest}`);
  printLine(`  engine digest ${s.engineDigest}`);
  const all = Object.entries(s.headline.values);
  const headline = all.filter(([k]) => (HEADLINE_INDICATORS as readonly string[]).includes(k));
  printLine(
    `World totals, ${s.headline.year} (headline indicators; ${all.length - headline.length} more in --json, the store and the exports):`,
  );
  for (const [k, v] of headline) printLine(`  ${k.padEnd(24)}${formatValue(k, v).padStart(12)}`);
  if (s.outputs.length) printLine(`wrote ${s.outputs.join(', ')}`);
}
