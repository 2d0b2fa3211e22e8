/**
 * How many people enter the simulation each day (Flee's sum_from_camps rule, flee/spawning.py):
 * the growth of the UNHCR camp series, with falls carried as a debt that later growth pays back,
 * so nobody is ever removed.
 */
import type { FleeScenario } from '../scenario.ts';

/** New people on a day whose camp series grew by `growth`, given the debt carried so far. */
export function newArrivals(growth: number, debt: number): { count: number; debt: number } {
  const count = growth - debt;
  return count < 0 ? { count: 0, debt: -count } : { count, debt: 0 };
}

/**
 * Total agents the run will create (day-0 fill plus spawned), known in advance from the data;
 * under conflict- or flood-driven spawning only the day-0 fill is known.
 */
export function plannedAgents(s: FleeScenario): number {
  let n = 0;
  for (let c = 0; c < s.campDay0.length; c++) n += s.campDay0[c];
  if (s.settings.conflictDrivenSpawning !== null || s.settings.floodDrivenSpawning !== null) return n;
  let debt = 0;
  for (let t = 1; t < s.days; t++) {
    const day = newArrivals(s.dailyDifference[t], debt);
    debt = day.debt;
    n += day.count;
  }
  return n;
}
