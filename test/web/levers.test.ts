import { describe, expect, it } from 'vitest';
import { LeverIntervention } from '../../src/regime/index.ts';
import { LEVER_CONTROLS, initialLeverForm, leverOf, leversOf } from '../../web/src/levers.ts';

describe('the dashboard’s root-cause levers', () => {
  it('sends nothing while every lever is off', () => {
    expect(leversOf(initialLeverForm())).toEqual([]);
  });

  it('builds levers the schema accepts, at their neutral value, their start and their bounds', () => {
    for (const c of LEVER_CONTROLS)
      for (const value of [c.neutral, c.start, c.min, c.max]) {
        const built = leverOf(c.lever, { on: true, year: 1995, value, reachesIrregular: true });
        const parsed = LeverIntervention.safeParse(built);
        expect(parsed.success, `${c.lever} at ${value}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect((built as unknown as Record<string, unknown>)[c.field]).toBe(value);
      }
  });

  it('keeps the order of the controls and each row’s year; only the floor reaches irregular migrants', () => {
    const form = initialLeverForm();
    form.social_protection_floor = { on: true, year: 2000, value: 0.4, reachesIrregular: true };
    form.arms_export_restraint = { ...form.arms_export_restraint, on: true };
    const levers = leversOf(form);
    expect(levers.map((l) => [l.lever, l.year])).toEqual([
      ['arms_export_restraint', 1995],
      ['social_protection_floor', 2000],
    ]);
    expect(levers[1]).toMatchObject({ benefit: 0.4, reaches_irregular: true });
  });
});
