/**
 * Building blocks shared by every document kind: ids, dates, countries, citations, parameters and
 * dated histories. Zod is the single source of validation, TypeScript types and the JSON Schema.
 */
import { z } from 'zod';
import { isKnownCountry } from '../../shared/countries.ts';

/** A document id: lower-case words joined by hyphens, e.g. `refugee-convention-1951`. */
export const DocumentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id of lower-case letters, digits and hyphens');

/** A calendar date written YYYY-MM-DD that exists (no 2001-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(isRealDate, 'expected a date that exists in the calendar');

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An ISO 3166-1 alpha-3 code known to the project (current or historical state). */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 country code such as NLD')
  .refine(isKnownCountry, 'expected a known ISO 3166-1 alpha-3 country code');

/**
 * A citation. At least one of `instrument`, `seed` or `url` says what is cited; `article`,
 * `paragraph` and `page` narrow it down.
 */
export const Source = z
  .strictObject({
    /** Document id or name of the legal instrument cited, e.g. `refugee-convention-1951`. */
    instrument: z.string().min(1).optional(),
    /** Article, e.g. `1A(2)` or `33`. */
    article: z.string().min(1).optional(),
    /** Paragraph or point inside the article. */
    paragraph: z.string().min(1).optional(),
    /** Section of the seed paper (Overbeek 2002), e.g. `§3` or `§4, fn 5`. */
    seed: z.string().min(1).optional(),
    /** Page of the cited text. */
    page: z.string().min(1).optional(),
    /** A public address of the text. */
    url: z.string().url().optional(),
    /** A short note on how the source supports the value. */
    note: z.string().min(1).optional(),
  })
  .refine((s) => s.instrument || s.seed || s.url || s.note, {
    message: 'a source needs at least one of instrument, seed, url or note',
  });
export type Source = z.infer<typeof Source>;

/** A non-empty list of citations. */
export const Sources = z.array(Source).min(1, 'expected at least one source');

/** Values a named parameter may take. */
export const ParameterValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.string())]);
export type ParameterValue = z.infer<typeof ParameterValue>;

/** A named parameter with its unit and its citation. `null` means "not in force". */
export const Parameter = z.strictObject({
  value: ParameterValue,
  unit: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  source: Source,
});
export type Parameter = z.infer<typeof Parameter>;

/**
 * A dated change inside a document's own history: from `from` on, the paths in `set` take the given
 * values (a path is dotted: `channels.labour.quota`, `parameters.max_years.value`).
 */
export const HistoryEntry = z.strictObject({
  from: IsoDate,
  set: z
    .record(z.string().min(1), z.unknown())
    .refine((o) => Object.keys(o).length > 0, 'expected at least one path to set'),
  source: Source,
  note: z.string().min(1).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** Fields every document has. */
export const documentBase = {
  /** Format version of the document language. */
  format: z.literal(1).optional(),
  id: DocumentId,
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
  sources: Sources,
  /** First day the document is in force. */
  valid_from: IsoDate,
  /** Last day the document is in force; open-ended when absent. */
  valid_to: IsoDate.optional(),
  /** Named parameters the document's rules and criteria read. */
  parameters: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a parameter name in snake_case'), Parameter)
    .optional(),
  /** Dated changes of the document's own values, oldest first. */
  history: z.array(HistoryEntry).optional(),
};

/** A reference to a country or to a document that has members (a process, an agreement's group). */
export const PartyRef = z
  .string()
  .regex(/^(?:[A-Z]{3}|[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'expected an ISO3 code or a document id');

/** A member of a process or group, with the dates of its membership. */
export const Membership = z.strictObject({
  country: CountryCode,
  role: z.enum(['member', 'observer']).default('member'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  note: z.string().min(1).optional(),
});
export type Membership = z.infer<typeof Membership>;
