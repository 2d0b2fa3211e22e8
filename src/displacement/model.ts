/**
 * The forced-displacement model: Flee's daily rules on struct-of-arrays agent state.
 *
 * One agent = one displaced person. Agents are spawned in conflict zones as the UNHCR camp
 * series grow, leave a location with its move chance, choose a route weighted by destination
 * attractiveness and softened distance, travel at up to max_move_speed km/day, and fill camps
 * up to capacity. Rules and their sources: docs/displacement.md. Seeded (xoroshiro128plus
 * from pure-rand), deterministic for a seed.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { userError } from '../shared/errors.ts';
import type { FleeScenario } from './scenario.ts';
import { isCampKind } from './scenario.ts';
import type { ResolvedLevers } from './levers.ts';
import { noLevers } from './levers.ts';

/**
 * `flee`: Flee's rules as its code runs them, quirks included (like-for-like comparison).
 * `improved`: the same model with Flee's unintended quirks fixed (see RULES and docs/displacement.md).
 */
export type RuleSet = 'flee' | 'improved';

export interface RuleSwitches {
  /** Flee reduces each camp's capacity by its day-0 count although the day-0 people are also in the camp (double count). */
  day0CapacityDoubleCount: boolean;
  /** Flee credits a new link after a mid-day arrival with a full day's km, not the remainder of the day's budget. */
  fullCreditAfterArrival: boolean;
  /** Flee spawns with yesterday's spawn weights unless a conflict changed today (weights are refreshed after spawning). */
  spawnWeightsLag: boolean;
  /** Flee counts only the people already in a camp against its capacity, not those on a link into it. */
  capacityIgnoresEnRoute: boolean;
  /**
   * Weight multiplier on the route back to the location an agent has just come from. Flee: 1
   * (back-tracking as attractive as any other route).
   */
  backtrackWeight: number;
}

export const RULES: Record<RuleSet, RuleSwitches> = {
  flee: {
    day0CapacityDoubleCount: true,
    fullCreditAfterArrival: true,
    spawnWeightsLag: true,
    capacityIgnoresEnRoute: true,
    backtrackWeight: 1,
  },
  // Improved keeps the day-0 capacity reduction: FabFlee's capacity_scaling (1.25) was calibrated
  // with it, and removing it alone raised mali2012's ARD from 0.317 to 0.329 (5 seeds each).
  // backtrackWeight 0.5: calibrated, see docs/displacement.md (grid 1, 0.5, 0.25, 0.1 on all five
  // conflicts, 3 seeds each; 0.5 gives the lowest worst-case ratio of our ARD to Flee's).
  improved: {
    day0CapacityDoubleCount: true,
    fullCreditAfterArrival: false,
    spawnWeightsLag: false,
    capacityIgnoresEnRoute: false,
    backtrackWeight: 0.5,
  },
};

export interface ModelOptions {
  seed: number;
  rules?: RuleSet;
  /** Override single rule switches of the rule set (for ablations). */
  switches?: Partial<RuleSwitches>;
  levers?: ResolvedLevers;
  /** Called after each simulated day (for progress bars). */
  onDay?: (day: number) => void;
}

export interface ModelResult {
  days: number;
  /** Agents at each camp after each day: campSim[day * camps + c]. */
  campSim: Int32Array;
  /** All agents in the simulation after each day. */
  totalAgents: Int32Array;
  /** Flee's refugee_debt after each day. */
  debt: Int32Array;
  /** Flee's "raw UNHCR refugee count" after each day. */
  raw: Float64Array;
  /** Arrivals (entries) into each camp over the run, camps in scenario order. */
  campArrivals: Int32Array;
  /** People stranded at each location at the end (asylum levers), by location index. */
  strandedAt: Int32Array;
  /** People turned away at a border and sent back (asylum levers, not stranded). */
  turnedAway: number;
  /** Agents still on a link at the end. */
  inTransit: number;
  /** Agents at each location at the end (stranded people not included), by location index. */
  atLocation: Int32Array;
}

// Location kind codes.
const K_TOWN = 0;
const K_CAMP = 1;
const K_CONFLICT = 2;
const K_FORWARD = 3;
const K_MARKER = 4;
const K_FLOOD = 5;

