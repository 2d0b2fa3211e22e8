import { describe, expect, it } from 'vitest';
import { buildLibrary, builtinFiles } from '../regime/index.ts';
import { tighterUkScenario } from '../../test/support/regime/fixtures.ts';
import { UserError } from '../shared/errors.ts';
import { prepareSimulation } from './prepare.ts';
import type { WorldInput } from './world-input.ts';

describe('prepareSimulation', () => {
  it('refuses an unknown regime with a user error before loading the world', async () => {
    await expect(prepareSimulation({ regime: 'no-such-regime' })).rejects.toBeInstanceOf(UserError);
  });
  it('refuses to run without a scenario or a regime', async () => {
    await expect(prepareSimulation({})).rejects.toThrow(/scenario or a regime/);
  });
  it("compiles a scenario's interventions into the policy tables from their year on", async () => {
    const library = buildLibrary([...builtinFiles(), tighterUkScenario()]);
    const input = await prepareSimulation({ scenario: 'tighter-uk', library });
    const gbr = (input.world as WorldInput).iso3.indexOf('GBR');
    const before = input.tablesForYear(1994).enforcementBorder[gbr];
    const after = input.tablesForYear(1995).enforcementBorder[gbr];
    expect(after).toBeGreaterThan(before);
    // the same regime without the scenario keeps the 1994 value
    const plain = await prepareSimulation({ regime: 'neoliberal', fromYear: 1990, toYear: 2000, library });
    expect(plain.tablesForYear(1995).enforcementBorder[gbr]).toBe(before);
  });
});
