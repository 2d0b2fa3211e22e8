/**
 * What an engine that visits an agent only in its candidate years would cost (issue 23;
 * docs/model.md §7.1), measured on the engine's own agents (not a benchmark itself:
 * bench/world.bench.ts runs it).
 *
 * Most agents abroad can change in a year only by a rare event (death, ageing, naturalisation,
 * regularisation, resettlement, return). With hazards that vary by year, an exact schedule can be
 * drawn by thinning (Lewis & Shedler 1979): draw the next candidate year from an upper bound of the
 * yearly chance, and when it comes accept with chance / bound. The rest is scheduled exactly or
 * visited every year:
 * - every year: returnees, asylum seekers, irregular residents and rejected returnable claimants
 *   (their kernels draw from streams of their own every year: re-immigration, the decision, removal,
 *   the in-country claim);
 * - at a year known ahead (a visit that year and none before): the end of a temporary permit
 *   (kernels/transitions.ts), long-term residence and the start of naturalisation's eligibility
 *   (years in the country against the policy's years), a non-returnable claimant whose origin is
 *   at peace.
 * Measured here, for the year after the store's (`year`):
 * - `hazardShare`: the share of live agents visited if each agent's bound were its chance of this
 *   year exactly — the fewest visits any thinning gives;
 * - `boundShare`: the same with each agent's chance bounded by the largest over the years
 *   `window` (the tables of those years at the agent's state now: a bound that holds until the
 *   next candidate year within them);
 * - `everyYearShare`, `knownAheadShare`: the agents visited because they are visited every year,
 *   and those whose known-ahead event falls in this year; `allThinnedBoundShare`, the bounded share
 *   if the draws of those visited every year were thinned too (`everyYearChance`);
 * - the agent pass over a copy of the store (`fullPassSeconds`) and over a copy in which only the
 *   agents drawn as candidates under the bound are agents (`visitPassSeconds`; the others marked
 *   free, so the loop skips them as a due-year scan would: one byte read per slot); the cost per
 *   visited agent is the latter over the visits;
 * - `compactPassSeconds`: the same visited agents copied side by side into a store of their own:
 *   what a visit costs when the visits are contiguous (agents kept sorted by due year) rather than
 *   scattered over the store;
 * - `rescheduleSeconds`: drawing each visited agent's next candidate year (its bound from one
 *   year's tables and a geometric draw).
 * Times are process CPU time, one thread, best of two. The chances repeat the agent pass's rules;
 * test/bench/due-year.test.ts checks them against the pass (the agents it changes in a year number
 * the sum of their chances), so a kernel changed without them fails it.
 */
import { groupSliceLength } from '../src/sim/accumulators.ts';
import { REPATRIATES, agentYearPass } from '../src/sim/agent-year.ts';
import type { AgentYear } from '../src/sim/agent-year.ts';
import { TRANSITION, TRANSITION_KIND, permitYears } from '../src/sim/kernels/transitions.ts';
import { TALLY, TALLY_KIND } from '../src/sim/kernels/tally.ts';
import { inCountryClaimChance } from '../src/sim/kernels/asylum-in-country.ts';
import { irregularRemovalChance, returnableRemovalChance } from '../src/sim/kernels/removal.ts';
import { reImmigrationChance } from '../src/sim/kernels/return.ts';
import { C, CH } from '../src/sim/policy-tables.ts';
import { uniform } from '../src/sim/rng.ts';
import { STATUSES } from '../src/regime/schema/vocabulary.ts';
import {
  FIELDS,
  FREE,
  NO_COUNTRY,
  ST,
  S_ST_COUNT,
  TRAIT,
  allocateStore,
  clockOf,
  growStore,
} from '../src/sim/state.ts';
import type { AgentStore, FieldName } from '../src/sim/state.ts';

/** Statuses whose kernels draw for the agent every year (never skipped by a schedule). */
const EVERY_YEAR = Uint8Array.from({ length: S_ST_COUNT }, (_, st) =>
  st === ST.returnee || st === ST.asylum_seeker || st === ST.irregular || st === ST.rejected_returnable
    ? 1
    : 0,
);

/** Whether agent i, on the store clock `clock`, has an event at a year known ahead that falls in this one. */
export function knownAheadNow(s: AgentStore, i: number, y: AgentYear, clock: number): boolean {
  const ctx = y.ctx;
  const st = s.status[i];
  const d = s.location[i];
  const yis = (clock - s.statusSince[i]) & 255;
  const yic = (clock - s.residentSince[i]) & 255;
  switch (TRANSITION_KIND[st]) {
    case TRANSITION.temporaryPermit:
      return yis >= permitYears(ctx, st, d * C + s.channel[i]);
    case TRANSITION.settling:
      return yic >= ctx.yearsToLongTermResidence[d];
    case TRANSITION.nonReturnable:
      return s.origin[i] < ctx.n && ctx.atPeace[s.origin[i]] === 1;
    default:
      return false;
  }
}

/**
 * Agent i's chance of a thinned event in the year of `y` (death, ageing, naturalisation once
 * eligible, regularisation, resettlement, return or repatriation), on the store clock `clock`, as
 * the agent pass computes each (agent-year.ts): one minus the chance that none happens.
 */
