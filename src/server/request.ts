/**
 * Normalizes request input once, at the edge: bodies through zod schemas, query strings through
 * small `parse*` helpers. Routes after this point trust their inputs.
 */
import { z } from 'zod';
import { MAX_SEED } from '../ensemble/options.ts';
import { LeverIntervention } from '../regime/index.ts';
import type { Diagnostic } from '../shared/errors.ts';
import { apiError } from './http-error.ts';
import type { RowFilter } from '../store/index.ts';
import { COUNTRY, DOCUMENT_ID, INDICATOR, requireName } from './paths.ts';

const id = z.string().regex(DOCUMENT_ID, 'expected a document id (lower-case words joined by hyphens)');
const year = z.number().int().min(1900).max(2200);
/** Root-cause levers added to the scenario's interventions (docs/model.md §9.4). */
const levers = z.array(LeverIntervention).min(1).max(12).optional();

/** Body of `POST /api/runs`. */
export const RunBody = z.strictObject({
  scenario: id,
  regime: id.optional(),
  // the same range as the CLI's --seed
  seed: z.number().int().min(0).max(MAX_SEED).default(1),
  scale: z.number().int().min(1).max(1e9).optional(),
  from: year.optional(),
  to: year.optional(),
  levers,
});

/** Body of `POST /api/comparisons`. */
export const ComparisonBody = z.strictObject({
  scenario: id,
  regimes: z.array(id).min(2, 'a comparison needs at least two regimes').max(8),
  seeds: z.number().int().min(1).max(64).default(3),
  scale: z.number().int().min(1).max(1e9).optional(),
  from: year.optional(),
  to: year.optional(),
  levers,
});

/** Body of `POST /api/validate`. */
export const ValidateBody = z.strictObject({
  yaml: z.string(),
  /** Name to report errors under (no folders). */
  file: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'expected a plain file name')
    .optional(),
});

/** Body of `POST /api/decide`: a case as YAML text or as an object. */
export const DecideBody = z
  .strictObject({
    regime: id,
    /** The case as a YAML document (kind: Case). */
    yaml: z.string().optional(),
    /** The case as an object (kind: Case). */
    case: z.record(z.string(), z.unknown()).optional(),
    /** Date to decide at (default: the case's date). */
    at: z.string().optional(),
    /** Tier of the deciding state (default: from the world data in the decision's year). */
    tier: z.string().optional(),
  })
  .refine(
    (b) => (b.yaml === undefined) !== (b.case === undefined),
    'send the case either as `yaml` or as `case`, not both or neither',
  );

/** Body of `POST /api/check`: a policy id or a policy document in YAML, against a convention. */
export const CheckBody = z.strictObject({
  convention: id,
  /** A NationalPolicy id of the library. */
  policy: id.optional(),
  /** A NationalPolicy as YAML text. */
  yaml: z.string().optional(),
  at: z.string().optional(),
});

/**
 * Parses a body with a schema.
 * @throws 400 `E_BAD_REQUEST` listing every problem with its path
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw apiError(
      'E_BAD_REQUEST',
      'expected a JSON object as the request body (Content-Type: application/json)',
    );
  }
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const diagnostics: Diagnostic[] = r.error.issues.map((i) => ({
    code: 'E_BAD_REQUEST',
    message: i.message,
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
  }));
  const first = diagnostics[0];
  const where = first.path?.length ? `${first.path.join('.')}: ` : '';
  throw apiError('E_BAD_REQUEST', `${where}${first.message}`, diagnostics);
}

type Query = Record<string, unknown>;

/** A query parameter as a string, or undefined. Repeated parameters are refused. */
export function queryString(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw apiError('E_BAD_REQUEST', `query parameter ${name} given more than once`);
  return v;
}

/** A whole-number query parameter in a range. */
export function queryInt(q: Query, name: string, min: number, max: number): number | undefined {
  const s = queryString(q, name);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!/^-?\d+$/.test(s) || n < min || n > max)
    throw apiError(
      'E_BAD_REQUEST',
      `query parameter ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(s.slice(0, 40))}`,
    );
  return n;
}

/** A comma-separated list query parameter, each item checked against a pattern. */
export function queryList(q: Query, name: string, pattern: RegExp, what: string): string[] | undefined {
  const s = queryString(q, name);
  if (s === undefined) return undefined;
  const items = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (items.length > 500) throw apiError('E_BAD_REQUEST', `query parameter ${name}: at most 500 items`);
  return items.map((x) => requireName(x, pattern, what));
}

/**
 * The row filter of a query string (`indicator`, `country`, `from`, `to`, or `year` for one year,
 * and `kind` for statistics): the store applies it in SQL (src/store/queries.ts).
 */
export function rowFilter(q: Query): RowFilter {
  const yearOnly = queryInt(q, 'year', 1900, 2200);
  const from = yearOnly ?? queryInt(q, 'from', 1900, 2200);
  const to = yearOnly ?? queryInt(q, 'to', 1900, 2200);
  if (from !== undefined && to !== undefined && to < from)
    throw apiError('E_BAD_REQUEST', `to ${to} is before from ${from}`);
  const kind = queryString(q, 'kind');
  if (kind !== undefined && kind !== 'regime' && kind !== 'difference')
    throw apiError('E_BAD_REQUEST', 'kind: expected regime or difference');
  return {
    indicators: queryList(q, 'indicator', INDICATOR, 'indicator'),
    countries: queryList(q, 'country', COUNTRY, 'country'),
    from,
    to,
    kind,
  };
}
