/**
 * Moving (Flee's moving.py and Person.evolve / finish_travel in flee.py): choosing a route,
 * stepping onto a link, travelling along it, arriving, and going on the same day; plus the asylum
 * levers at a border.
 */
import { capacityMultiplier } from './capacity.ts';
import { openLinkTo } from './routes.ts';
import { agentMoveChance, schedule, settle } from './schedule.ts';
import {
  DOCTRINE_1951,
  DOCTRINE_BROAD,
  DOCTRINE_OPEN,
  F_BOUNCE,
  F_PERSECUTED,
  F_STRANDED,
  NEVER,
} from './state.ts';
import type { ModelState } from './state.ts';

/**
 * Flee's selectRoute: one of the candidate routes out of `loc`, drawn with probability
 * ∝ (base weight × capacity multiplier × back-tracking weight)^weight_power; uniform when every
 * weight is 0; -1 without candidates. Countries that refused the agent are not candidates.
 */
export function selectRoute(m: ModelState, i: number, loc: number): number {
  const r = m.routes;
  const off = r.locOff[loc];
  const end = r.locOff[loc + 1];
  if (end === off) return -1;
  const refused = m.asylum.active ? m.agents.refused[i] : 0;
  const backW = m.rules.backtrackWeight;
  const wp = m.settings.weightPower;
  const { weights, ids } = m;
  let n = 0;
  let sum = 0;
  for (let k = off; k < end; k++) {
    const route = r.locIdx[k];
    if (refused !== 0 && r.country[route] < 32 && (refused >>> r.country[route]) & 1) continue;
    let w = r.base[route] * capacityMultiplier(m, r.dest[route]);
    if (backW !== 1 && r.path[r.pathOff[route]] === m.agents.prev[i]) w *= backW;
    if (wp !== 1) w = Math.pow(w, wp);
    weights[n] = w;
    ids[n] = route;
    n++;
    sum += w;
  }
  if (n === 0) return -1;
  if (sum > 0) {
    let x = m.rand() * sum;
    for (let k = 0; k < n; k++) {
      x -= weights[k];
      if (x < 0 && weights[k] > 0) return ids[k];
    }
    for (let k = n - 1; k >= 0; k--) if (weights[k] > 0) return ids[k];
  }
  return ids[Math.min(n - 1, Math.floor(m.rand() * n))];
}

/**
 * Agent i has decided to move (Flee's Person.evolve after the draw): choose a route if it has
 * none and step onto the route's next link. It stays (returns false) without a route, when the
 * next link has closed, or when the route ends in a camp whose capacity multiplier is below 0.5.
 */
export function depart(m: ModelState, i: number): boolean {
  const a = m.agents;
  const r = m.routes;
  const loc = a.loc[i];
  let route = a.route[i];
  if (route < 0) {
    route = selectRoute(m, i, loc);
    if (route < 0) return false;
    a.route[i] = route;
    a.step[i] = 0;
  }
  // Flee's take_next_step.
  const link = openLinkTo(m, loc, r.path[r.pathOff[route] + a.step[i]]);
  if (link < 0) {
    a.route[i] = -1;
    return false;
  }
  const dest = r.path[r.pathOff[route] + r.pathLen[route] - 1];
  if (m.places.isCamp[dest] && capacityMultiplier(m, dest) < 0.5) {
    a.route[i] = -1;
    return false;
  }
  if (++a.step[i] >= r.pathLen[route]) a.route[i] = -1;
  m.places.occupants[loc]--;
  a.loc[i] = -1;
  a.link[i] = link;
  a.dist[i] = 0;
  a.wake[i] = NEVER;
  m.places.enRoute[m.links.to[link]]++;
  return true;
}

/**
 * Agent i's speed on link l today: the link's speed, or walking speed on the first hop with
 * start_on_foot or with the link's walk_probability.
 */
export function travelSpeed(m: ModelState, i: number, l: number): number {
  const st = m.settings;
  let speed = m.links.speed[l];
  if (m.agents.places[i] === 1 && st.startOnFoot) speed = st.maxWalkSpeed;
  if (m.links.hasWalk && m.links.walk[l] > 0 && m.rand() < m.links.walk[l]) speed = st.maxWalkSpeed;
  return speed;
}

