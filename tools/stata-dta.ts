/**
 * A small reader for Stata .dta files of formats 114 and 115 (Stata 10–13), enough to extract the
 * published MIPEX values of data/policy/ (tools/extract-policy-indices.ts). No npm package reads
 * .dta files (the registry has none made for it), so the format is read here as Stata documents it
 * ("dta — Stata .dta file format", formats 114/115): a 109-byte header (format, byte order, file
 * type, number of variables and observations, data label, time stamp); the descriptors (type list,
 * variable names of 33 bytes, sort list, formats of 49 bytes, value-label names of 33 bytes); the
 * variable labels (81 bytes each); expansion fields up to a zero type and length; then the data,
 * one record per observation. Types 1–244 are fixed strings of that length; 251–255 are byte, int,
 * long, float and double, whose largest values (above 100, 32740, 2147483620, about 1.7e38 and
 * 8.99e307) code Stata's missing values. Value labels after the data are not read.
 */

export interface DtaVariable {
  name: string;
  label: string;
  /** Stata type code: 1–244 string of that length, 251 byte, 252 int, 253 long, 254 float, 255 double. */
  type: number;
}

export interface DtaFile {
  format: number;
  variables: DtaVariable[];
  /** One record per observation: a string, a number, or null for a missing value. */
  rows: (string | number | null)[][];
}

const MISSING_ABOVE: Record<number, number> = {
  251: 100,
  252: 32740,
  253: 2147483620,
  254: 1.701e38,
  255: 8.988e307,
};

/** A numeric value of Stata type `t` at `at`, and its size in bytes. */
function numberAt(view: DataView, at: number, t: number, little: boolean): [number, number] {
  if (t === 251) return [view.getInt8(at), 1];
  if (t === 252) return [view.getInt16(at, little), 2];
  if (t === 253) return [view.getInt32(at, little), 4];
  if (t === 254) return [view.getFloat32(at, little), 4];
  if (t === 255) return [view.getFloat64(at, little), 8];
  throw new Error(`unknown .dta variable type ${t}`);
}

/** Reads a .dta file of format 114 or 115; throws on any other format or a truncated file. */
export function readDta(bytes: Uint8Array): DtaFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = bytes[0];
  if (format !== 114 && format !== 115)
    throw new Error(`unsupported .dta format ${format}: this reader knows formats 114 and 115`);
  const little = bytes[1] === 2;
  const nvar = view.getUint16(4, little);
  const nobs = view.getUint32(6, little);
  const text = (from: number, length: number) => {
    const slice = bytes.subarray(from, from + length);
    const end = slice.indexOf(0);
    return new TextDecoder('latin1').decode(end < 0 ? slice : slice.subarray(0, end));
  };
  let at = 109;
  const types = Array.from(bytes.subarray(at, at + nvar));
  at += nvar;
  const names = types.map((_, i) => text(at + 33 * i, 33));
  at += 33 * nvar + 2 * (nvar + 1) + 49 * nvar + 33 * nvar;
  const labels = types.map((_, i) => text(at + 81 * i, 81));
  at += 81 * nvar;
  for (;;) {
    const kind = bytes[at];
    const length = view.getUint32(at + 1, little);
    at += 5;
    if (kind === 0 && length === 0) break;
    at += length;
  }
  const rows: (string | number | null)[][] = [];
  for (let r = 0; r < nobs; r++) {
    const row: (string | number | null)[] = [];
    for (const t of types) {
      if (at > bytes.byteLength) throw new Error('truncated .dta file');
      if (t >= 1 && t <= 244) {
        row.push(text(at, t));
        at += t;
        continue;
      }
      const [v, size] = numberAt(view, at, t, little);
      at += size;
      row.push(v > MISSING_ABOVE[t] ? null : v);
    }
    rows.push(row);
  }
  return { format, variables: types.map((type, i) => ({ name: names[i], label: labels[i], type })), rows };
}
