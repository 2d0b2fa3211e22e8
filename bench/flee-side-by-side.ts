/**
 * Runs Python Flee and our model side by side on the same scenario folders and reports the
 * speed ratio and both validation errors. Flee is not part of this repository: point at a
 * checkout of djgroen/flee kept outside it.
 *
 *   npx tsx bench/flee-side-by-side.ts --flee PATH [--names mali2012,burundi2015]
 *       [--hasten syria2013=100,car2013=10] [--seeds 1] [--python python3] [--pythonpath DIR]
 *       [--workdir DIR]
 *
 * For each scenario it copies data/flee/<name> into a work folder, sets optimisations.hasten in
 * its simsetting.yml (the same value on both sides), then runs, one after the other:
 *   Flee:  python3 FLEE/runscripts/run.py input_csv source_data 0 simsetting.yml > out.csv
 *          python3 FLEE/flee/postprocessing/extract-validation-results.py .   (-> Error (rescaled))
 *   ours:  the same as `regimes displacement DIR --hasten H --seed S --json --out DIR/ours`, in a
 *          lean process that loads only the displacement modules (the CLI also loads every other
 *          command, about 1.5 s of start-up that has nothing to do with this model), then Flee's
 *          extract-validation-results.py on our out.csv as a cross-check of the ARD.
 * Both run as child processes under /usr/bin/time (when present) so that CPU time (user+sys) and
 * peak RSS are measured the same way. `--pythonpath` is prepended to PYTHONPATH (e.g. a folder
 * with a tiny `beartype` stand-in when that package is not installable).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);

if (args[0] === '--ours') {
  // Our side, in a lean process (only the displacement modules, not every CLI command):
  // load, simulate, write out.csv, score; print the JSON summary the CLI prints.
  const [, dir, hasten, seed, outDir] = args;
  const { runDisplacement, writeOutputs, summarize } = await import('../src/displacement/index.ts');
  const t0 = performance.now();
  const run = runDisplacement(dir, { seed: Number(seed), seeds: 1, rules: 'flee', hasten: Number(hasten) });
  const files = writeOutputs(run, outDir);
  process.stdout.write(JSON.stringify(summarize(run, (performance.now() - t0) / 1000, files)) + '\n');
  process.exit(0);
}
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const flee = opt('--flee', process.env.FLEE);
if (!flee || !existsSync(join(flee, 'runscripts', 'run.py'))) {
  process.stderr.write(
    'usage: npx tsx bench/flee-side-by-side.ts --flee PATH-TO-FLEE-CHECKOUT [--names a,b] [--hasten name=N,...] [--seeds N]\n',
  );
  process.exit(2);
}
const names = opt('--names', 'mali2012,burundi2015,car2013,ssudan2013,syria2013')!.split(',');
const hastenOf = new Map<string, number>(
  (opt('--hasten', 'car2013=10,ssudan2013=10,syria2013=100') ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])] as [string, number]),
);
const seeds = Number(opt('--seeds', '1'));
const python = opt('--python', 'python3')!;
const work = opt('--workdir') ?? mkdtempSync(join(tmpdir(), 'flee-side-by-side-'));
const pythonPath = [opt('--pythonpath'), resolve(flee), process.env.PYTHONPATH].filter(Boolean).join(':');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Measured {
  cpuS: number;
  wallS: number;
  maxRssMiB: number;
  status: number;
}

/** Runs a command, stdout to a file, measuring CPU (user+sys), wall time and peak RSS. */
function measure(
  cmd: string,
  cmdArgs: string[],
  cwd: string,
  stdoutFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Measured {
  const timeFile = join(work, `time-${process.pid}-${Date.now()}.txt`);
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', '%U %S %M', '-o', timeFile, cmd, ...cmdArgs], {
        cwd,
        env,
        maxBuffer: 1 << 30,
      })
    : spawnSync(cmd, cmdArgs, { cwd, env, maxBuffer: 1 << 30 });
  const wallS = (performance.now() - t0) / 1000;
  writeFileSync(stdoutFile, r.stdout ?? '');
  writeFileSync(`${stdoutFile}.err`, r.stderr ?? '');
  let cpuS = NaN;
  let maxRssMiB = NaN;
  if (timeBin && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuS = last[0] + last[1];
    maxRssMiB = last[2] / 1024;
  }
  return { cpuS, wallS, maxRssMiB, status: r.status ?? -1 };
}

/** Flee's "Error (rescaled)" for the out.csv in `dir`. */
function fleeArd(dir: string): number {
  const r = spawnSync(python, [join(flee!, 'flee', 'postprocessing', 'extract-validation-results.py'), dir], {
    env: { ...process.env, PYTHONPATH: pythonPath },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const m = /Error \(rescaled\): ([0-9.eE+-]+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : NaN;
}

const rows: string[] = [];
process.stdout.write(`work folder: ${work}\n`);
for (const name of names) {
  const hasten = hastenOf.get(name) ?? 1;
  const dir = join(work, `${name}-h${hasten}`);
  cpSync(join(root, 'data', 'flee', name), dir, { recursive: true });
  const settings = join(dir, 'simsetting.yml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/hasten:\s*\d+/, `hasten: ${hasten}`));

  process.stdout.write(`${name} (hasten ${hasten}): Flee ...`);
  const f = measure(
    python,
    [join(flee, 'runscripts', 'run.py'), 'input_csv', 'source_data', '0', 'simsetting.yml'],
    dir,
    join(dir, 'out.csv'),
    {
      ...process.env,
      PYTHONPATH: pythonPath,
    },
  );
  if (f.status !== 0) {
    process.stdout.write(` failed (exit ${f.status}); see ${join(dir, 'out.csv.err')}\n`);
    continue;
  }
  const fArd = fleeArd(dir);
  process.stdout.write(` ${f.cpuS.toFixed(1)} s CPU, ARD ${fArd.toFixed(4)}; ours ...`);

  const ours: { m: Measured; ard: number; check: number; agents: number }[] = [];
  for (let k = 0; k < seeds; k++) {
    const outDir = join(dir, `ours-seed${k + 1}`);
    mkdirSync(outDir, { recursive: true });
    const m = measure(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--ours',
        dir,
        String(hasten),
        String(k + 1),
        outDir,
      ],
      root,
      join(outDir, 'summary.json'),
    );
    const j = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8'));
    ours.push({ m, ard: j.ard, check: fleeArd(outDir), agents: j.agents });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const oCpu = mean(ours.map((o) => o.m.cpuS));
  const oArd = mean(ours.map((o) => o.ard));
  const check = mean(ours.map((o) => o.check));
  process.stdout.write(` ${oCpu.toFixed(2)} s CPU, ARD ${oArd.toFixed(4)}\n`);
  rows.push(
    `| ${name} | ${hasten} | ${ours[0].agents} | ${f.cpuS.toFixed(1)} | ${oCpu.toFixed(2)} | ${(f.cpuS / oCpu).toFixed(0)}× | ${f.maxRssMiB.toFixed(0)} / ${mean(ours.map((o) => o.m.maxRssMiB)).toFixed(0)} | ${fArd.toFixed(4)} | ${oArd.toFixed(4)} (${seeds} seed${seeds > 1 ? 's' : ''}; Flee's script: ${check.toFixed(4)}) |`,
  );
}
process.stdout.write(
  '\n| scenario | hasten | agents | Flee CPU s | ours CPU s | speed-up | peak RSS MiB Flee / ours | Flee ARD | our ARD |\n',
);
process.stdout.write('| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n');
for (const r of rows) process.stdout.write(r + '\n');
