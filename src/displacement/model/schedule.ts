/**
 * When each agent next decides whether to leave. Flee draws "do I move today?" for every agent
 * every day; here each agent at a place gets the day of its next departure decision from the
 * geometric distribution of the place's move chance. The geometric distribution is memoryless, so
 * this is the same distribution as daily draws; the day is redrawn whenever the place's move
 * chance changes or a closed place gets a way out again (docs/displacement.md, "Speed").
 */
import { F_STRANDED, NEVER } from './state.ts';
import type { ModelState } from './state.ts';

/**
 * Days until the first success of daily draws with probability p (0 < p < 1), given a uniform
 * draw u in [0, 1): 0 means today.
 */
export function geometricDelay(p: number, u: number): number {
  return Math.floor(Math.log(1 - u) / Math.log(1 - p));
}

/**
 * The daily leave probability at `loc`: a flood's move chance where it floods (DFlee), else the
 * place's, times the flood forecaster's factor (model/forecaster.ts; 1 without it).
 */
export function moveChanceAt(m: ModelState, loc: number): number {
  const f = m.places.floodChance[loc];
  return (f >= 0 ? f : m.places.moveChance[loc]) * m.places.forecastChance[loc];
}

/**
 * Agent i's daily leave probability at `loc`: the place's, down-weighted by the agent's flood
 * awareness while DFlee's flood forecaster acts there (flee/moving.py calculateMoveChance).
 */
export function agentMoveChance(m: ModelState, i: number, loc: number): number {
  const p = moveChanceAt(m, loc);
  return m.forecasting ? p * m.agents.awareness[i] : p;
}

/** Sets the day of agent i's next departure decision at `loc`, counting from day `from`. */
export function schedule(m: ModelState, i: number, loc: number, from: number): void {
  const a = m.agents;
  const following = a.route[i] >= 0;
  const p = following ? 1 : agentMoveChance(m, i, loc);
  let d: number;
  // No open way out: the daily draws cannot lead anywhere until a closure lifts (then rescheduled).
  if (!following && m.routes.locOff[loc + 1] === m.routes.locOff[loc]) d = NEVER;
  else if (p >= 1) d = from;
  else if (!(p > 0)) d = NEVER;
  else {
    const g = geometricDelay(p, m.rand());
    d = from + g > m.days ? NEVER : from + g;
  }
  a.wake[i] = d;
  if (d < m.days) a.buckets[d].push(i);
}

/** A place's move chance changed (or it got a way out) on day t: redraw the decision day of everyone there. */
export function reschedule(m: ModelState, loc: number, t: number): void {
  if (m.places.occupants[loc] === 0) return;
  const a = m.agents;
  for (let i = 0; i < a.count; i++)
    if (a.loc[i] === loc && !(a.flags[i] & F_STRANDED)) schedule(m, i, loc, t);
}

/** Puts agent i at `loc` (arrival or return) to decide again from day `from`. */
export function settle(m: ModelState, i: number, loc: number, from: number): void {
  m.agents.loc[i] = loc;
  m.places.occupants[loc]++;
  schedule(m, i, loc, from);
}

/** Changes a place's move chance on day t, redrawing the decision days of the people there. */
export function setMoveChance(m: ModelState, loc: number, p: number, t: number): void {
  if (m.places.moveChance[loc] === p) return;
  m.places.moveChance[loc] = p;
  if (m.places.floodChance[loc] < 0) reschedule(m, loc, t); // a flood's move chance stays in force
}
