import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from './scenario.ts';
import { runDisplacement } from './run.ts';
import { FLEE_ARD, fleeReferenceArd } from './flee-reference.ts';
import type { RuleSet } from './model.ts';
import { fileTempDirs } from '../../test/support/temp-dirs.ts';
const tempDir = fileTempDirs('flee-ref-');

/**
 * The five shipped conflicts at the sizes Flee was run at (docs/displacement.md, "Flee's own
 * figures"), seeds 1 and 2, both rule sets. Two checks per conflict:
 *
 * - Tolerance against Flee: with `--rules flee` our mean ARD is within ARD_TOLERANCE of Flee's
 *   measured mean, and with `--rules improved` it is below it. The tolerance is three standard
 *   deviations of the difference of two two-run means, from the run-to-run spread we measured at
 *   these sizes (Flee: two syria2013 runs at hasten 100 differed by 0.006, two ssudan2013 runs at
 *   hasten 10 by 0.005; ours: sd ≤ 0.0036 over 10 seeds), about 0.003 per mean.
 * - Same output: seed 1's out.csv has the digest recorded below (`output_digests[0]` of
 *   `regimes displacement data/flee/NAME --hasten H --rules R --seed 1 --json`). The digests were
 *   recorded before the runModel split and the tolerant readers and are unchanged by both; a change
 *   of the model that moves them on purpose must record them anew here and remeasure the tables of
 *   docs/displacement.md.
 */
const ARD_TOLERANCE = 0.01;
/** Two runs of up to 212,321 agents take a few seconds; a shared, loaded machine can take minutes. */
const SLOW = 600_000;

const CASES: {
  name: string;
  hasten: number;
  digest: Record<RuleSet, string>;
}[] = [
  { name: 'mali2012', hasten: 1, digest: { flee: 'aab837bf7b58b6ab', improved: 'b86813a1bbc6278d' } },
  { name: 'burundi2015', hasten: 1, digest: { flee: '5a7669a444bcdcb2', improved: '31ffd2e80b680af8' } },
  { name: 'car2013', hasten: 10, digest: { flee: 'a1321e1d7dfc6d15', improved: '02e6a94e6c345741' } },
  { name: 'ssudan2013', hasten: 10, digest: { flee: '85eddcc2f156be05', improved: 'dd499fc4abe91606' } },
  { name: 'syria2013', hasten: 100, digest: { flee: '2249a0fa6f7f98be', improved: 'a674ac5b7eddefd5' } },
];

const run = (name: string, hasten: number, rules: RuleSet) =>
  runDisplacement(`data/flee/${name}`, { seed: 1, seeds: 2, hasten, rules });

describe('the shipped conflicts against Flee', () => {
  it('has a Flee figure for every case checked here', () => {
    for (const c of CASES) expect(FLEE_ARD[c.name]?.runs[c.hasten]?.length).toBeGreaterThanOrEqual(2);
  });

  it("finds Flee's figure by the folder's inputs, not by its name", () => {
    const copy = tempDir();
    const renamed = join(copy, 'my-mali');
    cpSync('data/flee/mali2012', renamed, { recursive: true });
    expect(fleeReferenceArd(loadScenario(renamed))).toEqual(
      fleeReferenceArd(loadScenario('data/flee/mali2012')),
    );
    expect(fleeReferenceArd(loadScenario(renamed))?.runs).toBe(4);
    // a folder named mali2012 holding burundi2015's inputs gets burundi2015's figure
    const other = join(copy, 'x', 'mali2012');
    cpSync('data/flee/burundi2015', other, { recursive: true });
    expect(fleeReferenceArd(loadScenario(other))).toEqual(
      fleeReferenceArd(loadScenario('data/flee/burundi2015')),
    );
    // and an edited copy has none
    const file = join(renamed, 'input_csv', 'routes.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,(\d+)/, ',1$1'));
    expect(fleeReferenceArd(loadScenario(renamed))).toBeNull();
    // hasten picks the runs: none at a hasten Flee was not run at
    expect(fleeReferenceArd(loadScenario('data/flee/mali2012', { hasten: 10 }))).toBeNull();
  });

  for (const c of CASES) {
    const flee = () => fleeReferenceArd(loadScenario(`data/flee/${c.name}`, { hasten: c.hasten }))!;
    it(
      `${c.name} at hasten ${c.hasten}, Flee's rules: within ${ARD_TOLERANCE} of Flee's ARD, same out.csv`,
      { timeout: SLOW },
      () => {
        const r = run(c.name, c.hasten, 'flee');
        expect(Math.abs(r.ard - flee().ard)).toBeLessThanOrEqual(ARD_TOLERANCE);
        expect(r.fleeArd).toEqual(flee());
        expect(r.runs[0].outputDigest.slice(0, 16)).toBe(c.digest.flee);
      },
    );
    it(
      `${c.name} at hasten ${c.hasten}, improved rules: below Flee's ARD, same out.csv`,
      { timeout: SLOW },
      () => {
        const r = run(c.name, c.hasten, 'improved');
        expect(r.ard).toBeLessThan(flee().ard);
        expect(r.runs[0].outputDigest.slice(0, 16)).toBe(c.digest.improved);
      },
    );
  }
});
