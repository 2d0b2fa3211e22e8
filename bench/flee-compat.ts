/**
 * The Flee compatibility suite: every conflict folder of FabFlee's public `config_files`, read and
 * run by our model (and, with --flee, by Python Flee), listed with accepted/refused, the warnings
 * and both validation errors. FabFlee and Flee are not part of this repository: point at
 * checkouts kept outside it.
 *
 *   npx tsx bench/flee-compat.ts --fabflee PATH [--flee PATH [--pythonpath DIR] [--python python3]
 *       [--flee-full a,b]] [--seeds 3] [--workdir DIR] [--only a,b] [--skip a,b] [--json FILE]
 *   npx tsx bench/flee-compat.ts --fabflee PATH --write-fixtures src/displacement/fixtures/fabflee [--commit SHA]
 *
 * Each conflict folder (a folder with input_csv/locations.csv) is staged as FabFlee runs it:
 * input_csv/, source_data/ and its own simsetting.yml, else the one of the folder above SWEEP/
 * (validation/SWEEP/mali2012 takes validation/simsetting.yml). Folders with identical staged
 * content are run once and listed together. Then:
 *   ours:  loadScenario as `regimes displacement DIR` reads it (accepted with warnings, or the
 *          error), the same under --strict, and if accepted runDisplacement at hasten H (the
 *          smallest power of ten that leaves at most 45,000 agents), `--seeds` seeds, both rule sets.
 *   Flee:  runscripts/run.py on the same folder with optimisations.hasten set to H, for the whole
 *          period when we accept the folder (then extract-validation-results.py gives its ARD), and
 *          for its first 5 days at the folder's own hasten otherwise (does Flee read it and start?). With
 *          --flee-full, only folders whose path starts with one of the given parts run to the end;
 *          the others we accept run their first 5 days at hasten H (Flee is slow: hours for all).
 * --only keeps the folders whose path contains one of the given parts; --skip leaves out those whose
 * path starts with one (so that validation/SWEEP/x does not also drop flee3_validation/SWEEP/x).
 * The model's parameters are the ones calibrated on the five shipped conflicts: nothing is tuned here.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { loadScenario, plannedAgents, runDisplacement, runModel } from '../src/displacement/index.ts';
import type { FleeWarning } from '../src/displacement/index.ts';
import { UserError } from '../src/shared/errors.ts';

const { values: opt } = parseArgs({
  options: {
    fabflee: { type: 'string' },
    flee: { type: 'string' },
    pythonpath: { type: 'string' },
    python: { type: 'string', default: 'python3' },
    seeds: { type: 'string', default: '3' },
    workdir: { type: 'string' },
    only: { type: 'string' },
    skip: { type: 'string' },
    json: { type: 'string' },
    'write-fixtures': { type: 'string' },
    commit: { type: 'string' },
    'flee-full': { type: 'string' },
  },
});
if (!opt.fabflee || !existsSync(join(opt.fabflee, 'config_files'))) {
  process.stderr.write(
    'usage: npx tsx bench/flee-compat.ts --fabflee PATH-TO-FABFLEE-CHECKOUT [--flee PATH] ...\n',
  );
  process.exit(2);
}
const fabflee = resolve(opt.fabflee);
const MAX_AGENTS = 45_000;

/** Conflict folders under config_files/, as paths relative to it. */
function conflictFolders(dir: string, rel = ''): string[] {
  const here = join(dir, rel);
  if (existsSync(join(here, 'input_csv', 'locations.csv'))) return [rel];
  return readdirSync(here)
    .filter((n) => statSync(join(here, n)).isDirectory())
    .sort()
    .flatMap((n) => conflictFolders(dir, rel ? `${rel}/${n}` : n));
}

/** The settings file FabFlee runs a folder with: its own, else the one above SWEEP/. */
function settingsOf(folder: string): string | null {
  const own = join(folder, 'simsetting.yml');
  if (existsSync(own)) return own;
  const up = join(dirname(dirname(folder)), 'simsetting.yml');
  return basename(dirname(folder)) === 'SWEEP' && existsSync(up) ? up : null;
}

