/**
 * The displacement model's state: one struct of typed arrays for the places, the links, the
 * candidate routes and the agents (struct of arrays: agent i's location is `agents.loc[i]`).
 * The rules (`moving.ts`, `conflicts.ts`, `spawning.ts`, `closures.ts`, `schedule.ts`) read and
 * write it; `createState` builds it from a scenario.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ClosureRow } from '../flee-csv.ts';
import type { ResolvedLevers } from '../levers.ts';
import type { FleeScenario } from '../scenario.ts';
import { isCampKind } from '../scenario.ts';
import type { FleeSettings } from '../settings.ts';
import type { RuleSwitches } from './rule-sets.ts';
import { plannedAgents } from './inflow.ts';

/** A decision day that never comes. */
export const NEVER = 0x7fffffff;

// Agent flag bits.
/** Was on a link when it closed: returns to the link's start on arrival. */
export const F_BOUNCE = 1;
/** Turned away at a border and not returnable: stays there, no longer moving. */
export const F_STRANDED = 2;
/** Has an individual persecution claim (protected under a narrow 1951 doctrine). */
export const F_PERSECUTED = 4;

/** Asylum doctrine codes by country (levers.ts `DOCTRINES`). */
export const DOCTRINE_OPEN = 0;
export const DOCTRINE_BROAD = 1;
export const DOCTRINE_1951 = 2;
export const DOCTRINE_CLOSED = 3;

/** Locations, by index in locations.csv. */
export interface Places {
  count: number;
  index: Map<string, number>;
  country: Int32Array;
  /** Country differs from the first location's (Flee's foreign flag). */
  foreign: Uint8Array;
  isCamp: Uint8Array;
  isTown: Uint8Array;
  isMarker: Uint8Array;
  /** Daily probability of leaving (Flee's movechance). */
  moveChance: Float64Array;
  /** Conflict intensity; -1 where there is no conflict. */
  conflict: Float64Array;
  /** Day the current conflict started (-1: none yet). */
  conflictStart: Int32Array;
  /** Camp capacity after hasten (and Flee's day-0 reduction); -1 for places without one. */
  baseCapacity: Float64Array;
  /** Lever multiplier on the capacity of the place's country. */
  capacityLever: Float64Array;
  /** Effective capacity: baseCapacity × capacity_scaling × lever (Flee's getCapMultiplier). */
  cap: Float64Array;
  /** Agents at the place (not those on links, not the stranded). */
  occupants: Int32Array;
  /** Agents on a link into the place. */
  enRoute: Int32Array;
  /** Entries into each place over the run. */
  arrivals: Int32Array;
  /** Agents stranded at the place by the asylum levers. */
  strandedAt: Int32Array;
  /** Today's attractiveness (Flee's location score). */
  score: Float64Array;
  /** Population after hasten (0 for camps); spawning takes from it under take_from_population. */
  pop: Int32Array;
  /** Today's flood level (DFlee's flood rules; 0 without). */
  floodLevel: Int32Array;
  /** Move chance of a flooded place (DFlee's flood_movechances), overriding moveChance; -1 where not flooded. */
  floodChance: Float64Array;
  /** DFlee's flood forecaster: today's move-chance factor (1 where and when it does not act; model/forecaster.ts). */
  forecastChance: Float64Array;
  /** Spawn weight: population × intensity × decay for conflict zones, 0 elsewhere. */
  spawnWeight: Float64Array;
  /** Running sums of spawnWeight (for the weighted draw). */
  spawnCumulative: Float64Array;
}

/** Directed links (two per routes.csv row) and the open out-links of each place. */
export interface Links {
  count: number;
  from: Int32Array;
  to: Int32Array;
  length: Float64Array;
  /** km/day on the link (its own max_move_speed, else the setting). */
  speed: Float64Array;
  /** Probability of walking the link on a day (its walk_probability). */
  walk: Float64Array;
  hasWalk: boolean;
  open: Uint8Array;
  /** Closed today (agents on it go back on arrival). */
  justClosed: Uint8Array;
  /** Open out-links per place (CSR): outIdx[outOff[p] .. outOff[p + 1]). */
  outOff: Int32Array;
  outIdx: Int32Array;
}

/**
 * Candidate routes: paths of 1..k places (awareness k, markers passed through). Append-only, so
 * an agent's stored route id stays valid when closures change the graph and the table of each
 * place's candidates is rebuilt.
 */