/** 0.5^k for k < 64. */
const HALF_POW = Float64Array.from({ length: 64 }, (_, k) => Math.pow(0.5, k));

/** Flee's recent_travel_distance of agent i as of the end of day d (it halves every day without travel). */
export function recentTravel(m: ModelState, i: number, d: number): number {
  const a = m.agents;
  const k = d - a.recentDay[i];
  return k <= 0 ? a.recent[i] : k < 64 ? a.recent[i] * HALF_POW[k] : 0;
}

/** avoid_short_stints: after a short stint today (recent travel below half a day's speed), a town must be left. */
export function shortStint(m: ModelState, i: number, t: number): boolean {
  return (
    m.settings.avoidShortStints &&
    (recentTravel(m, i, t - 1) + m.agents.moved[i] / m.settings.maxMoveSpeed) / 2 < 0.5
  );
}

/** End of day t for a traveller: its recent travel decays and takes today's km. */
export function endTravelDay(m: ModelState, i: number, t: number): void {
  const a = m.agents;
  if (m.settings.avoidShortStints) {
    a.recent[i] = (recentTravel(m, i, t - 1) + a.moved[i] / m.settings.maxMoveSpeed) / 2;
    a.recentDay[i] = t;
  }
  a.moved[i] = 0;
}

/**
 * Flee's Person.finish_travel on day t, its recursion unrolled: agent i advances along its link;
 * on arrival it may decide again and go on while today's km are not used up.
 */
export function finishTravel(m: ModelState, i: number, t: number): void {
  const a = m.agents;
  const { links, places } = m;
  let budget = Infinity; // improved rules: km left of today's travel after a mid-day arrival
  for (;;) {
    const l = a.link[i];
    if (l < 0) return;
    const speed = travelSpeed(m, i, l);
    const credit = m.rules.fullCreditAfterArrival ? speed : Math.min(speed, budget);
    a.dist[i] += credit;
    a.moved[i] += credit;
    if (!(a.dist[i] > links.length[l])) return;
    if (a.places[i] < 65535) a.places[i]++;
    a.moved[i] += links.length[l] - a.dist[i];
    a.link[i] = -1;
    a.dist[i] = 0;
    places.enRoute[links.to[l]]--;
    if (m.rules.backtrackWeight !== 1) a.prev[i] = links.from[l];
    if (a.flags[i] & F_BOUNCE) {
      a.flags[i] &= ~F_BOUNCE;
      settle(m, i, links.from[l], t + 1);
      return;
    }
    const to = links.to[l];
    const evolveMore = a.moved[i] < speed;
    if (m.asylum.active && places.foreign[to] && !admittedAtBorder(m, i, to, l, t)) return;
    if (places.isCamp[to]) places.arrivals[to]++;
    if (!evolveMore) {
      settle(m, i, to, t + 1);
      return;
    }
    a.loc[i] = to;
    places.occupants[to]++;
    budget = speed - a.moved[i];
    // Flee's Person.evolve at the new place, with the avoid_short_stints force flag.
    const force = shortStint(m, i, t);
    const chance = places.isTown[to] && force ? 1 : a.route[i] >= 0 ? 1 : agentMoveChance(m, i, to);
    if (!(m.rand() < chance) || !depart(m, i)) {
      schedule(m, i, to, t + 1);
      return;
    }
  }
}

/**
 * Asylum levers at the border of `to`'s country on day t: is agent i protected there? If not, it
 * is turned away: stranded at the border when not returnable, else sent back to the start of link
 * l, never to try that country again.
 */
export function admittedAtBorder(m: ModelState, i: number, to: number, l: number, t: number): boolean {
  const a = m.agents;
  const c = m.places.country[to];
  const d = m.asylum.doctrine[c];
  if (d === DOCTRINE_OPEN || d === DOCTRINE_BROAD) return true;
  if (d === DOCTRINE_1951 && a.flags[i] & F_PERSECUTED) return true;
  a.route[i] = -1;
  if (m.asylum.strand[c]) {
    a.flags[i] |= F_STRANDED;
    m.places.strandedAt[to]++;
    a.wake[i] = NEVER;
    return false;
  }
  m.asylum.turnedAway++;
  if (c < 32) a.refused[i] |= 1 << c;
  settle(m, i, m.links.from[l], t + 1);
  return false;
}
