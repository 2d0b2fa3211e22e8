/**
 * Putting people into the simulation (Flee's spawning.py with sum_from_camps): camps pre-filled on
 * day 0, then each day's new people placed in conflict zones in proportion to their spawn weight.
 */
import { userError } from '../../shared/errors.ts';
import { pickWeighted, runningSum } from '../../shared/weighted-pick.ts';
import { reduceCapacitiesByDay0 } from './capacity.ts';
import { updateSpawnWeights } from './conflicts.ts';
import { newArrivals } from './inflow.ts';
import { addAgent, insertAgent } from './add-agent.ts';
import { spawnByConflict, spawnByFlood } from './driven-spawning.ts';
import type { ModelState } from './state.ts';

export { addAgent, insertAgent } from './add-agent.ts';

/** Day 0: every camp gets as many people as its interpolated UNHCR count. */
export function fillCampsOnDay0(m: ModelState): void {
  const s = m.scenario;
  for (let c = 0; c < s.camps.length; c++)
    for (let k = 0; k < s.campDay0[c]; k++) insertAgent(m, s.camps[c], 0);
}

/**
 * Day t's inflow: the growth of the camp series less the carried debt, each new person placed in
 * a conflict zone drawn in proportion to its spawn weight (yesterday's weights under Flee's rules
 * unless a conflict changed today); or conflict- or flood-driven spawning when the settings say so.
 */
export function spawnDay(m: ModelState, t: number, conflictChanged: boolean): void {
  const s = m.scenario;
  // Driven spawning: no inflow from the series, no raw count and no day-0 capacity reduction (Flee).
  const { conflictDrivenSpawning: byConflict, floodDrivenSpawning: byFlood } = m.settings;
  if (byConflict !== null) return spawnByConflict(m, byConflict, t);
  if (byFlood !== null) return spawnByFlood(m, byFlood, t);
  let count = 0;
  if (t === 0) {
    m.raw += s.rawDay0;
    if (m.rules.day0CapacityDoubleCount) reduceCapacitiesByDay0(m);
  } else {
    m.raw += s.dailyDifference[t];
    const day = newArrivals(s.dailyDifference[t], m.debt);
    count = day.count;
    m.debt = day.debt;
  }
  if (count > 0)
    spawnInConflictZones(m, count, m.rules.spawnWeightsLag && !conflictChanged ? Math.max(0, t - 1) : t, t);
}

/** Places `count` new people in conflict zones by the spawn weights as of day `weightsDay`. */
export function spawnInConflictZones(m: ModelState, count: number, weightsDay: number, t: number): void {
  const p = m.places;
  updateSpawnWeights(m, weightsDay);
  const total = runningSum(p.spawnWeight, p.spawnCumulative);
  if (!(total > 0))
    throw userError(
      'E_FLEE_SPAWN',
      `day ${t}: ${count} people to spawn but no active conflict zone with a population`,
      { file: m.scenario.dir },
    );
  for (let k = 0; k < count; k++)
    addAgent(m, pickWeighted(p.spawnCumulative, p.spawnWeight, m.rand() * total), t);
}
