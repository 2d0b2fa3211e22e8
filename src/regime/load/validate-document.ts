/**
 * Validates one document on its own: shape (zod), dates in order, expressions well-typed, dated
 * changes pointing at real fields with values of the right type. References to other documents are
 * checked later, by the library, when every document is known.
 */
import type { z } from 'zod';
import { RegimeDocument, NationalPolicy, DOCUMENT_KINDS, type DocumentKind } from '../schema/kinds.ts';
import type { Rule } from '../schema/rule.ts';
import type { Expr } from '../schema/expression.ts';
import { checkCondition, type TypeContext } from '../check/expression-types.ts';
import { factType, type FactScope } from '../check/facts.ts';
import { schemaAt, valueTypeOf } from '../check/schema-path.ts';
import { explainIssues, type PathIssue } from './zod-issues.ts';

/** The zod schema of each kind. */
export const KIND_SCHEMAS = Object.fromEntries(
  RegimeDocument.options.map((o) => [o.shape.kind.value, o as z.ZodType]),
) as Record<DocumentKind, z.ZodType>;

export type DocumentCheck = { ok: true; doc: RegimeDocument } | { ok: false; issues: PathIssue[] };

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validates the plain value of one YAML document. */
export function validateDocument(value: unknown): DocumentCheck {
  if (!isObj(value)) {
    return {
      ok: false,
      issues: [
        {
          code: 'E_NOT_A_DOCUMENT',
          path: [],
          message: `expected a mapping with a 'kind' field, got ${Array.isArray(value) ? 'a list' : typeof value}`,
        },
      ],
    };
  }
  if (!('kind' in value)) {
    return {
      ok: false,
      issues: [
        {
          code: 'E_MISSING_FIELD',
          path: [],
          message: `missing field 'kind': expected one of ${DOCUMENT_KINDS.join(', ')}`,
        },
      ],
    };
  }
  if (typeof value.kind !== 'string' || !(DOCUMENT_KINDS as string[]).includes(value.kind)) {
    return {
      ok: false,
      issues: [
        {
          code: 'E_UNKNOWN_KIND',
          path: ['kind'],
          message: `unknown kind '${String(value.kind)}': expected one of ${DOCUMENT_KINDS.join(', ')}`,
        },
      ],
    };
  }
  const parsed = KIND_SCHEMAS[value.kind as DocumentKind].safeParse(value);
  if (!parsed.success) return { ok: false, issues: explainIssues(parsed.error.issues, value) };
  const doc = parsed.data as RegimeDocument;
  const issues = semanticIssues(doc);
  return issues.length ? { ok: false, issues } : { ok: true, doc };
}

