import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinFiles } from './files.ts';
import { checkLibrary } from './library.ts';
import type { LoadedDocument, SourceFile } from './library.ts';
import type { DocumentCache } from './library-cache.ts';
import {
  LIBRARY_CACHE_ENV,
  defaultLibraryCache,
  documentCache,
  documentsKey,
  libraryCacheDir,
  restrictedTo,
} from './library-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'regimes-library-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const files = builtinFiles();

/** The cache in `dir`, counting the files it answered and the files it kept. */
function counting(dir: string) {
  const cache = documentCache(dir)!;
  const counts = { hits: 0, puts: 0 };
  const counted: DocumentCache = {
    get(f) {
      const docs = cache.get(f);
      if (docs) counts.hits++;
      return docs;
    },
    put(f, docs) {
      counts.puts++;
      cache.put(f, docs);
    },
  };
  return { cache: counted, counts };
}

const ok = (r: ReturnType<typeof checkLibrary>) => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.library;
};

describe('the checked-documents cache', () => {
  it('keeps every built-in file and gives back the same library, every document unchanged', () => {
    const dir = join(root, 'round-trip');
    const first = counting(dir);
    const fresh = ok(checkLibrary(files, first.cache));
    expect(first.counts).toEqual({ hits: 0, puts: files.length });
    const again = counting(dir);
    const cached = ok(checkLibrary(files, again.cache));
    expect(again.counts).toEqual({ hits: files.length, puts: 0 });
    expect([...cached.documents.keys()]).toEqual([...fresh.documents.keys()]);
    for (const [id, d] of fresh.documents) {
      const c = cached.documents.get(id)!;
      expect(isDeepStrictEqual(c.doc, d.doc), id).toBe(true);
      expect([c.file, c.index]).toEqual([d.file, d.index]);
    }
  });

  it("locates a cached document's fields on the lines the parsed one gives", () => {
    const dir = join(root, 'locate');
    const fresh = ok(checkLibrary(files, documentCache(dir)));
    const cached = ok(checkLibrary(files, documentCache(dir)));
    const policy = (lib: typeof fresh) => lib.get('policy-deu')! as LoadedDocument;
    const path = ['channels'];
    expect(policy(cached).locate(path)).toEqual(policy(fresh).locate(path));
    expect(policy(cached).locate(path).line).toBeGreaterThan(1);
  });

  it('misses a file whose bytes changed, and a damaged entry, and writes them again', () => {
    const dir = join(root, 'misses');
    ok(checkLibrary(files, documentCache(dir)));
    const changed: SourceFile[] = files.map((f, i) =>
      i === 0 ? { file: f.file, bytes: Buffer.concat([f.bytes, Buffer.from('\n# edited\n')]) } : f,
    );
    writeFileSync(join(dir, `${documentsKey(files[1])}.json`), '{"format": 1, "documents": [');
    const run = counting(dir);
    ok(checkLibrary(changed, run.cache));
    expect(run.counts).toEqual({ hits: files.length - 2, puts: 2 });
    expect(documentCache(dir)!.get(files[1])).toBeDefined();
    expect(documentCache(dir)!.get(changed[0])).toBeDefined();
  });

  it('keeps no file with a diagnostic, and reports it as without a cache', () => {
    const dir = join(root, 'broken');
    const broken: SourceFile = { file: 'mine.yaml', bytes: Buffer.from('kind: Policy\nid: broken-policy\n') };
    const run = counting(dir);
    const r = checkLibrary([...files, broken], run.cache);
    const without = checkLibrary([...files, broken], undefined);
    expect(r.ok).toBe(false);
    expect(r).toEqual(without);
    expect(run.counts.puts).toBe(files.length);
    expect(documentCache(dir)!.get(broken)).toBeUndefined();
  });

  it('restricted to some files, neither reads nor writes the others (what the web server posts)', () => {
    const dir = join(root, 'restricted');
    const posted: SourceFile = { file: 'posted.yaml', bytes: Buffer.from(files[0].bytes) };
    const r = checkLibrary([...files.slice(1), posted], restrictedTo(documentCache(dir), files));
    expect(r.ok).toBe(true);
    expect(documentCache(dir)!.get(posted)).toBeUndefined();
    expect(readdirSync(dir)).toHaveLength(files.length - 1);
  });

  it('is off unless the environment names a directory; the command puts it beside the results store', () => {
    expect(libraryCacheDir({})).toBeUndefined();
    expect(libraryCacheDir({ [LIBRARY_CACHE_ENV]: 'off' })).toBeUndefined();
    expect(documentCache(undefined)).toBeUndefined();
    const env: NodeJS.ProcessEnv = {};
    defaultLibraryCache(join('work', '.regimes', 'results.duckdb'), env);
    expect(libraryCacheDir(env)).toBe(join('work', '.regimes', 'cache', 'library'));
    const chosen: NodeJS.ProcessEnv = { [LIBRARY_CACHE_ENV]: 'off' };
    defaultLibraryCache('x.duckdb', chosen);
    expect(libraryCacheDir(chosen)).toBeUndefined();
  });
});
