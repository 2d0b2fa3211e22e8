import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_MANIFEST, claimOutputs, recordOutputs, writeOutputFile } from './output-files.ts';
import { tempDirs } from '../../test/support/temp-dirs.ts';

const tempDir = tempDirs('regimes-outputs-');

describe('output files', () => {
  it('writes into a new folder (made on the way) and writes its own files again', () => {
    const file = join(tempDir(), 'new', 'deeper', 'a.json');
    writeOutputFile(file, '1\n');
    writeOutputFile(file, '2\n');
    expect(readFileSync(file, 'utf8')).toBe('2\n');
    expect(
      JSON.parse(readFileSync(join(file, '..', OUTPUT_MANIFEST), 'utf8')).files['a.json'].sha256,
    ).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a user's file with E_OUT_EXISTS and leaves it as it was; --force overwrites it", () => {
    const file = join(tempDir(), 'notes.md');
    writeFileSync(file, 'mine\n');
    expect(() => writeOutputFile(file, 'ours\n')).toThrow(
      /not written by regimes.*--force.*\[E_OUT_EXISTS\]/,
    );
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    writeOutputFile(file, 'ours\n', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('ours\n');
  });

  it('refuses its own file once the user has changed it', () => {
    const file = join(tempDir(), 'fit.md');
    writeOutputFile(file, 'ours\n');
    writeFileSync(file, 'ours, with the user’s notes\n');
    expect(() => claimOutputs([file])).toThrow(/E_OUT_EXISTS/);
  });

  it('refuses a folder in the way of a file with E_NOT_A_FILE, even with --force', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'indicators.csv'));
    expect(() => claimOutputs([join(dir, 'indicators.csv')], { force: true })).toThrow(/E_NOT_A_FILE/);
  });

  it('checks every file before any is written: one in the way stops them all', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.csv'), 'user\n');
    expect(() => claimOutputs([join(dir, 'a.csv'), join(dir, 'b.csv')])).toThrow(/b\.csv/);
  });

  it('records several files of one folder in one manifest', () => {
    const dir = tempDir();
    for (const f of ['x.csv', 'y.csv']) writeFileSync(join(dir, f), f);
    recordOutputs([join(dir, 'x.csv'), join(dir, 'y.csv')]);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, OUTPUT_MANIFEST), 'utf8')).files).sort()).toEqual([
      'x.csv',
      'y.csv',
    ]);
    claimOutputs([join(dir, 'x.csv'), join(dir, 'y.csv')]);
  });
});