function semanticIssues(doc: RegimeDocument): PathIssue[] {
  const issues: PathIssue[] = [];
  const push = (code: string, path: (string | number)[], message: string) =>
    issues.push({ code, path, message });

  const dated =
    doc.kind === 'Case' || doc.kind === 'Amendment' || doc.kind === 'Experiment' ? undefined : doc;
  if (dated?.valid_to && dated.valid_to < dated.valid_from) {
    push(
      'E_VALIDITY_ORDER',
      ['valid_to'],
      `validity ends (${dated.valid_to}) before it starts (${dated.valid_from})`,
    );
  }
  const kindSchema = KIND_SCHEMAS[doc.kind];
  const history = dated?.history ?? [];
  history.forEach((h, i) => {
    if (h.from < dated!.valid_from)
      push(
        'E_HISTORY_BEFORE_VALIDITY',
        ['history', i, 'from'],
        `change dated ${h.from} is before the document is in force (${dated!.valid_from})`,
      );
    if (i > 0 && h.from < history[i - 1].from)
      push(
        'E_HISTORY_ORDER',
        ['history', i, 'from'],
        `history must be oldest first: ${h.from} comes after ${history[i - 1].from}`,
      );
    issues.push(...checkSetPaths(kindSchema, h.set, ['history', i, 'set']));
  });
  if ('members' in doc || 'parties' in doc) {
    const list = ('members' in doc ? doc.members : doc.parties) ?? [];
    const field = 'members' in doc ? 'members' : 'parties';
    list.forEach((m, i) => {
      if (m.from && m.to && m.to < m.from)
        push('E_VALIDITY_ORDER', [field, i, 'to'], `membership ends (${m.to}) before it starts (${m.from})`);
    });
  }
  const params = 'parameters' in doc ? (doc.parameters ?? {}) : {};
  const ctx = (scope: FactScope): TypeContext => ({
    fact: (p) => factType(p, scope),
    param: (name) => {
      if (name.includes('#')) return { t: 'any' }; // another document's parameter: checked by the library
      const p = params[name];
      if (!p)
        return {
          error: `unknown parameter '${name}'; this document defines ${Object.keys(params).join(', ') || 'none'}`,
        };
      return valueTypeOfLiteral(p.value);
    },
  });
  const checkExpr = (e: Expr | undefined, path: (string | number)[], scope: FactScope) => {
    if (e === undefined) return;
    for (const t of checkCondition(e, ctx(scope), path)) push('E_EXPRESSION_TYPE', t.path, t.message);
  };

  const checkRules = (rules: Rule[] | undefined, at: (string | number)[]) => {
    if (!rules) return;
    const ids = new Set<string>();
    const labels = new Set(rules.map((r) => r.label).filter(Boolean) as string[]);
    rules.forEach((r, i) => {
      if (ids.has(r.id))
        push('E_DUPLICATE_RULE', [...at, i, 'id'], `rule id '${r.id}' is used twice in this document`);
      ids.add(r.id);
    });
    rules.forEach((r, i) => {
      checkExpr(r.when, [...at, i, 'when'], 'case');
      if (r.valid_from && r.valid_to && r.valid_to < r.valid_from)
        push('E_VALIDITY_ORDER', [...at, i, 'valid_to'], `rule validity ends before it starts`);
      if (r.exception_of && !r.exception_of.includes('#')) {
        if (r.exception_of === r.id)
          push(
            'E_CIRCULAR_EXCEPTION',
            [...at, i, 'exception_of'],
            `rule '${r.id}' cannot be an exception to itself`,
          );
        else if (!ids.has(r.exception_of) && !labels.has(r.exception_of)) {
          push(
            'E_DANGLING_REFERENCE',
            [...at, i, 'exception_of'],
            `exception_of '${r.exception_of}' names no rule or label of this document`,
          );
        }
      }
    });
    issues.push(...exceptionCycles(rules, at));
  };

  switch (doc.kind) {
    case 'Instrument':
    case 'NationalPolicy':
      checkRules(doc.rules, ['rules']);
      break;
    case 'Convention': {
      const seen = new Set<string>();
      const components = new Set((doc.components ?? []).map((c) => c.id));
      doc.criteria.forEach((c, i) => {
        if (seen.has(c.id))
          push('E_DUPLICATE_CRITERION', ['criteria', i, 'id'], `criterion id '${c.id}' is used twice`);
        seen.add(c.id);
        if (components.size && !components.has(c.component)) {
          push(
            'E_DANGLING_REFERENCE',
            ['criteria', i, 'component'],
            `unknown component '${c.component}': expected one of ${[...components].join(', ')}`,
          );
        }
        checkExpr(c.test, ['criteria', i, 'test'], 'criterion');
        checkExpr(c.more_favourable_if, ['criteria', i, 'more_favourable_if'], 'criterion');
        checkExpr(c.applies_if, ['criteria', i, 'applies_if'], 'criterion');
      });
      break;
    }
    case 'Regime':
      doc.adjustments?.forEach((a, i) => {
        issues.push(...checkSetPaths(NationalPolicy, a.set ?? {}, ['adjustments', i, 'set']));
        for (const [field, kind] of [
          ['at_least', 'number'],
          ['at_most', 'number'],
          ['add', 'list'],
        ] as const) {
          for (const p of Object.keys(a[field] ?? {})) {
            const found = schemaAt(NationalPolicy, p.split('.'));
            if ('error' in found) push('E_UNKNOWN_PATH', ['adjustments', i, field, p], found.error);
            else if (valueTypeOf(found.schema).t !== kind)
              push(
                'E_WRONG_TYPE',
                ['adjustments', i, field, p],
                `'${field}' needs a ${kind} field, '${p}' is not one`,
              );
          }
        }
      });
      doc.components.forEach((c, i) => {
        if (c.from && c.to && c.to < c.from)
          push('E_VALIDITY_ORDER', ['components', i, 'to'], `component ends before it starts`);
      });
      break;
    case 'Amendment':
      doc.changes.forEach((c, i) => {
        if (c.add_rule) checkRules([c.add_rule], ['changes', i, 'add_rule']);
        if (c.replace_rule) checkRules([c.replace_rule], ['changes', i, 'replace_rule']);
      });
      break;
    case 'Experiment': {
      const arms = new Set<string>();
      doc.arms.forEach((a, i) => {
        if (arms.has(a.id)) push('E_DUPLICATE_ARM', ['arms', i, 'id'], `arm id '${a.id}' is used twice`);
        arms.add(a.id);
        a.policy?.forEach((adj, j) =>
          issues.push(...checkSetPaths(NationalPolicy, adj.set ?? {}, ['arms', i, 'policy', j, 'set'])),
        );
      });
      doc.criterion.conditions.forEach((c, i) => {
        for (const f of ['arm', 'baseline'] as const) {
          if (!arms.has(c.effect[f]))
            push(
              'E_DANGLING_REFERENCE',
              ['criterion', 'conditions', i, 'effect', f],
              `no arm '${c.effect[f]}': the arms are ${[...arms].join(', ')}`,
            );
        }
      });
      if (doc.years && doc.years.to < doc.years.from)
        push('E_VALIDITY_ORDER', ['years', 'to'], 'years.to is before years.from');
      doc.sensitivity?.parameters.forEach((p, i) => {
        if (!(p.high > p.low))
          push(
            'E_INVALID',
            ['sensitivity', 'parameters', i, 'high'],
            `a parameter range needs high > low (${p.low}..${p.high})`,
          );
      });
      break;
    }
    case 'Scenario':
      if (doc.interventions) {
        doc.interventions.forEach((iv, i) => {
          if (iv.year < doc.years.from || iv.year > doc.years.to)
            push(
              'E_OUT_OF_RANGE',
              ['interventions', i, 'year'],
              `intervention year ${iv.year} is outside the scenario's years ${doc.years.from}–${doc.years.to}`,
            );
        });
      }
      break;
    default:
      break;
  }
  return issues;
}

