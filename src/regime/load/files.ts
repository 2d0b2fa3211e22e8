/**
 * File-system edge of the regime language: reads the built-in documents shipped in `regimes/` and
 * the user's files. Everything else in src/regime is pure.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, userError } from '../../shared/errors.ts';
import { buildLibrary, checkLibrary, type Library, type LibraryCheck, type SourceFile } from './library.ts';
import { LIMITS, decodeText } from './yaml-source.ts';

/** The folder of built-in documents shipped with the package. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../../regimes/', import.meta.url));

/** The package root: built-in files are named relative to it. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every `.yaml`/`.yml` file under a folder, sorted, named relative to the package root. */
export function builtinFiles(dir = BUILTIN_DIR): SourceFile[] {
  return walk(dir).map((path) => ({ file: relative(PACKAGE_ROOT, path), bytes: readFileSync(path) }));
}

/**
 * The built-in file a user's path is (its name relative to the package root), if it is one: a
 * built-in edited in place and given back (`validate regimes/policies/policy-deu.yaml`) replaces
 * itself instead of clashing with its own ids.
 */
export function builtinNameOf(path: string): string | undefined {
  const name = relative(PACKAGE_ROOT, resolve(path));
  return walk(BUILTIN_DIR).some((p) => resolve(p) === resolve(path)) ? name : undefined;
}

/** The built-in files less those named (the built-ins the user's files are). */
export function builtinFilesExcept(names: Iterable<string | undefined>): SourceFile[] {
  const skip = new Set(names);
  return builtinFiles().filter((f) => !skip.has(f.file));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Reads a user's file, refusing what is not a readable regular file of sensible size before reading it. */
export function readUserFile(path: string): SourceFile {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw userError('E_NOT_A_FILE', 'not a regular file', { file: path });
    size = st.size;
  } catch (e) {
    if (e instanceof Error && 'diagnostics' in e) throw e;
    throw userError('E_FILE_NOT_FOUND', 'no such file', { file: path });
  }
  if (size > LIMITS.maxBytes) {
    throw userError(
      'E_FILE_TOO_LARGE',
      `file is ${size} bytes; documents are limited to ${LIMITS.maxBytes} bytes`,
      { file: path },
    );
  }
  return { file: path, bytes: readFileSync(path) };
}

/** A user's YAML file as text: size, NUL bytes and encoding checked (E_FILE_TOO_LARGE, E_BINARY_FILE, E_NOT_UTF8). */
export function readUserText(path: string): string {
  const { bytes } = readUserFile(path);
  const text = decodeText(path, bytes);
  if (typeof text !== 'string') throw new UserError(text);
  return text;
}

let cached: Library | undefined;

/** The library of built-in documents (loaded once per process). */
export function loadBuiltinLibrary(): Library {
  cached ??= buildLibrary(builtinFiles());
  return cached;
}

/** The built-in documents together with the user's files, checked as one library. */
export function checkWithBuiltins(paths: readonly string[]): LibraryCheck {
  const user = paths.map(readUserFile);
  return checkLibrary([...builtinFilesExcept(paths.map(builtinNameOf)), ...user]);
}

/** The built-in documents together with the user's files; throws every diagnostic at once. */
export function loadWithBuiltins(paths: readonly string[]): Library {
  if (!paths.length) return loadBuiltinLibrary();
  const user = paths.map(readUserFile);
  return buildLibrary([...builtinFilesExcept(paths.map(builtinNameOf)), ...user]);
}
