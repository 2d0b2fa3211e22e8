/**
 * Member jobs and outputs as JSON, the form BullMQ keeps in Redis: typed arrays travel as base64 of
 * their bytes (little-endian, as on every machine Node runs on), so a value read back is bit for bit
 * the one that was written.
 */
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';
import type { PackedRows } from '../store/index.ts';

/** What a member job carries in Redis. */
export interface JobData {
  job: MemberJob;
  /** The runner module, as a path inside the package (runner-path.ts). */
  runner: string;
  /** Code version of the submitter; a worker running other code refuses the job. */
  codeVersion: string;
  /** Index of the member in its ensemble (for messages). */
  index: number;
}

/** A member's output in Redis, with the worker that made it. */
export interface EncodedOutput {
  engineDigest: string;
  agents: number;
  wallMs: number;
  worker: string;
  rows: {
    indicators: string[];
    countries: string[];
    year: string;
    indicator: string;
    country: string;
    value: string;
  };
}

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** A fresh, aligned copy of base64 bytes as `T`. */
function typed<T>(text: string, T: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % T.BYTES_PER_ELEMENT !== 0) throw new Error('corrupt member output in Redis');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new T(copy);
}

/** Encodes an output for Redis. */
export function encodeOutput(out: MemberOutput, worker: string): EncodedOutput {
  const r = out.rows;
  return {
    engineDigest: out.engineDigest,
    agents: out.agents,
    wallMs: out.wallMs,
    worker,
    rows: {
      indicators: r.indicators,
      countries: r.countries,
      year: b64(r.year),
      indicator: b64(r.indicator),
      country: b64(r.country),
      value: b64(r.value),
    },
  };
}

/** Decodes an output read from Redis (a JSON string or the parsed object). */
export function decodeOutput(value: unknown): { output: MemberOutput; worker: string } {
  const e = (typeof value === 'string' ? JSON.parse(value) : value) as EncodedOutput;
  if (!e || typeof e !== 'object' || !e.rows) throw new Error('corrupt member output in Redis');
  const rows: PackedRows = {
    indicators: e.rows.indicators,
    countries: e.rows.countries,
    year: typed(e.rows.year, Int16Array),
    indicator: typed(e.rows.indicator, Uint16Array),
    country: typed(e.rows.country, Uint16Array),
    value: typed(e.rows.value, Float64Array),
  };
  return {
    output: { engineDigest: e.engineDigest, agents: e.agents, wallMs: e.wallMs, rows },
    worker: e.worker,
  };
}
