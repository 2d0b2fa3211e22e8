/**
 * The ablation of the world model's mechanisms (docs/results.md): the free run from 1990 to 2005
 * with every mechanism on, then with each switched off in turn (src/sim/mechanisms.ts), scored on
 * the aims of src/fit/aims.ts (the mean over seeds of each group's score), beside the calibration
 * loss (src/sim/calibration-loss.ts). Prints a Markdown table.
 *
 *   npx tsx tools/ablation.ts [--scale K] [--seeds S]
 *
 * (`regimes fit --without NAME` gives the same switch in the full fit, with the baselines.)
 */
import { AIM_GROUPS, AIM_INFO, aimsReport } from '../src/fit/aims.ts';
import type { AimGroupId } from '../src/fit/aims.ts';
import { calibrationLoss, calibrationTargets } from '../src/sim/calibration-loss.ts';
import { MECHANISMS, mechanismSwitches } from '../src/sim/index.ts';
import { argument, freeRun } from './free-run.ts';

const scale = argument('scale', 5000);
const seeds = argument('seeds', 2);
const { world, inSample, run } = await freeRun(scale);
const targets = calibrationTargets(world);

/** Mean over the seeds of each aim's model score and of the loss, with `off` switched off. */
function score(off: string[]): { aims: Record<AimGroupId, number>; loss: number } {
  const aims = Object.fromEntries(AIM_GROUPS.map((g) => [g, 0])) as Record<AimGroupId, number>;
  let loss = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const rows = run(seed, { mechanisms: mechanismSwitches(off) });
    for (const g of aimsReport(inSample, rows)) aims[g.id] += (g.model ?? NaN) / seeds;
    loss += calibrationLoss(targets, rows).total / seeds;
    process.stderr.write(`${off.join(',') || 'all on'}: seed ${seed} done\n`);
  }
  return { aims, loss };
}

const fmt = (g: AimGroupId, v: number) => (AIM_INFO[g].unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(3));
const all = score([]);
const lines = [
  `| run | ${AIM_GROUPS.map((g) => AIM_INFO[g].title).join(' | ')} | loss |`,
  `|---|${AIM_GROUPS.map(() => '---:').join('|')}|---:|`,
  `| every mechanism on | ${AIM_GROUPS.map((g) => fmt(g, all.aims[g])).join(' | ')} | ${all.loss.toFixed(2)} |`,
];
for (const m of MECHANISMS) {
  const s = score([m]);
  const cell = (g: AimGroupId) => {
    const d = s.aims[g] - all.aims[g];
    return `${fmt(g, s.aims[g])} (${d >= 0 ? '+' : '−'}${fmt(g, Math.abs(d))})`;
  };
  lines.push(`| without \`${m}\` | ${AIM_GROUPS.map(cell).join(' | ')} | ${s.loss.toFixed(2)} |`);
}
process.stdout.write(
  `Free run 1990–2005, ${seeds} seeds, ${scale} persons per agent; each cell the mean over the seeds (change against every mechanism on):\n\n${lines.join('\n')}\n`,
);
