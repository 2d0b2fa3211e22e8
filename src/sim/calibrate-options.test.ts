import { describe, expect, it } from 'vitest';
import { calibrateOptions } from './calibrate-options.ts';

describe('the calibration command line', () => {
  it('reads the defaults of docs/model.md §5 when nothing is given', () => {
    const o = calibrateOptions([]);
    expect(o).toMatchObject({ help: false, scale: 5000, seeds: 1, evaluations: 300, ensemblePoints: 0 });
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

  it('asks for help instead of starting a run', () => {
    expect(calibrateOptions(['--help']).help).toBe(true);
    expect(calibrateOptions(['-h']).help).toBe(true);
  });

  it('refuses an unknown option, a bad number and bad JSON before any run', () => {
    expect(() => calibrateOptions(['--scales', '1000'])).toThrow(/Unknown option '--scales'/);
    expect(() => calibrateOptions(['--scale', 'abc'])).toThrow(/--scale must be an integer ≥ 1, not 'abc'/);
    expect(() => calibrateOptions(['--evaluations', '2.5'])).toThrow(/--evaluations must be an integer/);
    expect(() => calibrateOptions(['--half-width=-1'])).toThrow(/--half-width must be a number ≥ 0/);
    expect(() => calibrateOptions(['--minutes', '0'])).toThrow(/--minutes must be a number ≥ 0.01, not '0'/);
    expect(() => calibrateOptions(['--step-scale=-1'])).toThrow(/--step-scale must be a number/);
    expect(() => calibrateOptions(['--start', '{ascStay'])).toThrow(/--start is not JSON/);
    expect(() => calibrateOptions(['--start', '[1]'])).toThrow(/--start must be a JSON object/);
    expect(() => calibrateOptions(['--scale'])).toThrow(/E_CALIBRATE_OPTION|argument missing|requires/i);
  });
});