// Agent flag bits.
const F_BOUNCE = 1; // was on a link when it closed: returns to the start on arrival
const F_STRANDED = 2;
const F_PERSECUTED = 4; // individual persecution claim (protected under a narrow 1951 doctrine)

const U32 = 2.3283064365386963e-10; // 2^-32

/** Total agents the run will create (day-0 fill plus spawned), known in advance from the data. */
export function plannedAgents(s: FleeScenario): number {
  let n = 0;
  for (let c = 0; c < s.campDay0.length; c++) n += s.campDay0[c];
  let debt = 0;
  for (let t = 1; t < s.days; t++) {
    const v = s.dailyDifference[t] - debt;
    if (v < 0) debt = -v;
    else {
      debt = 0;
      n += v;
    }
  }
  return n;
}

export function runModel(s: FleeScenario, opts: ModelOptions): ModelResult {
  const rules = { ...RULES[opts.rules ?? 'flee'], ...opts.switches };
  const lv = opts.levers ?? noLevers();
  const st = s.settings;
  const rng = xoroshiro128plus(opts.seed | 0);
  const rand = () => (rng.next() >>> 0) * U32;

  // ------------------------------------------------------------------ locations
  const nLoc = s.locations.length;
  const countryNames = [...new Set(s.locations.map((l) => l.country))];
  const countryOf = Int32Array.from(s.locations.map((l) => countryNames.indexOf(l.country)));
  const foreign = Uint8Array.from(s.locations.map((l) => (l.country !== s.homeCountry ? 1 : 0)));
  const kind = new Uint8Array(nLoc);
  const isCamp = new Uint8Array(nLoc);
  const isTown = new Uint8Array(nLoc);
  const moveChance = new Float64Array(nLoc);
  const conflict = new Float64Array(nLoc).fill(-1);
  const timeOfConflict = new Int32Array(nLoc).fill(-1);
  const capacity = new Float64Array(nLoc); // capacity x capacity_scaling x lever multiplier (<1 means none)
  const locCount = new Int32Array(nLoc);
  const strandedAt = new Int32Array(nLoc);
  const arrivals = new Int32Array(nLoc);
  s.locations.forEach((l, i) => {
    switch (l.kind) {
      case 'camp':
      case 'idpcamp':
        kind[i] = K_CAMP;
        isCamp[i] = 1;
        moveChance[i] = l.kind === 'idpcamp' ? st.idpcampMoveChance : st.campMoveChance;
        break;
      case 'conflict':
        if ((l.conflictDate ?? 0) > 0) {
          kind[i] = K_TOWN;
          isTown[i] = 1;
          moveChance[i] = st.defaultMoveChance;
        } else {
          kind[i] = K_CONFLICT;
          moveChance[i] = st.conflictMoveChance;
          conflict[i] = Number(l.attributes.conflict_intensity ?? 1) || 1;
        }
        break;
      case 'forward':
        kind[i] = K_FORWARD;
        moveChance[i] = 1;
        break;
      case 'marker':
        kind[i] = K_MARKER;
        moveChance[i] = 1;
        break;
      case 'flood':
        kind[i] = K_FLOOD;
        moveChance[i] = st.defaultMoveChance;
        break;
      default:
        kind[i] = K_TOWN;
        isTown[i] = 1;
        moveChance[i] = st.defaultMoveChance;
    }
    // Flee: any non-camp location with a move chance below 0.005 silently becomes a camp.
    if (!isCamp[i] && kind[i] !== K_FLOOD && moveChance[i] < 0.005) {
      isCamp[i] = 1;
      isTown[i] = 0;
    }
    const mult = lv.capacityMultiplier.get(l.country) ?? 1;
    capacity[i] = isCampKind(l.kind) ? s.capacity[i] : -1;
    capacity[i] = capacity[i] >= 0 ? capacity[i] : -1;
    if (capacity[i] >= 0) capacity[i] = capacity[i] * mult;
  });
  const isMarker = Uint8Array.from(kind, (k) => (k === K_MARKER ? 1 : 0));
  const baseCapacity = Float64Array.from(s.capacity, (c, i) => (isCampKind(s.locations[i].kind) ? c : -1));
  const capMultOf = Float64Array.from(s.locations, (l) => lv.capacityMultiplier.get(l.country) ?? 1);
  // Effective capacity (Flee's getCapMultiplier: cap = capacity * capacity_scaling).
  const cap = new Float64Array(nLoc);
  const refreshCap = () => {
    for (let i = 0; i < nLoc; i++) cap[i] = baseCapacity[i] * st.capacityScaling * capMultOf[i];
  };
  const buf = st.capacityBuffer;
  const countEnRoute = !rules.capacityIgnoresEnRoute;
  const enRoute = new Int32Array(nLoc); // agents on a link into each location
  const capMult = (d: number): number => {
    const c = cap[d];
    if (c < 1) return 1;
    const occ = countEnRoute ? locCount[d] + enRoute[d] : locCount[d];
    if (occ <= buf * c) return 1;
    if (occ >= c) return 0;
    return 1 - (occ - buf * c) / (c * (1 - buf));
  };

  // ------------------------------------------------------------------ links
  const index = new Map(s.locations.map((l, i) => [l.name, i]));
  const lFrom: number[] = [];
  const lTo: number[] = [];
  const lLen: number[] = [];
  const lSpeed: number[] = [];
  const lWalk: number[] = [];
  const addLink = (a: number, b: number, d: number, attrs: Record<string, string>) => {
    lFrom.push(a);
    lTo.push(b);
    lLen.push(d);
    const sp = attrs.max_move_speed?.trim();
    lSpeed.push(sp ? Number(sp) : st.maxMoveSpeed);
    const wp = attrs.walk_probability?.trim();
    lWalk.push(wp ? Number(wp) : 0);
  };
  for (const r of s.routes) {
    const a = index.get(r.from)!;
    const b = index.get(r.to)!;
    // Flee's reader: forced_redirection 1 creates an extra plain copy of the pair.
    const copies = r.forcedRedirection === 1 ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      addLink(a, b, r.distance, r.attributes);
      addLink(b, a, r.distance, r.attributes);
    }
  }
  const nLink = lFrom.length;
  const linkFrom = Int32Array.from(lFrom);
  const linkTo = Int32Array.from(lTo);
  const linkLen = Float64Array.from(lLen);
  const linkSpeed = Float64Array.from(lSpeed);
  const linkWalk = Float64Array.from(lWalk);
  const hasWalk = linkWalk.some((w) => w > 0);
  const linkOpen = new Uint8Array(nLink).fill(1);
  // Open out-links per location (CSR), rebuilt when closures change.
  const outOff = new Int32Array(nLoc + 1);
  const outIdx = new Int32Array(nLink);
  const rebuildOut = () => {
    outOff.fill(0);
    for (let l = 0; l < nLink; l++) if (linkOpen[l]) outOff[linkFrom[l] + 1]++;
    for (let i = 0; i < nLoc; i++) outOff[i + 1] += outOff[i];
    const fill = outOff.slice(0, nLoc);
    for (let l = 0; l < nLink; l++) if (linkOpen[l]) outIdx[fill[linkFrom[l]]++] = l;
  };

  // ------------------------------------------------------------------ candidate routes
  // A route is a path of 1..k locations (awareness k, markers passed through); routes are
  // append-only so an agent's stored route id stays valid after a rebuild.
  const pathBuf: number[] = [];
  const rPathOff: number[] = [];
  const rPathLen: number[] = [];
  const rDest: number[] = [];
  const rDist: number[] = [];
  let locRouteOff = new Int32Array(nLoc + 1);
  let locRouteIdx = new Int32Array(0);
  let routeBase = new Float64Array(0);
  let routeCountry = new Int32Array(0);
  const aw = st.awarenessLevel;
  let tableStart = 0;
  const rebuildRoutes = () => {
    tableStart = rDest.length;
    const perLoc: number[][] = [];
    for (let L = 0; L < nLoc; L++) {
      const ids: number[] = [];
      const path: number[] = [];
      const visit = (link: number, prior: number, step: number, origin: number[]) => {
        const to = linkTo[link];
        const dist = prior + linkLen[link];
        path.push(to);
        if (!isMarker[to]) {
          rPathOff.push(pathBuf.length);
          rPathLen.push(path.length);
          for (const p of path) pathBuf.push(p);
          rDest.push(to);
          rDist.push(dist);
          ids.push(rDest.length - 1);
        } else step -= 1;
        if (aw > step) {
          for (let k = outOff[to]; k < outOff[to + 1]; k++) {
            const lel = outIdx[k];
            if (origin.includes(linkTo[lel])) continue;
            origin.push(to);
            visit(lel, dist, step + 1, origin);
            origin.pop();
          }
        }
        path.pop();
      };
      for (let k = outOff[L]; k < outOff[L + 1]; k++) visit(outIdx[k], 0, 1, [L]);
      perLoc.push(ids);
    }
    locRouteOff = new Int32Array(nLoc + 1);
    for (let L = 0; L < nLoc; L++) locRouteOff[L + 1] = locRouteOff[L] + perLoc[L].length;
    locRouteIdx = Int32Array.from(perLoc.flat());
    routeBase = new Float64Array(rDest.length);
    routeCountry = Int32Array.from(rDest, (d) => countryOf[d]);
    let most = 16;
    for (let L = 0; L < nLoc; L++) most = Math.max(most, perLoc[L].length);
    if (most > wBuf.length) {
      wBuf = new Float64Array(most);
      idBuf = new Int32Array(most);
    }
  };
  let pathArr = new Int32Array(0);
  let pathOffArr = new Int32Array(0);
  let pathLenArr = new Int32Array(0);
  let routesDirty = true;
  const ensureRoutes = () => {
    if (!routesDirty) return;
    rebuildOut();
    rebuildRoutes();
    pathArr = Int32Array.from(pathBuf);
    pathOffArr = Int32Array.from(rPathOff);
    pathLenArr = Int32Array.from(rPathLen);
    routesDirty = false;
  };

  // ------------------------------------------------------------------ agents
  // Struct-of-arrays agent state. Instead of drawing "do I move today?" for every agent every
  // day (Flee), each agent at a location gets the day of its next departure decision, drawn
  // from the geometric distribution of its location's move chance (memoryless, so the same
  // distribution as daily draws); it is redrawn whenever that location's move chance changes.
  const N = plannedAgents(s);
  const NEVER = 0x7fffffff;
  const aLoc = new Int32Array(N).fill(-1);
  const aLink = new Int32Array(N).fill(-1);
  const aDist = new Float64Array(N);
  const aMoved = new Float64Array(N);
  const aRecent = new Float64Array(N);
  const aRecDay = new Int32Array(N);
  const aPlaces = new Uint16Array(N);
  const aRoute = new Int32Array(N).fill(-1);
  const aStep = new Uint8Array(N);
  const aFlags = new Uint8Array(N);
  const aWake = new Int32Array(N).fill(NEVER);
  const backW = rules.backtrackWeight;
  const noBacktrack = backW !== 1;
  const aPrev = noBacktrack ? new Int32Array(N).fill(-1) : new Int32Array(0);
  const useAsylum = lv.doctrine.size > 0;
  const aRefused = useAsylum ? new Uint32Array(N) : new Uint32Array(0);
  const doctrineOf = new Uint8Array(countryNames.length); // 0 open, 1 broad, 2 narrow 1951, 3 closed
  for (const [c, d] of lv.doctrine)
    doctrineOf[countryNames.indexOf(c)] =
      d === 'open' ? 0 : d === 'violence-broad' ? 1 : d === 'refugee-1951' ? 2 : 3;
  const strandOf = Uint8Array.from(countryNames, (c) =>
    (lv.strandByCountry.get(c) ?? lv.strandNonReturnable) ? 1 : 0,
  );
  let n = 0;
  let turnedAway = 0;
  const days = s.days;
  // buckets[d]: agents whose next decision is on day d (entries are stale when aWake differs).
  const buckets: number[][] = Array.from({ length: days + 1 }, () => []);

  /** Day of the next departure decision for an agent at `loc`, counting from day `from`. */
  const schedule = (i: number, loc: number, from: number) => {
    const p = aRoute[i] >= 0 ? 1 : moveChance[loc];
    let d: number;
    // No open way out: the daily draws cannot lead anywhere until a closure lifts (then rescheduled).
    if (aRoute[i] < 0 && locRouteOff[loc + 1] === locRouteOff[loc]) d = NEVER;
    else if (p >= 1) d = from;
    else if (!(p > 0)) d = NEVER;
    else {
      const g = Math.floor(Math.log(1 - rand()) / Math.log(1 - p));
      d = from + g > days ? NEVER : from + g;
    }
    aWake[i] = d;
    if (d < days) buckets[d].push(i);
  };

  const addAgent = (loc: number, t: number) => {
    const i = n++;
    aLoc[i] = loc;
    aPlaces[i] = 1;
    locCount[loc]++;
    if (useAsylum && rand() < lv.persecutedShare) aFlags[i] |= F_PERSECUTED;
    schedule(i, loc, t);
  };
  /** A location's move chance changed on day t: redraw the decision day of everyone there. */
  const reschedule = (loc: number, t: number) => {
    if (locCount[loc] === 0) return;
    for (let i = 0; i < n; i++) if (aLoc[i] === loc && !(aFlags[i] & F_STRANDED)) schedule(i, loc, t);
  };

  // ------------------------------------------------------------------ daily helpers
  const decayList = st.conflictSpawnDecay;
  const decay = (age: number): number => {
    if (!decayList || decayList.length === 0) return 1;
    const k = Math.min(Math.trunc(age / st.conflictSpawnDecayInterval), decayList.length - 1);
    return decayList[k];
  };
  const score = new Float64Array(nLoc);
  const updateScores = (t: number) => {
    for (let i = 0; i < nLoc; i++) {
      let sc = 1;
      if (foreign[i]) sc *= st.foreignWeight;
      if (isCamp[i]) sc *= st.campWeight;
      if (conflict[i] > 0) sc *= Math.pow(st.conflictWeight, decay(t - timeOfConflict[i]) * conflict[i]);
      score[i] = sc;
    }
    const ws = st.weightSoftening;
    for (let r = tableStart; r < routeBase.length; r++) {
      routeBase[r] = (ws + score[rDest[r]]) / Math.pow(st.softening + rDist[r], st.distancePower);
    }
  };
  const spawnWeight = new Float64Array(nLoc);
  const refreshSpawnWeights = (t: number) => {
    for (let i = 0; i < nLoc; i++)
      spawnWeight[i] = conflict[i] > 0 ? s.population[i] * conflict[i] * decay(t - timeOfConflict[i]) : 0;
  };
  const setMoveChance = (i: number, p: number, t: number) => {
    if (moveChance[i] === p) return;
    moveChance[i] = p;
    reschedule(i, t);
  };
  const addConflict = (i: number, intensity: number, t: number) => {
    conflict[i] = intensity;
    isTown[i] = 0;
    timeOfConflict[i] = t;
    setMoveChance(i, st.conflictMoveChance, t);
  };
  const removeConflict = (i: number, t: number) => {
    conflict[i] = -1;
    isTown[i] = 1;
    setMoveChance(i, st.defaultMoveChance, t);
  };

  // Closures: closures.csv rows plus lever border closures (as `country` rows).
  const closures = [
    ...s.closures,
    ...lv.borderClosures.map((b) => ({
      type: 'country' as const,
      name1: b.a,
      name2: b.b,
      start: b.start,
      end: b.end,
      line: 0,
    })),
  ];
  const justClosed = new Uint8Array(nLink);
  let anyClosed = false;
  const setLink = (l: number, open: boolean) => {
    if (linkOpen[l] === (open ? 1 : 0)) return;
    linkOpen[l] = open ? 1 : 0;
    routesDirty = true;
    if (!open) {
      justClosed[l] = 1;
      anyClosed = true;
    }
  };
  // Agents on a link at the end of the day, in index order.
  let trav = new Int32Array(0);
  let travLen = 0;
  const enactClosures = (t: number) => {
    anyClosed = false;
    justClosed.fill(0);
    for (const c of closures) {
      if (t === c.start) enactClosure(c, false, t);
      if (t === c.end) enactClosure(c, true, t);
    }
    // Agents already on a link that closes keep going, then are put back at its start.
    if (anyClosed) {
      for (let k = 0; k < travLen; k++) {
        const i = trav[k];
        if (aLink[i] >= 0 && justClosed[aLink[i]]) aFlags[i] |= F_BOUNCE;
      }
    }
  };
  const enactClosure = (c: (typeof closures)[number], open: boolean, t: number) => {
    switch (c.type) {
      case 'country': {
        for (let l = 0; l < nLink; l++) {
          const a = s.locations[linkFrom[l]].country;
          const b = s.locations[linkTo[l]].country;
          if ((a === c.name1 && b === c.name2) || (a === c.name2 && b === c.name1)) setLink(l, open);
        }
        break;
      }
      case 'location': {
        const x = index.get(c.name1)!;
        for (let l = 0; l < nLink; l++) if (linkFrom[l] === x || linkTo[l] === x) setLink(l, open);
        break;
      }
      case 'link':
        // Flee compares names by identity here, so rows read from closures.csv close nothing.
        break;
      case 'camp':
      case 'idpcamp': {
        const x = index.get(c.name1)!;
        conflict[x] = -1;
        isCamp[x] = open ? 1 : 0;
        isTown[x] = open ? 0 : 1;
        setMoveChance(
          x,
          !open ? st.defaultMoveChance : c.type === 'idpcamp' ? st.idpcampMoveChance : st.campMoveChance,
          t,
        );
        break;
      }
      case 'remove_forced_redirection':
        break; // the flag is not consulted by the movement rules
    }
  };

  // ------------------------------------------------------------------ movement
  let wBuf = new Float64Array(16);
  let idBuf = new Int32Array(16);
  const wp = st.weightPower;
  /** Flee's selectRoute: returns a route id, or -1. */
  const selectRoute = (i: number, loc: number): number => {
    const off = locRouteOff[loc];
    const end = locRouteOff[loc + 1];
    if (end === off) return -1;
    const refused = useAsylum ? aRefused[i] : 0;
    let m = 0;
    let sum = 0;
    for (let k = off; k < end; k++) {
      const r = locRouteIdx[k];
      if (refused !== 0 && routeCountry[r] < 32 && (refused >>> routeCountry[r]) & 1) continue;
      let w = routeBase[r] * capMult(rDest[r]);
      if (noBacktrack && pathArr[pathOffArr[r]] === aPrev[i]) w *= backW;
      if (wp !== 1) w = Math.pow(w, wp);
      wBuf[m] = w;
      idBuf[m] = r;
      m++;
      sum += w;
    }
    if (m === 0) return -1;
    if (sum > 0) {
      let x = rand() * sum;
      for (let k = 0; k < m; k++) {
        x -= wBuf[k];
        if (x < 0 && wBuf[k] > 0) return idBuf[k];
      }
      for (let k = m - 1; k >= 0; k--) if (wBuf[k] > 0) return idBuf[k];
    }
    return idBuf[Math.min(m - 1, Math.floor(rand() * m))];
  };

  /** The agent has decided to move (Flee's Person.evolve after the draw): choose a route and step onto its first link. */
  const depart = (i: number): boolean => {
    const loc = aLoc[i];
    let r = aRoute[i];
    if (r < 0) {
      r = selectRoute(i, loc);
      if (r < 0) return false;
      aRoute[i] = r;
      aStep[i] = 0;
    }
    // take_next_step
    const target = pathArr[pathOffArr[r] + aStep[i]];
    let link = -1;
    for (let k = outOff[loc]; k < outOff[loc + 1]; k++) {
      if (linkTo[outIdx[k]] === target) {
        link = outIdx[k];
        break;
      }
    }
    if (link < 0) {
      aRoute[i] = -1;
      return false;
    }
    const dest = pathArr[pathOffArr[r] + pathLenArr[r] - 1];
    if (isCamp[dest] && capMult(dest) < 0.5) {
      aRoute[i] = -1;
      return false;
    }
    if (++aStep[i] >= pathLenArr[r]) aRoute[i] = -1;
    locCount[loc]--;
    aLoc[i] = -1;
    aLink[i] = link;
    aDist[i] = 0;
    aWake[i] = NEVER;
    enRoute[linkTo[link]]++;
    return true;
  };

  const maxSpeed = st.maxMoveSpeed;
  const fullCredit = rules.fullCreditAfterArrival;
  const avoidShort = st.avoidShortStints;
  /** recent_travel_distance as of the end of day d (it halves every day without travel). */
  const HALF_POW = Float64Array.from({ length: 64 }, (_, k) => Math.pow(0.5, k));
  const recentAsOf = (i: number, d: number) => {
    const k = d - aRecDay[i];
    return k <= 0 ? aRecent[i] : k < 64 ? aRecent[i] * HALF_POW[k] : 0;
  };
  /** Puts agent i at location `loc` (arrival or return), to decide again from day `from`. */
  const settle = (i: number, loc: number, from: number) => {
    aLoc[i] = loc;
    locCount[loc]++;
    schedule(i, loc, from);
  };
  /** Flee's Person.finish_travel on day t (its recursion unrolled). */
  const finishTravel = (i: number, t: number) => {
    let budget = Infinity; // improved rules: km left of today's travel after a mid-day arrival
    for (;;) {
      const l = aLink[i];
      if (l < 0) return;
      let speed = linkSpeed[l];
      if (aPlaces[i] === 1 && st.startOnFoot) speed = st.maxWalkSpeed;
      if (hasWalk && linkWalk[l] > 0 && rand() < linkWalk[l]) speed = st.maxWalkSpeed;
      const credit = fullCredit ? speed : Math.min(speed, budget);
      aDist[i] += credit;
      aMoved[i] += credit;
      if (!(aDist[i] > linkLen[l])) return;
      if (aPlaces[i] < 65535) aPlaces[i]++;
      aMoved[i] += linkLen[l] - aDist[i];
      aLink[i] = -1;
      aDist[i] = 0;
      enRoute[linkTo[l]]--;
      if (noBacktrack) aPrev[i] = linkFrom[l];
      if (aFlags[i] & F_BOUNCE) {
        aFlags[i] &= ~F_BOUNCE;
        settle(i, linkFrom[l], t + 1);
        return;
      }
      const to = linkTo[l];
      const evolveMore = aMoved[i] < speed;
      if (useAsylum && foreign[to] && !admitted(i, to, l, t)) return;
      if (isCamp[to]) arrivals[to]++;
      if (!evolveMore) {
        settle(i, to, t + 1);
        return;
      }
      aLoc[i] = to;
      locCount[to]++;
      budget = speed - aMoved[i];
      // Flee's Person.evolve at the new location, with the avoid_short_stints force flag.
      const force = avoidShort && (recentAsOf(i, t - 1) + aMoved[i] / maxSpeed) / 2 < 0.5;
      const mc = isTown[to] && force ? 1 : aRoute[i] >= 0 ? 1 : moveChance[to];
      if (!(rand() < mc) || !depart(i)) {
        schedule(i, to, t + 1);
        return;
      }
    }
  };

  /** Asylum levers at a border: is agent i protected by the doctrine of `to`'s country? */
  const admitted = (i: number, to: number, l: number, t: number): boolean => {
    const c = countryOf[to];
    const d = doctrineOf[c];
    if (d === 0 || d === 1) return true;
    if (d === 2 && aFlags[i] & F_PERSECUTED) return true;
    aRoute[i] = -1;
    // Turned away. Not returnable (they fled a conflict): stranded at the border, or sent back.
    if (strandOf[c]) {
      aFlags[i] |= F_STRANDED;
      strandedAt[to]++;
      aWake[i] = NEVER;
      return false;
    }
    turnedAway++;
    if (c < 32) aRefused[i] |= 1 << c;
    settle(i, linkFrom[l], t + 1);
    return false;
  };

  // ------------------------------------------------------------------ run
  const nc = s.camps.length;
  const campSim = new Int32Array(days * nc);
  const totalAgents = new Int32Array(days);
  const debtArr = new Int32Array(days);
  const rawArr = new Float64Array(days);
  refreshCap();
  ensureRoutes();
  for (let c = 0; c < nc; c++) for (let k = 0; k < s.campDay0[c]; k++) addAgent(s.camps[c], 0);
  let debt = 0;
  let raw = 0;
  const cum = new Float64Array(nLoc);
  let movers = new Int32Array(1024);
  for (let t = 0; t < days; t++) {
    // 1. conflicts
    let conflictChanged = false;
    const nCol = s.conflicts.names.length;
    const cv = s.conflicts.values;
    for (let j = 0; j < nCol; j++) {
      const L = s.conflictLocation[j];
      const v = cv[t * nCol + j];
      const prev = t > 0 ? cv[(t - 1) * nCol + j] : 0;
      if (v > 0.000001 && (t === 0 || prev < 0.000001)) {
        addConflict(L, v, t);
        conflictChanged = true;
      }
      if (v < 0.000001 && t > 0 && prev >= 0.000001) {
        removeConflict(L, t);
        conflictChanged = true;
      }
    }
    // 2. spawning
    let newRefs: number;
    if (t === 0) {
      raw += s.rawDay0;
      newRefs = 0;
      if (rules.day0CapacityDoubleCount) {
        for (let i = 0; i < nLoc; i++)
          if (baseCapacity[i] > 0) baseCapacity[i] -= s.day0Pops.get(s.locations[i].name) ?? 0;
        refreshCap();
      }
    } else {
      raw += s.dailyDifference[t];
      newRefs = s.dailyDifference[t] - debt;
      if (newRefs < 0) {
        debt = -newRefs;
        newRefs = 0;
      } else debt = 0;
    }
    if (newRefs > 0) {
      refreshSpawnWeights(rules.spawnWeightsLag && !conflictChanged ? Math.max(0, t - 1) : t);
      let total = 0;
      for (let i = 0; i < nLoc; i++) cum[i] = total += spawnWeight[i];
      if (!(total > 0))
        throw userError(
          'E_FLEE_SPAWN',
          `day ${t}: ${newRefs} people to spawn but no active conflict zone with a population`,
          { file: s.dir },
        );
      for (let k = 0; k < newRefs; k++) {
        const x = rand() * total;
        let lo = 0;
        let hi = nLoc - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cum[mid] > x) hi = mid;
          else lo = mid + 1;
        }
        addAgent(lo, t);
      }
    }
    // 3. closures
    enactClosures(t);
    if (routesDirty) {
      const before = Int32Array.from({ length: nLoc }, (_, L) => locRouteOff[L + 1] - locRouteOff[L]);
      ensureRoutes();
      for (let L = 0; L < nLoc; L++)
        if (before[L] === 0 && locRouteOff[L + 1] > locRouteOff[L]) reschedule(L, t);
    }
    // 4. movement, pass 1: agents whose decision day is today leave, in index order.
    updateScores(t);
    const due = Int32Array.from(buckets[t]).sort();
    buckets[t] = [];
    if (movers.length < due.length) movers = new Int32Array(due.length * 2);
    let nm = 0;
    let last = -1;
    for (let k = 0; k < due.length; k++) {
      const i = due[k];
      if (i === last || aWake[i] !== t) continue;
      last = i;
      if (depart(i)) movers[nm++] = i;
      else schedule(i, aLoc[i], t + 1);
    }
    // Pass 2: everyone on a link advances, in index order (yesterday's travellers merged with today's movers).
    const next = new Int32Array(travLen + nm);
    let nn = 0;
    let a = 0;
    let b = 0;
    while (a < travLen || b < nm) {
      const i = b >= nm || (a < travLen && trav[a] < movers[b]) ? trav[a++] : movers[b++];
      if (aLink[i] < 0) continue;
      finishTravel(i, t);
      if (avoidShort) {
        aRecent[i] = (recentAsOf(i, t - 1) + aMoved[i] / maxSpeed) / 2;
        aRecDay[i] = t;
      }
      aMoved[i] = 0;
      if (aLink[i] >= 0) next[nn++] = i;
    }
    trav = next;
    travLen = nn;
    // 5. record
    for (let c = 0; c < nc; c++) campSim[t * nc + c] = locCount[s.camps[c]];
    totalAgents[t] = n;
    debtArr[t] = debt;
    rawArr[t] = raw;
    opts.onDay?.(t);
  }
  return {
    days,
    campSim,
    totalAgents,
    debt: debtArr,
    raw: rawArr,
    campArrivals: Int32Array.from(s.camps, (c) => arrivals[c]),
    strandedAt,
    turnedAway,
    inTransit: travLen,
    atLocation: locCount.slice(),
  };
}
