import { describe, expect, it } from 'vitest';
import { tinyState } from '../../../test/support/displacement/tiny-scenario.ts';
import { enactClosures, refreshRoutes } from './closures.ts';
import { F_BOUNCE, NEVER } from './state.ts';

const [BETA, GAMMA] = [1, 2];
// Links of the tiny scenario: 0 Alpha→Beta, 1 Beta→Alpha, 2 Beta→Gamma, 3 Gamma→Beta.
const open = (m: ReturnType<typeof tinyState>) => Array.from(m.links.open);

describe('enactClosures', () => {
  it('closes every link of name1 for a location closure (Flee reads name1 only) and reopens them', () => {
    const m = tinyState({ closures: '#h\nlocation,Beta,Gamma,2,5\n' });
    enactClosures(m, 1);
    expect(open(m)).toEqual([1, 1, 1, 1]);
    enactClosures(m, 2);
    expect(open(m)).toEqual([0, 0, 0, 0]);
    expect(m.routes.dirty).toBe(true);
    enactClosures(m, 5);
    expect(open(m)).toEqual([1, 1, 1, 1]);
  });

  it('closes the links between two countries in both directions for a country closure', () => {
    const m = tinyState({ closures: '#h\ncountry,Abroad,Home,0,3\n' });
    enactClosures(m, 0);
    expect(open(m)).toEqual([1, 1, 0, 0]);
  });

  it('closes nothing for a link closure read from closures.csv (as in Flee)', () => {
    const m = tinyState({ closures: '#h\nlink,Beta,Gamma,0,3\n' });
    enactClosures(m, 0);
    expect(open(m)).toEqual([1, 1, 1, 1]);
    expect(m.routes.dirty).toBe(false);
  });

  it('turns a closed camp into a town with the default move chance until it reopens', () => {
    const m = tinyState({ closures: '#h\ncamp,Gamma,x,1,3\n' });
    enactClosures(m, 1);
    expect([m.places.isCamp[GAMMA], m.places.isTown[GAMMA], m.places.moveChance[GAMMA]]).toEqual([0, 1, 0.5]);
    enactClosures(m, 3);
    expect([m.places.isCamp[GAMMA], m.places.isTown[GAMMA], m.places.moveChance[GAMMA]]).toEqual([
      1, 0, 0.001,
    ]);
  });

  it('marks people on a link that closes to go back to its start', () => {
    const m = tinyState({ closures: '#h\nlocation,Gamma,x,0,3\n' });
    m.agents.count = 2;
    m.agents.link.set([2, 0]);
    m.agents.travelling = Int32Array.of(0, 1);
    m.agents.travellingCount = 2;
    enactClosures(m, 0);
    expect(m.agents.flags[0] & F_BOUNCE).toBe(F_BOUNCE);
    expect(m.agents.flags[1] & F_BOUNCE).toBe(0);
  });
});

describe('refreshRoutes', () => {
  it('rebuilds the candidate routes and wakes the people at a place that gets a way out again', () => {
    const m = tinyState({ closures: '#h\nlocation,Gamma,x,0,3\n' });
    enactClosures(m, 0);
    refreshRoutes(m, 0);
    expect(m.routes.locOff[BETA + 1] - m.routes.locOff[BETA]).toBe(1); // only back to Alpha
    expect(m.routes.locOff[GAMMA + 1] - m.routes.locOff[GAMMA]).toBe(0);
    m.places.moveChance[GAMMA] = 1;
    m.agents.count = 1;
    m.agents.loc[0] = GAMMA;
    m.places.occupants[GAMMA] = 1;
    m.agents.wake[0] = NEVER;
    enactClosures(m, 3);
    refreshRoutes(m, 3);
    expect(m.routes.dirty).toBe(false);
    expect(m.agents.wake[0]).toBe(3);
  });
});
