/**
 * The library API as a researcher scripting the tool would use it: only what `src/index.ts`
 * exports, from loading documents to running the engine and the displacement model.
 */
import { describe, expect, it } from 'vitest';
import * as api from './index.ts';
import {
  changesBetween,
  checkCompliance,
  decide,
  documentsOnDate,
  digestRows,
  loadBuiltinLibrary,
  loadScenario,
  loadWithBuiltins,
  prepareSimulation,
  resolve,
  runModel,
  simulate,
  UserError,
  type Case,
  type Convention,
  type NationalPolicy,
} from './index.ts';

const CASE = 'cases/neoliberal/removal/nl-deu-sle-nonreturnable-2000.yaml';

describe('the library API', () => {
  it('exports an explicit list, not every helper and schema', () => {
    const names = Object.keys(api);
    expect(names.length).toBeLessThan(60);
    for (const internal of ['channelAccess', 'runRules', 'Instrument', 'KIND_SCHEMAS', 'getPath'])
      expect(names, internal).not.toContain(internal);
  });

  it('loads, resolves and lists the coded changes of a document', () => {
    const lib = loadBuiltinLibrary();
    const deu = resolve(lib, 'policy-deu', '2000-06-01');
    expect(deu.in_force).toBe(true);
    expect(changesBetween(lib, 'policy-deu', '1990-01-01', '2006-01-01').length).toBeGreaterThan(3);
  });

  it('decides a case with reasons and checks a policy against a convention', () => {
    const lib = loadWithBuiltins([CASE]);
    const c = lib.ofKind('Case').find((d) => d.file === CASE)?.doc as Case;
    const decision = decide(lib, 'neoliberal', c, { tier: 'core' });
    expect(decision.status).toBe('rejected_non_returnable');
    expect(decision.explanation.length).toBeGreaterThan(0);

    const at = '2000-06-01';
    const convention = resolve(lib, 'international-migration-framework-convention', at)
      .document as Convention;
    const policy = resolve(lib, 'policy-deu', at).document as NationalPolicy;
    const report = checkCompliance(convention, policy, at, documentsOnDate(lib, at));
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.score).toBeLessThanOrEqual(100);
  });

  it('refuses a bad file with a coded error', () => {
    expect(() => loadWithBuiltins(['no/such/file.yaml'])).toThrow(UserError);
  });

  it('runs the engine deterministically from a scenario', async () => {
    const input = await prepareSimulation({ scenario: 'world-1990-2020', scale: 200_000, toYear: 1991 });
    const a = simulate(input);
    expect(a.rows.length).toBeGreaterThan(0);
    expect(a.digest).toBe(digestRows(a.rows));
    expect(simulate({ ...input }).digest).toBe(a.digest);
  });

  it('runs the displacement model on a Flee-format conflict', () => {
    const s = loadScenario('data/flee/mali2012', { days: 10 });
    const r = runModel(s, { seed: 1 });
    expect(r.days).toBe(10);
  });
});
