/**
 * Checking a national policy against a convention, criterion by criterion (docs/rules.md §4).
 *
 * Each criterion's `applies_if`, `test` and `more_favourable_if` are evaluated three-valued over
 * `policy.*`: not applicable (applies_if false), not assessable (a fact it needs is missing),
 * met, more favourable (met and more_favourable_if holds), or not met.
 *
 * Score (MIPEX/IMPIC-like, 0–100; `aggregateScore`, docs/rules.md §4): per component, the weight
 * of the criteria met (or more favourable) over the weight of the criteria that apply — a criterion
 * that is not assessable applies but is not credited, so missing facts can never raise a score —
 * and the score is the plain mean of the components with at least one applicable criterion (a
 * convention without components is one component). Coverage is the share of the applicable weight
 * that could be assessed, and `upper` the score if every not-assessable criterion were met. Not
 * applicable criteria are left out. A binding convention gives a verdict: complies (nothing not met and nothing not
 * assessable), does not comply (something not met), or not assessable; a non-binding one
 * (`binding: false`, e.g. the Global Compacts) is scored only: verdict `scored`.
 */
import type { Convention, NationalPolicy } from '../regime/index.ts';
import { evaluate, lookupPath, newReads, type Env, type Truth, type Value } from './evaluate.ts';
import { formatCitation } from './explanation.ts';
import { paramLookup } from './derived-facts.ts';
import type { DocumentsOnDate } from './regime-view.ts';

export const CRITERION_RESULTS = [
  'met',
  'more_favourable',
  'not_met',
  'not_applicable',
  'not_assessable',
] as const;
export type CriterionResult = (typeof CRITERION_RESULTS)[number];

export interface CriterionReport {
  id: string;
  title: string;
  component: string;
  weight: number;
  result: CriterionResult;
  score: number | null;
  reason: string;
  citation: string;
  values?: Record<string, Value>;
  missing?: string[];
}

export interface ComplianceReport {
  convention: string;
  binding: boolean;
  policy: string;
  country: string | null;
  date: string;
  verdict: 'complies' | 'does_not_comply' | 'not_assessable' | 'scored';
  /** 0–100: the criteria met over those that apply, by component (not-assessable ones not credited); null when none applies. */
  score: number | null;
  /** The score if every not-assessable criterion were met (score = upper when coverage is 1). */
  upper: number | null;
  /** Share of the applicable weight that could be assessed, 0–1 (null when none applies). */
  coverage: number | null;
  components: ComponentScore[];
  counts: Record<CriterionResult, number>;
  criteria: CriterionReport[];
}

/** A component's score, upper bound and coverage, with its criteria counts. */
export interface ComponentScore {
  id: string;
  score: number | null;
  upper: number | null;
  coverage: number | null;
  criteria: number;
  /** Criteria scored: met, more favourable or not met. */
  scored: number;
}

/**
 * The score of a policy from its criteria's results (docs/rules.md §4). Per component c, over the
 * criteria that apply (met, more favourable, not met, not assessable):
 *   score_c = 100 × met weight / applicable weight
 *   upper_c = 100 × (met + not-assessable weight) / applicable weight
 *   coverage_c = (met + not-met weight) / applicable weight
 * and score, upper and coverage are the plain means over the components with an applicable
 * criterion. With the applicable criteria fixed, meeting more of a component's weight never lowers
 * the score, and a fact the policy does not give never raises it.
 */
export function aggregateScore(
  criteria: readonly Pick<CriterionReport, 'component' | 'weight' | 'result'>[],
  componentIds: readonly string[],
): { score: number | null; upper: number | null; coverage: number | null; components: ComponentScore[] } {
  const components = componentIds.map((id): ComponentScore => {
    const of = criteria.filter((c) => c.component === id);
    let met = 0;
    let notMet = 0;
    let unknown = 0;
    for (const c of of) {
      if (c.result === 'met' || c.result === 'more_favourable') met += c.weight;
      else if (c.result === 'not_met') notMet += c.weight;
      else if (c.result === 'not_assessable') unknown += c.weight;
    }
    const applicable = met + notMet + unknown;
    const scored = of.filter((c) => c.result !== 'not_applicable' && c.result !== 'not_assessable').length;
    if (!(applicable > 0))
      return { id, score: null, upper: null, coverage: null, criteria: of.length, scored };
    return {
      id,
      score: round((100 * met) / applicable),
      upper: round((100 * (met + unknown)) / applicable),
      coverage: round3((met + notMet) / applicable),
      criteria: of.length,
      scored,
    };
  });
  const withScore = components.filter((c) => c.score !== null);
  const mean = (f: (c: ComponentScore) => number) =>
    withScore.length ? withScore.reduce((s, c) => s + f(c), 0) / withScore.length : null;
  const score = mean((c) => c.score!);
  const upper = mean((c) => c.upper!);
  const coverage = mean((c) => c.coverage!);
  return {
    score: score === null ? null : round(score),
    upper: upper === null ? null : round(upper),
    coverage: coverage === null ? null : round3(coverage),
    components,
  };
}

