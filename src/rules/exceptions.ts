/**
 * Rules with exceptions, as in Catala's default logic, decided field by field.
 *
 * A rule concludes outcome fields (`protection`, `status`, `removable`, `non_refoulement`; list
 * conclusions become one field per item: `open_channels: [family]` is `channel.family = true`,
 * `deny_rights: [work]` is `right.work = false`). For each field:
 * - a rule naming another rule, or a label shared by a group of rules, in `exception_of` is an
 *   exception to it for the fields both conclude; an exception that applies replaces the value of
 *   the rule(s) it is an exception to; exceptions to exceptions nest the same way;
 * - rules at the same level (siblings) that apply and conclude the same value agree (all are
 *   cited); if they conclude different values it is a **conflict**, reported with both rules and
 *   their citations — no priority settles it;
 * - an unknown condition makes the field undetermined only if it could change the answer; the
 *   missing facts of those conditions are listed.
 * Every possible outcome is tracked (sets of at most a handful of values), so "unknown" is exact.
 */
import type { Conclusion, Rule } from '../regime/index.ts';
import type { Truth } from './evaluate.ts';

/** A rule of a document, with the truth of its condition in the case at hand. */
export interface EvaluatedRule {
  doc: string;
  rule: Rule;
  truth: Truth;
  /** Values read by the condition. */
  reads?: Record<string, unknown>;
}

export const ruleRef = (r: { doc: string; rule: Rule }) => `${r.doc}#${r.rule.id}`;

type FieldValue = string | boolean;
type Out =
  | { t: 'empty' }
  | { t: 'value'; v: FieldValue; by: EvaluatedRule[] }
  | { t: 'conflict'; by: EvaluatedRule[] };

/** The decided value of one field. */
export type FieldResult =
  | { state: 'empty'; field: string }
  | {
      state: 'value';
      field: string;
      value: FieldValue;
      by: EvaluatedRule[];
      overridden: { rule: EvaluatedRule; by: EvaluatedRule[] }[];
    }
  | { state: 'conflict'; field: string; rules: EvaluatedRule[] }
  | { state: 'unknown'; field: string; missing: string[] };

/** The fields a conclusion sets, with values. */
export function conclusionFields(c: Conclusion): Map<string, FieldValue> {
  const m = new Map<string, FieldValue>();
  for (const k of ['protection', 'status', 'removable', 'non_refoulement'] as const)
    if (c[k] !== undefined) m.set(k, c[k]!);
  for (const ch of c.open_channels ?? []) m.set(`channel.${ch}`, true);
  for (const ch of c.close_channels ?? []) m.set(`channel.${ch}`, false);
  for (const r of c.grant_rights ?? []) m.set(`right.${r}`, true);
  for (const r of c.deny_rights ?? []) m.set(`right.${r}`, false);
  return m;
}

const keyOf = (o: Out) => (o.t === 'value' ? `v:${String(o.v)}` : o.t);

function addOut(set: Map<string, Out>, o: Out): void {
  const k = keyOf(o);
  const prev = set.get(k);
  if (!prev) set.set(k, o);
  else if (prev.t !== 'empty' && o.t !== 'empty') set.set(k, { ...prev, by: union(prev.by, o.by) } as Out);
}

const union = (a: EvaluatedRule[], b: EvaluatedRule[]) => [...new Set([...a, ...b])];

function combine2(a: Out, b: Out): Out {
  if (a.t === 'empty') return b;
  if (b.t === 'empty') return a;
  if (a.t === 'value' && b.t === 'value' && a.v === b.v) return { t: 'value', v: a.v, by: union(a.by, b.by) };
  return { t: 'conflict', by: union(a.by, b.by) };
}

function fold(sets: Map<string, Out>[]): Map<string, Out> {
  let acc = new Map<string, Out>([['empty', { t: 'empty' }]]);
  for (const s of sets) {
    const next = new Map<string, Out>();
    for (const a of acc.values()) for (const b of s.values()) addOut(next, combine2(a, b));
    acc = next;
  }
  return acc;
}

/** Decides every field the rules conclude. */
export function decideFields(rules: readonly EvaluatedRule[]): Map<string, FieldResult> {
  const fieldsOf = new Map(rules.map((r) => [r, conclusionFields(r.rule.then)]));
  const allFields = new Set(rules.flatMap((r) => [...fieldsOf.get(r)!.keys()]));
  const targets = new Map(rules.map((r) => [r, exceptionTargets(r, rules)]));
  const results = new Map<string, FieldResult>();

  for (const field of allFields) {
    const inField = rules.filter((r) => fieldsOf.get(r)!.has(field));
    const parents = new Map(
      inField.map((r) => [r, targets.get(r)!.filter((t) => fieldsOf.get(t)!.has(field))]),
    );
    const children = new Map<EvaluatedRule, EvaluatedRule[]>(inField.map((r) => [r, []]));
    for (const r of inField) for (const p of parents.get(r)!) children.get(p)!.push(r);
    const roots = inField.filter((r) => parents.get(r)!.length === 0);

    const own = (r: EvaluatedRule): Map<string, Out> => {
      const v: Out = { t: 'value', v: fieldsOf.get(r)!.get(field)!, by: [r] };
      if (r.truth.value === true) return new Map([[keyOf(v), v]]);
      if (r.truth.value === false) return new Map([['empty', { t: 'empty' }]]);
      return new Map<string, Out>([
        [keyOf(v), v],
        ['empty', { t: 'empty' }],
      ]);
    };
    const node = (r: EvaluatedRule, visiting: Set<EvaluatedRule>): Map<string, Out> => {
      const next = new Set(visiting).add(r);
      const ex = fold(
        children
          .get(r)!
          .filter((c) => !next.has(c))
          .map((c) => node(c, next)),
      );
      const out = new Map<string, Out>();
      for (const e of ex.values()) {
        if (e.t === 'empty') for (const o of own(r).values()) addOut(out, o);
        else addOut(out, e);
      }
      return out;
    };
    const final = fold(roots.map((r) => node(r, new Set())));

    if (final.size > 1) {
      const missing = [
        ...new Set(inField.flatMap((r) => (r.truth.value === 'unknown' ? r.truth.missing : []))),
      ];
      results.set(field, { state: 'unknown', field, missing });
      continue;
    }
    const only = [...final.values()][0];
    if (only.t === 'empty') results.set(field, { state: 'empty', field });
    else if (only.t === 'conflict') results.set(field, { state: 'conflict', field, rules: only.by });
    else {
      const overridden = inField
        .filter((r) => r.truth.value === true && !only.by.includes(r))
        .map((r) => ({ rule: r, by: only.by.filter((b) => isExceptionOf(b, r, targets)) }));
      results.set(field, { state: 'value', field, value: only.v, by: only.by, overridden });
    }
  }
  return results;
}

/** The rules a rule is an exception to (by id or label; `doc#name` for another document). */
function exceptionTargets(r: EvaluatedRule, rules: readonly EvaluatedRule[]): EvaluatedRule[] {
  const x = r.rule.exception_of;
  if (!x) return [];
  const [doc, name] = x.includes('#') ? x.split('#') : [r.doc, x];
  return rules.filter((t) => t !== r && t.doc === doc && (t.rule.id === name || t.rule.label === name));
}

function isExceptionOf(
  e: EvaluatedRule,
  r: EvaluatedRule,
  targets: Map<EvaluatedRule, EvaluatedRule[]>,
  seen = new Set<EvaluatedRule>(),
): boolean {
  if (seen.has(e)) return false;
  seen.add(e);
  return targets.get(e)!.some((t) => t === r || isExceptionOf(t, r, targets, seen));
}
