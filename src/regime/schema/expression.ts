/**
 * Conditions inside rules and criteria: a small typed expression tree, written in YAML as one-key
 * mappings (`{ all: [...] }`, `{ eq: [{ fact: claim.role }, victim] }`). It is validated here for shape
 * and type-checked at load time (typecheck.ts) against the facts it reads. It is interpreted, never
 * turned into code: there is no `eval` anywhere in the project.
 */
import { z } from 'zod';

/** A literal value inside an expression. */
export type Literal = number | string | boolean | null | string[];

/** A reference to an input fact by dotted path, e.g. `claim.violence.degree` or `policy.transitions.dual_citizenship`. */
export interface FactRef {
  fact: string;
}
/** A reference to a named parameter of the document (`name`) or of another document (`doc-id#name`). */
export interface ParamRef {
  param: string;
}
/** Arithmetic over numbers. */
export type Arithmetic =
  | { add: [Operand, Operand] }
  | { sub: [Operand, Operand] }
  | { mul: [Operand, Operand] }
  | { min: Operand[] }
  | { max: Operand[] };
/** Anything that yields a value. */
export type Operand = Literal | FactRef | ParamRef | Arithmetic;

/** Binary comparison operators. */
export const COMPARISONS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A condition: yields true, false, or "unknown" when a fact it needs is missing. */
export type Expr =
  | boolean
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { eq: [Operand, Operand] }
  | { ne: [Operand, Operand] }
  | { lt: [Operand, Operand] }
  | { le: [Operand, Operand] }
  | { gt: [Operand, Operand] }
  | { ge: [Operand, Operand] }
  | { in: [Operand, Operand] }
  | { known: string }
  | FactRef
  | ParamRef;

const path = z
  .string()
  .regex(/^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$/, 'expected a dotted path such as claim.role');
const paramName = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*#)?[a-z][a-z0-9_]*$/, 'expected a parameter name, or doc-id#name');

const LiteralSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.string())]);
const FactRefSchema = z.strictObject({ fact: path });
const ParamRefSchema = z.strictObject({ param: paramName });

export const OperandSchema: z.ZodType<Operand> = z.lazy(() =>
  z.union([
    LiteralSchema,
    FactRefSchema,
    ParamRefSchema,
    z.strictObject({ add: z.tuple([OperandSchema, OperandSchema]) }),
    z.strictObject({ sub: z.tuple([OperandSchema, OperandSchema]) }),
    z.strictObject({ mul: z.tuple([OperandSchema, OperandSchema]) }),
    z.strictObject({ min: z.array(OperandSchema).min(1) }),
    z.strictObject({ max: z.array(OperandSchema).min(1) }),
  ]),
);

const pair = () => z.tuple([OperandSchema, OperandSchema]);

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.boolean(),
    z.strictObject({ all: z.array(ExprSchema).min(1) }),
    z.strictObject({ any: z.array(ExprSchema).min(1) }),
    z.strictObject({ not: ExprSchema }),
    z.strictObject({ eq: pair() }),
    z.strictObject({ ne: pair() }),
    z.strictObject({ lt: pair() }),
    z.strictObject({ le: pair() }),
    z.strictObject({ gt: pair() }),
    z.strictObject({ ge: pair() }),
    z.strictObject({ in: pair() }),
    z.strictObject({ known: path }),
    FactRefSchema,
    ParamRefSchema,
  ]),
);

/** The operator keys an expression mapping may have; used to explain a bad expression precisely. */
export const EXPRESSION_KEYS = [
  'all',
  'any',
  'not',
  ...COMPARISONS,
  'in',
  'known',
  'fact',
  'param',
  'add',
  'sub',
  'mul',
  'min',
  'max',
] as const;
