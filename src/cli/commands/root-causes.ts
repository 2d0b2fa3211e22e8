/** `regimes root-causes`: the root-cause relations estimated from the shipped data (docs/model.md §9). */
import type { Command } from 'commander';
import type { PanelFit, RootCauseEstimates } from '../../rootcauses/index.ts';
import { estimateRootCauses } from '../../rootcauses/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine } from '../output.ts';

/** Registers `root-causes`. */
export function registerRootCauses(program: Command): void {
  program
    .command('root-causes')
    .description(
      'estimate the root-cause relations from the shipped data: arms imports → conflict deaths, onset and ending; terms of trade → periphery wages; development aid → growth',
    )
    .option('--json', 'print the estimates as JSON on stdout')
    .option('--quiet', 'no progress notes on stderr')
    .action((opts: CommonOptions & { json?: boolean }) => {
      const started = performance.now();
      const estimates = estimateRootCauses(undefined, (what) => note(opts, `estimating ${what}…`));
      note(opts, `estimated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (opts.json) printJson(estimates);
      else printEstimates(estimates);
    });
}

const fmt = (v: number) => v.toFixed(3);

function line(label: string, f: PanelFit): void {
  const c = f.coefficients[0];
  printLine(
    `  ${label.padEnd(34)}${fmt(c.estimate).padStart(8)}  [${fmt(c.interval90[0])}, ${fmt(c.interval90[1])}]  ` +
      `se ${fmt(c.standardError)}  n ${f.observations}, ${f.units} countries, ${f.firstYear}–${f.lastYear}`,
  );
}

function printEstimates(e: RootCauseEstimates): void {
  for (const [title, a] of [
    ['Arms imports (mean of the 3 years before) → conflict; PPML, country and year effects', e.arms],
    ['Arms imports (the year before) → conflict', e.armsOneLag],
  ] as const) {
    printLine(`${title}; elasticity, 90% interval, errors clustered by country:`);
    line('deaths, state-based', a.deaths.stateBased);
    line('deaths, non-state', a.deaths.nonState);
    line('deaths, one-sided', a.deaths.oneSided);
    line('deaths, all types', a.deaths.all);
    line('onset of a state-based conflict', a.onset);
    line('ending of a state-based conflict', a.ending);
    printLine();
  }
  printLine(
    'Terms of trade (the year before) → wages outside the high-income group; OLS, country and year effects:',
  );
  line('ln wage per worker', e.termsOfTrade);
  printLine();
  printLine(
    'Development aid / GDP (the year before) → growth of GDP per head outside the high-income group; OLS, country and year effects:',
  );
  line('Δ ln GDP per head (PPP)', e.developmentAid);
  printLine();
  printLine('Associations, not causal effects (docs/model.md §9).');
}
