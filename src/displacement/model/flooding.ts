/**
 * DFlee's flood rules (flee/InputGeography.py UpdateLocationAttributes, flee/moving.py): each day
 * every place takes its flood level from flood_level.csv (0 where the file has no column for it);
 * where the level is above 0, flood_movechances replaces the place's move chance and
 * flood_loc_weights multiplies its attractiveness, both interpolated at the level.
 */
import { moveChanceAt, reschedule } from './schedule.ts';
import type { ModelState } from './state.ts';

/**
 * Flee's lib_math.interp: the list's value at a fractional index. Flee raises an IndexError
 * outside 0 ≤ i < length − 1; the scenario reader refuses such levels before the run.
 */
export function floodInterp(list: readonly number[], i: number): number {
  if (!(i >= 0 && i < list.length - 1))
    throw new RangeError(`flood level ${i} outside 0..${list.length - 2}`);
  const i0 = Math.trunc(i);
  return list[i0] + (i - i0) * (list[i0 + 1] - list[i0]);
}

/**
 * The attractiveness multiplier of place `loc` under the flood rules: flood_loc_weights at its
 * level where it floods. Flee applies the weight twice: in every flood zone's score at any level,
 * 0 included (scoring.py updateLocationScore), and again for a flooded destination (moving.py
 * getEndPointScore); the `flee` rules do so too, the `improved` rules apply it once.
 */
export function floodWeight(m: ModelState, loc: number): number {
  const w = m.settings.floodRules!.locWeights;
  const level = m.places.floodLevel[loc];
  let f = level > 0 ? floodInterp(w, level) : 1;
  if (m.rules.floodWeightTwice && m.scenario.locations[loc].kind === 'flood') f *= floodInterp(w, level);
  return f;
}

/** Place `loc`'s flood level on day d as flood_level.csv gives it (0 without a column). */
export function floodLevelOn(m: ModelState, loc: number, d: number): number {
  const table = m.scenario.floodLevels!;
  const col = m.scenario.floodColumn[loc];
  return col < 0 ? 0 : table.values[d * table.names.length + col];
}

/**
 * Day t's flood levels (Flee truncates them to integers). Where a place's move chance changes,
 * the people there draw their next decision day again.
 */
export function applyFloodLevels(m: ModelState, t: number): void {
  const table = m.scenario.floodLevels;
  const rules = m.settings.floodRules;
  if (table === null || rules === null) return;
  const p = m.places;
  for (let i = 0; i < p.count; i++) {
    const level = Math.trunc(floodLevelOn(m, i, t));
    p.floodLevel[i] = level;
    const chance = level > 0 ? floodInterp(rules.moveChances, level) : -1;
    if (chance === p.floodChance[i]) continue;
    const before = moveChanceAt(m, i);
    p.floodChance[i] = chance;
    if (moveChanceAt(m, i) !== before) reschedule(m, i, t);
  }
}
