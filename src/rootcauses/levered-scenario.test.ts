import { describe, expect, it } from 'vitest';
import type { LeverIntervention, Scenario } from '../regime/index.ts';
import { isLever, loadBuiltinLibrary } from '../regime/index.ts';
import { libraryOf } from '../ensemble/documents.ts';
import { leveredScenarioId, withLeveredScenario } from './levered-scenario.ts';

const support: LeverIntervention = {
  lever: 'agricultural_support',
  year: 1995,
  countries: { tiers: ['core'] },
  multiplier: 0.5,
  source: { note: 'set in the dashboard' },
};

describe('a scenario with levers added', () => {
  const lib = loadBuiltinLibrary();

  it('leaves a request without levers as it is', () => {
    expect(withLeveredScenario(lib, { scenario: 'world-1990-2020', seed: 1 })).toEqual({
      scenario: 'world-1990-2020',
      seed: 1,
    });
  });

  it('runs a derived scenario, named by its base and its levers, that loads with the built-ins', () => {
    const req = withLeveredScenario(lib, { scenario: 'world-1990-2020', seed: 3, levers: [support] });
    expect(req.scenario).toBe(leveredScenarioId('world-1990-2020', [support]));
    expect(req.scenario).toMatch(/^world-1990-2020-levers-[0-9a-f]{10}$/);
    expect(req).not.toHaveProperty('levers');
    expect(req.seed).toBe(3);
    const doc = libraryOf(req.documents).require(req.scenario, 'Scenario').doc as Scenario;
    const base = lib.require('world-1990-2020', 'Scenario').doc as Scenario;
    expect(doc.years).toEqual(base.years);
    expect(doc.regime).toBe(base.regime);
    expect((doc.interventions ?? []).filter(isLever)).toEqual([
      ...(base.interventions ?? []).filter(isLever),
      support,
    ]);
    // other levers, another id
    expect(leveredScenarioId('world-1990-2020', [{ ...support, multiplier: 0.6 }])).not.toBe(req.scenario);
  });

  it('refuses an unknown scenario by its id', () => {
    expect(() => withLeveredScenario(lib, { scenario: 'no-such-scenario', levers: [support] })).toThrow(
      /no-such-scenario/,
    );
  });
});
