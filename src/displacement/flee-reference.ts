/**
 * Flee's own validation error on the shipped conflicts, measured by running Python Flee
 * (djgroen/flee 02cd2cbd, runscripts/run.py + postprocessing/extract-validation-results.py)
 * on the same input folders. Each entry lists every run we have; the CLI prints their mean
 * next to ours. Sources: the reference runs (mali2012 and burundi2015 at hasten 1, the first two of
 * each) and our side-by-side runs with bench/flee-side-by-side.ts (the others); how each was made:
 * docs/displacement.md, "Flee's own figures". src/displacement/flee-reference.test.ts checks our
 * model against them.
 */
export const FLEE_ARD: Record<string, Record<number, number[]>> = {
  mali2012: { 1: [0.3153, 0.3154, 0.316, 0.3172] },
  burundi2015: { 1: [0.4669, 0.4651, 0.4657] },
  car2013: { 10: [0.361, 0.3596] },
  ssudan2013: { 1: [0.5445], 10: [0.5495, 0.5446] },
  syria2013: { 100: [0.3403, 0.3346] },
};

/** Flee's mean ARD for a scenario at a hasten value, or null when it was not measured. */
export function fleeReferenceArd(
  name: string,
  hasten: number,
): { ard: number; runs: number; note: string } | null {
  const runs = FLEE_ARD[name]?.[hasten];
  if (!runs || runs.length === 0) return null;
  const ard = runs.reduce((a, b) => a + b, 0) / runs.length;
  return {
    ard: Math.round(ard * 1e4) / 1e4,
    runs: runs.length,
    note: `Python Flee 02cd2cbd, hasten ${hasten}, ${runs.length} run(s)`,
  };
}
