/** `regimes displacement DIR`: forced displacement on a Flee conflict scenario, scored against UNHCR camp counts. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  formatWarning,
  freshOutDir,
  readLeversFile,
  runDisplacement,
  summarize,
  writeOutputs,
} from '../../displacement/index.ts';
import type { FleeScenario, ResolvedLevers, RuleSet } from '../../displacement/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress, FORCE_HELP } from '../output.ts';
import { UsageError } from '../usage-error.ts';

interface DisplacementOptions extends CommonOptions {
  seed: string;
  seeds: string;
  rules: string;
  hasten?: string;
  days?: string;
  out?: string;
  levers?: string;
  regime?: string;
  regimeDate?: string;
  persecutedShare?: string;
  strict?: boolean;
}

/** Registers `displacement`. */
export function registerDisplacement(program: Command): void {
  program
    .command('displacement')
    .description(
      'simulate forced displacement on a Flee conflict scenario (locations, routes, conflicts) and score it against UNHCR camp counts',
    )
    .argument(
      '<dir>',
      'scenario folder in Flee layout (input_csv/, source_data/, simsetting.yml), e.g. data/flee/mali2012',
    )
    .option('--seed <n>', 'random seed (first seed with --seeds)', '1')
    .option('--seeds <n>', 'number of seeds to run (seed, seed+1, ...); reports mean ARD and its spread', '1')
    .option(
      '--rules <set>',
      'movement rules: improved (Flee with its quirks fixed; lower ARD on every shipped conflict) or flee (Flee as it runs, for like-for-like comparison)',
      'improved',
    )
    .option(
      '--hasten <n>',
      "divide populations and counts by n (Flee's optimisations.hasten; overrides simsetting.yml)",
    )
    .option('--days <n>', 'simulate only the first n days (default: sim_period.csv Length)')
    .option('--out <dir>', 'folder for out.csv (default: a fresh folder under out/displacement/)')
    .option(
      '--levers <file>',
      'regime levers (YAML): border closures, camp capacity, asylum doctrines, stranding',
    )
    .option(
      '--regime <id>',
      'take the asylum levers from a regime document of the library, resolved at the scenario start date',
    )
    .option(
      '--regime-date <date>',
      'resolve --regime at this date instead of the scenario start date (YYYY-MM-DD)',
    )
    .option(
      '--persecuted-share <x>',
      'with --regime: share of the displaced with an individual persecution claim (needed when a country applies only the 1951 test)',
    )
    .option(
      '--strict',
      'refuse what Flee reads but is irregular (unsorted series, conflicts columns for unknown places, unknown closure types …) instead of reading it with a warning',
    )
    .option('--force', FORCE_HELP)
    .option('--json', 'print the summary as JSON on stdout (warnings are in it too)')
    .option('--quiet', 'no notes or progress on stderr')
    .action(async (dir: string, opts: DisplacementOptions) => {
      const seed = int(opts.seed, '--seed', -2147483648);
      const seeds = int(opts.seeds, '--seeds', 1);
      if (opts.rules !== 'flee' && opts.rules !== 'improved')
        throw new UsageError(`--rules must be flee or improved, not ${JSON.stringify(opts.rules)}`);
      const hasten = opts.hasten === undefined ? undefined : int(opts.hasten, '--hasten', 1);
      const days = opts.days === undefined ? undefined : int(opts.days, '--days', 1);
      if (opts.levers && opts.regime) throw new UsageError('use either --levers or --regime, not both');
      let levers: ((s: FleeScenario) => ResolvedLevers) | undefined;
      if (opts.levers) levers = (s) => readLeversFile(opts.levers!, s);
      const share = opts.persecutedShare === undefined ? undefined : Number(opts.persecutedShare);
      if (share !== undefined && !(share >= 0 && share <= 1))
        throw new UsageError(
          `--persecuted-share: expected a number between 0 and 1, got ${JSON.stringify(opts.persecutedShare)}`,
        );
      if (opts.regime) {
        // Loaded only for --regime: the regime library is the slowest part of starting this command.
        const { leversFromRegime } = await import('../../displacement/regime-levers.ts');
        levers = (s) => leversFromRegime(opts.regime!, s, { date: opts.regimeDate, persecutedShare: share });
      }

      const started = performance.now();
      const bar = wantsProgress(opts)
        ? new cliProgress.SingleBar(
            { format: 'displacement {bar} {value}/{total} days', stream: process.stderr },
            cliProgress.Presets.shades_classic,
          )
        : null;
      const run = runDisplacement(dir, {
        seed,
        seeds,
        rules: opts.rules as RuleSet,
        hasten,
        days,
        levers,
        strict: opts.strict,
        onLoaded: (s) => {
          for (const w of s.warnings) note(opts, `warning: ${formatWarning(w)}`);
          bar?.start(seeds * s.days, 0);
        },
        onDay: bar ? (_k, d) => d % 10 === 9 && bar.increment(10) : undefined,
      });
      bar?.stop();
      const wallS = (performance.now() - started) / 1000;
      const outDir = opts.out ?? freshOutDir(run.scenario.name);
      const files = writeOutputs(run, outDir, { force: opts.force });
      const summary = summarize(run, wallS, files);
      note(opts, `wrote ${files.join(', ')}`);
      if (opts.json) return printJson(summary);
      const s = run.scenario;
      printLine(
        `${s.name}: ${s.days} days from ${s.startDate}, ${summary.agents} agents (hasten ${s.settings.hasten}), rules ${run.rules}`,
      );
      const spread = seeds > 1 ? ` ± ${run.ardSd.toFixed(4)} (sd over ${seeds} seeds)` : ` (seed ${seed})`;
      const flee = run.fleeArd ? `   Flee: ${run.fleeArd.ard.toFixed(4)} (${run.fleeArd.note})` : '';
      printLine(`ARD ${run.ard.toFixed(4)}${spread}${flee}`);
      if (summary.spawning !== 'unhcr-series')
        printLine(
          `(${summary.spawning} spawning: out.csv gives a UNHCR camp total of 0, as Flee's does, so the ARD measures the data alone)`,
        );
      printLine('');
      printLine(
        `${'camp'.padEnd(18)}${'sim'.padStart(9)}${'UNHCR'.padStart(9)}${'ARD part'.padStart(10)}${'arrivals'.padStart(10)}`,
      );
      const nc = s.camps.length;
      const r0 = run.runs[0].result;
      Array.from(s.camps).forEach((ci, c) => {
        const name = s.locations[ci].name;
        const sim = r0.campSim[(s.days - 1) * nc + c];
        const data = s.campData[(s.days - 1) * nc + c];
        printLine(
          `${name.padEnd(18)}${String(sim).padStart(9)}${String(data).padStart(9)}${summary.ard_per_camp[name].toFixed(4).padStart(10)}${String(r0.campArrivals[c]).padStart(10)}`,
        );
      });
      if (summary.stranded.total > 0 || summary.turned_away > 0) {
        printLine('');
        printLine(
          `stranded at borders: ${summary.stranded.total}${summary.turned_away ? `, turned away and sent back: ${summary.turned_away}` : ''}`,
        );
        for (const [loc, v] of Object.entries(summary.stranded.by_location))
          printLine(`  ${loc.padEnd(16)}${String(v).padStart(9)}`);
      }
      printLine(`wall ${wallS.toFixed(2)} s; out.csv in ${outDir}`);
      printLine(`output digest ${run.runs[0].outputDigest} (sha256 of out.csv)`);
    });
}

function int(text: string, flag: string, min: number): number {
  if (!/^-?\d+$/.test(text.trim()) || Number(text) < min)
    throw new UsageError(`${flag}: expected an integer ≥ ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}
