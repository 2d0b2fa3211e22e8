/**
 * The command line of `npx tsx src/sim/calibrate.ts`, read with commander as the `regimes` CLI reads
 * its own (src/cli/): an unknown option, a missing value or a bad number is refused before any run
 * starts, and `--help` prints the usage instead of starting a calibration that takes half an hour.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { userError } from '../shared/errors.ts';
import { optionParser, parseSeedList, parseSeedSet } from '../ensemble/options.ts';
import { HELD_OUT_MARGIN, HELD_OUT_SEEDS } from './calibration-guard.ts';
import type { Parameters } from './parameters.ts';

/** What the command line asks for. */
export interface CalibrateOptions {
  help: boolean;
  scale: number;
  /** The seeds each evaluation of stage 1 runs (common random numbers), their mean rows scored. */
  seeds: number[];
  /** The held-out seeds of the guard (calibration-guard.ts); empty: no guard. */
  checkSeeds: number[];
  /** How many of stage 1's best points the guard checks. */
  checkBest: number;
  /** By how much a point must beat the start on the held-out seeds. */
  checkMargin: number;
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

/** A number ≥ `min` (an integer if asked), commander's parser of an option's value. */
function number(check: { integer?: boolean; min: number }) {
  return (text: string): number => {
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x) || x < check.min || (check.integer && !Number.isInteger(x)))
      throw new InvalidArgumentError(`must be ${check.integer ? 'an integer' : 'a number'} ≥ ${check.min}`);
    return x;
  };
}

/** A JSON object of parameter values (`--start`; tools/loss-noise.ts's `--against`), commander's parser. */
export function parseParameterJson(text: string): Partial<Parameters> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError(`not JSON: ${(err as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new InvalidArgumentError('must be a JSON object of parameter values');
  return v as Partial<Parameters>;
}

/** The calibration's command (its options, their checks and its usage). */
function calibrateCommand(): Command {
  return new Command('npx tsx src/sim/calibrate.ts')
    .description(
      'Stage 1 (Nelder–Mead over the calibrated parameters, its best points checked on held-out seeds), ' +
        'stage 2 (remittances) and, with --ensemble-points, stage 3 (the ABC parameter ensemble); docs/model.md §5.',
    )
    .option('--scale <k>', 'persons per agent', number({ integer: true, min: 1 }), 5000)
    .option(
      '--seeds <s>',
      'seeds of each evaluation: a count (1…S) or a list (1,2); their mean rows scored',
      optionParser(parseSeedSet),
      [1],
    )
    .option(
      '--check-seeds <list>',
      `held-out seeds: the best points are kept only if they hold there ('none': no check)`,
      (t: string) => (t === 'none' ? [] : optionParser(parseSeedList)(t)),
      [...HELD_OUT_SEEDS],
    )
    .option(
      '--check-best <n>',
      'how many of the best points are checked',
      number({ integer: true, min: 1 }),
      5,
    )
    .option(
      '--check-margin <m>',
      'a point must beat the start on the held-out seeds by more than m',
      number({ min: 0 }),
      HELD_OUT_MARGIN,
    )
    .option(
      '--evaluations <n>',
      'stage 1 stops after about n evaluations',
      number({ integer: true, min: 1 }),
      300,
    )
    .option(
      '--minutes <m>',
      'stage 1 stops at the first iteration after m minutes (default: no limit)',
      number({ min: 0.01 }),
    )
    .option(
      '--step-scale <f>',
      "the simplex's first steps × f (below 1 near an optimum)",
      number({ min: 0.01 }),
      1,
    )
    .option(
      '--start <json>',
      "start stage 1 from these values instead of parameters.ts's",
      parseParameterJson,
    )
    .option(
      '--only <names>',
      'search these parameters alone (comma-separated), the others held',
      (t: string) => t.split(','),
    )
    .option('--ensemble-only', 'stage 3 alone, around the values of parameters.ts', false)
    .option('--ensemble-points <m>', 'ABC proposals (0: no stage 3)', number({ integer: true, min: 0 }), 0)
    .option(
      '--reference-seeds <r>',
      "seeds of the optimum's reference loss",
      number({ integer: true, min: 2 }),
      20,
    )
    .option('--half-width <w>', 'proposal box, in simplex steps', number({ min: 0 }), 1)
    .option(
      '--ridge-half-width <v>',
      'the same for ascStay and the region constants (default: --half-width)',
      number({ min: 0 }),
    )
    .option('--with-ranges', 'each proposal also draws PARAMETER_RANGES from their ranges', false)
    .option('--out <file>', 'write the ensemble module there (src/sim/calibrated-ensemble.ts)')
    .helpOption('-h, --help', 'print this and exit')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

/** The usage `--help` prints. */
export const CALIBRATE_USAGE = calibrateCommand().helpInformation();

/**
 * Reads the arguments after the script's name.
 * @throws `E_CALIBRATE_OPTION` for an unknown option, a missing value, a bad number, bad `--start`
 *   JSON, or held-out seeds the search also runs
 */
export function calibrateOptions(args: readonly string[]): CalibrateOptions {
  const command = calibrateCommand();
  try {
    command.parse([...args], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError && err.code === 'commander.helpDisplayed')
      return { ...defaults(), help: true };
    throw userError('E_CALIBRATE_OPTION', `${(err as Error).message.replace(/^error: /, '')} (see --help)`);
  }
  const o = command.opts();
  const seeds = o.seeds as number[];
  const checkSeeds = o.checkSeeds as number[];
  const both = checkSeeds.filter((s) => seeds.includes(s));
  if (both.length)
    throw userError(
      'E_CALIBRATE_OPTION',
      `--check-seeds must be seeds the search does not run; ${both.join(', ')} ${both.length > 1 ? 'are' : 'is'} in --seeds`,
    );
  return {
    help: false,
    scale: o.scale as number,
    seeds,
    checkSeeds,
    checkBest: o.checkBest as number,
    checkMargin: o.checkMargin as number,
    evaluations: o.evaluations as number,
    minutes: o.minutes as number | undefined,
    stepScale: o.stepScale as number,
    start: o.start as Partial<Parameters> | undefined,
    only: o.only as string[] | undefined,
    ensembleOnly: o.ensembleOnly as boolean,
    ensemblePoints: o.ensemblePoints as number,
    referenceSeeds: o.referenceSeeds as number,
    halfWidth: o.halfWidth as number,
    ridgeHalfWidth: (o.ridgeHalfWidth ?? o.halfWidth) as number,
    withRanges: o.withRanges as boolean,
    out: o.out as string | undefined,
  };
}

/** The options with nothing given. */
function defaults(): CalibrateOptions {
  return calibrateOptions([]);
}
