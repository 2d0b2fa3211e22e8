/**
 * Struct-of-arrays declared once. A spec names each field with its typed-array type, how many
 * values it holds per element and the value it starts with; `allocateFields` builds the arrays,
 * and their type follows from the spec, so a field is written in one place only.
 */

type TypedArrayConstructor =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor;

/** One field: its array type, values per element (default 1) and starting value (default 0). */
export type FieldSpec = readonly [type: TypedArrayConstructor, width?: number, initial?: number];

/** A struct of arrays: field name → spec. */
export type FieldsSpec = Readonly<Record<string, FieldSpec>>;

/** The arrays of a spec, one per field. */
export type FieldArrays<S extends FieldsSpec> = { readonly [K in keyof S]: InstanceType<S[K][0]> };

/** Allocates the arrays of `spec` for `length` elements (each field `length × width` values). */
export function allocateFields<S extends FieldsSpec>(spec: S, length: number): FieldArrays<S> {
  const out: Record<string, unknown> = {};
  for (const [name, [Type, width = 1, initial = 0]] of Object.entries(spec)) {
    const array = new Type(length * width);
    if (initial !== 0) array.fill(initial);
    out[name] = array;
  }
  return out as FieldArrays<S>;
}