/** Type of a parameter's literal value. */
function valueTypeOfLiteral(v: unknown) {
  if (v === null) return { t: 'null' } as const;
  if (typeof v === 'number') return { t: 'number' } as const;
  if (typeof v === 'boolean') return { t: 'boolean' } as const;
  if (Array.isArray(v)) return { t: 'list', of: { t: 'string' } } as const;
  return { t: 'string' } as const;
}

/** Checks that every dotted path of a `set` exists in the schema and that its value fits there. */
export function checkSetPaths(
  root: z.ZodType,
  set: Record<string, unknown>,
  at: (string | number)[],
): PathIssue[] {
  const issues: PathIssue[] = [];
  for (const [p, v] of Object.entries(set)) {
    const segments = p.split('.');
    if (['id', 'kind', 'history', 'valid_from'].includes(segments[0])) {
      issues.push({
        code: 'E_UNKNOWN_PATH',
        path: [...at, p],
        message: `'${segments[0]}' cannot be changed by a dated change`,
      });
      continue;
    }
    const found = schemaAt(root, segments);
    if ('error' in found) {
      issues.push({ code: 'E_UNKNOWN_PATH', path: [...at, p], message: found.error });
      continue;
    }
    const r = found.schema.safeParse(v);
    if (!r.success)
      issues.push(
        ...explainIssues(r.error.issues, v, [...at, p]).map((i) => ({
          ...i,
          path: [...at, p, ...i.path.slice(at.length + 1)],
        })),
      );
  }
  return issues;
}

/** Exceptions that, followed, come back to where they started. */
function exceptionCycles(rules: Rule[], at: (string | number)[]): PathIssue[] {
  const byId = new Map(rules.map((r, i) => [r.id, i]));
  const issues: PathIssue[] = [];
  rules.forEach((r, i) => {
    const seen = new Set<string>([r.id]);
    let cur = r.exception_of;
    while (cur && byId.has(cur)) {
      if (seen.has(cur)) {
        if (cur === r.id)
          issues.push({
            code: 'E_CIRCULAR_EXCEPTION',
            path: [...at, i, 'exception_of'],
            message: `exceptions go round in a circle: ${[...seen].join(' → ')} → ${cur}`,
          });
        break;
      }
      seen.add(cur);
      cur = rules[byId.get(cur)!].exception_of;
    }
  });
  return issues;
}