/** Parameters a criterion may read: the convention's own (`name`) or another document's (`doc#name`). */
function conventionEnv(policy: NationalPolicy, convention: Convention, view?: DocumentsOnDate): Env {
  const local = (name: string) => ({
    value: (convention.parameters?.[name]?.value ?? null) as Value,
    ref: `${convention.id}#${name}`,
  });
  const other = view ? paramLookup(view, convention.id) : local;
  return {
    fact: (path) =>
      path.startsWith('policy.')
        ? lookupPath(policy, path.slice(7), path)
        : { known: false, missing: [path] },
    param: (name) => (name.includes('#') ? other(name) : local(name)),
  };
}

/** Checks a policy against a convention (both as in force on the date). */
export function checkCompliance(
  convention: Convention,
  policy: NationalPolicy,
  date: string,
  view?: DocumentsOnDate,
): ComplianceReport {
  const env = conventionEnv(policy, convention, view);
  const criteria: CriterionReport[] = convention.criteria.map((c) => {
    const reads = newReads();
    const base = {
      id: c.id,
      title: c.title,
      component: c.component,
      weight: c.weight,
      citation: formatCitation(c.citation),
    };
    const values = () => {
      const v = Object.fromEntries([...reads.facts, ...reads.params]);
      return Object.keys(v).length ? { values: v } : {};
    };
    const assess = (t: Truth, what: string): CriterionReport | undefined =>
      t.value === 'unknown'
        ? {
            ...base,
            result: 'not_assessable',
            score: null,
            reason: `${what}: the policy does not say ${t.missing.join(', ')}`,
            missing: t.missing,
            ...values(),
          }
        : undefined;
    if (c.applies_if !== undefined) {
      const a = evaluate(c.applies_if, env, reads);
      const u = assess(a, 'applicability');
      if (u) return u;
      if (a.value === false)
        return {
          ...base,
          result: 'not_applicable',
          score: null,
          reason: `does not apply: ${c.text}`,
          ...values(),
        };
    }
    const t = evaluate(c.test, env, reads);
    const u = assess(t, 'test');
    if (u) return u;
    if (t.value === false)
      return { ...base, result: 'not_met', score: 0, reason: `not met: ${c.text}`, ...values() };
    if (c.more_favourable_if !== undefined) {
      const m = evaluate(c.more_favourable_if, env, reads);
      if (m.value === true)
        return {
          ...base,
          result: 'more_favourable',
          score: 100,
          reason: `more favourable than the minimum: ${c.text}`,
          ...values(),
        };
    }
    return { ...base, result: 'met', score: 100, reason: `met: ${c.text}`, ...values() };
  });

  const componentIds = convention.components?.length
    ? convention.components.map((c) => c.id)
    : [...new Set(criteria.map((c) => c.component))];
  const { score, upper, coverage, components } = aggregateScore(criteria, componentIds);
  const counts = Object.fromEntries(
    CRITERION_RESULTS.map((r) => [r, criteria.filter((c) => c.result === r).length]),
  ) as Record<CriterionResult, number>;
  const verdict: ComplianceReport['verdict'] = !convention.binding
    ? 'scored'
    : counts.not_met > 0
      ? 'does_not_comply'
      : counts.not_assessable > 0
        ? 'not_assessable'
        : 'complies';
  return {
    convention: convention.id,
    binding: convention.binding,
    policy: policy.id,
    country: policy.country ?? null,
    date,
    verdict,
    score,
    upper,
    coverage,
    components,
    counts,
    criteria,
  };
}

/** Ranks reports by score (highest first; unscored last), then by coverage (higher first), then by policy id. */
export function rankReports(reports: ComplianceReport[]): ComplianceReport[] {
  return [...reports].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      (b.coverage ?? -1) - (a.coverage ?? -1) ||
      a.policy.localeCompare(b.policy),
  );
}

const round = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
