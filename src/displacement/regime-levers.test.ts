import { describe, it, expect } from 'vitest';
import { buildLibrary } from '../regime/index.ts';
import { instrumentYaml, policyYaml, regimeYaml } from '../../test/support/regime/fixtures.ts';
import { UserError } from '../shared/errors.ts';
import { loadScenario } from './scenario.ts';
import { leversFromRegime } from './regime-levers.ts';
import { runModel } from './model.ts';
import { TINY, writeTinyScenario } from '../../test/support/displacement/tiny-scenario.ts';

// The tiny world with real country names: Mali (origin) and Niger (receiving).
const scenario = loadScenario(
  writeTinyScenario({
    locations: TINY.locations.replace(/,Home,/g, ',Mali,').replace(',Abroad,', ',Niger,'),
  }),
);

const policy = (id: string, country: string, tests: string, nonReturn: boolean) =>
  policyYaml(id)
    .replace('country: NLD', `country: ${country}`)
    .replace(
      'tests: [refugee-1951], humanitarian_non_return: false',
      `tests: ${tests}, humanitarian_non_return: ${nonReturn}`,
    );

function library(nerTests: string, nonReturn = true) {
  const files: Record<string, string> = {
    'convention.yaml': instrumentYaml(),
    'policy-nld.yaml': policyYaml(),
    'policy-ner.yaml': policy('policy-ner', 'NER', nerTests, nonReturn),
    'regime.yaml': regimeYaml().replace('explicit: [policy-nld]', 'explicit: [policy-nld, policy-ner]'),
  };
  return buildLibrary(
    Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
  );
}

describe('levers from a regime document', () => {
  it("takes a receiving country's doctrine from its policy under the regime", () => {
    const lv = leversFromRegime('test-regime', scenario, { library: library('[refugee-1951, oau-1969]') });
    expect(lv.doctrine.get('Niger')).toBe('violence-broad');
    expect(lv.strandByCountry.get('Niger')).toBe(true);
  });
  it('needs the persecuted share when only the 1951 test applies, and then strands the others', () => {
    expect(() => leversFromRegime('test-regime', scenario, { library: library('[refugee-1951]') })).toThrow(
      UserError,
    );
    const lv = leversFromRegime('test-regime', scenario, {
      library: library('[refugee-1951]'),
      persecutedShare: 0.2,
    });
    expect(lv.doctrine.get('Niger')).toBe('refugee-1951');
    const r = runModel(scenario, { seed: 1, levers: lv });
    expect(r.strandedAt.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
  it('closes asylum where the policy applies no test, and sends people back where non-return is not humanitarian', () => {
    const lv = leversFromRegime('test-regime', scenario, { library: library('[]', false) });
    expect(lv.doctrine.get('Niger')).toBe('closed');
    expect(lv.strandByCountry.get('Niger')).toBe(false);
  });
  it('rejects an id that is not a regime', () => {
    expect(() => leversFromRegime('policy-ner', scenario, { library: library('[refugee-1951]') })).toThrow(
      UserError,
    );
  });
});
