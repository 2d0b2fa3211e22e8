/**
 * The document kinds of the regime language (docs/documents.md). Each is a strict object: unknown keys are
 * errors, so a misspelt field can never be silently dropped (docs/documents.md).
 */
import { z } from 'zod';
import {
  CountryCode,
  DocumentId,
  HistoryEntry,
  IsoDate,
  Membership,
  PartyRef,
  Source,
  Sources,
  documentBase,
} from './common.ts';
import { ExprSchema } from './expression.ts';
import { Rule } from './rule.ts';
import { Case } from './case.ts';
import { Experiment } from './experiment.ts';
import { LeverIntervention } from './levers.ts';
import {
  Channel,
  DemigCoding,
  ProtectionTest,
  Right,
  Skill,
  Status,
  Tier,
  CHANNELS,
  STATUSES,
} from './vocabulary.ts';

const share = z
  .number()
  .min(0, 'expected a share between 0 and 1')
  .max(1, 'expected a share between 0 and 1');
const nonNegative = z.number().min(0, 'expected a number ≥ 0');

/** A numbered article, objective or section of an instrument, for citations. */
export const Article = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
});

/** An international or regional legal instrument (a convention, directive, compact…). */
export const Instrument = z.strictObject({
  kind: z.literal('Instrument'),
  ...documentBase,
  instrument_type: z.enum([
    'convention',
    'protocol',
    'directive',
    'regulation',
    'decision',
    'declaration',
    'compact',
    'constitution',
    'agreement',
  ]),
  /** Whether it binds its parties in law (the Global Compacts do not). */
  binding: z.boolean(),
  adopted: IsoDate,
  /** States bound by it, with dates; absent for instruments of a group named in `group`. */
  parties: z.array(Membership).optional(),
  /** Document whose members are bound (e.g. the EU's member list). */
  group: DocumentId.optional(),
  /** The definition of who is protected that this instrument provides, if any. */
  protection_test: ProtectionTest.optional(),
  articles: z.array(Article).optional(),
  rules: z.array(Rule).optional(),
});

/** A minimum criterion of a convention, checked against a national policy. */
export const Criterion = z.strictObject({
  id: DocumentId,
  title: z.string().min(1),
  /** Which component of the convention the criterion belongs to. */
  component: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a component name in snake_case'),
  /** MIPEX-like strand the criterion scores. */
  area: z.enum([
    'asylum',
    'labour_mobility',
    'family',
    'residence',
    'nationality',
    'rights',
    'return',
    'enforcement',
    'governance',
  ]),
  weight: z.number().positive('expected a weight > 0').default(1),
  citation: Source,
  /** The policy meets the criterion when this holds (facts: `policy.*`). */
  test: ExprSchema,
  /** The policy goes beyond the minimum when this holds. */
  more_favourable_if: ExprSchema.optional(),
  /** The criterion applies only when this holds (e.g. the channel exists). */
  applies_if: ExprSchema.optional(),
  text: z.string().min(1),
});

/** A regional convention's implementing instrument (Overbeek 2002, §4 lists nine). */
export const ConventionInstrument = z.strictObject({
  id: DocumentId,
  title: z.string().min(1),
  tool: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a tool name in snake_case'),
  source: Source,
});

/** Minimum criteria that national and regional policies are checked against. */
export const Convention = z.strictObject({
  kind: z.literal('Convention'),
  ...documentBase,
  binding: z.boolean(),
  components: z
    .array(
      z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9_]*$/), title: z.string().min(1), source: Source }),
    )
    .optional(),
  /** Instruments this convention incorporates (ILO conventions, GATS…). */
  incorporates: z.array(DocumentId).optional(),
  /** Documents this convention implements (a regional convention implements the framework). */
  implements: DocumentId.optional(),
  /** Whether the instruments must be applied together (Overbeek 2002, §4): one alone does not count. */
  integral: z.boolean().default(false),
  instruments: z.array(ConventionInstrument).optional(),
  criteria: z.array(Criterion).min(1, 'a convention needs at least one criterion'),
  institution: DocumentId.optional(),
});

