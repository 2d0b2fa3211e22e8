/**
 * A day's movement in Flee's two passes: first every agent due to decide leaves (or not), then
 * everyone on a link advances, both in agent order as in Flee. Only the agents due today and those
 * on links are touched.
 */
import { depart, endTravelDay, finishTravel } from './moving.ts';
import { schedule } from './schedule.ts';
import type { ModelState } from './state.ts';

/** Pass 1: the agents whose decision day is t leave, in index order; returns how many stepped onto a link (in `m.movers`). */
export function departDue(m: ModelState, t: number): number {
  const a = m.agents;
  const due = Int32Array.from(a.buckets[t]).sort();
  a.buckets[t] = [];
  if (m.movers.length < due.length) m.movers = new Int32Array(due.length * 2);
  let moving = 0;
  let last = -1;
  for (let k = 0; k < due.length; k++) {
    const i = due[k];
    if (i === last || a.wake[i] !== t) continue; // a duplicate or a stale entry
    last = i;
    if (depart(m, i)) m.movers[moving++] = i;
    else schedule(m, i, a.loc[i], t + 1);
  }
  return moving;
}

/** Pass 2: everyone on a link advances, in index order (yesterday's travellers merged with today's `moving` movers). */
export function advanceTravellers(m: ModelState, t: number, moving: number): void {
  const a = m.agents;
  const { travelling, travellingCount } = a;
  const movers = m.movers;
  const next = new Int32Array(travellingCount + moving);
  let kept = 0;
  let x = 0;
  let y = 0;
  while (x < travellingCount || y < moving) {
    const i =
      y >= moving || (x < travellingCount && travelling[x] < movers[y]) ? travelling[x++] : movers[y++];
    if (a.link[i] < 0) continue;
    finishTravel(m, i, t);
    endTravelDay(m, i, t);
    if (a.link[i] >= 0) next[kept++] = i;
  }
  a.travelling = next;
  a.travellingCount = kept;
}

/** Day t's movement: both passes. */
export function moveDay(m: ModelState, t: number): void {
  advanceTravellers(m, t, departDue(m, t));
}
