/**
 * Conflicts and attractiveness (Flee's InputGeography.py conflict rules and moving.py location
 * score): conflicts.csv starts and ends conflicts; a place's score and spawn weight follow the
 * conflict's intensity and age.
 */
import type { FleeSettings } from '../settings.ts';
import { floodWeight } from './flooding.ts';
import { forecastScoreAt } from './forecaster.ts';
import { setMoveChance } from './schedule.ts';
import type { ModelState } from './state.ts';

/** Flee treats intensities below this as zero. */
const NO_CONFLICT = 0.000001;

/** Flee's conflict_spawn_decay: the multiplier for a conflict `age` days old (1 without a list). */
export function spawnDecay(st: FleeSettings, age: number): number {
  const list = st.conflictSpawnDecay;
  if (!list || list.length === 0) return 1;
  return list[Math.min(Math.trunc(age / st.conflictSpawnDecayInterval), list.length - 1)];
}

/**
 * Flee's location score: foreign_weight if foreign × camp_weight if a camp ×
 * conflict_weight^(decay × intensity) in a conflict zone (× DFlee's flood_loc_weights where it
 * floods: flooding.ts).
 */
export function locationScore(m: ModelState, loc: number, t: number): number {
  const st = m.settings;
  const p = m.places;
  let sc = 1;
  if (p.foreign[loc]) sc *= st.foreignWeight;
  if (p.isCamp[loc]) sc *= st.campWeight;
  if (p.conflict[loc] > 0)
    sc *= Math.pow(st.conflictWeight, spawnDecay(st, t - p.conflictStart[loc]) * p.conflict[loc]);
  if (m.settings.floodRules !== null) sc *= floodWeight(m, loc) * forecastScoreAt(m, loc, t);
  return sc;
}

/** Today's scores of all places and base weights of the current candidate routes. */
export function updateScores(m: ModelState, t: number): void {
  const st = m.settings;
  const { score } = m.places;
  for (let i = 0; i < m.places.count; i++) score[i] = locationScore(m, i, t);
  const r = m.routes;
  const ws = st.weightSoftening;
  for (let k = r.tableStart; k < r.base.length; k++)
    r.base[k] = (ws + score[r.dest[k]]) / Math.pow(st.softening + r.dist[k], st.distancePower);
}

/** Spawn weights as of day t: population × intensity × decay for conflict zones, 0 elsewhere. */
export function updateSpawnWeights(m: ModelState, t: number): void {
  const p = m.places;
  const pop = p.pop;
  for (let i = 0; i < p.count; i++)
    p.spawnWeight[i] =
      p.conflict[i] > 0 ? pop[i] * p.conflict[i] * spawnDecay(m.settings, t - p.conflictStart[i]) : 0;
}

/** A conflict starts at `loc` on day t. */
export function startConflict(m: ModelState, loc: number, intensity: number, t: number): void {
  m.places.conflict[loc] = intensity;
  m.places.isTown[loc] = 0;
  m.places.conflictStart[loc] = t;
  setMoveChance(m, loc, m.settings.conflictMoveChance, t);
}

/** The conflict at `loc` ends on day t: it becomes a town. */
export function endConflict(m: ModelState, loc: number, t: number): void {
  m.places.conflict[loc] = -1;
  m.places.isTown[loc] = 1;
  setMoveChance(m, loc, m.settings.defaultMoveChance, t);
}

/**
 * Day t's row of conflicts.csv: a conflict starts where the intensity becomes positive and ends
 * where it drops to zero; changes between two positive intensities are ignored (as in Flee).
 * Returns whether any conflict started or ended.
 */
export function applyConflicts(m: ModelState, t: number): boolean {
  const { names, values } = m.scenario.conflicts;
  const cols = names.length;
  let changed = false;
  for (let j = 0; j < cols; j++) {
    const loc = m.scenario.conflictLocation[j];
    const v = values[t * cols + j];
    const prev = t > 0 ? values[(t - 1) * cols + j] : 0;
    if (v > NO_CONFLICT && (t === 0 || prev < NO_CONFLICT)) {
      startConflict(m, loc, v, t);
      changed = true;
    }
    if (v < NO_CONFLICT && t > 0 && prev >= NO_CONFLICT) {
      // Flee's remove_conflict_zone ends it at every location of that name.
      const { locations } = m.scenario;
      for (let k = 0; k < m.places.count; k++) if (locations[k].name === names[j]) endConflict(m, k, t);
      changed = true;
    }
  }
  return changed;
}