/** How a country runs one channel of entry. */
export const ChannelPolicy = z.strictObject({
  open: z.boolean(),
  /** Persons admitted per year; null = no numerical cap. */
  quota: nonNegative.nullable().optional(),
  /** Skill levels that qualify. */
  skills: z.array(Skill).optional(),
  requires_offer: z.boolean().optional(),
  employer_tied: z.boolean().optional(),
  /** Whether the status leads to permanent residence. */
  permanent: z.boolean().optional(),
  /** Length of a permit in years; null = indefinite. */
  duration_years: nonNegative.nullable().optional(),
  renewable: z.boolean().optional(),
  fee_usd: nonNegative.optional(),
  family_allowed: z.boolean().optional(),
  /** Only people from these countries or groups may use it (e.g. agreement partners). */
  origins: z.array(PartyRef).optional(),
  source: Source.optional(),
});

/** A country's national migration policy: channels, visas, asylum, enforcement, rights and transitions. */
export const NationalPolicy = z
  .strictObject({
    kind: z.literal('NationalPolicy'),
    ...documentBase,
    /** The country this policy is (absent for a tier default). */
    country: CountryCode.optional(),
    /** The tier this policy is the default for (absent for a country's own policy). */
    tier_default: Tier.optional(),
    channels: z.partialRecord(Channel, ChannelPolicy),
    visa: z.strictObject({
      /** `all`: every foreigner needs a visa; otherwise the listed countries or groups. */
      required_for: z.union([z.literal('all'), z.literal('none'), z.array(PartyRef)]),
      exempt: z.array(PartyRef).optional(),
      carrier_sanctions: z.boolean(),
      fee_usd: nonNegative.optional(),
    }),
    asylum: z.strictObject({
      /** Definitions applied to decide who is protected. */
      tests: z.array(ProtectionTest),
      /** Rejected applicants who cannot be sent back are not removed. */
      humanitarian_non_return: z.boolean(),
      /** The status a rejected but non-returnable person gets. */
      non_returnable_status: z.enum(['rejected_non_returnable', 'irregular', 'temporary_protection']),
      safe_third_country: z.boolean(),
      accelerated_procedure: z.boolean().optional(),
      detention: z.boolean().optional(),
    }),
    enforcement: z.strictObject({
      /** Border policing effort, 0 (none) to 1 (the most intense observed). */
      border: share,
      /** Interior and workplace enforcement effort, 0 to 1. */
      interior: share,
      employer_sanctions: z.boolean(),
      /** Border policing delegated to transit states (externalisation). */
      externalised: z.boolean(),
    }),
    /** Readmission agreements this country applies (document ids). */
    readmission_agreements: z.array(DocumentId).optional(),
    /** Rights each status carries. */
    rights: z.partialRecord(Status, z.array(Right)),
    transitions: z.strictObject({
      /** Years of residence before long-term residence; null = no such status. */
      years_to_long_term_residence: nonNegative.nullable(),
      /** Years of residence before naturalisation; null = no route. */
      years_to_naturalisation: nonNegative.nullable(),
      temporary_to_permanent: z.boolean(),
      dual_citizenship: z.boolean(),
      /** A returnee who comes back keeps the rights held before leaving. */
      re_immigration_rights_retained: z.boolean(),
      /** Months of absence before long-term residence is lost. */
      absence_months_allowed: nonNegative,
    }),
    rules: z.array(Rule).optional(),
    /**
     * Regularisations: dated one-off programmes that gave lawful status to people living there
     * without it (Spain 2005, Italy 2002): how many, from which statuses, into which status. The
     * world model moves that many of its eligible residents in the programme's year.
     */
    regularisations: z
      .array(
        z.strictObject({
          date: IsoDate,
          /** People regularised (granted, not applications). */
          persons: nonNegative,
          /** The statuses the programme took (default: irregular). */
          eligible: z.array(Status).min(1).optional(),
          /** The status they got. */
          status: Status,
          source: Source,
        }),
      )
      .optional(),
    /**
     * Resettlement programmes: refugees admitted from countries of first asylum over a period (the
     * US admissions ceiling of a fiscal year). The world model spreads the persons over the period's
     * days and takes them from the refugees of the countries of first asylum (kernels/resettlement.ts).
     */
    resettlement: z
      .array(
        z
          .strictObject({
            from: IsoDate,
            to: IsoDate,
            /** Refugees to be admitted in the period (a ceiling or a quota). */
            persons: nonNegative,
            source: Source,
          })
          .refine((r) => r.from <= r.to, {
            message: 'a resettlement programme ends after it starts',
            path: ['to'],
          }),
      )
      .optional(),
  })
  .refine((p) => Boolean(p.country) !== Boolean(p.tier_default), {
    message: 'a national policy names exactly one of country or tier_default',
    path: ['country'],
  });

