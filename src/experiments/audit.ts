/**
 * The audit of an experiment (docs/experiments.md, "Audit"): what the verdict rests on — the
 * quantities assumed and those that emerge, as the document declares them — and the flip, a
 * setting inside the documented parameter ranges under which the verdict changes, found by search
 * over runs (flip.ts). A `holds` or `does_not_hold` that no setting found changes is reported as
 * `by_construction`: within the model and its documented ranges the run could not have said
 * otherwise.
 */
import type { Experiment } from '../regime/index.ts';
import type { CriterionVerdict, Verdict } from './criterion.ts';
import { directedCorners, rankCandidates } from './flip.ts';
import type { JudgedPoint, SearchCondition, SearchParameter } from './flip.ts';

/** Candidates confirmed with the main runs' seeds, at most. */
export const MAX_CONFIRMED = 2;

export interface Flip {
  /** The parameter values of the setting (the rest as in the main runs). */
  values: Record<string, number>;
  /** The criterion's verdict there, with the main runs' seeds and parameter draws. */
  verdict: CriterionVerdict;
  /** Each condition's estimate and interval there. */
  conditions: { text: string; estimate: number; low: number; high: number; verdict: CriterionVerdict }[];
  /** Where the search found it: a Morris design point or a directed corner. */
  found: 'morris' | 'corner';
}

export interface Audit {
  inputs: { quantity: string; source: string }[];
  emergent: { quantity: string; mechanism: string }[];
  flip: Flip | null;
  /** How the flip was found, or why there is none. */
  reason: string;
  search: {
    parameters: SearchParameter[];
    morrisPoints: number;
    corners: number;
    /** Seeds per arm at the Morris points and corners. */
    seeds: number;
    confirmed: number;
  } | null;
}

/** A setting judged over runs: the criterion at those values (conditions in the document's order). */
export type JudgeSetting = (
  settings: readonly Record<string, number>[],
  seeds: 'sensitivity' | 'main',
) => Promise<(JudgedPoint & { conditions: Flip['conditions'] })[]>;

/**
 * Searches for a flip. `morris` are the design points already judged, `mu[c][p]` the Morris μ of
 * parameter p on condition c; `judge` runs settings (corners at the sensitivity seeds, candidates
 * at the main seeds).
 */
export async function searchFlip(o: {
  main: CriterionVerdict;
  conditions: readonly SearchCondition[];
  parameters: readonly SearchParameter[];
  morris: readonly JudgedPoint[];
  mu: readonly (readonly number[])[];
  sensitivitySeeds: number;
  judge: JudgeSetting;
}): Promise<{ flip: Flip | null; reason: string; search: NonNullable<Audit['search']> }> {
  const mu = o.mu.map((row) => row.map((m) => (Number.isFinite(m) ? m : 0)));
  const corners = directedCorners(o.main, o.conditions, o.parameters, mu);
  const judgedCorners = corners.length ? await o.judge(corners, 'sensitivity') : [];
  const candidates = rankCandidates(
    o.main,
    o.conditions,
    [
      ...o.morris.map((p) => ({ ...p, origin: 'morris' as const })),
      ...judgedCorners.map((p) => ({ ...p, origin: 'corner' as const })),
    ],
    MAX_CONFIRMED,
  );
  const search = {
    parameters: o.parameters.map((p) => ({ ...p })),
    morrisPoints: o.morris.length,
    corners: corners.length,
    seeds: o.sensitivitySeeds,
    confirmed: candidates.length,
  };
  const searched = `${o.morris.length} Morris points and ${corners.length} directed corners of ${o.parameters.map((p) => p.name).join(', ')} at ${o.sensitivitySeeds} seeds`;
  if (candidates.length === 0)
    return {
      flip: null,
      reason: `no setting moved the effects across their thresholds (${searched})`,
      search,
    };
  const confirmed = await o.judge(
    candidates.map((c) => c.values),
    'main',
  );
  const k = confirmed.findIndex((c) => c.verdict !== o.main);
  if (k < 0)
    return {
      flip: null,
      reason: `${searched}; the ${candidates.length} most promising, rerun with the main seeds, kept the verdict`,
      search,
    };
  return {
    flip: {
      values: confirmed[k].values,
      verdict: confirmed[k].verdict,
      conditions: confirmed[k].conditions,
      found: candidates[k].origin,
    },
    reason: `found among ${searched}; confirmed with the main seeds`,
    search,
  };
}

/** The experiment's verdict after the audit. */
export function auditedVerdict(main: CriterionVerdict, searched: boolean, flip: Flip | null): Verdict {
  return searched && flip === null && main !== 'inconclusive' ? 'by_construction' : main;
}

/** The declared part of the audit (empty lists when the document declares none). */
export function declaredAudit(doc: Experiment): Pick<Audit, 'inputs' | 'emergent'> {
  return { inputs: doc.audit?.inputs ?? [], emergent: doc.audit?.emergent ?? [] };
}
