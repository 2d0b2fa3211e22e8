/**
 * A cache on disk of the documents each file holds once parsed and checked against the schema, so
 * that a command does not parse and check again the ~110 YAML documents of `regimes/` (≈ 0.6 s of
 * every process, and of every worker thread, on the development machine) nor a user's file that
 * has not changed. What depends on the other files — unique ids, references, amendments — is
 * checked every time (library.ts).
 *
 * An entry is named by a SHA-256 over the file's name and bytes and the package's source code
 * (src/shared/disk-cache.ts), so a changed file, parser or schema is a miss, never a stale
 * document. Only files without a diagnostic are kept. A document's `locate` (the line and column
 * messages cite) parses its file again the first time it is asked. Entries are written to a
 * temporary name and renamed; an unreadable or damaged entry is a miss and is written again.
 * Documents survive the JSON round trip unchanged (plain data; library-cache.test.ts checks every
 * built-in document).
 *
 * It is on when `REGIMES_LIBRARY_CACHE` names a directory (`off`: off). The `regimes` command sets
 * it to `cache/library` beside the default results store (or `REGIMES_STORE`) unless it is set
 * (src/cli/main.ts); the library API and the tests leave it off.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cacheDirFromEnv,
  defaultCacheDir,
  pruneCache,
  sourceCodeDigest,
  writeFileAtomic,
} from '../../shared/disk-cache.ts';
import type { RegimeDocument } from '../schema/kinds.ts';
import type { LoadedDocument, SourceFile } from './loaded-document.ts';
import { parseSource } from './yaml-source.ts';

/** The environment variable that names the cache directory (`off`: no cache). */
export const LIBRARY_CACHE_ENV = 'REGIMES_LIBRARY_CACHE';

/** Bumped when the entry layout below changes. */
const FORMAT = 1;

/** Entries kept, the newest first: the built-in files of a few versions of the code, and the user's. */
export const LIBRARY_CACHE_KEEP = 2000;

/** Turns the cache on beside the results store `storeFile`, unless the environment already chose. */
export function defaultLibraryCache(storeFile: string, env: NodeJS.ProcessEnv = process.env): void {
  defaultCacheDir(LIBRARY_CACHE_ENV, 'library', storeFile, env);
}

/** The cache directory from the environment, or undefined when there is none. */
export function libraryCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return cacheDirFromEnv(LIBRARY_CACHE_ENV, env);
}

/** The entry's name for a file under this code. */
export function documentsKey(f: SourceFile): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, sourceCodeDigest(), f.file]))
    .update('\0')
    .update(f.bytes)
    .digest('hex');
}

interface CachedDocument {
  index: number;
  doc: RegimeDocument;
}

/** The checked documents of files, kept in a directory. */
export interface DocumentCache {
  /** The file's documents when an earlier check kept them, or undefined. */
  get(f: SourceFile): LoadedDocument[] | undefined;
  /** Keeps the documents of a file that checked without a diagnostic. */
  put(f: SourceFile, documents: readonly LoadedDocument[]): void;
}

/** A document whose `locate` parses its file only when first asked. */
function restored(f: SourceFile, d: CachedDocument): LoadedDocument {
  let locate: LoadedDocument['locate'] | undefined;
  return {
    doc: d.doc,
    file: f.file,
    index: d.index,
    locate(path) {
      if (!locate) {
        const parsed = parseSource(f.file, f.bytes);
        const source = parsed.ok ? parsed.documents[d.index] : undefined;
        locate = source ? source.locate : () => ({ line: 1, col: 1 });
      }
      return locate(path);
    },
  };
}

/** The cache in `dir` (default: the environment's), or undefined when it is off. */
export function documentCache(dir: string | undefined = libraryCacheDir()): DocumentCache | undefined {
  if (!dir) return undefined;
  return {
    get(f) {
      try {
        const entry = JSON.parse(readFileSync(join(dir, `${documentsKey(f)}.json`), 'utf8')) as {
          format: number;
          documents: CachedDocument[];
        };
        if (entry.format !== FORMAT || !Array.isArray(entry.documents)) return undefined;
        return entry.documents.map((d) => restored(f, d));
      } catch {
        return undefined; // absent, unreadable or damaged: checked again and written again
      }
    },
    put(f, documents) {
      const entry = { format: FORMAT, documents: documents.map((d) => ({ index: d.index, doc: d.doc })) };
      try {
        writeFileAtomic(join(dir, `${documentsKey(f)}.json`), JSON.stringify(entry));
        pruneCache(dir, '.json', LIBRARY_CACHE_KEEP);
      } catch {
        // a cache that cannot be written (read-only directory, full disk) only costs time
      }
    },
  };
}

/**
 * The cache for `files` only: any other file is neither read from it nor written to it. The web
 * server checks posted texts this way, so that a request writes nothing to disk.
 */
export function restrictedTo(
  cache: DocumentCache | undefined,
  files: readonly SourceFile[],
): DocumentCache | undefined {
  if (!cache) return undefined;
  const allowed = new Set(files);
  return {
    get: (f) => (allowed.has(f) ? cache.get(f) : undefined),
    put: (f, documents) => {
      if (allowed.has(f)) cache.put(f, documents);
    },
  };
}
