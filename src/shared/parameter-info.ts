/**
 * The machinery shared by every set of model parameters (the engine's, src/sim/parameters.ts; the
 * institutions layer's, src/institutions/parameters.ts; the root-cause levers',
 * src/rootcauses/parameters.ts): each parameter has a value, a unit, the
 * kind of its source, the source itself, where the model is not defined for every number, a
 * range and, where the value is uncertain, its documented uncertainty range (`uncertain`), from
 * which the parameter ensemble draws (`uncertaintyRanges`). Values are plain numbers so that they
 * cross to worker threads as they are.
 *
 * Source kinds: `data` (a number read from the world data), `literature` (a published estimate,
 * cited), `calibrated` (fitted by src/sim/calibrate.ts against 1990–2005 data only, method and fit
 * in docs/model.md §5), `assumption` (our choice where neither exists; named as such).
 */
import { userError } from './errors.ts';

export type ParameterKind = 'data' | 'literature' | 'calibrated' | 'assumption';

export interface ParameterInfo {
  value: number;
  unit: string;
  kind: ParameterKind;
  source: string;
  /**
   * Values the model is defined for, inclusive (checked by `checkParameterValue`); any finite
   * number if absent. The upper end may be `Infinity`.
   */
  range?: readonly [number, number];
  /** Where the value plausibly lies, and why (set by `uncertain`); absent if it is not uncertain. */
  uncertainty?: ParameterRange;
}

/** A documented uncertainty range of a parameter: where its value plausibly lies, and why. */
export interface ParameterRange {
  low: number;
  high: number;
  source: string;
}

/** The values of a table of parameters, by name. */
export type ParameterValues<I> = { -readonly [K in keyof I]: number };

/** A parameter with its provenance (the positional form keeps the tables of parameters short). */
export function parameter(
  value: number,
  unit: string,
  kind: ParameterKind,
  source: string,
  range?: readonly [number, number],
): ParameterInfo {
  return range ? { value, unit, kind, source, range } : { value, unit, kind, source };
}

/**
 * A parameter with its documented uncertainty range: from `low` to `high` (inclusive), for the
 * reason `source`. The range must lie within the values the model is defined for: a draw outside
 * them would be refused by `checkParameterValue`.
 */
export function uncertain(info: ParameterInfo, uncertainty: ParameterRange): ParameterInfo {
  const { low, high, source } = uncertainty;
  const [min, max] = info.range ?? [-Infinity, Infinity];
  if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high && low >= min && high <= max))
    throw new Error(
      `uncertainty range ${low}…${high} (${source}) is empty or outside the values the model is defined for (${rangeText(info.range)})`,
    );
  return { ...info, uncertainty: { low, high, source } };
}

/**
 * The uncertainty ranges of a table of parameters, by name, in the table's order: the parameters
 * set with `uncertain`, the ranges the parameter ensemble draws from (src/sim/parameter-ensemble.ts).
 */
export function uncertaintyRanges<N extends string>(
  info: Readonly<Record<N, ParameterInfo>>,
): Partial<Record<N, ParameterRange>> {
  const out: Partial<Record<N, ParameterRange>> = {};
  for (const [name, p] of Object.entries(info) as [N, ParameterInfo][])
    if (p.uncertainty) out[name] = p.uncertainty;
  return out;
}

/** What a range says, for messages and the documentation's tables. */
export function rangeText(range: readonly [number, number] | undefined): string {
  if (!range) return 'a finite number';
  return range[1] === Infinity ? `≥ ${range[0]}` : `${range[0]}…${range[1]}`;
}

/**
 * Throws `E_SIM_PARAMETER` unless `value` is finite and within the parameter's declared range.
 * `where` names what set it (an experiment arm, `parameters`).
 */
export function checkParameterValue(
  info: Readonly<Record<string, ParameterInfo>>,
  name: string,
  value: number,
  where = 'parameters',
): void {
  const range = info[name]?.range;
  if (!Number.isFinite(value) || (range && (value < range[0] || value > range[1])))
    throw userError(
      'E_SIM_PARAMETER',
      `${where}: ${name} = ${value} is outside the values the model is defined for (${rangeText(range)})`,
    );
}

/** The values of a parameter set, with some replaced (each replacement checked). */
export function parameterValues<N extends string>(
  info: Readonly<Record<N, ParameterInfo>>,
  overrides: Partial<Record<N, number>> = {},
): Record<N, number> {
  const out = {} as Record<N, number>;
  for (const [k, v] of Object.entries(info) as [N, ParameterInfo][]) out[k] = v.value;
  for (const [k, v] of Object.entries(overrides) as [N, number][]) {
    checkParameterValue(info, k, v);
    out[k] = v;
  }
  return out;
}

/** What callers ask of a layer's table of parameters (the institutions', the root-cause levers'). */
export interface ParameterSet<N extends string> {
  /** The values, optionally with some replaced (each replacement checked). */
  values(overrides?: Partial<Record<N, number>>): Record<N, number>;
  /** Whether a name is one of the set's parameters. */
  has(name: string): name is N;
  /** `checkParameterValue` on this set. */
  check(name: N, value: number, where?: string): void;
}

export function parameterSet<N extends string>(info: Readonly<Record<N, ParameterInfo>>): ParameterSet<N> {
  return {
    values: (overrides = {}) => parameterValues(info, overrides),
    has: (name): name is N => Object.hasOwn(info, name),
    check: (name, value, where) => checkParameterValue(info, name, value, where),
  };
}

/**
 * A parameter set as a Markdown table (name, value, unit, kind, the values it is defined for,
 * source): the tables in docs/model.md §4 and docs/experiments.md are this text, between marker
 * comments, written by `npm run docs:tables` and compared by the tests.
 */
export function parameterTable(info: Readonly<Record<string, ParameterInfo>>): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = Object.entries(info).map(
    ([name, p]) =>
      `| \`${name}\` | ${p.value} | ${cell(p.unit)} | ${p.kind} | ${p.range ? rangeText(p.range) : 'any'} | ${cell(p.source)} |`,
  );
  return [
    '| parameter | value | unit | kind | defined for | source |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
