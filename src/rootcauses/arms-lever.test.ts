import { describe, expect, it } from 'vitest';
import type { Tier } from '../regime/index.ts';
import type { ArmsLeverContext, ArmsRestraint } from './arms-lever.ts';
import {
  ARMS_DEATH_ELASTICITY,
  armsDeathMultiplier,
  restrainedImports,
  supplierShare,
} from './arms-lever.ts';
import { ROOT_CAUSE_FILES, readSeriesFile, seriesOf } from './panel.ts';
import { testLever } from '../../test/support/rootcauses/levers.ts';

const ctx: ArmsLeverContext = {
  imports: seriesOf(readSeriesFile(ROOT_CAUSE_FILES.armsImports), 'tiv_imports_musd'),
  exports: seriesOf(readSeriesFile(ROOT_CAUSE_FILES.armsExports), 'tiv_exports_musd'),
  // a stand-in tiering: the five largest suppliers are 'core', everyone else unknown
  tierOf: (iso3) => (['USA', 'RUS', 'FRA', 'GBR', 'DEU'].includes(iso3) ? ('core' as Tier) : undefined),
};
const restraint = (over: Partial<ArmsRestraint>) =>
  testLever('arms_export_restraint', { year: 1995, ...over });
const recipients = [...ctx.imports.keys()].sort();
const beta = ARMS_DEATH_ELASTICITY.stateBased.value;

describe('the arms-export-restraint lever', () => {
  it('changes nothing at its historical value: no reduction, or not yet in force (every country, 1990–2024)', () => {
    const none = [restraint({ reduction: 0 })];
    const later = [restraint({ year: 2030 })];
    for (const iso3 of recipients)
      for (let year = 1990; year <= 2024; year++) {
        expect(armsDeathMultiplier(ctx, none, iso3, year, beta)).toBe(1);
        expect(armsDeathMultiplier(ctx, later, iso3, year, beta)).toBe(1);
        expect(restrainedImports(ctx, none, iso3, year)).toBe(ctx.imports.get(iso3)?.get(year) ?? 0);
      }
  });

  it('withholds the suppliers’ share of deliveries, in force from its year to its last', () => {
    const share = supplierShare(ctx.exports, { tiers: ['core'] }, 2000, ctx.tierOf);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(1);
    const r = [restraint({ reduction: 0.5, until: 2005 })];
    const recorded = ctx.imports.get('IND')!.get(2000)!;
    expect(restrainedImports(ctx, r, 'IND', 2000)).toBeCloseTo(recorded * (1 - 0.5 * share), 9);
    expect(restrainedImports(ctx, r, 'IND', 1994)).toBe(ctx.imports.get('IND')!.get(1994)!);
    expect(restrainedImports(ctx, r, 'IND', 2006)).toBe(ctx.imports.get('IND')!.get(2006)!);
  });

  it('lowers deaths where the elasticity is positive, raises them where it is negative, only for its recipients', () => {
    const onlyAfg = [restraint({ recipients: { countries: ['AFG'] } })];
    // AFG imported arms in 2002–2004 (SIPRI), so its deaths of 2005 are scaled
    expect(armsDeathMultiplier(ctx, onlyAfg, 'AFG', 2005, beta)).toBeLessThan(1);
    expect(
      armsDeathMultiplier(ctx, onlyAfg, 'AFG', 2005, ARMS_DEATH_ELASTICITY.nonState.value),
    ).toBeGreaterThan(1);
    expect(armsDeathMultiplier(ctx, onlyAfg, 'IRQ', 2005, beta)).toBe(1);
    // a restraint of 1995 reaches deaths from 1996, through the imports of the years before
    expect(armsDeathMultiplier(ctx, onlyAfg, 'AFG', 1995, beta)).toBe(1);
  });

  it('is larger the more is withheld', () => {
    const m = (reduction: number) => armsDeathMultiplier(ctx, [restraint({ reduction })], 'IND', 2001, beta);
    expect(m(1)).toBeLessThan(m(0.5));
    expect(m(0.5)).toBeLessThan(m(0.1));
    expect(m(0.1)).toBeLessThan(1);
  });
});
