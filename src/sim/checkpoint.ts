/**
 * Checkpoints of a run: the engine's whole state after a year, so that a run that was stopped can
 * continue and end exactly as an uninterrupted run does (same rows, same digest).
 *
 * What is saved: every field of the `Engine` except its inputs (the world, the options with the
 * policy tables, the thread pool) and its scratch buffer: the agent arrays (the slots in use), the
 * regional processes, commodification, the tallies of last year, and whatever fields the engine
 * gains later: numbers, strings, typed arrays, and plain objects and arrays of them (any other kind
 * of field is an error here, never silently left out). Random numbers
 * are counter-based (rng.ts): a pure function of (seed, year, purpose, counter), so the seed and the
 * year are the generators' whole state. The rows of the years done travel along, for the digest.
 *
 * No I/O here: a checkpoint is a JSON header and a list of typed-array blobs; src/distributed/
 * checkpoint-file.ts writes them to a file (atomically) and reads them back.
 */
import type { Engine } from './engine.ts';
import type { IndicatorRow } from './indicators.ts';
import type { SimulationHooks } from './simulate.ts';
import type { AgentStore, FieldName } from './state.ts';
import { FIELDS, allocateStore } from './state.ts';

/** Version of the checkpoint layout; a reader refuses others (2: the corridor tally gained the non-sponsors, 2026-11-28; 3: the agents lost `segment`, `rights`, `wealth` and `wage`, 2026-11-28; 4: the tally gained the commodification and emancipation counts, issue 18; 5: the bilateral stock counted on the main thread instead of the corridor tally, 2026-12-07; 6: the agents' years in status and in the country became the clock's years they began, `statusSince` and `residentSince`, issue 23). */
export const CHECKPOINT_FORMAT = 6;

/** Engine fields that are inputs, threads or scratch: rebuilt from the run's input, not saved. */
const NOT_STATE = new Set(['world', 'o', 'pool', 'slots', 'accBuffer', 'threadBilateral']);

const TYPED = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** A saved value: JSON for scalars, a blob index for typed arrays, recursion for plain objects. */
export type SavedValue =
  | { v: number | string | boolean | null }
  | { nonFinite: 'NaN' | 'Infinity' | '-Infinity' }
  | { blob: number }
  | { obj: Record<string, SavedValue> }
  | { arr: SavedValue[] }
  | { store: { capacity: number; used: number; fields: Record<string, number> } };

/** A blob: a typed array's type and length (its bytes follow the header in this order). */
export interface BlobInfo {
  type: TypedName;
  length: number;
}

/** The header of a checkpoint. */
export interface CheckpointHeader<M = unknown> {
  format: typeof CHECKPOINT_FORMAT;
  /** The last year simulated: a resumed run starts at the next. */
  year: number;
  /** The caller's description of the run (job, run id, where to store it). */
  meta: M;
  /** The engine's fields. */
  engine: Record<string, SavedValue>;
  /** The rows so far: string tables and the blobs of year, indicator, country and value. */
  rows: { indicators: string[]; countries: string[]; blobs: [number, number, number, number] };
  blobs: BlobInfo[];
}

/** A checkpoint in memory: its header and blobs, in order. */
export interface CheckpointParts<M = unknown> {
  header: CheckpointHeader<M>;
  blobs: ArrayBufferView[];
}

/** Fills `into` with blob `index`'s bytes (a reader at the blob's offset in a file). */
export type BlobReader = (index: number, into: ArrayBufferView) => void;

function typedName(v: unknown): TypedName | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  const name = v.constructor.name as TypedName;
  return name in TYPED ? name : undefined;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The engine's state after `year`, with the rows so far and the caller's `meta`.
 * @throws when the engine holds a field of a kind this module cannot save (a guard for new fields)
 */
