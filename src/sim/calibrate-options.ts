/**
 * The command line of `npx tsx src/sim/calibrate.ts`, read with Node's own parser (`util.parseArgs`,
 * strict): an unknown option or a bad number is refused before any run starts, and `--help` prints
 * the usage instead of starting a calibration that takes half an hour.
 */
import { parseArgs } from 'node:util';
import { userError } from '../shared/errors.ts';
import type { Parameters } from './parameters.ts';

export const CALIBRATE_USAGE = `Usage: npx tsx src/sim/calibrate.ts [options]

Stage 1 (Nelder–Mead over the calibrated parameters), stage 2 (remittances) and, with
--ensemble-points, stage 3 (the ABC parameter ensemble); docs/model.md §5.

Options:
  --scale K               persons per agent (default 5000)
  --seeds S               seeds 1…S in each evaluation, their mean rows scored (default 1)
  --evaluations N         stage 1 stops after about N evaluations (default 300)
  --minutes M             stage 1 stops at the first iteration after M minutes (default: no limit)
  --step-scale F          the simplex's first steps × F (default 1; below 1 near an optimum)
  --start JSON            start stage 1 from these values instead of parameters.ts's
  --only NAME,NAME…       search these parameters alone, the others held
  --ensemble-only         stage 3 alone, around the values of parameters.ts
  --ensemble-points M     ABC proposals (default 0: no stage 3)
  --reference-seeds R     seeds of the optimum's reference loss (default 20)
  --half-width W          proposal box, in simplex steps (default 1)
  --ridge-half-width V    the same for ascStay and the region constants (default W)
  --with-ranges           each proposal also draws PARAMETER_RANGES from their ranges
  --out FILE              write the ensemble module there (src/sim/calibrated-ensemble.ts)
  -h, --help              print this and exit`;

/** What the command line asks for. */
export interface CalibrateOptions {
  help: boolean;
  scale: number;
  seeds: number;
  evaluations: number;
  /** Stage 1's time limit, minutes (undefined: none). */
  minutes?: number;
  /** The simplex's first steps, as a multiple of calibration-space.ts's. */
  stepScale: number;
  start?: Partial<Parameters>;
  only?: string[];
  ensembleOnly: boolean;
  ensemblePoints: number;
  referenceSeeds: number;
  halfWidth: number;
  ridgeHalfWidth: number;
  withRanges: boolean;
  out?: string;
}

const STRING_OPTIONS = [
  'scale',
  'seeds',
  'evaluations',
  'minutes',
  'step-scale',
  'start',
  'only',
  'ensemble-points',
  'reference-seeds',
  'half-width',
  'ridge-half-width',
  'out',
] as const;

/** A number option: its value, or `fallback` when absent. @throws `E_CALIBRATE_OPTION` if not a number in range */
function numberOption(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  check: { integer?: boolean; min: number },
): number {
  const text = values[name];
  if (text === undefined) return fallback;
  const x = Number(text);
  if (
    typeof text !== 'string' ||
    text.trim() === '' ||
    !Number.isFinite(x) ||
    x < check.min ||
    (check.integer && !Number.isInteger(x))
  )
    throw userError(
      'E_CALIBRATE_OPTION',
      `--${name} must be ${check.integer ? 'an integer' : 'a number'} ≥ ${check.min}, not '${String(text)}'`,
    );
  return x;
}

/**
 * Reads the arguments after the script's name.
 * @throws `E_CALIBRATE_OPTION` for an unknown option, a missing value, a bad number or bad `--start` JSON
 */
export function calibrateOptions(args: readonly string[]): CalibrateOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: 'string' as const }])),
        'ensemble-only': { type: 'boolean' },
        'with-ranges': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw userError('E_CALIBRATE_OPTION', `${(err as Error).message} (see --help)`);
  }
  let start: Partial<Parameters> | undefined;
  if (values.start !== undefined) {
    try {
      start = JSON.parse(values.start as string) as Partial<Parameters>;
    } catch (err) {
      throw userError('E_CALIBRATE_OPTION', `--start is not JSON: ${(err as Error).message}`);
    }
    if (typeof start !== 'object' || start === null || Array.isArray(start))
      throw userError('E_CALIBRATE_OPTION', '--start must be a JSON object of parameter values');
  }
  const halfWidth = numberOption(values, 'half-width', 1, { min: 0 });
  return {
    help: values.help === true,
    scale: numberOption(values, 'scale', 5000, { integer: true, min: 1 }),
    seeds: numberOption(values, 'seeds', 1, { integer: true, min: 1 }),
    evaluations: numberOption(values, 'evaluations', 300, { integer: true, min: 1 }),
    minutes: values.minutes === undefined ? undefined : numberOption(values, 'minutes', 0, { min: 0.01 }),
    stepScale: numberOption(values, 'step-scale', 1, { min: 0.01 }),
    start,
    only: values.only === undefined ? undefined : (values.only as string).split(','),
    ensembleOnly: values['ensemble-only'] === true,
    ensemblePoints: numberOption(values, 'ensemble-points', 0, { integer: true, min: 0 }),
    referenceSeeds: numberOption(values, 'reference-seeds', 20, { integer: true, min: 2 }),
    halfWidth,
    ridgeHalfWidth: numberOption(values, 'ridge-half-width', halfWidth, { min: 0 }),
    withRanges: values['with-ranges'] === true,
    out: values.out as string | undefined,
  };
}
