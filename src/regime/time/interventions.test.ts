import { describe, expect, it } from 'vitest';
import { buildLibrary, builtinFiles, checkLibrary } from '../index.ts';
import { changesBetween } from './changes.ts';
import { resolve } from './resolve.ts';
import { withInterventions } from './interventions.ts';
import { tighterUkScenario } from '../testing/fixtures.ts';

describe('scenario interventions', () => {
  const lib = buildLibrary([...builtinFiles(), tighterUkScenario()]);
  const border = (l: typeof lib, date: string) =>
    (resolve(l, 'policy-gbr', date).document as { enforcement: { border: number } }).enforcement.border;

  it('set their fields from the first of January of their year, not before', () => {
    const withIt = withInterventions(lib, 'tighter-uk');
    expect(border(withIt, '1994-12-31')).toBe(0.4);
    expect(border(withIt, '1995-01-01')).toBe(0.9);
    expect(border(withIt, '2000-07-01')).toBe(0.9);
    // the library itself is left as it was
    expect(border(lib, '2000-07-01')).toBe(0.4);
  });

  it('are listed among the changes of their target, citing the scenario', () => {
    const changes = changesBetween(
      withInterventions(lib, 'tighter-uk'),
      'policy-gbr',
      '1994-01-01',
      '1996-01-01',
    );
    const c = changes.find((x) => x.path === 'enforcement.border');
    expect(c).toMatchObject({ date: '1995-01-01', before: 0.4, after: 0.9, by: 'tighter-uk~intervention-0' });
  });

  it('leave a scenario without interventions on the same library', () => {
    const plain = buildLibrary([...builtinFiles(), tighterUkScenario('')]);
    expect(withInterventions(plain, 'tighter-uk')).toBe(plain);
  });

  it('refuse a field the target does not have and a year outside the scenario, with file and line', () => {
    const bad = (interventions: string) => {
      const r = checkLibrary([...builtinFiles(), tighterUkScenario(interventions)]);
      return r.ok ? [] : r.diagnostics.filter((d) => d.file === 'tighter-uk.yaml');
    };
    const unknown = bad(`interventions:
  - { year: 1995, target: policy-gbr, set: { enforcement.bordr: 0.9 }, source: { note: "a typo" } }
`);
    expect(unknown).toEqual([expect.objectContaining({ code: 'E_UNKNOWN_PATH', line: 12 })]);
    const early = bad(`interventions:
  - { year: 1985, target: policy-gbr, set: { enforcement.border: 0.9 }, source: { note: "too early" } }
`);
    expect(early).toEqual([expect.objectContaining({ code: 'E_OUT_OF_RANGE', line: 12 })]);
  });
});
