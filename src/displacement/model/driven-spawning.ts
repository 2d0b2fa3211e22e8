/**
 * Spawning that does not follow the UNHCR series (flee/spawning.py spawn_daily_displaced): Flee's
 * conflict-driven spawning (each conflict zone spawns a number set by its intensity every day) and
 * DFlee's flood-driven spawning (each flooded place spawns a number set by its flood level). Places
 * are visited in locations.csv order, as in Flee.
 */
import type { DrivenSpawning, FloodSpawning } from '../driven-settings.ts';
import { floodInterp } from './flooding.ts';
import { addAgent } from './add-agent.ts';
import type { ModelState } from './state.ts';

/** People a conflict zone of this population and intensity spawns in a day (Python's int() truncates). */
export function conflictSpawnCount(rule: DrivenSpawning, pop: number, intensity: number): number {
  if (!(intensity > 0)) return 0;
  if (rule.mode === 'constant') return Math.trunc(rule.perDay * intensity);
  if (rule.mode === 'pop_ratio') return Math.trunc(rule.perDay * pop * intensity);
  return 0;
}

/** People a place of this population and flood level spawns in a day. */
export function floodSpawnCount(rule: FloodSpawning, pop: number, level: number): number {
  if (!(level > 0)) return 0;
  const rate = floodInterp(rule.perLevel, level);
  if (rule.mode === 'constant') return Math.trunc(rate);
  if (rule.mode === 'pop_ratio') return Math.trunc(rate * pop);
  return 0;
}

/** Day t under conflict-driven spawning: every conflict zone spawns its count, where it is. */
export function spawnByConflict(m: ModelState, rule: DrivenSpawning, t: number): void {
  const p = m.places;
  for (let i = 0; i < p.count; i++) {
    const n = conflictSpawnCount(rule, p.pop[i], p.conflict[i]);
    for (let k = 0; k < n; k++) addAgent(m, i, t);
  }
}

/** Day t under flood-driven spawning: every flooded place spawns its count, where it is. */
export function spawnByFlood(m: ModelState, rule: FloodSpawning, t: number): void {
  const p = m.places;
  for (let i = 0; i < p.count; i++) {
    const n = floodSpawnCount(rule, p.pop[i], p.floodLevel[i]);
    for (let k = 0; k < n; k++) addAgent(m, i, t);
  }
}
