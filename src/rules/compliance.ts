/**
 * Checking a national policy against a convention, criterion by criterion (docs/rules.md §4).
 *
 * Each criterion's `applies_if`, `test` and `more_favourable_if` are evaluated three-valued over
 * `policy.*`: not applicable (applies_if false), not assessable (a fact it needs is missing),
 * met, more favourable (met and more_favourable_if holds), or not met.
 *
 * Score (MIPEX/IMPIC-like, 0–100): a criterion scores 100 when met or more favourable, 0 when not
 * met; not applicable and not assessable criteria are left out (and counted). Per component, the
 * weighted mean of its criteria's scores (weights from the criteria); the score is the plain mean
 * of the components that have at least one scored criterion. A convention without components is
 * one component. A binding convention gives a verdict: complies (nothing not met and nothing not
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
  score: number | null;
  components: { id: string; score: number | null; criteria: number; scored: number }[];
  counts: Record<CriterionResult, number>;
  criteria: CriterionReport[];
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
  const components = componentIds.map((id) => {
    const of = criteria.filter((c) => c.component === id);
    const scored = of.filter((c) => c.score !== null);
    const w = scored.reduce((s, c) => s + c.weight, 0);
    const score = w > 0 ? scored.reduce((s, c) => s + c.weight * c.score!, 0) / w : null;
    return { id, score: score === null ? null : round(score), criteria: of.length, scored: scored.length };
  });
  const withScore = components.filter((c) => c.score !== null);
  const score = withScore.length
    ? round(withScore.reduce((s, c) => s + c.score!, 0) / withScore.length)
    : null;
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
    components,
    counts,
    criteria,
  };
}

/** Ranks reports by score (highest first; unscored last), then by policy id. */
export function rankReports(reports: ComplianceReport[]): ComplianceReport[] {
  return [...reports].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.policy.localeCompare(b.policy));
}

const round = (x: number) => Math.round(x * 10) / 10;
