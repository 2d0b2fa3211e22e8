import { describe, expect, it } from 'vitest';
import { readDta } from './stata-dta.ts';

/** A format-115 file with a str3 and a byte variable, written as the format documents it. */
function tinyDta(rows: [string, number][]): Uint8Array {
  const nvar = 2;
  const size =
    109 + nvar + 33 * nvar + 2 * (nvar + 1) + 49 * nvar + 33 * nvar + 81 * nvar + 5 + rows.length * 4;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set([115, 2, 1, 0]);
  view.setUint16(4, nvar, true);
  view.setUint32(6, rows.length, true);
  let at = 109;
  bytes.set([3, 251], at);
  at += nvar;
  const put = (s: string, from: number) => bytes.set(new TextEncoder().encode(s), from);
  put('short', at);
  put('score', at + 33);
  at += 33 * nvar + 2 * (nvar + 1) + 49 * nvar + 33 * nvar;
  put('3-letter code', at);
  at += 81 * nvar + 5; // no expansion fields: a zero type and length
  for (const [code, score] of rows) {
    put(code, at);
    view.setInt8(at + 3, score);
    at += 4;
  }
  return bytes;
}

describe('the .dta reader', () => {
  it('reads names, labels, strings and numbers, and Stata missing values as null', () => {
    const f = readDta(
      tinyDta([
        ['SWE', 83],
        ['LVA', 31],
        ['XXX', 101],
      ]),
    );
    expect(f.variables.map((v) => v.name)).toEqual(['short', 'score']);
    expect(f.variables[0].label).toBe('3-letter code');
    expect(f.rows).toEqual([
      ['SWE', 83],
      ['LVA', 31],
      ['XXX', null],
    ]);
  });

  it('refuses a format it does not know, and a truncated file', () => {
    const other = tinyDta([['SWE', 83]]);
    other[0] = 117;
    expect(() => readDta(other)).toThrow(/unsupported .dta format 117/);
    expect(() => readDta(tinyDta([['SWE', 83]]).subarray(0, 300))).toThrow();
  });
});
