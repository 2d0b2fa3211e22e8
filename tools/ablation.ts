/**
 * The ablation of the world model's mechanisms (docs/results.md): the free run from 1990 to 2005
 * with every mechanism on, then with each switched off in turn (src/sim/mechanisms.ts), scored on
 * the aims of src/fit/aims.ts as `regimes fit` scores them (the mean rows of the seeds, so the first
 * row is `regimes fit`'s aims on the same seeds), beside the calibration loss
 * (src/sim/calibration-loss.ts). Prints a Markdown table, and the time of each row on stderr.
 *
 *   npx tsx tools/ablation.ts [--scale K] [--seeds S|A,B,…] [--mechanisms NAME,…] [--json]
 *
 * (`regimes fit --without NAME` gives the same switch in the full fit, with the baselines.)
 */
import { Command } from 'commander';
import { AIM_GROUPS, AIM_INFO, aimsReport } from '../src/fit/aims.ts';
import type { AimGroupId } from '../src/fit/aims.ts';
import { meanRows } from '../src/fit/model-series.ts';
import { optionParser, parseScale, parseSeedSet } from '../src/ensemble/options.ts';
import { calibrationLossOfRuns, calibrationTargets } from '../src/sim/calibration-loss.ts';
import { MECHANISMS, mechanismSwitches } from '../src/sim/index.ts';
import { freeRun } from './free-run.ts';

const opts = new Command('npx tsx tools/ablation.ts')
  .description('each mechanism of the world model off in turn: the aims and the calibration loss')
  .option('--scale <k>', 'persons per agent (the aims are at 1000)', optionParser(parseScale), 1000)
  .option(
    '--seeds <s>',
    "a count (seeds 1…S) or a list; their mean rows scored, as regimes fit's",
    optionParser(parseSeedSet),
    [1, 2, 3],
  )
  .option(
    '--mechanisms <names>',
    'switch off only these, in turn (comma-separated; default every one)',
    optionParser((t: string) => {
      const names = t.split(',');
      mechanismSwitches(names); // refuses an unknown name
      return names;
    }),
  )
  .option('--json', 'print the rows as JSON')
  .parse()
  .opts<{ scale: number; seeds: number[]; mechanisms?: string[]; json?: boolean }>();
const { scale, seeds } = opts;

const { world, inSample, run } = await freeRun(scale);
const targets = calibrationTargets(world);

interface Row {
  off: string | null;
  aims: Record<AimGroupId, number>;
  loss: number;
  seconds: number;
}

/** Each aim's score and the loss of the seeds' mean rows, with `off` switched off. */
function score(off: string | null): Row {
  const t0 = performance.now();
  const runs = seeds.map((seed) => run(seed, { mechanisms: mechanismSwitches(off ? [off] : []) }));
  const rows = meanRows(runs);
  const aims = Object.fromEntries(aimsReport(inSample, rows).map((g) => [g.id, g.model ?? NaN])) as Record<
    AimGroupId,
    number
  >;
  const loss = calibrationLossOfRuns(targets, runs).total;
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`${off ?? 'all on'}: ${seconds.toFixed(1)} s for ${seeds.length} seeds\n`);
  return { off, aims, loss, seconds };
}

const wanted = opts.mechanisms ?? MECHANISMS;
const all = score(null);
const rows = [all, ...wanted.map(score)];
const total = rows.reduce((s, r) => s + r.seconds, 0);
if (opts.json) {
  process.stdout.write(`${JSON.stringify({ scale, seeds, seconds: total, rows }, null, 2)}\n`);
} else {
  const fmt = (g: AimGroupId, v: number) => (AIM_INFO[g].unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(3));
  const cell = (r: Row, g: AimGroupId) => {
    if (r === all) return fmt(g, r.aims[g]);
    const d = r.aims[g] - all.aims[g];
    return `${fmt(g, r.aims[g])} (${d >= 0 ? '+' : '−'}${fmt(g, Math.abs(d))})`;
  };
  const lines = [
    `| run | ${AIM_GROUPS.map((g) => AIM_INFO[g].title).join(' | ')} | loss |`,
    `|---|${AIM_GROUPS.map(() => '---:').join('|')}|---:|`,
    ...rows.map(
      (r) =>
        `| ${r.off ? `without \`${r.off}\`` : 'every mechanism on'} | ${AIM_GROUPS.map((g) => cell(r, g)).join(' | ')} | ${r.loss.toFixed(3)} |`,
    ),
  ];
  process.stdout.write(
    `Free run 1990–2005, seeds ${seeds.join(', ')} (their mean rows), ${scale} persons per agent, ${total.toFixed(0)} s (${(total / rows.length).toFixed(1)} s a row); change against every mechanism on in parentheses:\n\n${lines.join('\n')}\n`,
  );
}
