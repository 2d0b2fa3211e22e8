import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileTexts } from './hostile-yaml.ts';
import { CRASH, regimes } from '../support/processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-fuzz-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each shape in a fresh process, the file given three times: the crash of finding 1 needed the
// stack to overflow more than once in one process.
describe('regimes validate on hostile files (a fresh process each)', () => {
  for (const h of hostileTexts())
    it(`exits 1 with ${h.code} on ${h.name}`, () => {
      const file = join(dir, `${h.name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, h.text);
      const r = regimes(['validate', file, file, file], dir);
      expect(r.signal).toBeNull();
      expect(r.stderr).not.toMatch(CRASH);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`[${h.code}]`);
    });
  it('exits 1 with E_FILE_TOO_LARGE on a file over 1 MB', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `title: ${'a'.repeat(1_100_000)}\n`);
    const r = regimes(['validate', file], dir);
    expect(r.stderr).not.toMatch(CRASH);
    expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('[E_FILE_TOO_LARGE]')]);
  });
});
