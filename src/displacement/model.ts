/**
 * The forced-displacement model: Flee's daily rules on struct-of-arrays agent state.
 *
 * One agent = one displaced person. Agents are spawned in conflict zones as the UNHCR camp
 * series grow (or, as the settings say, by conflict intensity or flood level), leave a location with its move chance, choose a route weighted by destination
 * attractiveness and softened distance, travel at up to max_move_speed km/day, and fill camps
 * up to capacity. Rules and their sources: docs/displacement.md; each rule is a top-level function
 * in `model/` (state.ts holds the state they share). Seeded (xoroshiro128plus from pure-rand),
 * deterministic for a seed.
 */
import type { ResolvedLevers } from './levers.ts';
import { noLevers } from './levers.ts';
import type { FleeScenario } from './scenario.ts';
import { refreshCapacities } from './model/capacity.ts';
import { applyConflicts, updateScores } from './model/conflicts.ts';
import { enactClosures, refreshRoutes } from './model/closures.ts';
import { applyFloodLevels } from './model/flooding.ts';
import { applyForecast } from './model/forecaster.ts';
import { moveDay } from './model/move-day.ts';
import { ensureRoutes } from './model/routes.ts';
import { RULES } from './model/rule-sets.ts';
import type { RuleSet, RuleSwitches } from './model/rule-sets.ts';
import { fillCampsOnDay0, spawnDay } from './model/spawning.ts';
import { createState } from './model/state.ts';
import type { ModelState } from './model/state.ts';

export { RULES } from './model/rule-sets.ts';
export type { RuleSet, RuleSwitches } from './model/rule-sets.ts';
export { plannedAgents } from './model/inflow.ts';

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

/** The model's state on day 0 before the first day: capacities set, routes built, camps pre-filled. */
export function initialState(s: FleeScenario, opts: ModelOptions): ModelState {
  const rules = { ...RULES[opts.rules ?? 'flee'], ...opts.switches };
  const m = createState(s, rules, opts.levers ?? noLevers(), opts.seed);
  refreshCapacities(m);
  ensureRoutes(m);
  fillCampsOnDay0(m);
  return m;
}

/** Day t in Flee's order: conflicts (or flood levels), spawning, closures, movement. */
export function simulateDay(m: ModelState, t: number): void {
  const conflictChanged = applyConflicts(m, t);
  applyFloodLevels(m, t);
  applyForecast(m, t);
  spawnDay(m, t, conflictChanged);
  enactClosures(m, t);
  refreshRoutes(m, t);
  updateScores(m, t);
  moveDay(m, t);
}

export function runModel(s: FleeScenario, opts: ModelOptions): ModelResult {
  const m = initialState(s, opts);
  const days = s.days;
  const nc = s.camps.length;
  const campSim = new Int32Array(days * nc);
  const totalAgents = new Int32Array(days);
  const debt = new Int32Array(days);
  const raw = new Float64Array(days);
  for (let t = 0; t < days; t++) {
    simulateDay(m, t);
    // Camps are counted after the day's movement (people on links are not).
    for (let c = 0; c < nc; c++) campSim[t * nc + c] = m.places.occupants[s.camps[c]];
    totalAgents[t] = m.agents.count;
    debt[t] = m.debt;
    raw[t] = m.raw;
    opts.onDay?.(t);
  }
  return {
    days,
    campSim,
    totalAgents,
    debt,
    raw,
    campArrivals: Int32Array.from(s.camps, (c) => m.places.arrivals[c]),
    strandedAt: m.places.strandedAt,
    turnedAway: m.asylum.turnedAway,
    inTransit: m.agents.travellingCount,
    atLocation: m.places.occupants.slice(),
  };
}
