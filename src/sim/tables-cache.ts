/**
 * A cache of compiled policy tables on disk, so that a run, a comparison, a fit or an experiment
 * does not compile again the tables an earlier command compiled (compiling is about a third of a
 * `regimes run` at the default scale).
 *
 * A file is named by a SHA-256 over everything the tables are a function of: the library's
 * documents (their parsed content, in id order, scenario interventions included), the regime, the
 * date, the countries and their tiers, and the source code of the package (every non-test `.ts`
 * file under `src/`), so a change to any of them is a miss, never stale tables. Files are written
 * to a temporary name and renamed, so concurrent writers (worker threads) never expose half a file;
 * an unreadable or damaged file is a miss and is written again.
 *
 * It is on when `REGIMES_TABLES_CACHE` names a directory (`off`: off). The `regimes` command sets it
 * to `cache/tables` beside the default results store (or `REGIMES_STORE`) unless it is set
 * (src/cli/main.ts), before any option is read, so the worker threads and processes it starts
 * inherit it; the library and the tests leave it off.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Library, Tier } from '../regime/index.ts';
import type { PolicyTables } from '../rules/tables.ts';
import type { CompilePolicyTables } from './policy-tables.ts';
import {
  cacheDirFromEnv,
  defaultCacheDir,
  pruneCache,
  sourceCodeDigest,
  writeFileAtomic,
} from '../shared/disk-cache.ts';

/** The environment variable that names the cache directory (`off`: no cache). */
export const TABLES_CACHE_ENV = 'REGIMES_TABLES_CACHE';

/** Bumped when the file layout below changes. */
const FORMAT = 1;

const TYPED = { Uint8Array, Uint32Array, Float64Array } as const;
type TypedName = keyof typeof TYPED;

/** Turns the cache on beside the results store `storeFile`, unless the environment already chose. */
export function defaultTablesCache(storeFile: string, env: NodeJS.ProcessEnv = process.env): void {
  defaultCacheDir(TABLES_CACHE_ENV, 'tables', storeFile, env);
}

/** The cache directory from the environment, or undefined when there is none. */
export function tablesCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return cacheDirFromEnv(TABLES_CACHE_ENV, env);
}

/** Tables as bytes: a JSON header (field, kind, length or value) and the typed arrays after it, gzipped. */
export function serializeTables(t: PolicyTables): Buffer {
  const header: { field: string; typed?: TypedName; length?: number; value?: unknown }[] = [];
  const parts: Buffer[] = [];
  for (const [field, v] of Object.entries(t)) {
    if (v instanceof Uint8Array || v instanceof Uint32Array || v instanceof Float64Array) {
      header.push({
        field,
        typed:
          v instanceof Uint8Array ? 'Uint8Array' : v instanceof Uint32Array ? 'Uint32Array' : 'Float64Array',
        length: v.length,
      });
      parts.push(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    } else if (ArrayBuffer.isView(v)) {
      // a new kind of typed array in the tables must be added above, not written as JSON
      throw new Error(
        `tables cache: field ${field} is a ${v.constructor.name}, which the cache does not store`,
      );
    } else header.push({ field, value: v });
  }
  const head = Buffer.from(JSON.stringify({ format: FORMAT, header }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  return gzipSync(Buffer.concat([size, head, ...parts]), { level: 1 });
}

/** The tables from `serializeTables`' bytes; throws on anything else. */
export function deserializeTables(bytes: Buffer): PolicyTables {
  const raw = gunzipSync(bytes);
  const headLength = raw.readUInt32LE(0);
  const { format, header } = JSON.parse(raw.subarray(4, 4 + headLength).toString('utf8')) as {
    format: number;
    header: { field: string; typed?: TypedName; length?: number; value?: unknown }[];
  };
  if (format !== FORMAT) throw new Error(`tables cache format ${format}, expected ${FORMAT}`);
  const out: Record<string, unknown> = {};
  let offset = 4 + headLength;
  for (const h of header) {
    if (!h.typed) {
      out[h.field] = h.value;
      continue;
    }
    const T = TYPED[h.typed];
    if (!T || !Number.isSafeInteger(h.length) || h.length! < 0)
      throw new Error(`tables cache: bad field ${h.field}`);
    const bytesOf = h.length! * T.BYTES_PER_ELEMENT;
    if (offset + bytesOf > raw.length) throw new Error('tables cache file is truncated');
    // a copy: aligned, and independent of the decompressed buffer
    out[h.field] = new T(raw.buffer.slice(raw.byteOffset + offset, raw.byteOffset + offset + bytesOf));
    offset += bytesOf;
  }
  if (offset !== raw.length) throw new Error('tables cache file has trailing bytes');
  return out as unknown as PolicyTables;
}

const libraryDigests = new WeakMap<Library, string>();

/** A digest of a library's documents (parsed content in id order). */
export function libraryDigest(lib: Library): string {
  let d = libraryDigests.get(lib);
  if (!d) {
    const h = createHash('sha256');
    for (const id of [...lib.documents.keys()].sort())
      h.update(JSON.stringify(lib.documents.get(id)!.doc)).update('\n');
    libraryDigests.set(lib, (d = h.digest('hex')));
  }
  return d;
}

/** The file name of one year's tables. */
export function tablesKey(
  lib: Library,
  regimeId: string,
  date: string,
  countries: readonly string[],
  tiers: readonly Tier[],
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([FORMAT, sourceCodeDigest(), libraryDigest(lib), regimeId, date, countries, tiers]),
    )
    .digest('hex');
}

/** Files kept in a cache directory (about 23 kB each: ≈ 115 MB); the oldest go first. */
export const MAX_CACHED_FILES = 5000;

/** Keeps the newest `keep` table files of `dir` and drops leftovers of interrupted writes (once per process). */
export function pruneTablesCache(dir: string, keep = MAX_CACHED_FILES): void {
  pruneCache(dir, '.tables.gz', keep);
}

/** `compile` reading and writing the cache in `dir`. */
export function withTablesCache(compile: CompilePolicyTables, dir: string): CompilePolicyTables {
  return (lib, regimeId, date, countries, tiers) => {
    const file = join(dir, `${tablesKey(lib, regimeId, date, countries, tiers)}.tables.gz`);
    try {
      return deserializeTables(readFileSync(file));
    } catch {
      // missing or damaged: compile, and write it (again)
    }
    const t = compile(lib, regimeId, date, countries, tiers);
    try {
      writeFileAtomic(file, serializeTables(t));
      pruneTablesCache(dir);
    } catch {
      // a cache that cannot be written only costs time
    }
    return t;
  };
}
