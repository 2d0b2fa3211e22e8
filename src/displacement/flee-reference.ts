/**
 * Flee's own validation error on the shipped conflicts, measured by running Python Flee
 * (djgroen/flee 02cd2cbd, runscripts/run.py + postprocessing/extract-validation-results.py)
 * on the same input folders. Each entry lists every run we have; the CLI prints their mean
 * next to ours. Sources: the reference runs (mali2012 and burundi2015 at hasten 1, the first two of
 * each) and our side-by-side runs with bench/flee-side-by-side.ts (the others); how each was made:
 * docs/displacement.md, "Flee's own figures". src/displacement/flee-reference.test.ts checks our
 * model against them.
 *
 * A figure belongs to the inputs it was measured on, not to a folder name: an entry is found by
 * the fingerprint of the scenario's inputs (`scenarioInputs`), so a folder of another name with
 * the same files gets it and an edited copy of mali2012 does not.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FleeScenario } from './scenario.ts';

export interface FleeReference {
  /** scenarioInputs of the folder Flee was run on. */
  inputs: string;
  /** Flee's ARD of each run, by hasten. */
  runs: Record<number, number[]>;
}

export const FLEE_ARD: Record<string, FleeReference> = {
  mali2012: {
    inputs: '8a4e170f06d45450',
    runs: { 1: [0.3153, 0.3154, 0.316, 0.3172] },
  },
  burundi2015: {
    inputs: 'a0edb673b1207665',
    runs: { 1: [0.4669, 0.4651, 0.4657] },
  },
  car2013: {
    inputs: '7bdf4679c2988ab8',
    runs: { 10: [0.361, 0.3596] },
  },
  ssudan2013: {
    inputs: '4469d3b89f9e7559',
    runs: { 1: [0.5445], 10: [0.5495, 0.5446] },
  },
  syria2013: {
    inputs: '3b6d48e9b24a00f6',
    runs: { 100: [0.3403, 0.3346] },
  },
};

/**
 * Fingerprint of what Flee reads from a scenario folder, hasten aside: SHA-256 over the name and
 * bytes of every file in input_csv/ and source_data/ (in name order) and the settings read from
 * simsetting.yml other than hasten. First 16 hex digits.
 */
export function scenarioInputs(s: FleeScenario): string {
  const h = createHash('sha256');
  for (const sub of ['input_csv', 'source_data']) {
    const dir = join(s.dir, sub);
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (!statSync(file).isFile()) continue;
      h.update(`${sub}/${name}\0`);
      h.update(readFileSync(file));
      h.update('\0');
    }
  }
  h.update(JSON.stringify({ ...s.settings, hasten: null }));
  return h.digest('hex').slice(0, 16);
}

/** Flee's mean ARD for a scenario with these inputs at its hasten, or null when it was not measured. */
export function fleeReferenceArd(s: FleeScenario): { ard: number; runs: number; note: string } | null {
  const hasten = s.settings.hasten;
  const inputs = scenarioInputs(s);
  const runs = Object.values(FLEE_ARD).find((r) => r.inputs === inputs)?.runs[hasten];
  if (!runs || runs.length === 0) return null;
  const ard = runs.reduce((a, b) => a + b, 0) / runs.length;
  return {
    ard: Math.round(ard * 1e4) / 1e4,
    runs: runs.length,
    note: `Python Flee 02cd2cbd, hasten ${hasten}, ${runs.length} run(s)`,
  };
}
