/**
 * The user's own documents in `regimes run`, `compare` and `fit` (`--file`), on the real engine
 * through the CLI: a regime and a scenario written by the user run like the built-ins, in the
 * command's thread and on worker threads; a broken or missing file is refused before any work.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../test/support/cli/run-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-documents-'));
const store = join(dir, 'results.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'closed-core.yaml');
writeFileSync(
  file,
  `kind: Regime
id: closed-core
title: The de facto regime with every core state's border closed to irregular entry
sources: [{ note: "a what-if for the tests" }]
valid_from: 1990-01-01
components:
  - { ref: neoliberal, where: all }
national_policies:
  explicit: []
  defaults: { core: default-core-2000, semi_periphery: default-semi-periphery-2000, periphery: default-periphery-2000 }
adjustments:
  - where: { tiers: [core] }
    set: { enforcement.border: 1 }
    source: { note: "the what-if" }
---
kind: Scenario
id: short-run
title: Two years of the reference run
sources: [{ note: "a test scenario" }]
valid_from: 1990-01-01
world: world-data
regime: closed-core
years: { from: 1990, to: 1991 }
scale: 100000
seeds: 2
`,
);

async function cli(args: string[]) {
  return runInProcess([...args, '--store', store, '--quiet']);
}

describe('user documents in run and compare (real engine)', () => {
  it(
    "runs the user's scenario under the user's regime, and compares the user's regime with a built-in",
    { timeout: 180_000 },
    async () => {
      const run = await cli(['run', 'short-run', '--file', file, '--threads', '1', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        scenario: 'short-run',
        regime: 'closed-core',
        from: 1990,
        to: 1991,
      });

      const cmp = await cli([
        'compare',
        'short-run',
        '--file',
        file,
        '--regimes',
        'neoliberal,closed-core',
        '--seeds',
        '2',
        '--threads',
        '2',
        '--json',
      ]);
      expect(cmp.stderr).toBe('');
      expect(cmp.code).toBe(0);
      const c = JSON.parse(cmp.stdout) as { regimes: string[]; members: number };
      expect(c.regimes).toEqual(['neoliberal', 'closed-core']);
    },
  );

  it("fits the user's regime against the data", { timeout: 180_000 }, async () => {
    const fit = await runInProcess([
      'fit',
      '--file',
      file,
      '--regime',
      'closed-core',
      '--seeds',
      '1',
      '--scale',
      '100000',
      '--threads',
      '1',
      '--json',
      '--quiet',
    ]);
    expect(fit.stderr).toBe('');
    expect(fit.code).toBe(0);
    expect(JSON.parse(fit.stdout)).toMatchObject({ regime: 'closed-core', scenario: 'world-1990-2020' });
  });

  it('refuses a missing file and a malformed one with the file named, before any work', async () => {
    const missing = await cli(['run', 'short-run', '--file', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml.*no such file/);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'kind: Regime\nid: broken\ntitle: [unclosed\n');
    const bad = await cli(['compare', 'world-1990-2020', '--regimes', 'neoliberal,broken', '--file', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    // nothing was written: a store that did not exist still does not
    const fresh = join(dir, 'untouched.duckdb');
    const refused = await runInProcess(['run', 'short-run', '--file', broken, '--store', fresh, '--quiet']);
    expect(refused.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });
});
