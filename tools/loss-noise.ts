/**
 * The seeds' noise of the calibration loss (src/sim/calibration-loss.ts), and of a difference of
 * losses between two parameter sets: what a search on k seeds can tell apart (docs/model.md §5).
 * Runs the free run 1990–2005 on seeds 1…N at the values of parameters.ts and at each `--against`
 * set, then scores disjoint groups of k seeds by their mean rows (as `regimes fit` and the search
 * score theirs) for k = 1, 2, 3, 4, ….
 *
 *   npx tsx tools/loss-noise.ts [--scale K] [--seeds N] [--against JSON]...
 */
import { Command } from 'commander';
import { calibrationLossOfRuns } from '../src/sim/calibration-loss.ts';
import { calibrationTables, evaluator } from '../src/sim/calibrate.ts';
import { parseParameterJson } from '../src/sim/calibrate-options.ts';
import type { Parameters } from '../src/sim/parameters.ts';
import { loadWorld } from '../src/world/index.ts';
import { meanSd } from '../src/displacement/validation.ts';
import { optionParser, parseScale, parseSeedCount } from '../src/ensemble/options.ts';

const opts = new Command('npx tsx tools/loss-noise.ts')
  .description("the seeds' noise of the calibration loss, and of a difference of losses (docs/model.md §5)")
  .option('--scale <k>', 'persons per agent', optionParser(parseScale), 1000)
  .option('--seeds <n>', 'seeds 1…n', optionParser(parseSeedCount), 12)
  .option(
    '--against <json>',
    'a parameter set (JSON of values) to compare with parameters.ts (repeatable)',
    (t: string, previous: Partial<Parameters>[] = []) => [...previous, parseParameterJson(t)],
  )
  .parse()
  .opts<{ scale: number; seeds: number; against?: Partial<Parameters>[] }>();
const { scale } = opts;
const n = opts.seeds;
const sets: Partial<Parameters>[] = [{}, ...(opts.against ?? [])];

const world = loadWorld();
const e = evaluator(world, await calibrationTables(world, scale), scale);
const t0 = performance.now();
const runs = sets.map((over, j) =>
  Array.from({ length: n }, (_, k) => {
    const rows = e.run(over, k + 1);
    process.stderr.write(`set ${j} seed ${k + 1}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    return rows;
  }),
);
const seconds = (performance.now() - t0) / 1000;

const lines = [
  `Free run 1990–2005, scale ${scale}, seeds 1–${n}: ${sets.length * n} runs, ${seconds.toFixed(0)} s (${(seconds / (sets.length * n)).toFixed(1)} s a run).`,
  '',
  '| set | seeds per group (k) | groups | loss: mean | sd | difference from parameters.ts: mean | sd |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (let k = 1; 2 * k <= n; k++) {
  const groups = Math.floor(n / k);
  const lossOf = (j: number) =>
    Array.from(
      { length: groups },
      (_, g) => calibrationLossOfRuns(e.targets, runs[j].slice(g * k, g * k + k)).total,
    );
  const base = lossOf(0);
  sets.forEach((over, j) => {
    const l = j === 0 ? base : lossOf(j);
    const loss = meanSd(l);
    const d = meanSd(l.map((x, g) => x - base[g]));
    const diff = j === 0 ? '| |' : `| ${d.mean.toFixed(4)} | ${d.sd.toFixed(4)} |`;
    lines.push(
      `| ${j === 0 ? 'parameters.ts' : JSON.stringify(over)} | ${k} | ${groups} | ${loss.mean.toFixed(4)} | ${loss.sd.toFixed(4)} ${diff}`,
    );
  });
}
process.stdout.write(`${lines.join('\n')}\n`);