export interface Routes {
  pathList: number[];
  pathOffList: number[];
  pathLenList: number[];
  destList: number[];
  distList: number[];
  /** Typed copies of the lists: the places of route r are path[pathOff[r] .. + pathLen[r]). */
  path: Int32Array;
  pathOff: Int32Array;
  pathLen: Int32Array;
  dest: Int32Array;
  /** Route length in km. */
  dist: Float64Array;
  /** Country of each route's destination. */
  country: Int32Array;
  /** Today's weight before capacity and back-tracking: (weight_softening + score) / (softening + km)^power. */
  base: Float64Array;
  /** Candidate routes of each place (CSR over route ids). */
  locOff: Int32Array;
  locIdx: Int32Array;
  /** First route of the current table (older ones are only followed, never chosen). */
  tableStart: number;
  /** Closures changed the graph since the table was built. */
  dirty: boolean;
}

/** Agents as struct of arrays; `count` of the planned capacity are in the simulation. */
export interface Agents {
  count: number;
  /** Location, or -1 on a link (or stranded). */
  loc: Int32Array;
  /** Link, or -1 at a location. */
  link: Int32Array;
  /** km along the link. */
  dist: Float64Array;
  /** km accounted today. */
  moved: Float64Array;
  /** Flee's recent_travel_distance as of the end of day recentDay. */
  recent: Float64Array;
  recentDay: Int32Array;
  /** Places visited (capped at 65535). */
  places: Uint16Array;
  /** Route being followed, or -1. */
  route: Int32Array;
  /** Next step on the route. */
  step: Uint8Array;
  flags: Uint8Array;
  /** Day of the next departure decision, or NEVER. */
  wake: Int32Array;
  /** Where the agent came from (only with a back-tracking weight ≠ 1). */
  prev: Int32Array;
  /** Bit c: refused by country c (only with asylum levers). */
  refused: Uint32Array;
  /** flood_awareness_weights at the agent's flood awareness (only under DFlee's flood forecaster). */
  awareness: Float64Array;
  /** buckets[d]: agents whose next decision is on day d (stale when `wake` differs). */
  buckets: number[][];
  /** Agents on a link at the end of the day, in index order. */
  travelling: Int32Array;
  travellingCount: number;
}

/** What receiving states decide at the border (levers.ts), by country index. */
export interface Asylum {
  active: boolean;
  doctrine: Uint8Array;
  strand: Uint8Array;
  persecutedShare: number;
  turnedAway: number;
}

/** A closures.csv row, or a lever's border closure as a `country` row (line 0). */
export type Closure = ClosureRow;

export interface ModelState {
  scenario: FleeScenario;
  settings: FleeSettings;
  rules: RuleSwitches;
  days: number;
  /** Uniform draw in [0, 1) from the run's seeded stream. */
  rand: () => number;
  places: Places;
  links: Links;
  routes: Routes;
  agents: Agents;
  asylum: Asylum;
  closures: Closure[];
  /** Does DFlee's flood forecaster act today (model/forecaster.ts)? */
  forecasting: boolean;
  /** Carried negative inflow (Flee's refugee_debt) and Flee's raw UNHCR count. */
  debt: number;
  raw: number;
  /** Scratch for route choice (sized to the most candidates of a place) and the day's movers. */
  weights: Float64Array;
  ids: Int32Array;
  movers: Int32Array;
}

const U32 = 2.3283064365386963e-10; // 2^-32

/** The state on day 0 before anyone is placed: camps empty, no conflict started, routes not built. */
export function createState(
  s: FleeScenario,
  rules: RuleSwitches,
  levers: ResolvedLevers,
  seed: number,
): ModelState {
  const rng = xoroshiro128plus(seed | 0);
  const countries = [...new Set(s.locations.map((l) => l.country))];
  const places = createPlaces(s, countries, levers);
  const agents = createAgents(
    plannedAgents(s),
    s.days,
    rules.backtrackWeight !== 1,
    levers.doctrine.size > 0,
    s.floodAwareness !== null,
  );
  return {
    scenario: s,
    settings: s.settings,
    rules,
    days: s.days,
    rand: () => (rng.next() >>> 0) * U32,
    places,
    links: createLinks(s, places.index),
    routes: emptyRoutes(places.count),
    agents,
    asylum: createAsylum(countries, levers),
    closures: [
      ...s.closures,
      ...levers.borderClosures.map((b) => ({
        type: 'country' as const,
        name1: b.a,
        name2: b.b,
        start: b.start,
        end: b.end,
        line: 0,
      })),
    ],
    forecasting: false,
    debt: 0,
    raw: 0,
    weights: new Float64Array(16),
    ids: new Int32Array(16),
    movers: new Int32Array(1024),
  };
}

