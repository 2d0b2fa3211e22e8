/**
 * Renders zod issues as one precise line each, with the path inside the document. Unions (the
 * expression tree above all) are explained by the branch the author evidently meant, not by
 * zod's generic "Invalid input".
 */
import type { z } from 'zod';
import { EXPRESSION_KEYS } from '../schema/expression.ts';

export interface PathIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

type Issue = z.core.$ZodIssue;

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
  return `${typeof v} ${String(v)}`;
}

/** Flattens zod issues of `input` into path issues with readable messages. */
export function explainIssues(
  issues: readonly Issue[],
  input: unknown,
  base: (string | number)[] = [],
): PathIssue[] {
  const out = explainAll(issues, input, base);
  // One message per place: a value that fails its format also fails the checks after it.
  const seen = new Set<string>();
  return out.filter((i) => {
    const key = i.path.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function explainAll(issues: readonly Issue[], input: unknown, base: (string | number)[]): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    const value = valueAt(input, path);
    switch (issue.code) {
      case 'invalid_union': {
        out.push(...explainUnion(issue, input, path, value));
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ code: 'E_UNKNOWN_FIELD', path: [...path, key], message: `unknown field '${key}'` });
        }
        break;
      case 'invalid_type':
        out.push(
          value === undefined
            ? {
                code: 'E_MISSING_FIELD',
                path,
                message: `missing field '${String(path[path.length - 1] ?? '')}': expected ${issue.expected}`,
              }
            : { code: 'E_WRONG_TYPE', path, message: `expected ${issue.expected}, got ${describe(value)}` },
        );
        break;
      case 'invalid_value':
        out.push({
          code: 'E_INVALID_VALUE',
          path,
          message: `unknown value ${describe(value)}: expected one of ${issue.values.map((v) => String(v)).join(', ')}`,
        });
        break;
      case 'invalid_format':
        out.push({
          code: 'E_INVALID_FORMAT',
          path,
          message: `${cleanMessage(issue.message)}, got ${describe(value)}`,
        });
        break;
      default:
        out.push({
          code: 'E_INVALID',
          path,
          message: `${cleanMessage(issue.message)}${value !== undefined ? `, got ${describe(value)}` : ''}`,
        });
    }
  }
  return out;
}

function cleanMessage(m: string): string {
  return m.replace(/^Invalid input: /, '').replace(/^Invalid string: /, '');
}

function explainUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  input: unknown,
  path: (string | number)[],
  value: unknown,
): PathIssue[] {
  const branches = issue.errors as Issue[][];
  // A discriminated union (e.g. a scenario lever) whose discriminator names no option.
  const d = issue as { discriminator?: string; options?: unknown[] };
  if (d.discriminator && d.options && branches.length === 0)
    return [
      {
        code: 'E_INVALID_VALUE',
        path,
        message: `unknown ${d.discriminator} ${describe(value)}: expected one of ${d.options.join(', ')}`,
      },
    ];
  if (isObj(value)) {
    const keys = Object.keys(value);
    // The branch the author meant: one that knows all the keys written.
    const fitting = branches.filter(
      (b) =>
        !b.some((i) => (i.code === 'unrecognized_keys' || i.code === 'invalid_type') && i.path.length === 0),
    );
    if (fitting.length) {
      const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
      return explainAll(best, input, path);
    }
    const looksLikeExpression =
      keys.some((k) => (EXPRESSION_KEYS as readonly string[]).includes(k)) || keys.length <= 1;
    if (looksLikeExpression) {
      return [
        {
          code: 'E_BAD_EXPRESSION',
          path,
          message:
            keys.length === 1
              ? `unknown operator '${keys[0]}': expected one of ${EXPRESSION_KEYS.join(', ')}`
              : `an expression is a mapping with exactly one operator key (${EXPRESSION_KEYS.join(', ')}), got ${keys.length ? keys.join(', ') : 'none'}`,
        },
      ];
    }
  }
  // Otherwise: say what shapes were acceptable at this point.
  const expected = new Set<string>();
  for (const b of branches)
    for (const i of b) if (i.code === 'invalid_type' && i.path.length === 0) expected.add(i.expected);
  if (!isObj(value) && branches.some((b) => b.length === 1 && b[0].code !== 'invalid_type')) {
    const scalarBranch = branches.find(
      (b) => b.length === 1 && b[0].code !== 'invalid_type' && b[0].path.length === 0,
    );
    if (scalarBranch) return explainAll(scalarBranch, input, path);
  }
  return [
    {
      code: 'E_WRONG_TYPE',
      path,
      message: `expected ${expected.size ? [...expected].join(' or ') : 'another shape'}${isObj(value) ? ' or an expression' : ''}, got ${describe(value)}`,
    },
  ];
}