export function captureCheckpoint<M>(
  engine: Engine,
  year: number,
  rows: readonly IndicatorRow[],
  meta: M,
): CheckpointParts<M> {
  const blobs: ArrayBufferView[] = [];
  const infos: BlobInfo[] = [];
  const addBlob = (a: ArrayBufferView, type: TypedName, length: number) => {
    blobs.push(a);
    infos.push({ type, length });
    return blobs.length - 1;
  };
  const save = (v: unknown, path: string): SavedValue => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return { v };
    if (typeof v === 'number')
      return Number.isFinite(v) ? { v } : { nonFinite: String(v) as 'NaN' | 'Infinity' | '-Infinity' };
    const t = typedName(v);
    if (t) return { blob: addBlob(v as Typed, t, (v as Typed).length) };
    if (Array.isArray(v)) return { arr: v.map((x, i) => save(x, `${path}.${i}`)) };
    if (isPlain(v)) {
      const obj: Record<string, SavedValue> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) obj[k] = save(x, `${path}.${k}`);
      return { obj };
    }
    throw new Error(`checkpoint: cannot save engine field ${path} (${Object.prototype.toString.call(v)})`);
  };
  const state: Record<string, SavedValue> = {};
  for (const [key, value] of Object.entries(engine as unknown as Record<string, unknown>)) {
    if (NOT_STATE.has(key) || value === undefined) continue;
    if (key === 'store') {
      const s = value as AgentStore;
      const fields: Record<string, number> = {};
      for (const name of Object.keys(FIELDS) as FieldName[]) {
        const a = s[name];
        fields[name] = addBlob(a.subarray(0, s.used), typedName(a)!, s.used);
      }
      state.store = { store: { capacity: s.capacity, used: s.used, fields } };
    } else state[key] = save(value, key);
  }
  // rows so far, packed as columns
  const indicators: string[] = [];
  const countries: string[] = [];
  const iIndex = new Map<string, number>();
  const cIndex = new Map<string, number>();
  const n = rows.length;
  const y = new Int16Array(n);
  const ind = new Uint16Array(n);
  const cty = new Uint16Array(n);
  const val = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    let i = iIndex.get(row.indicator);
    if (i === undefined) iIndex.set(row.indicator, (i = indicators.push(row.indicator) - 1));
    let c = cIndex.get(row.country);
    if (c === undefined) cIndex.set(row.country, (c = countries.push(row.country) - 1));
    y[r] = row.year;
    ind[r] = i;
    cty[r] = c;
    val[r] = row.value;
  }
  const rowBlobs: [number, number, number, number] = [
    addBlob(y, 'Int16Array', n),
    addBlob(ind, 'Uint16Array', n),
    addBlob(cty, 'Uint16Array', n),
    addBlob(val, 'Float64Array', n),
  ];
  return {
    header: {
      format: CHECKPOINT_FORMAT,
      year,
      meta,
      engine: state,
      rows: { indicators, countries, blobs: rowBlobs },
      blobs: infos,
    },
    blobs,
  };
}

/**
 * What `simulate` needs to continue from a checkpoint (its `resume` hook): the year done, the rows
 * so far, and a `restore` that puts the saved state into a freshly built engine of the same run.
 * @throws when the header is of another format
 */
export function resumeFrom(
  header: CheckpointHeader,
  read: BlobReader,
): NonNullable<SimulationHooks['resume']> {
  if (header.format !== CHECKPOINT_FORMAT)
    throw new Error(`checkpoint format ${String(header.format)} is not ${CHECKPOINT_FORMAT}`);
  const blob = (i: number): Typed => {
    const info = header.blobs[i];
    const a = new TYPED[info.type](info.length);
    read(i, a);
    return a;
  };
  const [yb, ib, cb, vb] = header.rows.blobs;
  const y = blob(yb) as Int16Array;
  const ind = blob(ib) as Uint16Array;
  const cty = blob(cb) as Uint16Array;
  const val = blob(vb) as Float64Array;
  const { indicators, countries } = header.rows;
  const rows: IndicatorRow[] = new Array(val.length);
  for (let r = 0; r < rows.length; r++)
    rows[r] = { year: y[r], indicator: indicators[ind[r]], country: countries[cty[r]], value: val[r] };

  const load = (saved: SavedValue, current: unknown, path: string): unknown => {
    if ('v' in saved) return saved.v;
    if ('nonFinite' in saved) return Number(saved.nonFinite);
    if ('blob' in saved) {
      const a = blob(saved.blob);
      // keep the engine's own array (it may be shared with its threads) when the shape matches
      if (
        ArrayBuffer.isView(current) &&
        typedName(current) === header.blobs[saved.blob].type &&
        (current as Typed).length === a.length
      ) {
        (current as Typed).set(a as never);
        return current;
      }
      return a;
    }
    if ('arr' in saved) return saved.arr.map((x, i) => load(x, undefined, `${path}.${i}`));
    if ('obj' in saved) {
      const target = isPlain(current) ? current : {};
      for (const [k, x] of Object.entries(saved.obj)) target[k] = load(x, target[k], `${path}.${k}`);
      return target;
    }
    throw new Error(`checkpoint: bad value at ${path}`);
  };

  const restore = (engine: Engine) => {
    const e = engine as unknown as Record<string, unknown>;
    for (const [key, saved] of Object.entries(header.engine)) {
      if (!(key in e))
        throw new Error(`checkpoint: the engine has no field ${key} (a checkpoint of other code)`);
      if ('store' in saved) {
        const { capacity, used, fields } = saved.store;
        const store = allocateStore(Math.max(capacity, used));
        for (const name of Object.keys(FIELDS) as FieldName[]) {
          if (fields[name] === undefined) throw new Error(`checkpoint: no agent field ${name}`);
          read(fields[name], store[name].subarray(0, used));
        }
        store.used = used;
        e.store = store;
        (e.slots as { store: AgentStore }).store = store;
      } else e[key] = load(saved, e[key], key);
    }
  };
  return { year: header.year, rows, restore };
}