export const PROCESS_TOOLS = [
  'visa_approximation',
  'readmission',
  'carrier_sanctions',
  'border_surveillance',
  'trafficking_criminalised',
  'information_exchange',
  'aid_to_transit_states',
  'compliance_monitoring',
  'migration_policy',
  'migration_and_development',
  'return_of_extra_regional_migrants',
  'human_rights',
] as const;

/** An informal or formal regional consultative process (Budapest, Puebla). */
export const RegionalProcess = z.strictObject({
  kind: z.literal('RegionalProcess'),
  ...documentBase,
  informal: z.boolean(),
  members: z.array(Membership).min(1, 'a process needs members'),
  /** International organisations taking part (by name). */
  organisations: z.array(z.string().min(1)).optional(),
  secretariat: z.string().min(1).optional(),
  instruments: z
    .array(
      z.strictObject({
        tool: z.enum(PROCESS_TOOLS),
        title: z.string().min(1),
        from: IsoDate.optional(),
        /** Documents that carry the tool out (agreements, directives). */
        refs: z.array(DocumentId).optional(),
        source: Source,
      }),
    )
    .min(1),
  /** Whether members' compliance is monitored (the process holds members to account outward). */
  monitoring: z.boolean(),
  institution: DocumentId.optional(),
});

/** A bilateral or regional agreement (association, accession, free trade, readmission, GATS). */
export const Agreement = z.strictObject({
  kind: z.literal('Agreement'),
  ...documentBase,
  agreement_type: z.enum([
    'association',
    'accession',
    'free_trade',
    'free_movement',
    'readmission',
    'labour',
    'services_commitments',
    'treaty',
  ]),
  /** Parties: countries with dates, and/or groups named by document id. */
  parties: z.array(Membership).optional(),
  party_groups: z.array(DocumentId).optional(),
  signed: IsoDate.optional(),
  provisions: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        /** The channel the provision opens, if any. */
        channel: Channel.optional(),
        rights: z.array(Right).optional(),
        tool: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a tool name in snake_case'),
        source: Source,
      }),
    )
    .min(1),
});

/** A decision body and its voting rule (docs/experiments.md, "The institutions layer"). */
export const Institution = z.strictObject({
  kind: z.literal('Institution'),
  ...documentBase,
  voting_rule: z.enum(['one_state_one_vote', 'economic_weight', 'bilateral_hegemon', 'multi_stakeholder']),
  weight_basis: z.enum(['equal', 'gdp', 'contributions', 'population']),
  /** The dominant party of a bilateral negotiation: a country, or a group such as `eu`. */
  dominant_party: PartyRef.optional(),
  seats: z
    .array(
      z.strictObject({
        constituency: z.enum(['states', 'migrants', 'civil_society', 'employers', 'trade_unions']),
        share: share,
      }),
    )
    .min(1),
  /** Share of the weighted votes needed to adopt a standard. */
  decision_threshold: z.number().gt(0.5, 'expected a threshold above 0.5').max(1),
  transparency: z.strictObject({
    public_records: z.boolean(),
    open_sessions: z.boolean(),
    published_reasons: z.boolean(),
  }),
});

/** Where a regime component is in force. */
const ComponentPlace = z.union([z.enum(['all', 'parties', 'members']), z.array(CountryCode).min(1)]);

/** A change a regime makes to national policies (a floor, an override). */
export const PolicyAdjustment = z.strictObject({
  where: z.strictObject({
    tiers: z.array(Tier).optional(),
    countries: z.array(CountryCode).optional(),
    /** Only the regime's tier defaults, or only countries' own policies (both when absent). */
    only: z.enum(['defaults', 'explicit']).optional(),
  }),
  from: IsoDate.optional(),
  /** Paths set to a value. */
  set: z.record(z.string().min(1), z.unknown()).optional(),
  /** Numeric paths raised to at least this value. */
  at_least: z.record(z.string().min(1), z.number()).optional(),
  /** Numeric paths lowered to at most this value (null paths become this value). */
  at_most: z.record(z.string().min(1), z.number()).optional(),
  /** List paths that gain these items. */
  add: z.record(z.string().min(1), z.array(z.string())).optional(),
  source: Source,
  note: z.string().min(1).optional(),
});

