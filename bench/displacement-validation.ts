/**
 * The validation table of docs/displacement.md: our ARD on every shipped conflict, with both rule
 * sets, over several seeds, next to Flee's measured ARD (src/displacement/flee-reference.ts).
 * One model and one parameter set for all conflicts: each folder's simsetting.yml (FabFlee's
 * validation settings, identical in every folder); only hasten differs where Flee was measured
 * with one.
 *
 *   npx tsx bench/displacement-validation.ts [--seeds 10] [--runs mali2012=1,car2013=10,car2013=1,...]
 *       [--seeds-for syria2013@1=2]
 */
import { fileURLToPath } from 'node:url';
import { runDisplacement, fleeReferenceArd, loadScenario } from '../src/displacement/index.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const seeds = Number(opt('--seeds', '10'));
const runs = opt(
  '--runs',
  'mali2012=1,burundi2015=1,car2013=10,car2013=1,ssudan2013=10,ssudan2013=1,syria2013=100,syria2013=1',
)
  .split(',')
  .map((kv) => ({ name: kv.split('=')[0], hasten: Number(kv.split('=')[1]) }));
const seedsFor = new Map(
  opt('--seeds-for', 'syria2013@1=2')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])] as const),
);

process.stdout.write(
  '| conflict | hasten | agents | Flee ARD (runs) | ours, `--rules flee` (mean ± sd) | ours, `--rules improved` (mean ± sd) | seeds |\n',
);
process.stdout.write('| --- | --- | --- | --- | --- | --- | --- |\n');
for (const { name, hasten } of runs) {
  const n = seedsFor.get(`${name}@${hasten}`) ?? seeds;
  const dir = fileURLToPath(new URL(`../data/flee/${name}`, import.meta.url));
  const cells: string[] = [];
  let agents = 0;
  for (const rules of ['flee', 'improved'] as const) {
    const run = runDisplacement(dir, { seed: 1, seeds: n, rules, hasten });
    agents = run.runs[0].result.totalAgents[run.scenario.days - 1];
    cells.push(`${run.ard.toFixed(4)} ± ${run.ardSd.toFixed(4)}`);
  }
  const flee = fleeReferenceArd(loadScenario(dir, { hasten }));
  process.stdout.write(
    `| ${name} | ${hasten} | ${agents.toLocaleString('en-US')} | ${flee ? `${flee.ard.toFixed(4)} (${flee.runs})` : 'not measured'} | ${cells[0]} | ${cells[1]} | ${n} |\n`,
  );
}
