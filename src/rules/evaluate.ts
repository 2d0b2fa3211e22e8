/**
 * The three-valued interpreter of the typed expression tree (src/regime/schema/expression.ts).
 * A condition is true, false, or unknown; unknown carries the facts that were missing on the live
 * path, in the order they were met (Publicodes' missing variables, Docassemble's next question).
 * `all` is false as soon as one part is false, whatever else is missing; `any` is true as soon as
 * one part is true. Expressions are walked as data: there is no eval.
 */
import { COMPARISONS, type Expr, type Operand } from '../regime/index.ts';

/** A value a fact or parameter can hold. */
export type Value = number | string | boolean | null | readonly string[];

/** The answer to "what is this fact?": a value, or the facts that must be asked first. */
export type Lookup = { known: true; value: Value } | { known: false; missing: string[] };

/** A parameter as read: its value and who defines it. */
export interface ParamValue {
  value: Value;
  /** `doc-id#name`. */
  ref: string;
}

/** Where an expression reads its facts and parameters. */
export interface Env {
  fact(path: string): Lookup;
  param(name: string): ParamValue;
}

/** A condition's value: true, false or unknown with the missing facts. */
export type Truth = { value: boolean; missing: [] } | { value: 'unknown'; missing: string[] };

/** What an evaluation read, for the explanation. */
export interface Reads {
  facts: Map<string, Value>;
  params: Map<string, Value>;
}

export const newReads = (): Reads => ({ facts: new Map(), params: new Map() });

type OperandResult = { known: true; value: Value } | { known: false; missing: string[] };

const TRUE: Truth = { value: true, missing: [] };
const FALSE: Truth = { value: false, missing: [] };
const unknown = (missing: string[]): Truth => ({ value: 'unknown', missing: dedupe(missing) });
const dedupe = (xs: string[]) => [...new Set(xs)];
const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Evaluates a condition. `reads` (optional) collects the facts and parameters it read. */
export function evaluate(expr: Expr, env: Env, reads?: Reads): Truth {
  if (typeof expr === 'boolean') return expr ? TRUE : FALSE;
  if ('all' in expr) {
    const missing: string[] = [];
    for (const part of expr.all) {
      const t = evaluate(part, env, reads);
      if (t.value === false) return FALSE;
      if (t.value === 'unknown') missing.push(...t.missing);
    }
    return missing.length ? unknown(missing) : TRUE;
  }
  if ('any' in expr) {
    const missing: string[] = [];
    for (const part of expr.any) {
      const t = evaluate(part, env, reads);
      if (t.value === true) return TRUE;
      if (t.value === 'unknown') missing.push(...t.missing);
    }
    return missing.length ? unknown(missing) : FALSE;
  }
  if ('not' in expr) {
    const t = evaluate(expr.not, env, reads);
    return t.value === 'unknown' ? t : t.value ? FALSE : TRUE;
  }
  if ('known' in expr) {
    const l = readFact(expr.known, env, reads);
    if (!l.known) return unknown(l.missing);
    return l.value === null ? FALSE : TRUE;
  }
  if ('fact' in expr || 'param' in expr) {
    const v = operand(expr as Operand, env, reads);
    if (!v.known) return unknown(v.missing);
    // A fact that is not applicable (null) does not hold.
    return v.value === true ? TRUE : FALSE;
  }
  if ('in' in expr) {
    const [a, b] = expr.in;
    return binary(a, b, env, reads, (x, y) => {
      if (x === null || !Array.isArray(y)) return false;
      return (y as readonly unknown[]).includes(x);
    });
  }
  for (const op of COMPARISONS) {
    if (op in expr) {
      const [a, b] = (expr as unknown as Record<string, [Operand, Operand]>)[op];
      return binary(a, b, env, reads, (x, y) => compare(op, x, y));
    }
  }
  throw new Error(`unknown expression ${JSON.stringify(expr)}`);
}