/** A regime: which documents are in force where, and what it does to national policies. */
export const Regime = z.strictObject({
  kind: z.literal('Regime'),
  ...documentBase,
  components: z
    .array(
      z.strictObject({
        ref: DocumentId,
        where: ComponentPlace.default('parties'),
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        note: z.string().min(1).optional(),
      }),
    )
    .min(1),
  institution: DocumentId.optional(),
  national_policies: z.strictObject({
    explicit: z.array(DocumentId),
    defaults: z.strictObject({ core: DocumentId, semi_periphery: DocumentId, periphery: DocumentId }),
  }),
  adjustments: z.array(PolicyAdjustment).optional(),
});

/** A simulation set-up: world data, regime, years, scale, seeds and interventions. */
/** A scenario intervention that changes fields of a document from a year. */
export const DocumentIntervention = z.strictObject({
  year: z.number().int(),
  target: DocumentId,
  set: z.record(z.string().min(1), z.unknown()),
  source: Source,
  note: z.string().min(1).optional(),
});
export type DocumentIntervention = z.infer<typeof DocumentIntervention>;

export const Scenario = z.strictObject({
  kind: z.literal('Scenario'),
  ...documentBase,
  /** The world data set, e.g. `world-data` (data/world). */
  world: z.string().min(1),
  regime: DocumentId,
  years: z
    .strictObject({ from: z.number().int().min(1950).max(2100), to: z.number().int().min(1950).max(2100) })
    .refine((y) => y.to >= y.from, 'expected years.to ≥ years.from'),
  /** Persons per agent. */
  scale: z.number().int().min(1, 'expected a scale of at least 1 person per agent'),
  seeds: z.number().int().min(1).max(10_000),
  /**
   * Dated changes: of a document's fields (`target`, `set`: applied as an amendment), or of the
   * world through a root-cause lever (`lever`; src/regime/schema/levers.ts, docs/model.md §9.4).
   */
  interventions: z.array(z.union([DocumentIntervention, LeverIntervention])).optional(),
});

/** One change an amendment makes to another document. */
export const AmendmentChange = z
  .strictObject({
    set: z.record(z.string().min(1), z.unknown()).optional(),
    add_rule: Rule.optional(),
    replace_rule: Rule.optional(),
    repeal_rule: DocumentId.optional(),
    demig: DemigCoding.optional(),
    note: z.string().min(1).optional(),
  })
  .refine(
    (c) => [c.set, c.add_rule, c.replace_rule, c.repeal_rule].filter((x) => x !== undefined).length === 1,
    {
      message: 'a change does exactly one of set, add_rule, replace_rule or repeal_rule',
    },
  );

/** A document that changes named values or rules of another document from an effective date. */
export const Amendment = z.strictObject({
  kind: z.literal('Amendment'),
  format: z.literal(1).optional(),
  id: DocumentId,
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
  sources: Sources,
  amends: DocumentId,
  effective: IsoDate,
  changes: z.array(AmendmentChange).min(1),
});

/** Every document kind, told apart by `kind`. */
export const RegimeDocument = z.discriminatedUnion('kind', [
  Instrument,
  Convention,
  NationalPolicy,
  RegionalProcess,
  Agreement,
  Institution,
  Regime,
  Scenario,
  Amendment,
  Case,
  Experiment,
]);

export type Instrument = z.infer<typeof Instrument>;
export type Convention = z.infer<typeof Convention>;
export type Criterion = z.infer<typeof Criterion>;
export type ChannelPolicy = z.infer<typeof ChannelPolicy>;
export type NationalPolicy = z.infer<typeof NationalPolicy>;
export type RegionalProcess = z.infer<typeof RegionalProcess>;
export type Agreement = z.infer<typeof Agreement>;
export type Institution = z.infer<typeof Institution>;
export type PolicyAdjustment = z.infer<typeof PolicyAdjustment>;
export type Regime = z.infer<typeof Regime>;
export type Scenario = z.infer<typeof Scenario>;
export type Amendment = z.infer<typeof Amendment>;
export type AmendmentChange = z.infer<typeof AmendmentChange>;
export type RegimeDocument = z.infer<typeof RegimeDocument>;
export type DocumentKind = RegimeDocument['kind'];
export const DOCUMENT_KINDS = RegimeDocument.options.map((o) => o.shape.kind.value) as DocumentKind[];

export { CHANNELS, STATUSES, HistoryEntry };
