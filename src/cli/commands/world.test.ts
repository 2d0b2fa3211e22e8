import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';

const run = (args: string[]) => runInProcess(args);

describe('regimes world', () => {
  it('summarises 1995 as text', async () => {
    const { code, stdout } = await run(['world', '--year', '1995', '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^World 1995: 233 countries/);
    expect(stdout).toMatch(/migrant stock 1995 +163\.2 M/);
    expect(stdout).toMatch(/1\. Mexico → United States/);
    expect(stdout).toMatch(/war \(≥ 1000 deaths\) +AFG /);
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await run(['world', '--year', '2000', '--json', '--quiet']);
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(s.year).toBe(2000);
    expect(s.migrantStock.dataYear).toBe(2000);
    expect(s.tiers.map((t: { tier: string }) => t.tier)).toEqual([
      'core',
      'semi-periphery',
      'periphery',
      'unclassified',
    ]);
  });

  it('says which stock year it used after 2005, and that refugees are held out', async () => {
    const { code, stdout, stderr } = await run(['world', '--year', '2010']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/migrant stocks are from 2005/);
    expect(stdout).toMatch(/refugees +held out after 2005/);
  });

  it('rejects a year outside the data with exit 1 and a clear message', async () => {
    const { code, stderr, stdout } = await run(['world', '--year', '1989']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('regimes: year 1989 outside the world data (1990–2023) [E_WORLD_YEAR]\n');
  });

  it('rejects a year that is not a number with exit 1', async () => {
    const { code, stderr } = await run(['world', '--year', 'nineteen']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not a year: "nineteen"/);
  });

  it('is a usage error (exit 2) without --year', async () => {
    expect((await run(['world'])).code).toBe(2);
  });
});
