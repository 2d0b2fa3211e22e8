/**
 * Benchmark of the displacement model on every shipped Flee conflict (not a test): wall time of
 * the simulation, cost per agent-day and peak memory (RSS) of a process that loads and runs one
 * conflict, plus the ARD next to Flee's. Each conflict runs in its own child process so that
 * peak memory is that conflict's alone.
 *
 *   npx tsx bench/displacement.bench.ts [--names mali2012,syria2013] [--hasten syria2013=10]
 *       [--seeds 1] [--rules flee|improved]
 *
 * syria2013 runs at full size (3.8 M agents) unless --hasten says otherwise.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runDisplacement } from '../src/displacement/index.ts';
import type { RuleSet } from '../src/displacement/index.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === '--child') {
  // One conflict in this process: print one JSON line.
  const [, name, hasten, seeds, rules] = args;
  const run = runDisplacement(fileURLToPath(new URL(`../data/flee/${name}`, import.meta.url)), {
    seed: 1,
    seeds: Number(seeds),
    rules: rules as RuleSet,
    hasten: Number(hasten),
  });
  const s = run.scenario;
  let agentDays = 0;
  for (let t = 0; t < s.days; t++) agentDays += run.runs[0].result.totalAgents[t];
  const wall = run.runs.reduce((a, r) => a + r.wallS, 0) / run.runs.length;
  process.stdout.write(
    JSON.stringify({
      name,
      hasten: Number(hasten),
      days: s.days,
      agents: run.runs[0].result.totalAgents[s.days - 1],
      agentDays,
      wallS: wall,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      ard: run.ard,
      ardSd: run.ardSd,
      fleeArd: run.fleeArd?.ard ?? null,
    }) + '\n',
  );
} else {
  const names = opt('--names', 'mali2012,burundi2015,car2013,ssudan2013,syria2013').split(',');
  const hastenOf = new Map(
    opt('--hasten', '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])] as const),
  );
  const seeds = opt('--seeds', '1');
  const rules = opt('--rules', 'flee');
  const self = fileURLToPath(import.meta.url);
  const execArgv = process.execArgv.some((a) => a.includes('tsx'))
    ? process.execArgv
    : ['--import', 'tsx', ...process.execArgv];
  process.stdout.write(
    `displacement model, rules ${rules}, ${seeds} seed(s) per conflict, Node ${process.version}\n\n`,
  );
  process.stdout.write(
    '| conflict | hasten | days | agents | agent-days | wall s (sim) | ns / agent-day | peak RSS MiB | ARD | Flee ARD |\n',
  );
  process.stdout.write('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n');
  for (const name of names) {
    const hasten = hastenOf.get(name) ?? 1;
    const r = spawnSync(
      process.execPath,
      [...execArgv, self, '--child', name, String(hasten), seeds, rules],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) {
      process.stdout.write(
        `| ${name} | ${hasten} | failed: ${(r.stderr || '').trim().split('\n').pop()} |\n`,
      );
      process.exitCode = 1;
      continue;
    }
    const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
    process.stdout.write(
      `| ${name} | ${hasten} | ${j.days} | ${j.agents.toLocaleString('en-US')} | ${(j.agentDays / 1e6).toFixed(1)} M | ${j.wallS.toFixed(2)} | ${((j.wallS * 1e9) / j.agentDays).toFixed(1)} | ${j.maxRssMiB.toFixed(0)} | ${j.ard.toFixed(4)}${Number(seeds) > 1 ? ` ± ${j.ardSd.toFixed(4)}` : ''} | ${j.fleeArd === null ? '–' : j.fleeArd.toFixed(4)} |\n`,
    );
  }
}
