import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../regime/index.ts';
import { channelAccess, channelOpenTo } from './channels.ts';
import { regimeView } from './regime-view.ts';
import { FIXTURE_COUNTRIES, FIXTURE_TIERS, fixtureLibrary } from '../../test/support/rules/fixtures.ts';

const lib = fixtureLibrary();
const COUNTRIES = FIXTURE_COUNTRIES;
const TIERS = FIXTURE_TIERS;

describe('channel access for many origins at once', () => {
  it.each(['1995-06-01', '2012-06-01'])(
    'channelOpenTo answers as channelAccess for every pair and channel (%s)',
    (date) => {
      const view = regimeView(lib, 'fixture-neoliberal', date);
      let open = 0;
      COUNTRIES.forEach((d, i) => {
        const pu = view.policy(d, TIERS[i]);
        for (const ch of CHANNELS) {
          const openTo = channelOpenTo(view, pu.policy, d, ch);
          for (const o of COUNTRIES) {
            if (o === d) continue;
            const expected = channelAccess(view, pu.policy, pu.base, d, [o], ch).open;
            expect(openTo(o), `${o} → ${d} ${ch}`).toBe(expected);
            open += +expected;
          }
        }
      });
      // both answers occur, so the comparison means something
      expect(open).toBeGreaterThan(0);
      expect(open).toBeLessThan(COUNTRIES.length * (COUNTRIES.length - 1) * CHANNELS.length);
    },
  );

  it('coverage lists the countries each party reference covers', () => {
    const view = regimeView(lib, 'fixture-neoliberal', '2012-06-01');
    const groups = [...new Set(view.agreements.map((a) => a.id))];
    const refs = ['MAR', ...groups];
    const covered = view.coverage(refs);
    for (const c of COUNTRIES) expect(covered.has(c), c).toBe(refs.some((r) => view.covers(r, c)));
    expect(covered.has('MAR')).toBe(true);
  });
});
