import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorOf } from '../../test/support/user-error.ts';
import { loadScenario } from './scenario.ts';
import { readLeversFile, resolveLevers } from './levers.ts';
import { writeTinyScenario } from '../../test/support/displacement/tiny-scenario.ts';
import { fileTempDirs } from '../../test/support/temp-dirs.ts';
const tempDir = fileTempDirs('levers-');

const tiny = loadScenario(writeTinyScenario());
function leversFile(text: string): string {
  const f = join(tempDir(), 'levers.yaml');
  writeFileSync(f, text);
  return f;
}
describe('displacement levers files', () => {
  it('resolves dates to simulation days and keeps doctrines and multipliers by country', () => {
    const lv = readLeversFile(
      leversFile(
        `border_closures:\n  - { between: [Home, Abroad], from: 2020-01-03, until: 2020-01-08 }\ncamp_capacity: { Abroad: 1.5 }\nasylum: { Abroad: refugee-1951 }\npersecuted_share: 0.25\nstrand_non_returnable: false\n`,
      ),
      tiny,
    );
    expect(lv.borderClosures).toEqual([{ a: 'Home', b: 'Abroad', start: 2, end: 7 }]);
    expect(lv.capacityMultiplier.get('Abroad')).toBe(1.5);
    expect(lv.doctrine.get('Abroad')).toBe('refugee-1951');
    expect(lv.persecutedShare).toBe(0.25);
    expect(lv.strandNonReturnable).toBe(false);
  });
  it('points at the line of an unknown doctrine', () => {
    const f = leversFile('camp_capacity: { Abroad: 2 }\nasylum:\n  Abroad: generous\n');
    expect(errorOf(() => readLeversFile(f, tiny))).toMatch(
      /levers\.yaml:3: .*\(at asylum\.Abroad\) \[E_LEVERS\]/,
    );
  });
  it('points at the line of an unknown country', () => {
    const f = leversFile('asylum:\n  Abroad: open\n  Narnia: closed\n');
    expect(errorOf(() => readLeversFile(f, tiny))).toMatch(
      /levers\.yaml:3: unknown country "Narnia" \(countries in .*: Home, Abroad\)/,
    );
  });
  it('points at a bad date and an unknown key', () => {
    expect(
      errorOf(() =>
        readLeversFile(
          leversFile('border_closures:\n  - { between: [Home, Abroad], from: 2020-02-30 }\n'),
          tiny,
        ),
      ),
    ).toMatch(/levers\.yaml:2: expected a date YYYY-MM-DD/);
    expect(errorOf(() => readLeversFile(leversFile('walls: true\n'), tiny))).toMatch(
      /levers\.yaml:1: .*walls/,
    );
  });
  it('requires the persecuted share to be stated when a narrow doctrine is used', () => {
    expect(errorOf(() => resolveLevers({ asylum: { Abroad: 'refugee-1951' } }, tiny))).toMatch(
      /persecuted_share is required/,
    );
  });
  it('refuses an asylum doctrine for the country of origin', () => {
    expect(errorOf(() => resolveLevers({ asylum: { Home: 'closed' } }, tiny))).toMatch(
      /"Home" is the country of origin/,
    );
  });
});