export function rareEventChance(s: AgentStore, i: number, y: AgentYear, clock: number): number {
  const ctx = y.ctx;
  const n = ctx.n;
  const lines = n + 2;
  const st = s.status[i];
  const d = s.location[i];
  const o = s.origin[i];
  const age = (s.traits[i] & TRAIT.ageMask) >> TRAIT.ageShift;
  const yic = (clock - s.residentSince[i]) & 255;
  let none = (1 - y.mortality[age]) * (age < 3 ? 1 - ctx.params.ageingRate : 1);
  const kind = TRANSITION_KIND[st];
  if (
    (kind === TRANSITION.naturalising || kind === TRANSITION.naturalisingRefugee) &&
    yic >= ctx.yearsToNaturalisation[d]
  )
    none *=
      1 -
      (kind === TRANSITION.naturalising
        ? ctx.params.naturalisationUptake
        : ctx.params.refugeeNaturalisationUptake);
  if (ctx.regularisation[d] > 0 && (ctx.regularisedEligible[d] >>> st) & 1) none *= 1 - ctx.regularisation[d];
  if (
    ctx.resettlement.rate > 0 &&
    TALLY_KIND[st] === TALLY.protected &&
    ctx.resettlement.source[d] === 1 &&
    o < n
  )
    none *= 1 - ctx.resettlement.rate;
  if (o < n) {
    const leaving = y.leavesAs[d * S_ST_COUNT + st];
    const ret =
      leaving === REPATRIATES
        ? ctx.repatriation[d * lines + o] * ctx.exileWeight[(o << 8) + yic]
        : y.returnRate[((leaving * 2 + ctx.atPeace[o]) << 8) + yic] + ctx.coEthnicReturn[d * lines + o];
    none *= 1 - Math.min(1, ret);
  }
  return 1 - none;
}

/**
 * The chance of an event in the year of `y` for an agent of a status visited every year
 * (`EVERY_YEAR`), if its kernels' draws were thinned too: the rare events of `rareEventChance` and
 * re-immigration or the end of a returnee's years (kernels/return.ts), the decision on a claim
 * (kernels/asylum.ts), an in-country claim (kernels/asylum-in-country.ts), removal and absconding
 * (kernels/removal.ts).
 */
export function everyYearChance(s: AgentStore, i: number, y: AgentYear, clock: number): number {
  const ctx = y.ctx;
  const p = ctx.params;
  const n = ctx.n;
  const st = s.status[i];
  const d = s.location[i];
  const o = s.origin[i];
  const age = (s.traits[i] & TRAIT.ageMask) >> TRAIT.ageShift;
  if (st === ST.returnee) {
    if (((clock - s.statusSince[i]) & 255) >= p.returneeYears) return 1;
    const back = s.previous[i];
    const reImmigration =
      back === NO_COUNTRY ? 0 : reImmigrationChance(p, ctx.reImmigrationRetained[back] === 1);
    return 1 - (1 - y.mortality[age]) * (age < 3 ? 1 - p.ageingRate : 1) * (1 - reImmigration);
  }
  let none = 1 - rareEventChance(s, i, y, clock);
  if (o >= n) return 1 - none;
  const readmission = ctx.readmission[d * n + o] === 1;
  const interior = ctx.enforcementInterior[d];
  if (st === ST.asylum_seeker) none *= 1 - p.decisionRate;
  else if (st === ST.rejected_returnable) {
    const removal = Math.min(1, returnableRemovalChance(p, readmission, interior));
    none *= (1 - removal) * (1 - p.abscondRate);
  } else if (st === ST.irregular) {
    const claimRate = s.channel[i] !== CH.asylum ? ctx.inCountryClaim[d * (n + 2) + o] : 0;
    if (claimRate > 0) none *= 1 - inCountryClaimChance(s, i, ctx, claimRate);
    if (!(s.channel[i] === CH.asylum && !ctx.atPeace[o]))
      none *= 1 - Math.min(1, irregularRemovalChance(p, readmission, interior));
  }
  return 1 - none;
}

/** Process CPU seconds of `f()`, best of `rounds`, with `setup()` run untimed before each. */
function cpuSeconds<T>(rounds: number, setup: () => T, f: (x: T) => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const x = setup();
    const c0 = process.cpuUsage();
    f(x);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return best;
}

export interface DueYearCost {
  /** Live agents (returnees included: they are visited). */
  agents: number;
  everyYearShare: number;
  /** The same by status (returnee, asylum_seeker, irregular, rejected_returnable). */
  everyYearByStatus: Record<string, number>;
  knownAheadShare: number;
  /**
   * `boundShare` if the statuses visited every year were thinned too (`everyYearChance`), and the
   * share of agents those would then be visited.
   */
  allThinnedBoundShare: number;
  everyYearThinnedShare: number;
  hazardShare: number;
  boundShare: number;
  /** The share of live agents drawn as candidates under the bound for the timed pass. */
  visitedShare: number;
  fullPassSeconds: number;
  visitPassSeconds: number;
  compactPassSeconds: number;
  compactNanosecondsPerVisit: number;
  rescheduleSeconds: number;
  /** Per live agent, the full pass; per visited agent, the visiting pass and the rescheduling. */
  fullPassNanosecondsPerAgent: number;
  visitNanosecondsPerVisit: number;
  rescheduleNanosecondsPerVisit: number;
}

