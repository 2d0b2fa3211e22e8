import { describe, expect, it } from 'vitest';
import { resolveLevers } from '../levers.ts';
import { loadScenario } from '../scenario.ts';
import { tinyState, writeTinyScenario } from '../../../test/support/displacement/tiny-scenario.ts';
import { initialState } from '../model.ts';
import type { ModelOptions } from '../model.ts';
import { updateScores } from './conflicts.ts';
import { admittedAtBorder, depart, finishTravel, selectRoute, shortStint, travelSpeed } from './moving.ts';
import { F_BOUNCE, F_PERSECUTED, F_STRANDED, NEVER } from './state.ts';
import type { ModelState } from './state.ts';

const [ALPHA, BETA, GAMMA] = [0, 1, 2];
// Links of the tiny scenario: 0 Alpha→Beta, 1 Beta→Alpha, 2 Beta→Gamma, 3 Gamma→Beta.
// Candidate routes of Beta: to Alpha, then to Gamma.

/** The state with agent 0 at `loc` and route base weights set by hand (1 each unless given). */
function withAgentAt(loc: number, m: ModelState = tinyState(), base: number[] = []): ModelState {
  updateScores(m, 0);
  m.routes.base.fill(1);
  base.forEach((w, k) => (m.routes.base[m.routes.locIdx[m.routes.locOff[loc] + k]] = w));
  m.agents.count = 1;
  m.agents.loc[0] = loc;
  m.agents.places[0] = 2;
  m.places.occupants[loc]++;
  return m;
}

/** Share of `draws` route choices of agent 0 that end at `dest`. */
function shareTo(m: ModelState, dest: number, draws = 4000): number {
  let hits = 0;
  for (let k = 0; k < draws; k++) if (m.routes.dest[selectRoute(m, 0, m.agents.loc[0])] === dest) hits++;
  return hits / draws;
}

describe('selectRoute (Flee selectRoute)', () => {
  it('draws a candidate route in proportion to its weight', () => {
    expect(shareTo(withAgentAt(BETA, tinyState(), [1, 3]), GAMMA)).toBeCloseTo(0.75, 1);
  });

  it('never chooses a full camp and draws uniformly when every weight is 0', () => {
    const full = withAgentAt(BETA);
    full.places.occupants[GAMMA] = 2000;
    expect(shareTo(full, GAMMA)).toBe(0);
    expect(shareTo(withAgentAt(BETA, tinyState(), [0, 0]), GAMMA)).toBeCloseTo(0.5, 1);
  });

  it('returns -1 without candidate routes', () => {
    const m = withAgentAt(BETA);
    m.routes.locOff.fill(0);
    expect(selectRoute(m, 0, BETA)).toBe(-1);
  });

  it('weighs the way back by backtrackWeight under the improved rules', () => {
    const improved = withAgentAt(BETA, tinyState({}, { rules: 'improved' }));
    improved.agents.prev[0] = ALPHA;
    expect(shareTo(improved, ALPHA)).toBeCloseTo(1 / 3, 1); // 0.5 against 1
    const flee = withAgentAt(BETA, tinyState({}, { rules: 'flee' }));
    expect(shareTo(flee, ALPHA)).toBeCloseTo(0.5, 1);
  });

  it('leaves out the countries that refused the agent', () => {
    const m = withAgentAt(BETA, leversState({ asylum: { Abroad: 'closed' } }));
    m.agents.refused[0] = 1 << m.places.country[GAMMA];
    expect(shareTo(m, GAMMA, 200)).toBe(0);
  });
});

describe('depart', () => {
  it("steps onto the route's next link and counts the agent on its way", () => {
    const m = withAgentAt(BETA, tinyState(), [0, 1]);
    expect(depart(m, 0)).toBe(true);
    expect([m.agents.loc[0], m.agents.link[0], m.agents.wake[0]]).toEqual([-1, 2, NEVER]);
    expect([m.places.occupants[BETA], m.places.enRoute[GAMMA]]).toEqual([0, 1]);
    expect(m.agents.route[0]).toBe(-1); // a one-step route is done once its link is taken
  });

  it('stays when the route ends in a camp whose capacity multiplier is below 0.5', () => {
    const m = withAgentAt(BETA, tinyState(), [0, 1]);
    m.places.occupants[GAMMA] = 1950; // multiplier 0.25
    expect(depart(m, 0)).toBe(false);
    expect([m.agents.loc[0], m.agents.route[0]]).toEqual([BETA, -1]);
  });
});

describe('travelSpeed', () => {
  it("is the link's speed, or walking speed on the first hop with start_on_foot or by walk_probability", () => {
    const m = withAgentAt(BETA, tinyState({ settings: 'move_rules:\n  start_on_foot: True\n' }));
    expect(travelSpeed(m, 0, 2)).toBe(360);
    m.agents.places[0] = 1;
    expect(travelSpeed(m, 0, 2)).toBe(35);
    const walking = tinyState({
      routes:
        '#name1,name2,distance,forced_redirection,walk_probability\nAlpha,Beta,100,,1\nBeta,Gamma,100,,0\n',
    });
    walking.agents.places[0] = 2;
    expect([travelSpeed(walking, 0, 0), travelSpeed(walking, 0, 2)]).toEqual([35, 400]);
  });
});

