/**
 * An experiment: one of the seed's claims run as a controlled comparison of arms (regimes or
 * interventions) over seeds, with the criterion for its verdict declared before any run.
 */
import { z } from 'zod';
import { DocumentId, IsoDate, Source, Sources } from './common.ts';
import { LeverIntervention } from './levers.ts';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a name in snake_case');

/** One arm: a regime, optionally with policy interventions, root-cause levers and model parameter overrides. */
export const ExperimentArm = z.strictObject({
  id: name,
  title: z.string().min(1).optional(),
  regime: DocumentId,
  /** Changes to national policies under this arm (same form as a regime's adjustments). */
  policy: z
    .array(
      z.strictObject({
        where: z.strictObject({
          tiers: z.array(z.enum(['core', 'semi_periphery', 'periphery'])).optional(),
          countries: z.array(z.string().regex(/^[A-Z]{3}$/)).optional(),
        }),
        /** The change applies from this date (before it, the regime's policies as they are). */
        from: IsoDate.optional(),
        set: z.record(z.string().min(1), z.unknown()).optional(),
        at_least: z.record(z.string().min(1), z.number()).optional(),
        at_most: z.record(z.string().min(1), z.number()).optional(),
        add: z.record(z.string().min(1), z.array(z.string())).optional(),
        source: Source,
      }),
    )
    .optional(),
  /** Root-cause levers in force under this arm, beside the scenario's (docs/model.md §9.4). */
  levers: z.array(LeverIntervention).min(1).optional(),
  /** Model parameters set for this arm (names from the model's parameter table). */
  parameters: z.record(z.string().min(1), z.number()).optional(),
});

/** An effect: a statistic of an indicator in one arm against another, per seed (paired). */
export const Effect = z.strictObject({
  indicator: z.string().min(1),
  /** Country ISO3 or WLD for the world total. */
  country: z
    .string()
    .regex(/^(?:[A-Z]{3})$/)
    .default('WLD'),
  arm: name,
  baseline: name,
  statistic: z.enum(['difference', 'relative_difference', 'ratio']),
  /** Which years: the final year, the mean over the run, or the change from first to final year. */
  over: z.enum(['final', 'mean', 'change']).default('final'),
  /** The value in this year instead (a claim about a level in a given year). */
  year: z.number().int().optional(),
});

/** A condition of the criterion: the effect's interval must lie beyond a threshold. */
export const CriterionCondition = z.strictObject({
  effect: Effect,
  op: z.enum(['gt', 'lt']),
  value: z.number(),
  text: z.string().min(1),
});

export const Experiment = z.strictObject({
  kind: z.literal('Experiment'),
  format: z.literal(1).optional(),
  id: DocumentId,
  title: z.string().min(1),
  /** The claim being tested, in a sentence, with its place in the seed. */
  claim: z.string().min(1),
  sources: Sources,
  scenario: DocumentId,
  years: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
  arms: z.array(ExperimentArm).min(2, 'an experiment compares at least two arms'),
  /** Indicators reported (the criterion's indicators are always included). */
  indicators: z.array(z.string().min(1)).min(1),
  seeds: z.number().int().min(2).max(10_000),
  scale: z.number().int().min(1),
  /**
   * Declared before the runs: `holds` when every condition's interval lies beyond its threshold,
   * `does_not_hold` when some condition's interval lies on the other side, else `inconclusive`.
   */
  criterion: z.strictObject({
    conditions: z.array(CriterionCondition).min(1),
    /** Confidence of the intervals, e.g. 0.9. */
    confidence: z.number().gt(0.5).lt(1).default(0.9),
  }),
  /**
   * What the verdict rests on (docs/experiments.md, "Audit"): the quantities the experiment assumes
   * (parameters, definitions, data) and those that emerge from the simulation. The run adds the
   * flip: a setting inside the documented ranges (`sensitivity.parameters`) that changes the verdict.
   */
  audit: z
    .strictObject({
      inputs: z.array(z.strictObject({ quantity: z.string().min(1), source: z.string().min(1) })).min(1),
      emergent: z.array(z.strictObject({ quantity: z.string().min(1), mechanism: z.string().min(1) })),
    })
    .optional(),
  /** Effects measured and reported with their intervals beside the criterion, which they do not decide. */
  report: z.array(z.strictObject({ effect: Effect, text: z.string().min(1) })).optional(),
  /** Global sensitivity analysis over the parameters that matter (Morris screening or Sobol). */
  sensitivity: z
    .strictObject({
      method: z.enum(['morris', 'sobol']),
      parameters: z
        .array(z.strictObject({ name: z.string().min(1), low: z.number(), high: z.number(), source: Source }))
        .min(1),
      trajectories: z.number().int().min(1).max(1000).default(10),
    })
    .optional(),
});
export type Experiment = z.infer<typeof Experiment>;
export type ExperimentArm = z.infer<typeof ExperimentArm>;
