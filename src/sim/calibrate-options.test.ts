import { describe, expect, it } from 'vitest';
import { calibrateOptions } from './calibrate-options.ts';

describe('the calibration command line', () => {
  it('reads the defaults of docs/model.md §5 when nothing is given', () => {
    const o = calibrateOptions([]);
    expect(o).toMatchObject({ help: false, scale: 5000, seeds: [1], evaluations: 300, ensemblePoints: 0 });
    expect(o).toMatchObject({
      checkSeeds: [7, 8, 9, 10],
      checkBest: 5,
      checkMargin: 0.025,
      halfWidth: 1,
      ridgeHalfWidth: 1,
    });
    expect(o.ensembleOnly).toBe(false);
    expect(o.start).toBeUndefined();
    expect(o.minutes).toBeUndefined();
  });

  it('reads the options of the last shipped runs', () => {
    const o = calibrateOptions(
      '--scale 1000 --ensemble-only --ensemble-points 120 --reference-seeds 10 --half-width 1 --ridge-half-width 0.5 --out x.ts'.split(
        ' ',
      ),
    );
    expect(o).toMatchObject({ scale: 1000, ensembleOnly: true, ensemblePoints: 120, referenceSeeds: 10 });
    expect(o).toMatchObject({ halfWidth: 1, ridgeHalfWidth: 0.5, out: 'x.ts' });
    const p = calibrateOptions(['--only', 'ascStay,ascAsia', '--start', '{"ascStay":5}']);
    expect(p.only).toEqual(['ascStay', 'ascAsia']);
    expect(p.start).toEqual({ ascStay: 5 });
    expect(calibrateOptions(['--minutes', '25']).minutes).toBe(25);
    expect(calibrateOptions(['--step-scale', '0.5']).stepScale).toBe(0.5);
    expect(calibrateOptions([]).stepScale).toBe(1);
  });

  it('reads the seeds searched and the held-out seeds of the guard', () => {
    expect(calibrateOptions(['--seeds', '3']).seeds).toEqual([1, 2, 3]);
    const o = calibrateOptions(
      '--seeds 1,2 --check-seeds 3,4,5,6 --check-best 3 --check-margin 0.01'.split(' '),
    );
    expect(o).toMatchObject({ seeds: [1, 2], checkSeeds: [3, 4, 5, 6], checkBest: 3, checkMargin: 0.01 });
    expect(calibrateOptions(['--check-seeds', 'none']).checkSeeds).toEqual([]);
    expect(calibrateOptions(['--check-seeds', '7']).checkSeeds).toEqual([7]);
    expect(() => calibrateOptions('--seeds 1,7 --check-seeds 7,8'.split(' '))).toThrow(
      /--check-seeds must be seeds the search does not run; 7 is in --seeds/,
    );
    expect(() => calibrateOptions(['--check-seeds', '7,7'])).toThrow(/distinct seeds/);
    expect(() => calibrateOptions(['--check-best', '0'])).toThrow(/--check-best <n>.*must be an integer ≥ 1/);
  });

  it('prints a usage that names every option', async () => {
    const { CALIBRATE_USAGE } = await import('./calibrate-options.ts');
    for (const name of [
      '--scale',
      '--seeds',
      '--check-seeds',
      '--check-margin',
      '--minutes',
      '--out',
      '--help',
    ])
      expect(CALIBRATE_USAGE).toContain(name);
  });

  it('asks for help instead of starting a run', () => {
    expect(calibrateOptions(['--help']).help).toBe(true);
    expect(calibrateOptions(['-h']).help).toBe(true);
  });

  it('refuses an unknown option, a bad number and bad JSON before any run', () => {
    expect(() => calibrateOptions(['--scales', '1000'])).toThrow(/unknown option '--scales'/);
    expect(() => calibrateOptions(['--scale', 'abc'])).toThrow(/'abc' is invalid\. must be an integer ≥ 1/);
    expect(() => calibrateOptions(['--evaluations', '2.5'])).toThrow(/--evaluations <n>.*must be an integer/);
    expect(() => calibrateOptions(['--half-width=-1'])).toThrow(/--half-width <w>.*must be a number ≥ 0/);
    expect(() => calibrateOptions(['--minutes', '0'])).toThrow(
      /argument '0' is invalid\. must be a number ≥ 0.01/,
    );
    expect(() => calibrateOptions(['--step-scale=-1'])).toThrow(/--step-scale <f>.*must be a number/);
    expect(() => calibrateOptions(['--start', '{ascStay'])).toThrow(/--start <json>.*not JSON/);
    expect(() => calibrateOptions(['--start', '[1]'])).toThrow(/must be a JSON object/);
    expect(() => calibrateOptions(['--scale'])).toThrow(/E_CALIBRATE_OPTION|argument missing/);
    expect(() => calibrateOptions(['1000'])).toThrow(/too many arguments|unexpected|excess/i);
    expect(() => calibrateOptions(['--scale', 'abc'])).toThrow(/\[E_CALIBRATE_OPTION\]/);
  });
});
