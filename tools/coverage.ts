/**
 * In-sample coverage of the 90% intervals that carry parameter uncertainty (docs/model.md §5): the
 * free run from 1990 to 2005 of `members` members of the parameter ensemble (member i with seed i,
 * as `regimes compare --parameter-uncertainty` runs them), and for each observed point of the aims
 * (src/fit/aims.ts) whether the observation lies between the members' 5th and 95th percentiles.
 *
 *   npx tsx tools/coverage.ts [--scale K] [--members M]
 */
import { AIM_GROUPS, AIM_INFO, aimPoints, withModel } from '../src/fit/aims.ts';
import { parameterEnsemble } from '../src/sim/index.ts';
import { argument, freeRun } from './free-run.ts';

const scale = argument('scale', 5000);
const members = argument('members', 20);
const { inSample, run } = await freeRun(scale);
const ensemble = parameterEnsemble();
const points = aimPoints(inSample);
const values = AIM_GROUPS.map((g) => points[g].map(() => [] as number[]));
for (let i = 1; i <= members; i++) {
  const rows = run(i, { parameters: ensemble.member(i) });
  const model = withModel(points, rows);
  AIM_GROUPS.forEach((g, k) => model[g].forEach((p, j) => values[k][j].push(p.model ?? 0)));
  process.stderr.write(`member ${i}/${members} done\n`);
}
const quantile = (v: number[], q: number) => {
  const s = [...v].sort((a, b) => a - b);
  const x = q * (s.length - 1);
  const lo = Math.floor(x);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (x - lo);
};
const lines = [
  '| group | points | inside the 90% interval | median width (95th / 5th percentile) |',
  '|---|---:|---:|---:|',
];
let inside = 0;
let total = 0;
AIM_GROUPS.forEach((g, k) => {
  let hit = 0;
  const widths: number[] = [];
  points[g].forEach((p, j) => {
    const lo = quantile(values[k][j], 0.05);
    const hi = quantile(values[k][j], 0.95);
    if (p.observed >= lo && p.observed <= hi) hit++;
    widths.push(lo > 0 ? hi / lo : Infinity);
  });
  inside += hit;
  total += points[g].length;
  widths.sort((a, b) => a - b);
  lines.push(
    `| ${AIM_INFO[g].title} | ${points[g].length} | ${((100 * hit) / points[g].length).toFixed(1)}% | ${widths[widths.length >> 1].toFixed(2)}× |`,
  );
});
lines.push(`| all | ${total} | ${((100 * inside) / total).toFixed(1)}% | |`);
process.stdout.write(
  `Ensemble: ${ensemble.source} (${ensemble.names.join(', ')}); ${members} members (member i with seed i), ${scale} persons per agent, free run 1990–2005:\n\n${lines.join('\n')}\n`,
);
