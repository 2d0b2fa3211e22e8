/**
 * Every command of the CLI with the ways a user can make it fail, each in a fresh process: the
 * answer is an exit code of 1 or 2 and a coded message, never a stack trace (issue 24, finding 4),
 * and nothing the user had is overwritten (finding 5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResultStore } from '../../src/store/index.ts';
import { CRASH, regimesAsync, type Finished } from '../support/processes.ts';
import { testRunRecord } from '../support/run-record.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-failures-'));
const at = (...p: string[]) => join(dir, ...p);
const RUN_ID = 'run-20260101-000000-abcdef';
const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** A store with one small run, and the same store cut short. */
async function makeStores(): Promise<void> {
  const store = await ResultStore.open(at('good.duckdb'), 'write');
  const rows = Array.from({ length: 150_000 }, (_, i) => ({
    year: 1990 + (i % 30),
    indicator: `i${i % 40}`,
    country: `C${i % 100}`,
    value: i,
  }));
  await store.addRun(testRunRecord({ id: RUN_ID, scenario: 'world-1990-2020', regime: 'neoliberal' }), rows);
  store.close();
  const bytes = readFileSync(at('good.duckdb'));
  writeFileSync(at('cut.duckdb'), bytes.subarray(0, Math.floor(bytes.length * 0.4)));
}