/** Flee's move chance of a location type with these settings (forwarding hubs and markers: 1). */
function initialMoveChance(l: FleeScenario['locations'][number], st: FleeSettings): number {
  switch (l.kind) {
    case 'camp':
      return st.campMoveChance;
    case 'idpcamp':
      return st.idpcampMoveChance;
    case 'conflict':
      return startsInConflict(l) ? st.conflictMoveChance : st.defaultMoveChance;
    case 'forward':
    case 'marker':
      return 1;
    default:
      return st.defaultMoveChance;
  }
}

/** A conflict zone with a conflict_date after day 0 starts as a town (conflicts.csv sets it off). */
function startsInConflict(l: FleeScenario['locations'][number]): boolean {
  return l.kind === 'conflict' && !((l.conflictDate ?? 0) > 0);
}

function createPlaces(s: FleeScenario, countries: string[], lv: ResolvedLevers): Places {
  const st = s.settings;
  const n = s.locations.length;
  const moveChance = Float64Array.from(s.locations, (l) => initialMoveChance(l, st));
  const isCamp = Uint8Array.from(s.locations, (l) => (isCampKind(l.kind) ? 1 : 0));
  const isTown = Uint8Array.from(s.locations, (l) =>
    l.kind === 'town' || (l.kind === 'conflict' && !startsInConflict(l)) ? 1 : 0,
  );
  const conflict = Float64Array.from(s.locations, (l) =>
    startsInConflict(l) ? Number(l.attributes.conflict_intensity ?? 1) || 1 : -1,
  );
  s.locations.forEach((l, i) => {
    // Flee: any non-camp location with a move chance below 0.005 silently becomes a camp.
    if (!isCamp[i] && l.kind !== 'flood' && moveChance[i] < 0.005) {
      isCamp[i] = 1;
      isTown[i] = 0;
    }
  });
  return {
    count: n,
    index: new Map(s.locations.map((l, i) => [l.name, i])),
    country: Int32Array.from(s.locations, (l) => countries.indexOf(l.country)),
    foreign: Uint8Array.from(s.locations, (l) => (l.country !== s.homeCountry ? 1 : 0)),
    isCamp,
    isTown,
    isMarker: Uint8Array.from(s.locations, (l) => (l.kind === 'marker' ? 1 : 0)),
    moveChance,
    conflict,
    conflictStart: new Int32Array(n).fill(-1),
    baseCapacity: Float64Array.from(s.capacity, (c, i) => (isCampKind(s.locations[i].kind) ? c : -1)),
    capacityLever: Float64Array.from(s.locations, (l) => lv.capacityMultiplier.get(l.country) ?? 1),
    cap: new Float64Array(n),
    occupants: new Int32Array(n),
    enRoute: new Int32Array(n),
    arrivals: new Int32Array(n),
    strandedAt: new Int32Array(n),
    score: new Float64Array(n),
    pop: s.population.slice(),
    floodLevel: new Int32Array(n),
    floodChance: new Float64Array(n).fill(-1),
    forecastChance: new Float64Array(n).fill(1),
    spawnWeight: new Float64Array(n),
    spawnCumulative: new Float64Array(n),
  };
}

function createLinks(s: FleeScenario, index: Map<string, number>): Links {
  const st = s.settings;
  const from: number[] = [];
  const to: number[] = [];
  const length: number[] = [];
  const speed: number[] = [];
  const walk: number[] = [];
  const add = (a: number, b: number, d: number, attrs: Record<string, string>) => {
    from.push(a);
    to.push(b);
    length.push(d);
    const sp = attrs.max_move_speed?.trim();
    speed.push(sp ? Number(sp) : st.maxMoveSpeed);
    const wp = attrs.walk_probability?.trim();
    walk.push(wp ? Number(wp) : 0);
  };
  for (const r of s.routes) {
    const a = index.get(r.from)!;
    const b = index.get(r.to)!;
    // Flee's reader: forced_redirection 1 creates an extra plain copy of the pair.
    const copies = r.forcedRedirection === 1 ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      add(a, b, r.distance, r.attributes);
      add(b, a, r.distance, r.attributes);
    }
  }
  const walkArr = Float64Array.from(walk);
  return {
    count: from.length,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    length: Float64Array.from(length),
    speed: Float64Array.from(speed),
    walk: walkArr,
    hasWalk: walkArr.some((w) => w > 0),
    open: new Uint8Array(from.length).fill(1),
    justClosed: new Uint8Array(from.length),
    outOff: new Int32Array(s.locations.length + 1),
    outIdx: new Int32Array(from.length),
  };
}

