import { describe, expect, it } from 'vitest';
import { buildLibrary, builtinFiles, checkLibrary } from '../index.ts';
import { changesBetween } from './changes.ts';
import { resolve } from './resolve.ts';
import { withInterventions } from './interventions.ts';
import { tighterUkScenario } from '../../../test/support/regime/fixtures.ts';

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

  describe('root-cause levers', () => {
    const lever = `  - year: 1996
    lever: arms_export_restraint
    suppliers: { countries: [USA, RUS] }
    reduction: 0.5
    source: { note: "restraint by two suppliers" }
`;
    const documentChange = `  - { year: 1995, target: policy-gbr, set: { enforcement.border: 0.9 }, source: { note: "tighter" } }
`;

    it('validate as interventions and leave the documents alone', () => {
      const levers = buildLibrary([...builtinFiles(), tighterUkScenario(`interventions:\n${lever}`)]);
      expect(withInterventions(levers, 'tighter-uk')).toBe(levers);
    });

    it('keep the index of the document changes beside them', () => {
      const lib2 = buildLibrary([
        ...builtinFiles(),
        tighterUkScenario(`interventions:\n${lever}${documentChange}`),
      ]);
      const withIt = withInterventions(lib2, 'tighter-uk');
      expect(border(withIt, '1995-01-01')).toBe(0.9);
      const c = changesBetween(withIt, 'policy-gbr', '1994-01-01', '1996-01-01').find(
        (x) => x.path === 'enforcement.border',
      );
      expect(c?.by).toBe('tighter-uk~intervention-1');
    });

    it('refuse an unknown lever, a share above 1 and a year outside the scenario, at their lines', () => {
      const r = checkLibrary([
        ...builtinFiles(),
        tighterUkScenario(`interventions:
  - { year: 1995, lever: arms_embargo, suppliers: { countries: [USA] }, reduction: 1, source: { note: x } }
  - { year: 1995, lever: arms_export_restraint, suppliers: { countries: [USA] }, reduction: 1.5, source: { note: x } }
  - { year: 1985, lever: terms_of_trade, countries: { tiers: [periphery] }, multiplier: 1.1, source: { note: x } }
`),
      ]);
      const diags = r.ok ? [] : r.diagnostics.filter((d) => d.file === 'tighter-uk.yaml');
      expect(diags).toEqual([
        expect.objectContaining({
          code: 'E_INVALID_VALUE',
          line: 12,
          message: expect.stringMatching(/unknown lever 'arms_embargo'/),
        }),
        expect.objectContaining({ code: 'E_INVALID', line: 13 }),
      ]);
      // the year is checked once the shapes are right
      const late = checkLibrary([
        ...builtinFiles(),
        tighterUkScenario(`interventions:
  - { year: 1985, lever: terms_of_trade, countries: { tiers: [periphery] }, multiplier: 1.1, source: { note: x } }
`),
      ]);
      expect(late.ok ? [] : late.diagnostics.filter((d) => d.file === 'tighter-uk.yaml')).toEqual([
        expect.objectContaining({ code: 'E_OUT_OF_RANGE', line: 12 }),
      ]);
    });

    it('ask who pays the part of a social protection floor the countries do not', () => {
      const r = checkLibrary([
        ...builtinFiles(),
        tighterUkScenario(`interventions:
  - year: 1995
    lever: social_protection_floor
    countries: { tiers: [periphery] }
    coverage: 0.6
    benefit: 0.25
    financing: { national_share: 0.5 }
    source: { note: x }
`),
      ]);
      expect(r.ok ? [] : r.diagnostics.filter((d) => d.file === 'tighter-uk.yaml')).toEqual([
        expect.objectContaining({ code: 'E_INVALID', path: ['interventions', 0, 'financing', 'donors'] }),
      ]);
    });
  });
});
