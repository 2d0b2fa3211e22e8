/**
 * Who is protected: the YAML rules of the instruments providing each protection test the deciding
 * state's policy lists (`policy.asylum.tests`, under the regime, on the date), together with the
 * policy's own `rules`, decided with exceptions and conflicts (exceptions.ts). A case without a
 * `claim` makes no protection claim: its protection is `none` without reading the tests.
 */
import type { Case, Protection } from '../regime/index.ts';
import { userError } from '../shared/errors.ts';
import type { CaseContext } from './derived-facts.ts';
import { caseEnv } from './derived-facts.ts';
import { evaluate, newReads, type Value } from './evaluate.ts';
import { decideFields, ruleRef, type EvaluatedRule, type FieldResult } from './exceptions.ts';
import { formatCitation, reason, type Reason } from './explanation.ts';

/** The rules that apply to a case, evaluated, and every field they decide. */
export interface RuleRun {
  rules: EvaluatedRule[];
  fields: Map<string, FieldResult>;
  /** Each test the policy lists, with the documents providing it. */
  tests: { test: string; documents: string[] }[];
  claim: boolean;
}

/** A decided field: a value, undetermined with missing facts, or a conflict. */
export type Decided<T> = { value: T } | { undetermined: true; missing: string[]; conflict?: Conflict };

/** Two or more applicable rules at the same level concluding differently. */
export interface Conflict {
  field: string;
  rules: { rule: string; citation: string; concludes: Value }[];
}

/** A case claims protection when its claim says anything of persecution, violence or role. */
export function hasProtectionClaim(c: Case): boolean {
  const k = c.claim;
  return k !== undefined && (k.persecution !== undefined || k.violence !== undefined || k.role !== undefined);
}

/** Evaluates the protection tests' rules and the policy's rules for a case. */
export function runRules(ctx: CaseContext): RuleRun {
  const claim = hasProtectionClaim(ctx.case);
  const pool: { doc: string; rule: EvaluatedRule['rule'] }[] = [];
  const tests: RuleRun['tests'] = [];
  for (const test of ctx.policy.asylum.tests) {
    const docs = ctx.view.instrumentsFor(test);
    tests.push({ test, documents: docs.map((d) => d.id) });
    if (!claim) continue;
    if (!docs.length && ctx.view.lib.ofKind('Instrument').some((d) => d.doc.protection_test === test))
      continue; // not in force on the date
    if (!docs.length) {
      throw userError(
        'E_NO_PROTECTION_TEST',
        `the policy of ${ctx.state} (${ctx.policyId}) applies the protection test '${test}', but no Instrument provides it (protection_test: ${test})`,
      );
    }
    for (const d of docs) for (const rule of d.rules ?? []) pool.push({ doc: d.id, rule });
  }
  for (const rule of ctx.policy.rules ?? []) pool.push({ doc: ctx.policyId, rule });
  const rules = pool.map(({ doc, rule }) => {
    const reads = newReads();
    const truth = evaluate(rule.when, caseEnv(ctx, doc), reads);
    return { doc, rule, truth, reads: Object.fromEntries([...reads.facts, ...reads.params]) };
  });
  return { rules, fields: decideFields(rules), tests, claim };
}

/** The value of a field decided by the rules, with the reasons; `empty` when no rule concluded it. */
export function fieldFromRules<T extends Value>(
  run: RuleRun,
  field: string,
  topic: string,
  reasons: Reason[],
): Decided<T> | 'empty' {
  const f = run.fields.get(field);
  if (!f || f.state === 'empty') return 'empty';
  if (f.state === 'unknown') return { undetermined: true, missing: f.missing };
  if (f.state === 'conflict') {
    const conflict: Conflict = {
      field,
      rules: f.rules.map((r) => ({
        rule: ruleRef(r),
        citation: formatCitation(r.rule.citation),
        concludes: concluded(r, field),
      })),
    };
    reasons.push(
      reason(
        topic,
        f.rules.map(ruleRef).join(' vs '),
        f.rules[0].rule.citation,
        `conflict on ${field}: ${conflict.rules.map((r) => `${r.rule} (${r.citation}) concludes ${String(r.concludes)}`).join('; ')} — not settled by priority`,
      ),
    );
    return { undetermined: true, missing: [], conflict };
  }
  for (const r of f.by) {
    const step = reason(topic, ruleRef(r), r.rule.citation, r.rule.text, r.reads as Record<string, Value>);
    step.rule = ruleRef(r);
    const over = f.overridden
      .filter((o) => o.by.includes(r))
      .map((o) => `exception to ${ruleRef(o.rule)}, which also applied`);
    if (over.length) step.overrides = over;
    reasons.push(step);
  }
  return { value: f.value as T };
}

function concluded(r: EvaluatedRule, field: string): Value {
  const t = r.rule.then;
  if (field in t) return (t as Record<string, Value>)[field];
  const [kind, item] = field.split('.');
  if (kind === 'channel') return (t.open_channels ?? []).includes(item as never);
  return (t.grant_rights ?? []).includes(item as never);
}

/** The protection a case gets. */
export function decideProtection(ctx: CaseContext, run: RuleRun, reasons: Reason[]): Decided<Protection> {
  if (!run.claim) {
    reasons.push(
      reason(
        'protection',
        `${ctx.policyId}#asylum.tests`,
        ctx.policy.sources[0],
        'no protection claim in the case: no protection test is applied',
      ),
    );
    return { value: 'none' };
  }
  const r = fieldFromRules<Protection>(run, 'protection', 'protection', reasons);
  if (r !== 'empty') return r;
  const tests = run.tests
    .map((t) => `${t.test} (${t.documents.join(', ') || 'not in force on the date'})`)
    .join('; ');
  reasons.push(
    reason(
      'protection',
      `${ctx.policyId}#asylum.tests`,
      ctx.policy.sources[0],
      `no protection test the state applies is met: ${tests || 'none applied'}`,
      { 'policy.asylum.tests': ctx.policy.asylum.tests },
    ),
  );
  return { value: 'none' };
}
