/**
 * Type-checks an expression tree at load time: every fact and parameter it reads exists, every
 * comparison compares like with like, every literal compared with a closed vocabulary is in it.
 */
import { COMPARISONS, type Expr, type Operand } from '../schema/expression.ts';
import { describeType, type ValueType } from './schema-path.ts';

export interface TypeIssue {
  path: (string | number)[];
  message: string;
}

export interface TypeContext {
  /** Type of a fact path, or why it is not one. */
  fact(path: string): ValueType | { error: string };
  /** Type of a parameter reference, or why it is not one. */
  param(name: string): ValueType | { error: string };
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks a condition; returns every issue found (empty when well-typed). */
export function checkCondition(expr: Expr, ctx: TypeContext, at: (string | number)[] = []): TypeIssue[] {
  const issues: TypeIssue[] = [];
  condition(expr, at);
  return issues;

  function condition(e: Expr, p: (string | number)[]): void {
    if (typeof e === 'boolean') return;
    if ('all' in e) return e.all.forEach((x, i) => condition(x, [...p, 'all', i]));
    if ('any' in e) return e.any.forEach((x, i) => condition(x, [...p, 'any', i]));
    if ('not' in e) return condition(e.not, [...p, 'not']);
    if ('known' in e) {
      const t = ctx.fact(e.known);
      if ('error' in t) issues.push({ path: [...p, 'known'], message: t.error });
      return;
    }
    if ('fact' in e || 'param' in e) {
      const t = operand(e as Operand, p);
      if (t && t.t !== 'boolean' && t.t !== 'any') {
        issues.push({
          path: p,
          message: `a condition must be true or false, but this reads ${describeType(t)}`,
        });
      }
      return;
    }
    if ('in' in e) {
      const [a, b] = e.in;
      const ta = operand(a, [...p, 'in', 0]);
      const tb = operand(b, [...p, 'in', 1]);
      if (!ta || !tb || tb.t === 'any') return;
      if (tb.t !== 'list') {
        issues.push({
          path: [...p, 'in', 1],
          message: `'in' needs a list on its right, got ${describeType(tb)}`,
        });
        return;
      }
      compatible(ta, tb.of, [...p, 'in'], 'in', b);
      return;
    }
    for (const op of COMPARISONS) {
      if (op in e) {
        const [a, b] = (e as Record<string, [Operand, Operand]>)[op];
        const ta = operand(a, [...p, op, 0]);
        const tb = operand(b, [...p, op, 1]);
        if (!ta || !tb) return;
        if (op === 'eq' || op === 'ne') {
          compatible(ta, tb, [...p, op], op, b, a);
        } else {
          for (const [t, i] of [
            [ta, 0],
            [tb, 1],
          ] as const) {
            if (t.t !== 'number' && t.t !== 'any') {
              issues.push({
                path: [...p, op, i],
                message: `'${op}' compares numbers, got ${describeType(t)}`,
              });
            }
          }
        }
        return;
      }
    }
  }

  function operand(o: Operand, p: (string | number)[]): ValueType | undefined {
    if (o === null) return { t: 'null' };
    if (typeof o === 'number') return { t: 'number' };
    if (typeof o === 'boolean') return { t: 'boolean' };
    if (typeof o === 'string') return { t: 'string', values: [o] };
    if (Array.isArray(o)) return { t: 'list', of: { t: 'string' } };
    if (!isObj(o)) return undefined;
    if ('fact' in o) return resolved(ctx.fact(o.fact as string), [...p, 'fact']);
    if ('param' in o) return resolved(ctx.param(o.param as string), [...p, 'param']);
    for (const k of ['add', 'sub', 'mul', 'min', 'max'] as const) {
      if (k in o) {
        (o as Record<string, Operand[]>)[k].forEach((x, i) => {
          const t = operand(x, [...p, k, i]);
          if (t && t.t !== 'number' && t.t !== 'any')
            issues.push({ path: [...p, k, i], message: `'${k}' needs numbers, got ${describeType(t)}` });
        });
        return { t: 'number' };
      }
    }
    return undefined;
  }

  function resolved(t: ValueType | { error: string }, p: (string | number)[]): ValueType | undefined {
    if ('error' in t) {
      issues.push({ path: p, message: t.error });
      return undefined;
    }
    return t;
  }

  /** Like-with-like: a literal compared with a closed vocabulary must be in it. */
  function compatible(
    a: ValueType,
    b: ValueType,
    p: (string | number)[],
    op: string,
    right: Operand,
    left?: Operand,
  ): void {
    if (a.t === 'any' || b.t === 'any') return;
    if (a.t === 'null' || b.t === 'null') {
      const other = a.t === 'null' ? b : a;
      if (other.t !== 'null' && !('nullable' in other && other.nullable)) {
        issues.push({
          path: p,
          message: `'${op}' compares with null, but ${describeType(other)} is never null`,
        });
      }
      return;
    }
    if (a.t !== b.t) {
      issues.push({ path: p, message: `'${op}' compares ${describeType(a)} with ${describeType(b)}` });
      return;
    }
    if (a.t === 'string' && b.t === 'string') {
      const literals = literalStrings(right) ?? (left !== undefined ? literalStrings(left) : undefined);
      const closed = literalStrings(right) ? a.values : b.values;
      if (literals && closed && a.values !== b.values) {
        const bad = literals.filter((v) => !closed.includes(v));
        if (bad.length) {
          issues.push({
            path: p,
            message: `unknown value ${bad.map((v) => `'${v}'`).join(', ')}: expected one of ${closed.join(', ')}`,
          });
        }
      }
    }
  }
}

function literalStrings(o: Operand): string[] | undefined {
  if (typeof o === 'string') return [o];
  if (Array.isArray(o)) return o;
  return undefined;
}
