/**
 * Finds the part of a zod schema that a dotted path points into, so a `set: { channels.labour.quota: 9 }`
 * or a `{ fact: policy.transitions.dual_citizenship }` is checked against the very schema that
 * validates documents (one source of truth for types).
 */
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional, nullable, default, lazy and pipe wrappers. Reports whether null is allowed. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  let s = schema;
  let nullable = false;
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault' || d.type === 'readonly')
      s = d.innerType as z.ZodType;
    else if (d.type === 'nullable') {
      nullable = true;
      s = d.innerType as z.ZodType;
    } else if (d.type === 'lazy') s = (d.getter as () => z.ZodType)();
    else if (d.type === 'pipe') s = d.in as z.ZodType;
    else break;
  }
  return { inner: s, nullable };
}

/** The sub-schema at a path, or a message saying which segment does not exist. */
export function schemaAt(root: z.ZodType, path: string[]): { schema: z.ZodType } | { error: string } {
  let s = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const { inner } = unwrap(s);
    const d = defOf(inner);
    const here = path.slice(0, i).join('.') || '(top)';
    if (d.type === 'object') {
      const shape = d.shape as Record<string, z.ZodType>;
      if (!Object.prototype.hasOwnProperty.call(shape, seg)) {
        return {
          error: `unknown field '${seg}' under ${here}; expected one of ${Object.keys(shape).join(', ')}`,
        };
      }
      s = shape[seg];
    } else if (d.type === 'record') {
      const key = unwrap(d.keyType as z.ZodType).inner;
      const kd = defOf(key);
      if (kd.type === 'enum') {
        const values = Object.values(kd.entries as Record<string, string>);
        if (!values.includes(seg))
          return { error: `unknown key '${seg}' under ${here}; expected one of ${values.join(', ')}` };
      }
      s = d.valueType as z.ZodType;
    } else if (d.type === 'array') {
      if (!/^\d+$/.test(seg)) return { error: `expected a list index under ${here}, got '${seg}'` };
      s = d.element as z.ZodType;
    } else {
      return { error: `${here} is a ${d.type}, it has no field '${seg}'` };
    }
  }
  return { schema: s };
}

/** The type of a value read by an expression. */
export type ValueType =
  | { t: 'number'; nullable?: boolean }
  | { t: 'string'; values?: readonly string[]; nullable?: boolean }
  | { t: 'boolean'; nullable?: boolean }
  | { t: 'list'; of: ValueType; nullable?: boolean }
  | { t: 'null' }
  | { t: 'object'; nullable?: boolean }
  | { t: 'any' };

/** The value type a schema describes, as the expression checker sees it. */
export function valueTypeOf(schema: z.ZodType): ValueType {
  const { inner, nullable } = unwrap(schema);
  const d = defOf(inner);
  switch (d.type) {
    case 'number':
    case 'int':
      return { t: 'number', nullable };
    case 'boolean':
      return { t: 'boolean', nullable };
    case 'string':
      return { t: 'string', nullable };
    case 'enum':
      return { t: 'string', values: Object.values(d.entries as Record<string, string>), nullable };
    case 'literal': {
      const vals = d.values as unknown[];
      if (vals.every((v) => typeof v === 'string'))
        return { t: 'string', values: vals as string[], nullable };
      if (vals.every((v) => typeof v === 'number')) return { t: 'number', nullable };
      return { t: 'any' };
    }
    case 'array':
      return { t: 'list', of: valueTypeOf(d.element as z.ZodType), nullable };
    case 'object':
    case 'record':
      return { t: 'object', nullable };
    case 'union': {
      const types = (d.options as z.ZodType[]).map(valueTypeOf);
      const strings = types.filter((x) => x.t === 'string') as { t: 'string'; values?: readonly string[] }[];
      if (strings.length === types.length) {
        const all = strings.every((x) => x.values) ? strings.flatMap((x) => x.values ?? []) : undefined;
        return { t: 'string', values: all, nullable };
      }
      return { t: 'any' };
    }
    default:
      return { t: 'any' };
  }
}

/** Renders a value type for an error message. */
export function describeType(v: ValueType): string {
  switch (v.t) {
    case 'string':
      return v.values ? `one of ${v.values.join(', ')}` : 'a string';
    case 'list':
      return `a list of ${describeType(v.of)}`;
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'object':
      return 'a mapping';
    default:
      return 'any value';
  }
}