/**
 * The costs of a due-year engine for the store `s` at the end of a year, for the next year (`next`,
 * its compiled numbers) with bounds over the years `window` (their compiled numbers; `next` first).
 */
export function dueYearCost(s: AgentStore, year: number, window: AgentYear[]): DueYearCost {
  const next = window[0];
  const clock = clockOf(year + 1);
  const bound = new Float64Array(s.used);
  let agents = 0;
  let everyYear = 0;
  const byStatus = new Float64Array(S_ST_COUNT);
  let knownAhead = 0;
  let hazardSum = 0;
  let boundSum = 0;
  let everyYearThinned = 0;
  for (let i = 0; i < s.used; i++) {
    const st = s.status[i];
    if (st === FREE) continue;
    agents++;
    if (EVERY_YEAR[st]) {
      everyYear++;
      byStatus[st]++;
      bound[i] = 1;
      let b = 0;
      for (const y of window) b = Math.max(b, everyYearChance(s, i, y, clock));
      everyYearThinned += b;
    } else if (knownAheadNow(s, i, next, clock)) {
      knownAhead++;
      bound[i] = 1;
    } else {
      hazardSum += rareEventChance(s, i, next, clock);
      let b = 0;
      for (const y of window) b = Math.max(b, rareEventChance(s, i, y, clock));
      bound[i] = b;
      continue;
    }
    hazardSum += 1;
    boundSum += 1;
  }
  for (let i = 0; i < s.used; i++) if (s.status[i] !== FREE && bound[i] < 1) boundSum += bound[i];
  // the candidates of this year under the bound, drawn once: the timed passes visit the same agents
  const visit = new Uint8Array(s.used);
  let visits = 0;
  for (let i = 0; i < s.used; i++)
    if (s.status[i] !== FREE && uniform(0x3c6ef372, i) < bound[i]) {
      visit[i] = 1;
      visits++;
    }
  const copy = () => {
    const c = growStore(s, s.capacity);
    c.clock = clock;
    return c;
  };
  const acc = new Float64Array(groupSliceLength(next.ctx.n + 2));
  const fullPassSeconds = cpuSeconds(2, copy, (c) => agentYearPass(c, 0, c.used, next, acc, 0));
  const visitPassSeconds = cpuSeconds(
    2,
    () => {
      const c = copy();
      for (let i = 0; i < c.used; i++) if (!visit[i]) c.status[i] = FREE;
      return c;
    },
    (c) => agentYearPass(c, 0, c.used, next, acc, 0),
  );
  const compactPassSeconds = cpuSeconds(
    2,
    () => {
      const c = allocateStore(Math.max(1, visits));
      c.clock = clock;
      let j = 0;
      for (let i = 0; i < s.used; i++) {
        if (!visit[i]) continue;
        for (const name of Object.keys(FIELDS) as FieldName[]) c[name][j] = s[name][i];
        j++;
      }
      c.used = j;
      return c;
    },
    (c) => agentYearPass(c, 0, c.used, next, acc, 0),
  );
  // the next candidate year of each visited agent: its bound from one year's tables, a geometric draw
  const due = new Uint8Array(s.used);
  const rescheduleSeconds = cpuSeconds(
    2,
    () => undefined,
    () => {
      for (let i = 0; i < s.used; i++) {
        if (!visit[i] || EVERY_YEAR[s.status[i]]) continue;
        const b = rareEventChance(s, i, next, clock);
        const wait = b > 0 ? Math.floor(Math.log(1 - uniform(0x78dde6e4, i)) / Math.log1p(-b)) : 255;
        due[i] = (clock + 1 + Math.min(wait, 254)) & 255;
      }
    },
  );
  if (!(acc[0] >= 0) || due.length !== s.used) throw new Error('unreachable: keeps the passes observable');
  return {
    agents,
    everyYearShare: everyYear / agents,
    everyYearByStatus: Object.fromEntries(
      STATUSES.flatMap((name, st) => (EVERY_YEAR[st] ? [[name, byStatus[st] / agents]] : [])),
    ),
    knownAheadShare: knownAhead / agents,
    allThinnedBoundShare: (boundSum - everyYear + everyYearThinned) / agents,
    everyYearThinnedShare: everyYearThinned / agents,
    hazardShare: hazardSum / agents,
    boundShare: boundSum / agents,
    visitedShare: visits / agents,
    fullPassSeconds,
    visitPassSeconds,
    compactPassSeconds,
    compactNanosecondsPerVisit: (compactPassSeconds / visits) * 1e9,
    rescheduleSeconds,
    fullPassNanosecondsPerAgent: (fullPassSeconds / agents) * 1e9,
    visitNanosecondsPerVisit: (visitPassSeconds / visits) * 1e9,
    rescheduleNanosecondsPerVisit: (rescheduleSeconds / visits) * 1e9,
  };
}
