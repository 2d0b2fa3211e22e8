/**
 * A rule: when a condition holds, it concludes outcome fields, citing the article that says so.
 * Exceptions work as in Catala: a rule names the rule or label group it overrides; two applicable
 * rules at the same level that conclude differently are a reported conflict, never a silent pick.
 */
import { z } from 'zod';
import { DocumentId, IsoDate, Source } from './common.ts';
import { ExprSchema } from './expression.ts';
import { Channel, Protection, Right, Status } from './vocabulary.ts';

/** What a rule concludes when it applies. */
export const Conclusion = z
  .strictObject({
    protection: Protection.optional(),
    status: Status.optional(),
    removable: z.boolean().optional(),
    non_refoulement: z.boolean().optional(),
    open_channels: z.array(Channel).optional(),
    close_channels: z.array(Channel).optional(),
    grant_rights: z.array(Right).optional(),
    deny_rights: z.array(Right).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'a rule must conclude at least one outcome');
export type Conclusion = z.infer<typeof Conclusion>;

export const Rule = z.strictObject({
  /** Id unique inside the document; cited elsewhere as `doc-id#rule-id`. */
  id: DocumentId,
  title: z.string().min(1).optional(),
  /** A group name shared by rules that an exception can override together. */
  label: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'expected a label in snake_case')
    .optional(),
  /** The rule id or label this rule is an exception to (same document, or `doc-id#rule-or-label`). */
  exception_of: z.string().min(1).optional(),
  /** The article or section that makes this rule law. */
  citation: Source,
  when: ExprSchema,
  then: Conclusion,
  /** A one-line reason a caseworker can read. */
  text: z.string().min(1),
  valid_from: IsoDate.optional(),
  valid_to: IsoDate.optional(),
});
export type Rule = z.infer<typeof Rule>;
