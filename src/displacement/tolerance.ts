/**
 * What the readers do with irregular but readable input: Flee reads unsorted series, conflicts
 * columns for places it does not know, unknown closure types and more, so by default we read them
 * the way Flee does and say so in a warning. With `strict` the readers refuse what they refused
 * before they learnt this (docs/displacement.md, "Reading what Flee reads"); what they always
 * read (Windows line ends, byte-order marks, extra columns, blank cells) is a warning either way.
 */
import { userError } from '../shared/errors.ts';

/** Something irregular a reader tolerated, with what it made of it. */
export interface FleeWarning {
  /** The error code the same thing gets under --strict. */
  code: string;
  file: string;
  /** Line of the first occurrence, when there is one. */
  line?: number;
  message: string;
  kind: string;
  /** Repeats are counted over the scenario's files, not within one file. */
  perScenario: boolean;
  /** Occurrences of the same thing in the file (the warning names the first). */
  count: number;
}

export interface Tolerance {
  strict: boolean;
  warnings: FleeWarning[];
}

/** Read what Flee reads, collecting warnings (strict = false), or refuse what was refused before (strict = true). */
export function tolerance(strict = false): Tolerance {
  return { strict, warnings: [] };
}

/** One irregular thing a reader met. */
export interface Irregularity {
  file: string;
  line?: number;
  /** The error code it gets under --strict. */
  code: string;
  /** What kind of thing it is: repeats of a kind in a file are counted on its first warning. */
  kind: string;
  /** The error message under --strict (what is wrong); without one, --strict reads it too. */
  refusal?: string;
  /** Count repeats over the whole scenario, not per file (line ends, byte-order marks). */
  perScenario?: boolean;
  /** The warning otherwise: what is wrong and how it is read (as Flee reads it). */
  reading: string;
}

/** Under strict, the error if it has one; otherwise a warning (repeats of a kind counted on the first). */
export function tolerate(t: Tolerance, x: Irregularity): void {
  if (t.strict && x.refusal)
    throw userError(x.code, `${x.refusal} (refused under --strict)`, { file: x.file, line: x.line });
  const same = t.warnings.find((w) => w.kind === x.kind && (x.perScenario || w.file === x.file));
  if (same) same.count++;
  else
    t.warnings.push({
      code: x.code,
      kind: x.kind,
      perScenario: x.perScenario ?? false,
      file: x.file,
      line: x.line,
      message: x.reading,
      count: 1,
    });
}

/** `FILE:LINE: message [CODE]`, with the number of repeats. */
export function formatWarning(w: FleeWarning): string {
  const where = `${w.file}${w.line ? `:${w.line}` : ''}`;
  const more =
    w.count <= 1
      ? ''
      : w.perScenario
        ? ` (and in ${w.count - 1} more file${w.count > 2 ? 's' : ''})`
        : ` (first of ${w.count})`;
  return `${where}: ${w.message}${more} [${w.code}]`;
}
