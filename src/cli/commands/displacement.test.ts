import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';
import { FLOODED, writeTinyScenario } from '../../../test/support/displacement/tiny-scenario.ts';
import { fileTempDirs } from '../../../test/support/temp-dirs.ts';

const run = (args: string[]) => runInProcess(args);
const tmp = fileTempDirs('displacement-cli-');

describe('regimes displacement', () => {
  it('runs a DFlee flood scenario and says the ARD measures the data alone', async () => {
    const dir = writeTinyScenario(FLOODED);
    const json = await run(['displacement', dir, '--out', join(dir, 'o1'), '--json', '--quiet']);
    expect(json.code).toBe(0);
    const j = JSON.parse(json.stdout);
    expect(j.spawning).toBe('flood-driven');
    expect(j.agents).toBe(2710); // 0.1 × 10000, then 0.1 × 9000, 0.1 × 8100 (take_from_population)
    expect(Object.keys(j.ard_per_camp)).toEqual(['Alpha', 'Beta', 'Gamma']);
    const text = await run(['displacement', dir, '--out', join(dir, 'o2')]);
    expect(text.stdout).toMatch(/flood-driven spawning: .* the ARD measures the data alone/);
  });

  it('prints the JSON summary of the issue contract and writes out.csv', async () => {
    const out = tmp();
    const { code, stdout } = await run([
      'displacement',
      'data/flee/mali2012',
      '--days',
      '30',
      '--seeds',
      '2',
      '--out',
      out,
      '--json',
      '--quiet',
    ]);
    expect(code).toBe(0);
    const j = JSON.parse(stdout);
    expect(Object.keys(j).slice(0, 6)).toEqual([
      'scenario',
      'days',
      'agents',
      'ard',
      'ard_per_camp',
      'wall_s',
    ]);
    expect(j.scenario).toBe('mali2012');
    expect(j.days).toBe(30);
    expect(j.seeds).toEqual([1, 2]);
    expect(Object.keys(j.ard_per_camp)).toContain('Fassala-Mbera');
    expect(j.ard).toBeCloseTo((j.ard_runs[0] + j.ard_runs[1]) / 2, 5);
    expect(j.flee_ard).toBeNull(); // Flee's reference is for the full period only
    expect(readFileSync(join(out, 'out.csv'), 'utf8').split('\n')[0]).toMatch(/^Day,Date,Fassala-Mbera sim,/);
    expect(existsSync(join(out, 'out-seed2.csv'))).toBe(true);
    const sha = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(out, f)))
        .digest('hex');
    expect(j.output_digests).toEqual([sha('out.csv'), sha('out-seed2.csv')]);
  });

  it('prints a table with the camps and stranded people under levers', async () => {
    const dir = writeTinyScenario();
    const levers = join(tmp(), 'levers.yaml');
    writeFileSync(levers, 'asylum: { Abroad: closed }\n');
    const { code, stdout } = await run([
      'displacement',
      dir,
      '--levers',
      levers,
      '--out',
      join(tmp(), 'o'),
      '--quiet',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ARD \d\.\d{4} \(seed 1\)/);
    expect(stdout).toMatch(/^Gamma +0 +1000 /m);
    expect(stdout).toMatch(/stranded at borders: \d+/);
  });

  it('never overwrites out.csv inside a scenario folder', async () => {
    const dir = writeTinyScenario();
    writeFileSync(join(dir, 'out.csv'), 'shipped');
    const { code, stderr } = await run(['displacement', dir, '--out', dir, '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/out\.csv: already exists in a scenario folder/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('shipped');
  });

  it('exits 1 with FILE:LINE for bad input and 2 for bad usage', async () => {
    const bad = writeTinyScenario({ routes: '#h\nAlpha,Beta,100\nBeta,Delta,5\n' });
    const r1 = await run(['displacement', bad, '--quiet']);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(
      /routes\.csv:3: unknown location "Delta" \(not in locations\.csv\) \[E_FLEE_UNKNOWN_LOCATION\]/,
    );
    expect((await run(['displacement', 'data/flee/mali2012', '--rules', 'magic'])).code).toBe(2);
    expect((await run(['displacement', 'data/flee/mali2012', '--seeds', 'many'])).code).toBe(2);
  });

  it('reads what Flee reads with warnings on stderr and in the JSON, and refuses it under --strict', async () => {
    const dir = writeTinyScenario({
      series: { 'gamma.csv': 'Date,count\n2020-01-01,0\n2020-01-10,1000\n2020-01-05,400\n' },
    });
    const { code, stdout, stderr } = await run(['displacement', dir, '--out', tmp(), '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^warning: .*gamma\.csv:4: date 2020-01-05 is earlier than the row before: .* \[E_FLEE_DATE\]$/m,
    );
    expect(JSON.parse(stdout).warnings).toEqual([
      expect.objectContaining({ code: 'E_FLEE_DATE', line: 4, count: 1 }),
    ]);
    const strict = await run(['displacement', dir, '--out', tmp(), '--strict', '--quiet']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /gamma\.csv:4: date 2020-01-05 is earlier than the row before .*\(refused under --strict\) \[E_FLEE_DATE\]/,
    );
  });
});
