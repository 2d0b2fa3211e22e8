/**
 * The rule every command that writes files follows: never overwrite a file the program did not
 * write. Each output folder keeps a small manifest, `.regimes-outputs.json`, of the files the
 * program wrote there and their SHA-256; a file in the way may be replaced only when the manifest
 * names it with the digest it still has (the program's own output, unchanged since). Anything
 * else (a user's file, one the program wrote and the user edited since, a folder) is refused
 * before any work starts, unless the user passes `--force`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { userError } from './errors.ts';

/** The manifest's name inside an output folder. */
export const OUTPUT_MANIFEST = '.regimes-outputs.json';

interface Manifest {
  /** Digest of each file the program wrote, by name. */
  files: Record<string, { sha256: string }>;
}

/** Whether to overwrite files the program did not write. */
export interface OutputOptions {
  force?: boolean;
}

/**
 * Checks, before the work, that each path may be written, and makes the folders.
 * @throws `E_NOT_A_FILE` when a folder (or anything but a file) is in the way; `E_OUT_EXISTS` for a
 *   file the program did not write, or changed since, unless `force`; `E_EXPORT_DIR` for a
 *   folder that cannot be made
 */
export function claimOutputs(paths: readonly string[], options: OutputOptions = {}): void {
  for (const path of paths.map((p) => resolve(p))) {
    const dir = dirname(path);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw userError(
        'E_EXPORT_DIR',
        `cannot make the folder: ${(err as NodeJS.ErrnoException).code ?? err}`,
        {
          file: dir,
        },
      );
    }
    if (!existsSync(path)) continue;
    if (!statSync(path).isFile())
      throw userError('E_NOT_A_FILE', 'is in the way of an output file and is not a file: not touching it', {
        file: path,
      });
    if (options.force || writtenByUs(path)) continue;
    throw userError(
      'E_OUT_EXISTS',
      'exists and was not written by regimes (or was changed since): not overwriting it; choose another place, or pass --force',
      { file: path },
    );
  }
}

/** Records files just written by the program in their folders' manifests. */
export function recordOutputs(paths: readonly string[]): void {
  const byDir = new Map<string, string[]>();
  for (const path of paths.map((p) => resolve(p))) {
    const list = byDir.get(dirname(path)) ?? [];
    list.push(path);
    byDir.set(dirname(path), list);
  }
  for (const [dir, files] of byDir) {
    const manifest = readManifest(dir);
    for (const file of files) manifest.files[basename(file)] = { sha256: digestOf(file) };
    writeFileSync(join(dir, OUTPUT_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  }
}

/** Writes a text file under the rule: claimed, written, recorded. */
export function writeOutputFile(path: string, text: string, options: OutputOptions = {}): void {
  claimOutputs([path], options);
  writeFileSync(path, text);
  recordOutputs([path]);
}

function writtenByUs(path: string): boolean {
  const entry = readManifest(dirname(path)).files[basename(path)];
  return entry !== undefined && entry.sha256 === digestOf(path);
}

function readManifest(dir: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(join(dir, OUTPUT_MANIFEST), 'utf8')) as Partial<Manifest>;
    if (m && typeof m.files === 'object' && m.files !== null) return { files: m.files };
  } catch {
    // no manifest (or a damaged one): the folder holds nothing the program knows it wrote
  }
  return { files: {} };
}

function digestOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
