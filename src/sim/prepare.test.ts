import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { prepareSimulation } from './prepare.ts';

describe('prepareSimulation', () => {
  it('refuses an unknown regime with a user error before loading the world', async () => {
    await expect(prepareSimulation({ regime: 'no-such-regime' })).rejects.toBeInstanceOf(UserError);
  });
  it('refuses to run without a scenario or a regime', async () => {
    await expect(prepareSimulation({})).rejects.toThrow(/scenario or a regime/);
  });
});
