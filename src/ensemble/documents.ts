/**
 * The user's own documents (`--file`) in a simulation: read once where the command runs and carried
 * inside each job, so a member on a worker thread, another machine or a resumed run loads the very
 * bytes the user gave, with the built-ins, as one checked library.
 */
import type { Library } from '../regime/index.ts';
import {
  buildLibrary,
  builtinFilesExcept,
  builtinNameOf,
  loadBuiltinLibrary,
  readUserFile,
} from '../regime/index.ts';

/** A user's document file: its name as given and its bytes (base64: a job is plain JSON data). */
export interface UserDocumentFile {
  file: string;
  base64: string;
  /** The built-in file this one is (edited in place), which it replaces: named where it was read. */
  builtin?: string;
}

/** Reads the user's files (missing, not a file, too large: user errors naming the file). */
export function readDocuments(paths: readonly string[]): UserDocumentFile[] {
  return paths.map((path) => {
    const { file, bytes } = readUserFile(path);
    const builtin = builtinNameOf(path);
    return { file, base64: Buffer.from(bytes).toString('base64'), ...(builtin ? { builtin } : {}) };
  });
}

// The last library built from user files, per thread (members of one ensemble share their files).
let last: { key: string; library: Library } | undefined;

/**
 * The built-ins with the user's documents, checked together (every diagnostic with its file, line
 * and column, nothing half-loaded); the built-ins alone when there are none.
 */
export function libraryOf(documents: readonly UserDocumentFile[] | undefined): Library {
  if (!documents?.length) return loadBuiltinLibrary();
  const key = JSON.stringify(documents);
  if (last?.key !== key) {
    const files = documents.map((d) => ({ file: d.file, bytes: Buffer.from(d.base64, 'base64') }));
    last = { key, library: buildLibrary([...builtinFilesExcept(documents.map((d) => d.builtin)), ...files]) };
  }
  return last.library;
}
