/**
 * A case: a person, their history and their claim, to be decided under a regime at a date
 * (issue 3's format). Every fact is optional: a decision that needs a missing fact is
 * `undetermined` and lists it, never a guess. These fields are also the facts rule conditions read
 * (`person.age`, `claim.violence.degree`…), so the type checker takes their types from here.
 */
import { z } from 'zod';
import { CountryCode, DocumentId, IsoDate } from './common.ts';
import { Channel, Skill } from './vocabulary.ts';

export const CASE_EVENTS = [
  'entered',
  'applied_asylum',
  'recognised',
  'rejected',
  'removed',
  'left',
  'returned',
  'naturalised',
  'employed',
  'visa_granted',
] as const;

export const CaseFacts = {
  person: z.strictObject({
    nationalities: z
      .array(CountryCode)
      .min(1, 'a person has at least one nationality (or list the state of former habitual residence)'),
    /** Where the person is now. */
    location: CountryCode,
    /** The deciding state; defaults to `location`. */
    applying_to: CountryCode.optional(),
    skill: Skill.optional(),
    age: z.number().int().min(0).max(130).optional(),
  }),
  history: z
    .array(
      z.strictObject({
        date: IsoDate,
        event: z.enum(CASE_EVENTS),
        country: CountryCode.optional(),
        channel: Channel.optional(),
        status: z.string().min(1).optional(),
      }),
    )
    .optional(),
  claim: z
    .strictObject({
      persecution: z
        .strictObject({
          ground: z.enum(['race', 'religion', 'nationality', 'political_opinion', 'social_group']),
          by: z.enum(['state', 'non_state']),
        })
        .nullable()
        .optional(),
      violence: z
        .strictObject({
          immediacy: z.enum(['current', 'recent', 'past', 'none']).optional(),
          degree: z.enum(['life_threatening', 'serious', 'low']).optional(),
          generalised: z.boolean().optional(),
          /** Events that seriously disturb public order (OAU 1969 Art I(2), Cartagena III(3)). */
          public_order_disturbed: z.boolean().optional(),
        })
        .optional(),
      role: z.enum(['activist', 'target', 'victim', 'none']).optional(),
      internal_flight_alternative: z.boolean().optional(),
      /** The state of nationality will take the person back (readmission, documents). */
      return_possible: z.boolean().optional(),
    })
    .optional(),
  employment: z
    .strictObject({
      offer: z.boolean().optional(),
      employer_country: CountryCode.optional(),
      intra_corporate: z.boolean().optional(),
      sector: z.string().min(1).optional(),
      self_employed: z.boolean().optional(),
      service_contract: z.boolean().optional(),
    })
    .optional(),
  family: z
    .strictObject({
      spouse_in: CountryCode.nullable().optional(),
      children_in: z.array(CountryCode).optional(),
      sponsor_status: z.string().min(1).optional(),
    })
    .optional(),
};

export const Case = z.strictObject({
  kind: z.literal('Case'),
  id: DocumentId,
  title: z.string().min(1).optional(),
  /** Date of the decision. */
  date: IsoDate,
  ...CaseFacts,
  /** For case tests: any subset of the decision's output. */
  expect: z.record(z.string(), z.unknown()).optional(),
});
export type Case = z.infer<typeof Case>;
