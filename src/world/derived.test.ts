import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DERIVED_FILE, parseWorldData, serializeWorldData } from './derived.ts';
import { DEFAULT_WORLD_DIR, buildWorldDataFromCsv, sourceDigests } from './load-world.ts';
import { WORLD_DATA_FORMAT } from './world-data.ts';

const committed = readFileSync(join(DEFAULT_WORLD_DIR, DERIVED_FILE), 'utf8');

describe('the derived world file', () => {
  it('was built from the CSVs as they are now (else run: npx tsx tools/build-world.ts)', () => {
    expect(parseWorldData(committed, DERIVED_FILE).sourceDigests).toEqual(sourceDigests());
  });

  it('is exactly what the code builds from the CSVs (else run: npx tsx tools/build-world.ts)', () => {
    expect(serializeWorldData(buildWorldDataFromCsv())).toBe(committed);
  });

  it('round-trips: parse then serialise gives the same text, NaN included', () => {
    expect(serializeWorldData(parseWorldData(committed, DERIVED_FILE))).toBe(committed);
  });

  it('rejects a file of another format', () => {
    expect(() => parseWorldData('{"format": 0}', 'w.json')).toThrow(
      new RegExp(`format 0, expected ${WORLD_DATA_FORMAT}`),
    );
    expect(() => parseWorldData('{', 'w.json')).toThrow(/not JSON/);
  });
});