function hashTree(dir: string, h = createHash('sha256'), base = dir): ReturnType<typeof createHash> {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) hashTree(p, h, base);
    else h.update(relative(base, p)).update(readFileSync(p));
  }
  return h;
}

/** Copies a folder as FabFlee stages it; returns the staged folder and its content hash. */
function stage(rel: string, work: string): { dir: string; hash: string } {
  const src = join(fabflee, 'config_files', rel);
  const dir = join(work, rel.replace(/\//g, '--'));
  mkdirSync(dir, { recursive: true });
  const h = createHash('sha256');
  for (const sub of ['input_csv', 'source_data']) {
    if (!existsSync(join(src, sub))) continue;
    cpSync(join(src, sub), join(dir, sub), { recursive: true });
    hashTree(join(src, sub), h, src);
  }
  const settings = settingsOf(src);
  if (settings) {
    cpSync(settings, join(dir, 'simsetting.yml'));
    h.update(readFileSync(settings));
  }
  return { dir, hash: h.digest('hex').slice(0, 16) };
}

interface Outcome {
  ok: boolean;
  /** The error (refused) or the warnings by code (accepted). */
  detail: string;
}

const codesOf = (ws: FleeWarning[]) => {
  const n = new Map<string, number>();
  for (const w of ws) n.set(w.code, (n.get(w.code) ?? 0) + w.count);
  return [...n].map(([c, k]) => `${c}×${k}`).join(', ');
};
const errorText = (e: unknown, dir: string) =>
  e instanceof UserError ? e.message.split(dir + '/').join('') : String(e);

function ours(dir: string, strict: boolean): Outcome & { warnings: FleeWarning[] } {
  try {
    const s = loadScenario(dir, { strict });
    return { ok: true, detail: codesOf(s.warnings), warnings: s.warnings };
  } catch (e) {
    return { ok: false, detail: errorText(e, dir), warnings: [] };
  }
}

/** Spawning not from the UNHCR series (conflict- or flood-driven): the camp data do not drive the run. */
function drivenSpawning(dir: string): boolean {
  const st = loadScenario(dir).settings;
  return st.conflictDrivenSpawning !== null || st.floodDrivenSpawning !== null;
}

/**
 * Agents at the end at hasten 1: known from the data, or under driven spawning estimated from a
 * run at hasten 1000 (or the folder's own hasten if larger) scaled up.
 */
function agentsAtFullSize(dir: string): number {
  if (!drivenSpawning(dir)) return plannedAgents(loadScenario(dir));
  const h = Math.max(1000, ownHasten(dir));
  const r = runModel(loadScenario(dir, { hasten: h }), { seed: 1 });
  return r.totalAgents[r.days - 1] * h;
}

/** Smallest power of ten that leaves at most MAX_AGENTS agents and at which the folder still loads. */
function hastenFor(dir: string): number {
  const n = agentsAtFullSize(dir);
  let h = 1;
  while (n / h > MAX_AGENTS) h *= 10;
  for (; h > 1; h /= 10) {
    try {
      loadScenario(dir, { hasten: h });
      return h;
    } catch {
      // e.g. a registration correction whose earlier count falls below 1 after dividing by h
    }
  }
  return 1;
}

const pythonPath = [opt.pythonpath, opt.flee && resolve(opt.flee), process.env.PYTHONPATH]
  .filter(Boolean)
  .join(':');

/**
 * Stops before the suite when the Python cannot import what Flee imports: otherwise every folder
 * would be listed as "Flee stops" for a reason that is not the folder's.
 */
function checkPython(): void {
  const r = spawnSync(opt.python!, ['-c', 'import numpy, pandas, yaml, flee.flee'], {
    env: { ...process.env, PYTHONPATH: pythonPath },
    encoding: 'utf8',
  });
  if (r.status === 0) return;
  const why = (r.error?.message ?? r.stderr ?? '').trim().split('\n').pop();
  process.stderr.write(
    `${opt.python} cannot run Flee (${why}); give a Python with numpy, pandas and PyYAML with --python, and Flee's checkout with --flee\n`,
  );
  process.exit(2);
}

/** The folder's own optimisations.hasten (FabFlee runs it so), 1 when it sets none. */
function ownHasten(dir: string): number {
  const file = join(dir, 'simsetting.yml');
  if (!existsSync(file)) return 1;
  const h = Number(parseDocument(readFileSync(file, 'utf8')).getIn(['optimisations', 'hasten']));
  return Number.isInteger(h) && h >= 1 ? h : 1;
}

/**
 * Python Flee on a copy of `dir` at hasten h for `days` days (0: the whole period). A run already
 * in the work folder (out.csv, err.log and its exit status in rc) is reused, so that a long suite
 * can be resumed.
 */
function runFlee(dir: string, h: number, days: number): Outcome & { ard: number | null } {
  const runDir = `${dir}-flee-h${h}-d${days}`;
  if (!existsSync(join(runDir, 'rc'))) {
    cpSync(dir, runDir, { recursive: true });
    const settingsFile = join(runDir, 'simsetting.yml');
    if (existsSync(settingsFile)) {
      const doc = parseDocument(readFileSync(settingsFile, 'utf8'));
      doc.setIn(['optimisations', 'hasten'], h);
      writeFileSync(settingsFile, doc.toString());
    }
    const r = spawnSync(
      opt.python!,
      [join(opt.flee!, 'runscripts', 'run.py'), 'input_csv', 'source_data', String(days), 'simsetting.yml'],
      { cwd: runDir, env: { ...process.env, PYTHONPATH: pythonPath }, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    writeFileSync(join(runDir, 'out.csv'), r.stdout ?? '');
    writeFileSync(join(runDir, 'err.log'), r.stderr ?? '');
    writeFileSync(join(runDir, 'rc'), `${r.status ?? -1}\n`);
  }
  const status = Number(readFileSync(join(runDir, 'rc'), 'utf8'));
  const stdout = readFileSync(join(runDir, 'out.csv'), 'utf8');
  const stderr = readFileSync(join(runDir, 'err.log'), 'utf8');
  const rows = stdout.trim() === '' ? 0 : stdout.trim().split('\n').length - 1;
  const expected = days > 0 ? days : loadScenario(dir).days;
  // Flee also stops with sys.exit() (status 0) after printing an error; count the rows it wrote.
  if (status !== 0 || rows < expected) {
    const err = stderr
      .trim()
      .split('\n')
      .filter((l) => /error|exception|no such file/i.test(l))
      .pop();
    return { ok: false, detail: err?.trim().slice(0, 160) ?? `stopped after ${rows} days`, ard: null };
  }
  let ard: number | null = null;
  if (days === 0) {
    const v = spawnSync(
      opt.python!,
      [join(opt.flee!, 'flee', 'postprocessing', 'extract-validation-results.py'), runDir],
      {
        env: { ...process.env, PYTHONPATH: pythonPath },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    const m = /Error \(rescaled\): ([0-9.eE+-]+)/.exec(v.stdout ?? '');
    ard = m ? Number(m[1]) : null;
  }
  return { ok: true, detail: days > 0 ? `reads it and runs ${days} days` : 'runs to the end', ard };
}

if (opt['write-fixtures']) {
  const { writeFixtures } = await import('./flee-compat-fixtures.ts');
  const commit =
    opt.commit ?? spawnSync('git', ['-C', fabflee, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  if (!commit)
    throw new Error('the FabFlee commit is unknown (not a git checkout): give it with --commit SHA');
  writeFixtures(fabflee, resolve(opt['write-fixtures']), commit);
  process.exit(0);
}

if (opt.flee) checkPython();
const work = opt.workdir ?? mkdtempSync(join(tmpdir(), 'flee-compat-'));
const only = opt.only?.split(',');
const skip = opt.skip?.split(',');
const seeds = Number(opt.seeds);
const groups = new Map<string, { folders: string[]; dir: string }>();
for (const rel of conflictFolders(join(fabflee, 'config_files'))) {
  if (only && !only.some((o) => rel.includes(o))) continue;
  if (skip?.some((o) => rel.startsWith(o))) continue;
  const { dir, hash } = stage(rel, work);
  const g = groups.get(hash);
  if (g) g.folders.push(rel);
  else groups.set(hash, { folders: [rel], dir });
}
process.stderr.write(`${groups.size} distinct conflict folders staged in ${work}\n`);

interface Row {
  folders: string[];
  ours: Outcome;
  strict: Outcome;
  flee?: Outcome & { ard: number | null };
  hasten?: number;
  agents?: number;
  days?: number;
  ardFlee?: number;
  ardFleeSd?: number;
  ardImproved?: number;
  ardImprovedSd?: number;
  /** Conflict- or flood-driven spawning: Flee writes a UNHCR camp total of 0, so no ARD means anything. */
  driven?: boolean;
}

/** Our reading (lenient and --strict) of a folder and, when accepted, both rule sets' ARD at hasten H. */
function oursRow(folders: string[], dir: string): Row {
  const lenient = ours(dir, false);
  const strict = ours(dir, true);
  const row: Row = {
    folders,
    ours: { ok: lenient.ok, detail: lenient.detail },
    strict: { ok: strict.ok, detail: strict.detail },
  };
  if (!lenient.ok) return row;
  const h = hastenFor(dir);
  const base = { seed: 1, seeds, hasten: h };
  const flee = runDisplacement(dir, { ...base, rules: 'flee' });
  const improved = runDisplacement(dir, { ...base, rules: 'improved' });
  return {
    ...row,
    driven: drivenSpawning(dir),
    hasten: h,
    agents: flee.runs[0].result.totalAgents[flee.scenario.days - 1],
    days: flee.scenario.days,
    ardFlee: flee.ard,
    ardFleeSd: flee.ardSd,
    ardImproved: improved.ard,
    ardImprovedSd: improved.ardSd,
  };
}

const results: Row[] = [];
for (const { folders, dir } of groups.values()) {
  process.stderr.write(`${folders[0]} ...`);
  // Our side is cached in the work folder too, so that a long suite can be resumed.
  const cache = `${dir}-ours-s${seeds}.json`;
  const row: Row = existsSync(cache)
    ? { ...JSON.parse(readFileSync(cache, 'utf8')), folders }
    : oursRow(folders, dir);
  writeFileSync(cache, JSON.stringify(row));
  if (opt.flee) {
    const full =
      !opt['flee-full'] || opt['flee-full'].split(',').some((p) => folders.some((f) => f.startsWith(p)));
    row.flee = row.ours.ok ? runFlee(dir, row.hasten!, full ? 0 : 5) : runFlee(dir, ownHasten(dir), 5);
  }
  results.push(row);
  const fleeNote = row.flee ? `, Flee ${row.flee.ok ? 'ran' : 'stopped'}` : '';
  process.stderr.write(` ours ${row.ours.ok ? 'accepted' : 'refused'}${fleeNote}\n`);
}
if (opt.json) writeFileSync(opt.json, JSON.stringify(results, null, 2));

const f4 = (x: unknown) => (typeof x === 'number' ? x.toFixed(4) : '–');
process.stdout.write(
  '| conflict folder(s) | Flee | ours | ours `--strict` | warnings (code × count) | hasten | agents | Flee ARD | ours `--rules flee` | ours `--rules improved` |\n',
);
process.stdout.write('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n');
for (const r of results) {
  const flee = r.flee ? (r.flee.ok ? r.flee.detail : `stops: ${r.flee.detail}`) : 'not run';
  const cell = (o: Outcome) => (o.ok ? 'accepted' : `refused: ${o.detail.replace(/\|/g, '/')}`);
  const ours4 = (m?: number, sd?: number) =>
    r.driven ? 'n/a' : m === undefined ? '–' : `${m.toFixed(4)} ± ${(sd ?? 0).toFixed(4)}`;
  process.stdout.write(
    `| ${r.folders.join('<br>')} | ${flee} | ${cell(r.ours)} | ${cell(r.strict)} | ${r.ours.ok ? r.ours.detail || 'none' : '–'} | ${r.hasten ?? '–'} | ${r.agents ?? '–'} | ${r.driven ? 'n/a' : f4(r.flee?.ard)} | ${ours4(r.ardFlee, r.ardFleeSd)} | ${ours4(r.ardImproved, r.ardImprovedSd)} |\n`,
  );
}
