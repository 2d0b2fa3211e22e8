import { describe, expect, it } from 'vitest';
import type { LeverIntervention } from '../regime/index.ts';
import { simulate } from '../sim/index.ts';
import type { WorldInput } from '../sim/index.ts';
import { standinTablesForYear } from '../sim/standin-tables.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';
import type { ArmsRestraint } from './arms-lever.ts';
import type { ArmsData } from './world-levers.ts';
import { withArmsRestraint, withLevers } from './world-levers.ts';
import { rootCauseParameters } from './parameters.ts';

/** WAR imports 500 TIV millions a year, all of it from AAA (a core state); BBB supplies nothing. */
const series = (entries: [string, number][]) =>
  new Map(entries.map(([iso3, v]) => [iso3, new Map(Array.from({ length: 20 }, (_, i) => [1985 + i, v]))]));
const arms: ArmsData = {
  imports: series([['WAR', 500]]),
  exports: series([
    ['AAA', 500],
    ['BBB', 0],
  ]),
};
const restraint = (over: Partial<ArmsRestraint> = {}): ArmsRestraint => ({
  lever: 'arms_export_restraint',
  year: 1990,
  suppliers: { tiers: ['core'] },
  reduction: 1,
  source: { note: 'test' },
  ...over,
});

function run(world: WorldInput) {
  return simulate({
    world,
    tablesForYear: standinTablesForYear(world),
    regimeId: 'test',
    seed: 7,
    scale: 500,
    fromYear: 1990,
    toYear: 1996,
    groupSize: 1024,
  });
}

const total = (r: ReturnType<typeof run>, indicator: string, country: string) =>
  r.rows.filter((x) => x.indicator === indicator && x.country === country).reduce((s, x) => s + x.value, 0);

describe('root-cause levers on the engine’s world', () => {
  const world = tinyWorld();
  const history = run(world);

  it('changes nothing at the historical value, digest for digest (no reduction; in force after the run; other suppliers)', () => {
    for (const r of [
      restraint({ reduction: 0 }),
      restraint({ year: 2005 }),
      restraint({ suppliers: { countries: ['BBB'] } }),
      restraint({ recipients: { countries: ['NBR'] } }),
    ]) {
      const levered = withLevers(world, [r], { arms });
      expect(levered.world).toBe(world);
      expect(run(levered.world).digest).toBe(history.digest);
    }
  });

  it('lowers deaths in the recipient by the estimated elasticity and with them the flight from it', () => {
    const embargo = withArmsRestraint(world, [restraint()], arms);
    const n = world.iso3.length;
    const war = world.iso3.indexOf('WAR');
    const k = (1995 - world.span.first) * n + war;
    // imports of the three years before fall from 500 to 0: deaths × (1/501)^0.36
    const m = (1 / 501) ** rootCauseParameters().armsElasticityStateBased;
    expect(embargo.deathsStateBased[k]).toBeCloseTo(world.deathsStateBased[k] * m, 6);
    expect(embargo.battleDeaths[k]).toBeCloseTo(world.battleDeaths[k] * m, 6);
    // other countries and the unchanged world keep their deaths
    expect(embargo.deathsStateBased[(1995 - world.span.first) * n]).toBe(
      world.deathsStateBased[(1995 - world.span.first) * n],
    );
    expect(world.deathsStateBased[k]).toBe(20000);
    const r = run(embargo);
    expect(r.digest).not.toBe(history.digest);
    expect(total(r, 'refugees_by_origin', 'WAR')).toBeLessThan(total(history, 'refugees_by_origin', 'WAR'));
  });

  it('follows the elasticity given: at 0 the lever changes nothing, a negative one raises deaths', () => {
    const zero = withArmsRestraint(
      world,
      [restraint()],
      arms,
      rootCauseParameters({ armsElasticityStateBased: 0 }),
    );
    expect(zero.deathsStateBased).toEqual(world.deathsStateBased);
    const negative = withArmsRestraint(
      world,
      [restraint()],
      arms,
      rootCauseParameters({ armsElasticityStateBased: -0.2 }),
    );
    const k = (1995 - world.span.first) * world.iso3.length + 3;
    expect(negative.deathsStateBased[k]).toBeGreaterThan(world.deathsStateBased[k]);
  });

  it('names the levers the engine does not apply yet', () => {
    const floor: LeverIntervention = {
      lever: 'social_protection_floor',
      year: 1995,
      countries: { tiers: ['periphery'] },
      coverage: 0.6,
      benefit: 0.25,
      financing: { national_share: 1 },
      source: { note: 'test' },
    };
    const out = withLevers(world, [floor, restraint({ reduction: 0 })], { arms });
    expect(out.notInEngine).toEqual(['social_protection_floor']);
    expect(out.world).toBe(world);
  });
});
