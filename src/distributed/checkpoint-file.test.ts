import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckpointParts } from '../sim/checkpoint.ts';
import { CHECKPOINT_FORMAT } from '../sim/checkpoint.ts';
import { errorCodeOf } from '../../test/support/user-error.ts';
import { openCheckpointFile, writeCheckpointFile } from './checkpoint-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-ckpt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parts(year: number): CheckpointParts {
  const blobs = [
    new Uint8Array([1, 2, 3]),
    new Float64Array([Math.PI, -0, NaN]),
    new Uint16Array([7, 65535]),
  ];
  return {
    header: {
      format: CHECKPOINT_FORMAT,
      year,
      meta: { run: 'x' },
      engine: {},
      rows: { indicators: [], countries: [], blobs: [0, 0, 0, 0] },
      blobs: [
        { type: 'Uint8Array', length: 3 },
        { type: 'Float64Array', length: 3 },
        { type: 'Uint16Array', length: 2 },
      ],
    },
    blobs,
  };
}

describe('checkpoint files', () => {
  it('reads back the header and every blob bit for bit, each blob 8-byte aligned', () => {
    const file = join(dir, 'a.ckpt');
    writeCheckpointFile(file, parts(1995));
    const f = openCheckpointFile(file);
    expect(f.header.year).toBe(1995);
    expect(f.header.meta).toEqual({ run: 'x' });
    const d = new Float64Array(3);
    f.read(1, d);
    expect(Object.is(d[1], -0)).toBe(true);
    expect([d[0], Number.isNaN(d[2])]).toEqual([Math.PI, true]);
    const u = new Uint16Array(2);
    f.read(2, u);
    expect([...u]).toEqual([7, 65535]);
    f.close();
  });

  it('replaces the previous checkpoint whole and leaves no temporary file behind', () => {
    const file = join(dir, 'b.ckpt');
    writeCheckpointFile(file, parts(1991));
    writeCheckpointFile(file, parts(1992));
    expect(openCheckpointFile(file).header.year).toBe(1992);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('refuses a missing file, another kind of file and a checkpoint cut short', () => {
    expect(errorCodeOf(() => openCheckpointFile(join(dir, 'none.ckpt')))).toBe('E_CHECKPOINT_NOT_FOUND');
    const other = join(dir, 'other.ckpt');
    writeFileSync(other, 'hello, this is not a checkpoint');
    expect(errorCodeOf(() => openCheckpointFile(other))).toBe('E_CHECKPOINT_CORRUPT');
    const file = join(dir, 'c.ckpt');
    writeCheckpointFile(file, parts(1993));
    const cut = join(dir, 'cut.ckpt');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    const f = openCheckpointFile(cut);
    expect(errorCodeOf(() => f.read(2, new Uint16Array(2)))).toBe('E_CHECKPOINT_CORRUPT');
    f.close();
  });
});