function emptyRoutes(nLoc: number): Routes {
  return {
    pathList: [],
    pathOffList: [],
    pathLenList: [],
    destList: [],
    distList: [],
    path: new Int32Array(0),
    pathOff: new Int32Array(0),
    pathLen: new Int32Array(0),
    dest: new Int32Array(0),
    dist: new Float64Array(0),
    country: new Int32Array(0),
    base: new Float64Array(0),
    locOff: new Int32Array(nLoc + 1),
    locIdx: new Int32Array(0),
    tableStart: 0,
    dirty: true,
  };
}

/**
 * Room for at least `n` agents: the arrays grow (doubling) when spawning is not known in advance
 * (conflict- and flood-driven spawning).
 */
export function ensureAgentRoom(a: Agents, n: number): void {
  const cap = a.loc.length;
  if (n <= cap) return;
  const size = Math.max(n, cap * 2, 1024);
  const grow = <T extends Int32Array | Float64Array | Uint16Array | Uint8Array | Uint32Array>(
    x: T,
    fill = 0,
  ): T => {
    if (x.length === 0 && cap > 0) return x; // an array the run does not use (prev, refused)
    const y = new (x.constructor as new (k: number) => T)(size);
    y.set(x);
    if (fill !== 0) y.fill(fill, cap);
    return y;
  };
  a.loc = grow(a.loc, -1);
  a.link = grow(a.link, -1);
  a.dist = grow(a.dist);
  a.moved = grow(a.moved);
  a.recent = grow(a.recent);
  a.recentDay = grow(a.recentDay);
  a.places = grow(a.places);
  a.route = grow(a.route, -1);
  a.step = grow(a.step);
  a.flags = grow(a.flags);
  a.wake = grow(a.wake, NEVER);
  a.prev = grow(a.prev, -1);
  a.refused = grow(a.refused);
  a.awareness = grow(a.awareness);
}

function createAgents(
  n: number,
  days: number,
  tracksPrevious: boolean,
  asylum: boolean,
  aware: boolean,
): Agents {
  return {
    count: 0,
    loc: new Int32Array(n).fill(-1),
    link: new Int32Array(n).fill(-1),
    dist: new Float64Array(n),
    moved: new Float64Array(n),
    recent: new Float64Array(n),
    recentDay: new Int32Array(n),
    places: new Uint16Array(n),
    route: new Int32Array(n).fill(-1),
    step: new Uint8Array(n),
    flags: new Uint8Array(n),
    wake: new Int32Array(n).fill(NEVER),
    prev: tracksPrevious ? new Int32Array(n).fill(-1) : new Int32Array(0),
    refused: asylum ? new Uint32Array(n) : new Uint32Array(0),
    awareness: aware ? new Float64Array(n) : new Float64Array(0),
    buckets: Array.from({ length: days + 1 }, () => []),
    travelling: new Int32Array(0),
    travellingCount: 0,
  };
}

function createAsylum(countries: string[], lv: ResolvedLevers): Asylum {
  const doctrine = new Uint8Array(countries.length);
  for (const [c, d] of lv.doctrine)
    doctrine[countries.indexOf(c)] =
      d === 'open'
        ? DOCTRINE_OPEN
        : d === 'violence-broad'
          ? DOCTRINE_BROAD
          : d === 'refugee-1951'
            ? DOCTRINE_1951
            : DOCTRINE_CLOSED;
  return {
    active: lv.doctrine.size > 0,
    doctrine,
    strand: Uint8Array.from(countries, (c) =>
      (lv.strandByCountry.get(c) ?? lv.strandNonReturnable) ? 1 : 0,
    ),
    persecutedShare: lv.persecutedShare,
    turnedAway: 0,
  };
}
