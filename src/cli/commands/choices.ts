/**
 * `regimes choices --origin MMR --year 2000`: where one origin's would-be movers go in one year of a
 * run and why — each mover class's persons and savings, the share who choose to move against
 * staying, and its best options with their utility, cost, whether the class can pay, the persons who
 * choose them and the share the caps admit (kernels/move/decision-probe.ts). The run is the one
 * `regimes run` makes with the same scenario, regime, seed and scale, up to that year, on one thread.
 */
import type { Command } from 'commander';
import { explainChoices } from '../../ensemble/explain-choices.ts';
import type { ChoicesReport } from '../../ensemble/explain-choices.ts';
import { parseScale, parseSeed, parseTop, parseYear } from '../../ensemble/options.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine } from '../output.ts';

interface ChoicesOptions extends CommonOptions {
  origin: string;
  year: string;
  scenario: string;
  regime?: string;
  seed: string;
  scale?: string;
  top: string;
  forced?: boolean;
  affordable?: boolean;
  without?: string[];
}

/** Registers `choices`. */
export function registerChoices(program: Command): void {
  program
    .command('choices')
    .description(
      "explain where one origin's would-be movers go in one year of a run: per mover class, the share who move and the best options with utility, cost, affordability and the caps' admission",
    )
    .requiredOption('--origin <iso3>', 'the country of origin (ISO 3166 alpha-3, e.g. MMR)')
    .requiredOption('--year <year>', 'the year of the decisions (within the scenario’s years)')
    .option('--scenario <id>', 'scenario whose world, regime and scale are used', 'world-1990-2020')
    .option('--regime <id>', "regime to run under (default: the scenario's)")
    .option('--seed <n>', 'random seed, 0 to 2^32-1', '1')
    .option('--scale <k>', "persons per agent (default: the scenario's)")
    .option('--top <n>', 'options shown per mover class, best first', '8')
    .option('--forced', 'show the classes of those forced to consider flight (default: the voluntary)')
    .option('--affordable', 'show only the options each class can pay for')
    .option(
      '--without <mechanism>',
      'switch a mechanism of the world model off (repeatable; as regimes fit)',
      (v: string, acc: string[] = []) => [...acc, v],
    )
    .option('--json', 'print every class and option as JSON on stdout')
    .option('--quiet', 'no notes on stderr')
    .action(async (opts: ChoicesOptions) => {
      const top = parseTop(opts.top); // before the run: a bad option stops it at once
      const report = await explainChoices({
        origin: opts.origin,
        year: parseYear('--year', opts.year),
        scenario: opts.scenario,
        regime: opts.regime,
        seed: parseSeed(opts.seed),
        scale: opts.scale === undefined ? undefined : parseScale(opts.scale),
        without: opts.without,
      });
      note(
        opts,
        `${report.scenario} under ${report.regime}, seed ${report.seed}, ${report.scale} persons per agent, ${report.from}–${report.year} (${Math.round(report.wallMs / 1000)} s)`,
      );
      if (opts.json) printJson(report);
      else printChoices(report, { top, forced: opts.forced === true, affordable: opts.affordable === true });
    });
}

const thousands = (v: number) => (v >= 1e4 ? `${Math.round(v / 1e3)} k` : `${Math.round(v)}`);
const dollars = (v: number) => `US$ ${Math.round(v).toLocaleString('en-US')}`;

interface PrintOptions {
  top: number;
  forced: boolean;
  affordable: boolean;
}

function printChoices(r: ChoicesReport, how: PrintOptions): void {
  const { top, forced } = how;
  const d = r.decisions;
  printLine(
    `${d.origin} ${d.year}: ${thousands(d.voluntary)} would-be movers, ${thousands(d.forced)} forced to consider flight; income ${dollars(d.income)} a head`,
  );
  const classes = d.classes.filter((c) => c.forced === forced);
  if (!classes.length)
    printLine(forced ? '  nobody is forced to consider flight this year' : '  no would-be movers this year');
  for (const c of classes) {
    const share = c.persons > 0 ? c.movers / c.persons : 0;
    const admitted = c.options.reduce((sum, o) => sum + o.chosen * o.admitted, 0);
    printLine();
    printLine(
      `  ${c.skill}-skilled, savings band ${c.band} (${dollars(c.savings)}): ${thousands(c.persons)} persons, ${(share * 100).toFixed(0)}% choose to move, ${thousands(admitted)} admitted, ${thousands(c.movers - admitted)} refused by the caps; staying ${c.stayUtility.toFixed(2)}`,
    );
    const shown = how.affordable ? c.options.filter((o) => o.affordable) : c.options;
    for (const o of shown.slice(0, top))
      printLine(
        `    ${o.destination} ${o.channel.padEnd(16)} ${o.utility.toFixed(2).padStart(6)}  ${dollars(o.cost).padStart(12)}  ${o.affordable ? `${thousands(o.chosen).padStart(6)} choose, ${(o.admitted * 100).toFixed(0)}% admitted` : 'cannot pay'}`,
      );
  }
}
