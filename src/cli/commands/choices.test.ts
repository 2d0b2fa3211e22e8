import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';

const run = (args: string[]) => runInProcess(args);
/** `regimes choices` for an origin in 1990 at a coarse scale (the run is one year long). */
const choices1990 = (origin: string, ...more: string[]) =>
  run(['choices', '--origin', origin, '--year', '1990', '--scale', '20000', '--quiet', ...more]);

describe('regimes choices', () => {
  it("explains an origin's decisions in the first year of the run, each class with its options", async () => {
    const { code, stdout } = await choices1990('mmr', '--top', '3');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^MMR 1990: .* would-be movers, .* forced to consider flight; income US\$ [\d,]+ a head/,
    );
    expect(stdout).toMatch(/low-skilled, savings band 0 \(US\$ [\d,]+\): .* persons, \d+% choose to move/);
    // three options per class at most: nine voluntary classes
    const options = stdout.split('\n').filter((l) => /^ {4}[A-Z]{3} /.test(l));
    expect(options.length).toBeGreaterThan(0);
    expect(options.length).toBeLessThanOrEqual(27);
  });

  it('prints every class and option as JSON with --json', async () => {
    const { code, stdout } = await choices1990('THA', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.decisions.origin).toBe('THA');
    expect(r.year).toBe(1990);
    expect(r.decisions.classes.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(r.decisions.classes[0].options[0]).sort()).toEqual(
      ['admitted', 'affordable', 'channel', 'chosen', 'cost', 'destination', 'utility'].sort(),
    );
  });

  it('rejects an unknown origin, a bad --top and a year before the run, with exit 1', async () => {
    const unknown = await choices1990('XXX');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/"XXX" is not a country of the world model.*E_CHOICES_ORIGIN/);
    const top = await choices1990('MMR', '--top', '0');
    expect(top.code).toBe(1);
    expect(top.stderr).toMatch(/--top: expected a whole number from 1 to 500.*E_RUN_OPTION/);
    const early = await run(['choices', '--origin', 'MMR', '--year', '1985', '--scale', '20000']);
    expect(early.code).toBe(1);
    expect(early.stdout).toBe('');
    expect(early.stderr).toMatch(/--year 1985: years 1990–1985: the range ends before it starts.*E_SIM_YEAR/);
  });
});