function binary(
  a: Operand,
  b: Operand,
  env: Env,
  reads: Reads | undefined,
  f: (x: Value, y: Value) => boolean,
): Truth {
  const x = operand(a, env, reads);
  const y = operand(b, env, reads);
  const missing = [...(x.known ? [] : x.missing), ...(y.known ? [] : y.missing)];
  if (missing.length) return unknown(missing);
  return f((x as { value: Value }).value, (y as { value: Value }).value) ? TRUE : FALSE;
}

function compare(op: (typeof COMPARISONS)[number], x: Value, y: Value): boolean {
  if (op === 'eq') return sameValue(x, y);
  if (op === 'ne') return !sameValue(x, y);
  if (typeof x !== 'number' || typeof y !== 'number') return false; // null (no route, no cap) compares false
  switch (op) {
    case 'lt':
      return x < y;
    case 'le':
      return x <= y;
    case 'gt':
      return x > y;
    default:
      return x >= y;
  }
}

/** Equality of values; lists compare as sets. */
export function sameValue(x: Value, y: Value): boolean {
  if (Array.isArray(x) && Array.isArray(y)) {
    const a = new Set(x as string[]);
    const b = new Set(y as string[]);
    return a.size === b.size && [...a].every((v) => b.has(v));
  }
  return x === y;
}

/** Evaluates an operand to a value, or the facts it is missing. */
export function operand(o: Operand, env: Env, reads?: Reads): OperandResult {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return { known: true, value: o as Value };
  if ('fact' in o) return readFact(o.fact, env, reads);
  if ('param' in o) {
    const p = env.param(o.param);
    reads?.params.set(p.ref, p.value);
    return { known: true, value: p.value };
  }
  for (const k of ['add', 'sub', 'mul', 'min', 'max'] as const) {
    if (isObj(o) && k in o) {
      const parts = (o as Record<string, Operand[]>)[k].map((x) => operand(x, env, reads));
      const missing = parts.flatMap((p) => (p.known ? [] : p.missing));
      if (missing.length) return { known: false, missing: dedupe(missing) };
      const nums = parts.map((p) => (p as { value: Value }).value);
      // null stands for "no limit" (+∞) in the policy fields (no cap, no route).
      const n = nums.map((v) => (typeof v === 'number' ? v : v === null ? Infinity : NaN));
      const value =
        k === 'add'
          ? n[0] + n[1]
          : k === 'sub'
            ? n[0] - n[1]
            : k === 'mul'
              ? n[0] * n[1]
              : k === 'min'
                ? Math.min(...n)
                : Math.max(...n);
      return { known: true, value: Number.isFinite(value) ? value : null };
    }
  }
  throw new Error(`unknown operand ${JSON.stringify(o)}`);
}

function readFact(path: string, env: Env, reads?: Reads): Lookup {
  const l = env.fact(path);
  if (l.known) reads?.facts.set(path, l.value);
  return l;
}

/**
 * Looks up a dotted path in a plain object: a value; null when a part on the way is null (not
 * applicable, e.g. `claim.persecution.ground` when `persecution: null`); missing when a part is absent.
 */
export function lookupPath(root: unknown, path: string, missingAs: string = path): Lookup {
  let v: unknown = root;
  for (const k of path.split('.')) {
    if (v === null) return { known: true, value: null };
    if (!isObj(v) || !(k in v) || v[k] === undefined) return { known: false, missing: [missingAs] };
    v = v[k];
  }
  return { known: true, value: v === undefined ? null : (v as Value) };
}

/** Every fact path an expression reads (for static analysis: what a rule depends on). */
export function factsRead(e: Expr | Operand | undefined, out: Set<string> = new Set()): Set<string> {
  if (e === undefined || e === null || typeof e !== 'object') return out;
  if (Array.isArray(e)) {
    for (const x of e) if (typeof x === 'object') factsRead(x as Operand, out);
    return out;
  }
  for (const [k, v] of Object.entries(e)) {
    if ((k === 'fact' || k === 'known') && typeof v === 'string') out.add(v);
    else if (typeof v === 'object') factsRead(v as Operand, out);
  }
  return out;
}