beforeAll(async () => {
  await makeStores();
  writeFileSync(at('deep.yaml'), '['.repeat(1000) + ']'.repeat(1000));
  writeFileSync(at('binary.yaml'), Buffer.from([0x6b, 0x3a, 0, 1, 2]));
  writeFileSync(at('empty.yaml'), '');
  mkdirSync(at('a-folder.yaml'));
  // a user's own files where outputs would go
  for (const sub of ['user-export', 'user-run', 'user-fit', 'user-displacement'])
    mkdirSync(at(sub), { recursive: true });
  writeFileSync(at('user-export', 'run.json'), 'my notes\n');
  writeFileSync(at('user-run', 'indicators.csv'), 'my data\n');
  writeFileSync(at('user-fit', 'fit.md'), 'my draft\n');
  writeFileSync(at('user-displacement', 'out.csv'), 'my table\n');
  writeFileSync(at('my-schema.json'), '{"mine": true}\n');
  writeFileSync(at('my-report.html'), '<p>mine</p>\n');
  mkdirSync(at('folder-in-the-way', 'indicators.csv'), { recursive: true });
  mkdirSync(at('big-flee', 'input_csv'), { recursive: true });
  writeFileSync(
    at('big-flee', 'input_csv', 'locations.csv'),
    'name,region,country,lat,lon,location_type\n'.repeat(250_000),
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  args: string[];
  /** Exit code expected: 1 for a user error, 2 for a usage error (README, "Commands"). */
  status: 1 | 2;
  /** The code the message must carry (user errors). */
  code?: string;
}

const store = (name = 'good') => ['--store', at(`${name}.duckdb`)];
const CASES: Record<string, Case[]> = {
  validate: [
    { args: ['validate', at('missing.yaml')], status: 1, code: 'E_FILE_NOT_FOUND' },
    { args: ['validate', at('a-folder.yaml')], status: 1, code: 'E_NOT_A_FILE' },
    { args: ['validate', at('binary.yaml')], status: 1, code: 'E_BINARY_FILE' },
    { args: ['validate', at('deep.yaml'), at('deep.yaml'), at('deep.yaml')], status: 1, code: 'E_TOO_DEEP' },
    { args: ['validate', at('empty.yaml')], status: 1 },
  ],
  list: [{ args: ['list', '--kind', 'Nonsense'], status: 2 }],
  show: [
    { args: ['show', 'no-such-document'], status: 1, code: 'E_UNKNOWN_ID' },
    { args: ['show', 'policy-deu', '--at', '2000-13-45'], status: 1, code: 'E_BAD_DATE' },
    { args: ['show', 'policy-deu', '--with', at('deep.yaml')], status: 1, code: 'E_TOO_DEEP' },
  ],
  changes: [
    {
      args: ['changes', 'policy-deu', '--from', 'yesterday', '--to', '2000-01-01'],
      status: 1,
      code: 'E_BAD_DATE',
    },
  ],
  schema: [
    { args: ['schema', '--out', at('my-schema.json')], status: 1, code: 'E_OUT_EXISTS' },
    { args: ['schema', '--out', at('a-folder.yaml')], status: 1, code: 'E_NOT_A_FILE' },
  ],
  world: [{ args: ['world', '--year', '1800'], status: 1, code: 'E_WORLD_YEAR' }],
  decide: [
    {
      args: ['decide', '--case', at('missing.yaml'), '--regime', 'neoliberal'],
      status: 1,
      code: 'E_FILE_NOT_FOUND',
    },
    { args: ['decide', '--case', at('deep.yaml'), '--regime', 'neoliberal'], status: 1, code: 'E_TOO_DEEP' },
    {
      args: [
        'decide',
        '--case',
        repo('cases/neoliberal/removal/nl-deu-sle-nonreturnable-2000.yaml'),
        '--at',
        '1850-01-01',
      ],
      status: 1,
      code: 'E_NOT_IN_FORCE',
    },
  ],
  check: [
    {
      args: ['check', '--convention', 'no-such-convention', '--policy', 'policy-deu'],
      status: 1,
      code: 'E_UNKNOWN_ID',
    },
  ],
  crosscheck: [{ args: ['crosscheck', 'no-such-index'], status: 2 }],
  cases: [{ args: ['cases', at('no-such-folder')], status: 1 }],
  displacement: [
    { args: ['displacement', at('no-such-scenario')], status: 1 },
    // refused on its size before it is read (finding 8: a 20 MB locations.csv took 760 MB to refuse)
    { args: ['displacement', at('big-flee')], status: 1, code: 'E_FILE_TOO_LARGE' },
    // refused before the simulation: a user's file is in the way
    {
      args: ['displacement', repo('data/flee/mali2012'), '--days', '2', '--out', at('user-displacement')],
      status: 1,
      code: 'E_OUT_EXISTS',
    },
  ],
  run: [
    { args: ['run', 'no-such-scenario', ...store()], status: 1, code: 'E_UNKNOWN_ID' },
    { args: ['run', 'world-1990-2020', '--seed', '-1', ...store()], status: 1, code: 'E_RUN_OPTION' },
    {
      args: ['run', 'world-1990-2020', '--from', '2000', '--to', '1995', ...store()],
      status: 1,
      code: 'E_SIM_YEAR',
    },
    {
      args: ['run', 'world-1990-2020', '--scale', '50000', '--to', '1991', ...store('cut')],
      status: 1,
      code: 'E_STORE_OPEN',
    },
    // refused before the simulation: a user's file is in the way
    {
      args: ['run', 'world-1990-2020', '--out', at('user-run'), ...store()],
      status: 1,
      code: 'E_OUT_EXISTS',
    },
  ],
  runs: [
    { args: ['runs', ...store('missing')], status: 1, code: 'E_STORE_MISSING' },
    { args: ['runs', ...store('cut')], status: 1, code: 'E_STORE_OPEN' },
  ],
  export: [
    { args: ['export', RUN_ID, '--out', at('x'), ...store('cut')], status: 1, code: 'E_STORE_OPEN' },
    {
      args: ['export', 'run-20990101-000000-000000', '--out', at('x'), ...store()],
      status: 1,
      code: 'E_STORE_RUN',
    },
    {
      args: ['export', RUN_ID, '--out', at('folder-in-the-way'), ...store()],
      status: 1,
      code: 'E_NOT_A_FILE',
    },
    { args: ['export', RUN_ID, '--out', at('user-export'), ...store()], status: 1, code: 'E_OUT_EXISTS' },
  ],
  compare: [
    {
      args: ['compare', 'world-1990-2020', '--regimes', 'neoliberal', ...store()],
      status: 1,
      code: 'E_RUN_OPTION',
    },
  ],
  fit: [
    { args: ['fit', '--scale', '0'], status: 1 },
    { args: ['fit', '--out', at('user-fit')], status: 1, code: 'E_OUT_EXISTS' },
  ],
  choices: [
    { args: ['choices', '--origin', 'XXX', '--year', '1990'], status: 1, code: 'E_CHOICES_ORIGIN' },
    {
      args: ['choices', '--origin', 'MMR', '--year', '1990', '--top', 'all'],
      status: 1,
      code: 'E_RUN_OPTION',
    },
    { args: ['choices', '--origin', 'MMR', '--year', '2099'], status: 1, code: 'E_SIM_YEAR' },
    { args: ['choices', '--year', '2000'], status: 2 },
  ],
  'root-causes': [{ args: ['root-causes', '--nonsense'], status: 2 }],
  experiment: [
    { args: ['experiment', 'no-such-experiment', ...store()], status: 1, code: 'E_EXPERIMENT_UNKNOWN' },
  ],
  report: [
    { args: ['report', RUN_ID, '--out', at('report.txt'), ...store()], status: 1, code: 'E_REPORT_OUT' },
    { args: ['report', RUN_ID, '--out', at('my-report.html'), ...store()], status: 1, code: 'E_OUT_EXISTS' },
    { args: ['report', 'nonsense', '--out', at('r.html'), ...store()], status: 1 },
  ],
  worker: [{ args: ['worker', '--redis', 'http://not-redis'], status: 1, code: 'E_DIST_REDIS_URL' }],
  resume: [
    { args: ['resume', 'run-20990101-000000-000000', ...store()], status: 1, code: 'E_CHECKPOINT_NOT_FOUND' },
  ],
  serve: [{ args: ['serve', '--port', '99999'], status: 2 }],
};

/** Runs the cases a few at a time (each a fresh process). */
async function runAll(cases: Case[]): Promise<Finished[]> {
  const out: Finished[] = new Array(cases.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < cases.length; i = next++) out[i] = await regimesAsync(cases[i].args, dir);
  };
  await Promise.all([lane(), lane(), lane()]);
  return out;
}

describe('every command, with the ways it can fail (a fresh process each)', () => {
  it('covers every command of the CLI', async () => {
    const { commands } = await import('../../src/cli/commands/index.ts');
    expect(Object.keys(CASES).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  for (const [command, cases] of Object.entries(CASES))
    it(`${command}: exits ${[...new Set(cases.map((c) => c.status))].join('/')} with a coded message and no stack trace`, async () => {
      const results = await runAll(cases);
      results.forEach((r, i) => {
        const c = cases[i];
        const what = `regimes ${c.args.map((a) => a.replace(dir, '…')).join(' ')}\n${r.stderr}`;
        expect(r.stderr, what).not.toMatch(CRASH);
        expect(r.stdout, what).not.toMatch(CRASH);
        expect(r.signal, what).toBeNull();
        expect(r.status, what).toBe(c.status);
        // a user error is `regimes: …[E_CODE]` (after any warnings); a usage error is commander's `error: …` or `regimes: …`
        expect(r.stderr, what).toMatch(c.status === 1 ? /^regimes: /m : /^(regimes|error): /m);
        if (c.code) expect(r.stderr, what).toContain(`[${c.code}]`);
      });
    });

  it("left the user's files as they were", () => {
    expect(readFileSync(at('user-export', 'run.json'), 'utf8')).toBe('my notes\n');
    expect(readFileSync(at('user-run', 'indicators.csv'), 'utf8')).toBe('my data\n');
    expect(readFileSync(at('user-fit', 'fit.md'), 'utf8')).toBe('my draft\n');
    expect(readFileSync(at('user-displacement', 'out.csv'), 'utf8')).toBe('my table\n');
    expect(readFileSync(at('my-schema.json'), 'utf8')).toBe('{"mine": true}\n');
    expect(readFileSync(at('my-report.html'), 'utf8')).toBe('<p>mine</p>\n');
  });
});
