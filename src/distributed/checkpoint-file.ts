/**
 * A checkpoint on disk (src/sim/checkpoint.ts makes and reads the parts):
 *
 *     "MRCKPT\0\1"  8 bytes, magic and layout version
 *     u32 LE        length of the header
 *     header        JSON, UTF-8
 *     blobs         each typed array's bytes (little-endian), each starting at a multiple of 8
 *
 * Written atomically: to a temporary file in the same folder, flushed to disk, then renamed over
 * the previous checkpoint, so a run killed while writing leaves the previous checkpoint whole.
 * Blobs are written and read one at a time, straight from and into the engine's arrays (a
 * checkpoint of 100 M agents is not copied into one buffer).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CheckpointHeader, CheckpointParts } from '../sim/checkpoint.ts';
import { userError } from '../shared/errors.ts';

const MAGIC = Buffer.from('MRCKPT\0\x01', 'latin1');
const align8 = (n: number) => Math.ceil(n / 8) * 8;

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes a checkpoint to `file` atomically (temporary file, fsync, rename). */
export function writeCheckpointFile(file: string, parts: CheckpointParts): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  const header = Buffer.from(JSON.stringify(parts.header), 'utf8');
  const fd = openSync(tmp, 'w');
  try {
    let pos = 0;
    const put = (b: Uint8Array) => {
      let off = 0;
      while (off < b.byteLength) off += writeSync(fd, b, off, b.byteLength - off, pos + off);
      pos += b.byteLength;
    };
    const pad = () => {
      if (pos % 8) put(new Uint8Array(8 - (pos % 8)));
    };
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.byteLength);
    put(MAGIC);
    put(len);
    put(header);
    for (const blob of parts.blobs) {
      pad();
      put(bytesOf(blob));
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  // the rename itself is on disk once the folder is flushed
  try {
    const dfd = openSync(dir, 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // not every system lets a folder be opened for fsync; the rename is still atomic
  }
}

/** An open checkpoint file: its header, and a reader for its blobs. Close it after use. */
export interface CheckpointFile<M = unknown> {
  header: CheckpointHeader<M>;
  read(index: number, into: ArrayBufferView): void;
  close(): void;
}

/**
 * Opens a checkpoint written by `writeCheckpointFile`.
 * @throws user errors `E_CHECKPOINT_NOT_FOUND` (no such file) and `E_CHECKPOINT_CORRUPT` (not a
 *   checkpoint, another layout, or cut short)
 */
export function openCheckpointFile<M = unknown>(file: string): CheckpointFile<M> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw userError('E_CHECKPOINT_NOT_FOUND', `no checkpoint at ${file}`);
  }
  const corrupt = (why: string, close = true) => {
    if (close) closeSync(fd);
    return userError('E_CHECKPOINT_CORRUPT', `${file} is not a usable checkpoint: ${why}`);
  };
  const head = Buffer.alloc(12);
  if (readSync(fd, head, 0, 12, 0) !== 12 || !head.subarray(0, 8).equals(MAGIC))
    throw corrupt('wrong magic number or layout version');
  const headerLength = head.readUInt32LE(8);
  const json = Buffer.alloc(headerLength);
  if (readSync(fd, json, 0, headerLength, 12) !== headerLength) throw corrupt('header cut short');
  let header: CheckpointHeader<M>;
  try {
    header = JSON.parse(json.toString('utf8')) as CheckpointHeader<M>;
  } catch {
    throw corrupt('header is not JSON');
  }
  const offsets: number[] = [];
  let pos = 12 + headerLength;
  for (const b of header.blobs ?? []) {
    pos = align8(pos);
    offsets.push(pos);
    pos += b.length * BYTES[b.type];
  }
  return {
    header,
    read(index, into) {
      const bytes = bytesOf(into);
      let off = 0;
      while (off < bytes.byteLength) {
        const n = readSync(fd, bytes, off, bytes.byteLength - off, offsets[index] + off);
        if (n === 0) throw corrupt(`blob ${index} cut short`, false);
        off += n;
      }
    },
    close: () => closeSync(fd),
  };
}

const BYTES: Record<string, number> = {
  Int8Array: 1,
  Uint8Array: 1,
  Int16Array: 2,
  Uint16Array: 2,
  Int32Array: 4,
  Uint32Array: 4,
  Float32Array: 4,
  Float64Array: 8,
};
