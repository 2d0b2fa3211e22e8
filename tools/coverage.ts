/**
 * In-sample coverage of the 90% intervals that carry parameter uncertainty (docs/model.md §5): the
 * free run from 1990 to 2005 of `members` members of the parameter ensemble (member i with seed i,
 * as `regimes compare --parameter-uncertainty` runs them), and for each observed point of the aims
 * (src/fit/aims.ts) whether the observation lies inside the members' 5th–95th percentiles
 * (parameters only), and, for the points after 2000, inside the interval widened by the model
 * discrepancy estimated on the points up to 2000 (src/fit/discrepancy.ts).
 *
 *   npx tsx tools/coverage.ts [--scale K] [--members M] [--source S] [--json]
 *
 * Default members: as many as the calibrated ensemble keeps (20 without one); `--source` names the
 * ensemble (calibrated-ensemble or documented-ranges, as `compare --parameter-uncertainty SOURCE`).
 */
import { Command, InvalidArgumentError } from 'commander';
import { AIM_GROUPS, AIM_INFO, aimPoints, withModel } from '../src/fit/aims.ts';
import type { GroupCoverage } from '../src/fit/discrepancy.ts';
import { DISCREPANCY_FIT_LAST_YEAR, DISCREPANCY_FLOOR, groupCoverage } from '../src/fit/discrepancy.ts';
import { MAX_SEEDS, optionParser, parseScale } from '../src/ensemble/options.ts';
import { PARAMETER_ENSEMBLE_SOURCES, parameterEnsemble } from '../src/sim/index.ts';
import type { ParameterEnsembleSource } from '../src/sim/index.ts';
import { CALIBRATED_ENSEMBLE } from '../src/sim/calibrated-ensemble.ts';
import { freeRun } from './free-run.ts';

const opts = new Command('npx tsx tools/coverage.ts')
  .description('in-sample coverage of the 90% intervals of the parameter ensemble (docs/model.md §5)')
  .option('--scale <k>', 'persons per agent', optionParser(parseScale), 1000)
  .option(
    '--members <m>',
    'members (member i with seed i)',
    (t: string) => {
      const m = Number(t);
      if (t.trim() === '' || !Number.isInteger(m) || m < 1 || m > MAX_SEEDS)
        throw new InvalidArgumentError(`expected a number of members from 1 to ${MAX_SEEDS}`);
      return m;
    },
    CALIBRATED_ENSEMBLE?.members.length ?? 20,
  )
  .option('--source <name>', `the ensemble (${PARAMETER_ENSEMBLE_SOURCES.join(', ')})`, (t: string) => {
    if (!PARAMETER_ENSEMBLE_SOURCES.includes(t as ParameterEnsembleSource))
      throw new InvalidArgumentError(`not one of ${PARAMETER_ENSEMBLE_SOURCES.join(', ')}`);
    return t as ParameterEnsembleSource;
  })
  .option('--json', 'print the coverage as JSON')
  .parse()
  .opts<{ scale: number; members: number; source?: ParameterEnsembleSource; json?: boolean }>();
const { scale, members, source } = opts;
const { inSample, run } = await freeRun(scale);
const ensemble = parameterEnsemble(undefined, source);
const points = aimPoints(inSample);
const values = AIM_GROUPS.map((g) => points[g].map(() => [] as number[]));
const t0 = performance.now();
for (let i = 1; i <= members; i++) {
  const rows = run(i, { parameters: ensemble.member(i) });
  const model = withModel(points, rows);
  AIM_GROUPS.forEach((g, k) => model[g].forEach((p, j) => values[k][j].push(p.model ?? 0)));
  process.stderr.write(`member ${i}/${members} done, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
const coverage: Record<string, GroupCoverage> = {};
AIM_GROUPS.forEach((g, k) => {
  coverage[g] = groupCoverage(
    points[g].map((p, j) => ({ year: p.year, observed: p.observed, members: values[k][j] })),
    DISCREPANCY_FLOOR[g],
  );
});
const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
const sum = (f: (c: GroupCoverage) => number) => Object.values(coverage).reduce((a, c) => a + f(c), 0);
const allChecks = sum((c) => c.checkPoints);
const lines = [
  `| group | points | parameters only: inside | median width | σ (log, fitted ≤ ${DISCREPANCY_FIT_LAST_YEAR} on n points) | check points (> ${DISCREPANCY_FIT_LAST_YEAR}) | parameters only | with discrepancy | median width |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...AIM_GROUPS.map((g) => {
    const c = coverage[g];
    return `| ${AIM_INFO[g].title} | ${c.points} | ${pct(c.parametersOnly)} | ${c.widthParametersOnly.toFixed(2)}× | ${c.sigma === null ? '–' : c.sigma.toFixed(3)} (${c.fitPoints}) | ${c.checkPoints} | ${pct(c.checkParametersOnly)} | ${pct(c.checkWithDiscrepancy)} | ${c.widthWithDiscrepancy === null ? '–' : `${c.widthWithDiscrepancy.toFixed(2)}×`} |`;
  }),
  `| all | ${sum((c) => c.points)} | ${pct(sum((c) => c.parametersOnly * c.points) / sum((c) => c.points))} | | | ${allChecks} | ${pct(sum((c) => (c.checkParametersOnly ?? 0) * c.checkPoints) / allChecks)} | ${pct(sum((c) => (c.checkWithDiscrepancy ?? 0) * c.checkPoints) / allChecks)} | |`,
];
const head = `Ensemble: ${ensemble.source} (${ensemble.names.join(', ')}); ${members} members (member i with seed i), ${scale} persons per agent, free run 1990–2005:`;
if (opts.json)
  process.stdout.write(`${JSON.stringify({ source: ensemble.source, members, scale, coverage }, null, 2)}\n`);
else process.stdout.write(`${head}\n\n${lines.join('\n')}\n`);
