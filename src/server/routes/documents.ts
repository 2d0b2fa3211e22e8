/**
 * Documents: list, show as in force on a date (with sources and the events applied), the YAML text
 * of a built-in file, coded changes between two dates, the difference between two documents, and
 * the validation of a posted document.
 */
import type { TaskTable } from '../tasks/task-table.ts';
import { stringify } from 'yaml';
import { changesBetween, eventsOf, kindRank, requireDate, resolve } from '../../regime/index.ts';
import type { DocumentRow, ResolvedDocumentView, Source } from '../api-types.ts';
import { diffDocuments } from '../diff.ts';
import { apiError } from '../http-error.ts';
import { library, sourceText, validatePosted } from '../library.ts';
import { DOCUMENT_ID, requireName } from '../paths.ts';
import { ValidateBody, parseBody, queryString } from '../request.ts';

type Q = Record<string, unknown>;

const today = () => new Date().toISOString().slice(0, 10);
const dateOf = (q: Q, name = 'at') => requireDate(queryString(q, name) ?? today(), name);

/** The handlers of the routes, by `METHOD /path` (they run in the task workers: tasks/task-pool.ts). */
export const documentTasks: TaskTable = {
  'GET /api/documents': (req) => {
    const kind = queryString(req.query as Q, 'kind');
    const docs = [...library().documents.values()].filter((d) => !kind || d.doc.kind === kind);
    const rows: DocumentRow[] = docs.map(({ doc, file }) => ({
      id: doc.id,
      kind: doc.kind,
      title: 'title' in doc ? doc.title : undefined,
      summary: 'summary' in doc ? doc.summary : undefined,
      valid_from: 'valid_from' in doc ? doc.valid_from : 'effective' in doc ? doc.effective : undefined,
      valid_to: 'valid_to' in doc ? doc.valid_to : undefined,
      file,
    }));
    rows.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.id.localeCompare(b.id));
    return { documents: rows };
  },

  'GET /api/documents/:id': (req): ResolvedDocumentView => {
    const id = requireName(req.params.id, DOCUMENT_ID, 'document id');
    const lib = library();
    const r = resolve(lib, id, dateOf(req.query as Q));
    const doc = r.document as unknown as Record<string, unknown>;
    return {
      ...r,
      file: lib.require(id).file,
      sources: (doc.sources as Source[] | undefined) ?? [],
      events: eventsOf(lib, id).map((e) => ({
        date: e.date,
        by: e.by,
        source: e.source,
        note: e.note,
        demig: e.demig,
      })),
      yaml: stringify(r.document, { lineWidth: 110 }),
    };
  },

  'GET /api/documents/:id/source': (req) => {
    return sourceText(requireName(req.params.id, DOCUMENT_ID, 'document id'));
  },

  'GET /api/documents/:id/changes': (req) => {
    const id = requireName(req.params.id, DOCUMENT_ID, 'document id');
    const q = req.query as Q;
    const from = queryString(q, 'from');
    const to = queryString(q, 'to') ?? today();
    if (!from) throw apiError('E_BAD_REQUEST', 'query parameter from (YYYY-MM-DD) is required');
    return { id, from, to, changes: changesBetween(library(), id, from, to) };
  },

  'GET /api/diff': (req) => {
    const q = req.query as Q;
    const a = queryString(q, 'a');
    const b = queryString(q, 'b');
    if (!a || !b) throw apiError('E_BAD_REQUEST', 'query parameters a and b (document ids) are required');
    requireName(a, DOCUMENT_ID, 'document id');
    requireName(b, DOCUMENT_ID, 'document id');
    const at = dateOf(q);
    const lib = library();
    const ra = resolve(lib, a, at);
    const rb = resolve(lib, b, at);
    return {
      a,
      b,
      at,
      kinds: [ra.kind, rb.kind],
      differences: diffDocuments(ra.document, rb.document, ['id']),
    };
  },

  'POST /api/validate': (req) => {
    if (typeof req.body === 'string') return validatePosted(req.body);
    const body = parseBody(ValidateBody, req.body);
    return validatePosted(body.yaml, body.file);
  },
};