describe('shortStint (avoid_short_stints)', () => {
  it('holds when the recent travel with today’s km is below half a day’s speed', () => {
    const m = withAgentAt(BETA);
    m.agents.moved[0] = 100;
    expect(shortStint(m, 0, 5)).toBe(true);
    m.agents.recent[0] = 1;
    m.agents.recentDay[0] = 4;
    m.agents.moved[0] = 400;
    expect(shortStint(m, 0, 5)).toBe(false);
    m.agents.recentDay[0] = 1; // halved three times since
    m.agents.moved[0] = 0;
    expect(shortStint(m, 0, 5)).toBe(true);
  });
});

describe('finishTravel (Flee finish_travel)', () => {
  /** Agent 0 on link `l` of a tiny world moving `speed` km/day. */
  function onLink(l: number, speed: number, opts: Partial<ModelOptions> = {}): ModelState {
    const m = tinyState(
      { settings: `move_rules:\n  max_move_speed: ${speed}\n  avoid_short_stints: True\n` },
      opts,
    );
    updateScores(m, 0);
    m.agents.count = 1;
    m.agents.link[0] = l;
    m.agents.places[0] = 2;
    m.places.enRoute[m.links.to[l]]++;
    return m;
  }

  it('advances a day’s km along the link and arrives only past its end', () => {
    const m = onLink(0, 60);
    finishTravel(m, 0, 0);
    expect([m.agents.link[0], m.agents.dist[0]]).toEqual([0, 60]);
    finishTravel(m, 0, 1);
    expect(m.agents.link[0]).toBe(-1);
    expect(m.places.enRoute[BETA]).toBe(0);
  });

  it('arrives at a camp, counts the arrival and decides again from the next day', () => {
    const m = onLink(2, 100.5);
    finishTravel(m, 0, 4);
    expect([m.agents.loc[0], m.places.occupants[GAMMA], m.places.arrivals[GAMMA]]).toEqual([GAMMA, 1, 1]);
    expect(m.agents.wake[0] === NEVER || m.agents.wake[0] >= 5).toBe(true);
  });

  it('puts people on a link that closed back at its start', () => {
    const m = onLink(2, 400);
    m.agents.flags[0] |= F_BOUNCE;
    finishTravel(m, 0, 4);
    expect([m.agents.loc[0], m.agents.flags[0] & F_BOUNCE, m.places.arrivals[GAMMA]]).toEqual([BETA, 0, 0]);
  });

  it("credits the next link after a mid-day arrival with a full day's km under Flee's rules, with what is left under the improved rules", () => {
    // Alpha → Beta (100 km) at 150 km/day, then Beta → Gamma (100 km): the short stint forces a move on.
    const go = (rules: 'flee' | 'improved') => {
      const m = onLink(0, 150, { rules, switches: { backtrackWeight: 1 } });
      m.routes.base[m.routes.locIdx[m.routes.locOff[BETA]]] = 0; // not back to Alpha
      finishTravel(m, 0, 0);
      return m;
    };
    const flee = go('flee');
    expect(flee.agents.loc[0]).toBe(GAMMA);
    const improved = go('improved');
    expect([improved.agents.link[0], improved.agents.dist[0]]).toEqual([2, 50]);
  });
});

function leversState(levers: unknown, opts: Partial<ModelOptions> = {}): ModelState {
  const s = loadScenario(writeTinyScenario());
  return initialState(s, { seed: 1, ...opts, levers: resolveLevers(levers, s) });
}

describe('admittedAtBorder (asylum levers)', () => {
  /** Agent 0 arriving over link 2 (Beta → Gamma, into Abroad) on day 3. */
  const arrive = (m: ModelState, persecuted = false) => {
    m.agents.count = 1;
    if (persecuted) m.agents.flags[0] |= F_PERSECUTED;
    return admittedAtBorder(m, 0, GAMMA, 2, 3);
  };

  it('admits everyone under an open or broad doctrine', () => {
    expect(arrive(leversState({ asylum: { Abroad: 'open' } }))).toBe(true);
    expect(arrive(leversState({ asylum: { Abroad: 'violence-broad' } }))).toBe(true);
  });

  it('admits only people with a persecution claim under a narrow 1951 doctrine', () => {
    const lv = { asylum: { Abroad: 'refugee-1951' }, persecuted_share: 0.3 };
    expect(arrive(leversState(lv), true)).toBe(true);
    expect(arrive(leversState(lv), false)).toBe(false);
  });

  it('strands the people it turns away at the border when they cannot be returned', () => {
    const m = leversState({ asylum: { Abroad: 'closed' }, strand_non_returnable: true });
    expect(arrive(m)).toBe(false);
    expect(m.agents.flags[0] & F_STRANDED).toBe(F_STRANDED);
    expect([m.places.strandedAt[GAMMA], m.agents.wake[0], m.asylum.turnedAway]).toEqual([1, NEVER, 0]);
  });

  it('otherwise sends them back to where they came from, never to try that country again', () => {
    const m = leversState({ asylum: { Abroad: 'closed' }, strand_non_returnable: false });
    expect(arrive(m)).toBe(false);
    expect([m.agents.loc[0], m.asylum.turnedAway]).toEqual([BETA, 1]);
    expect(m.agents.refused[0]).toBe(1 << m.places.country[GAMMA]);
  });
});
