/**
 * The regime library as the server uses it: the built-in documents, loaded once, and the check of
 * a posted YAML document against them (a posted document with the id of a built-in one replaces
 * it, so a researcher can edit a built-in document in the dashboard).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../shared/errors.ts';
import { BUILTIN_DIR, builtinFiles, checkLibrary, loadBuiltinLibrary, parseSource } from '../regime/index.ts';
import type { Library, SourceFile } from '../regime/index.ts';
import { apiError } from './http-error.ts';
import { inside, isInside } from './paths.ts';
import { documentCache, restrictedTo } from '../regime/load/library-cache.ts';

/** The package root (where `regimes/` and `data/` are). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let builtin: SourceFile[] | undefined;

/** The built-in library, or a 500 carrying its diagnostics when a built-in document is broken. */
export function library(): Library {
  try {
    return loadBuiltinLibrary();
  } catch (err) {
    const diagnostics = (err as { diagnostics?: Diagnostic[] }).diagnostics;
    throw apiError(
      'E_LIBRARY_BROKEN',
      `the built-in documents do not load: ${(err as Error).message.split('\n')[0]}`,
      diagnostics,
    );
  }
}

/** The result of checking a posted document. */
export interface ValidationResult {
  ok: boolean;
  /** Documents in the posted text that validated (id and kind). */
  documents: { id: string; kind: string }[];
  /** Every problem in the posted text, with line and column. */
  diagnostics: Diagnostic[];
}

/** The built-in documents together with a posted YAML text named `file`: a library, or the problems of the posted text. */
export function checkPosted(
  yaml: string,
  file: string,
): { ok: true; library: Library } | { ok: false; diagnostics: Diagnostic[] } {
  builtin ??= builtinFiles();
  const bytes = new TextEncoder().encode(yaml);
  const parsed = parseSource(file, bytes);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const ids = new Set(
    parsed.documents
      .map((d) => (d.value as { id?: unknown } | null)?.id)
      .filter((x): x is string => typeof x === 'string'),
  );
  const lib = library();
  const replaced = new Set(
    [...ids].map((id) => lib.get(id)?.file).filter((f): f is string => f !== undefined),
  );
  // the built-in files may come from the disk cache; the posted text is never written there
  const r = checkLibrary(
    [...builtin.filter((f) => !replaced.has(f.file)), { file, bytes }],
    restrictedTo(documentCache(), builtin),
  );
  if (r.ok) return r;
  const mine = r.diagnostics.filter((d) => d.file === file);
  // A problem only in the other documents (one that referred to a replaced document): report it, without hiding it.
  return { ok: false, diagnostics: mine.length ? mine : r.diagnostics };
}

/** Checks a posted YAML text as a file named `file`, together with the built-in documents. */
export function validatePosted(yaml: string, file = 'posted.yaml'): ValidationResult {
  const r = checkPosted(yaml, file);
  if (!r.ok) return { ok: false, documents: [], diagnostics: r.diagnostics };
  const documents = [...r.library.documents.values()]
    .filter((d) => d.file === file)
    .map((d) => ({ id: d.doc.id, kind: d.doc.kind }));
  return { ok: true, documents, diagnostics: [] };
}

/**
 * The library with a posted document, for a request that uses it.
 * @throws 400 `E_INVALID_DOCUMENT` with every problem at its line and column
 */
export function libraryWithPosted(yaml: string, file: string): Library {
  const r = checkPosted(yaml, file);
  if (r.ok) return r.library;
  const first = r.diagnostics[0];
  const where = first?.line ? `${first.file ?? file}:${first.line}:${first.col ?? 1}: ` : '';
  throw apiError(
    'E_INVALID_DOCUMENT',
    `${where}${first?.message ?? 'the document is not valid'}`,
    r.diagnostics,
  );
}

/** The YAML text of the file a built-in document comes from (read only inside `regimes/`). */
export function sourceText(id: string): { file: string; text: string } {
  const d = library().require(id);
  const path = inside(PROJECT_ROOT, d.file);
  if (!isInside(BUILTIN_DIR, path)) throw apiError('E_PATH_OUTSIDE', `${d.file} is not a built-in document`);
  return { file: d.file, text: readFileSync(path, 'utf8') };
}
