/**
 * Putting one person into the simulation: inserted (day-0 camp fill) or spawned (Flee's
 * insertAgent and addAgent, flee/flee.py).
 */
import { drawAwareness } from './forecaster.ts';
import { schedule } from './schedule.ts';
import { ensureAgentRoom, F_PERSECUTED } from './state.ts';
import type { ModelState } from './state.ts';

/**
 * A new agent at `loc` on day t (Flee's insertAgent); with asylum levers it draws whether it has a
 * persecution claim.
 */
export function insertAgent(m: ModelState, loc: number, t: number): void {
  const a = m.agents;
  ensureAgentRoom(a, a.count + 1);
  const i = a.count++;
  a.loc[i] = loc;
  a.places[i] = 1;
  m.places.occupants[loc]++;
  if (m.asylum.active && m.rand() < m.asylum.persecutedShare) a.flags[i] |= F_PERSECUTED;
  drawAwareness(m, i, loc);
  schedule(m, i, loc, t);
}

/**
 * A person spawned at `loc` on day t (Flee's addAgent): under take_from_population the place's
 * population falls by one (not below 0: Flee warns and spawns anyway).
 */
export function addAgent(m: ModelState, loc: number, t: number): void {
  if (m.settings.takeFromPopulation && m.places.pop[loc] > 0) m.places.pop[loc]--;
  insertAgent(m, loc, t);
}
