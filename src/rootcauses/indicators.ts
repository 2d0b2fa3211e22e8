/**
 * What the root-cause levers change, as indicator rows beside the engine's: the deaths in organised
 * violence the run's world holds (history, or history under an arms lever, world-levers.ts). They
 * are inputs of the engine, reported so that an experiment can measure a lever's first step as
 * well as the flight that follows from it.
 */
import type { IndicatorRow } from '../sim/indicators.ts';
import type { WorldInput } from '../sim/world-input.ts';
import { at } from '../sim/world-input.ts';

export const ROOT_CAUSE_INDICATORS: Record<string, { unit: string; definition: string }> = {
  violence_deaths: {
    unit: 'persons',
    definition:
      'deaths in organised violence where they occurred (UCDP GED: state-based, non-state and one-sided), as the run’s world holds them (under its arms levers)',
  },
};

/** `violence_deaths` by country and for the world (WLD), each year of the run. */
export function violenceDeathRows(world: WorldInput, fromYear: number, toYear: number): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    let total = 0;
    world.iso3.forEach((iso3, c) => {
      const k = at(world, year, c);
      const value = world.deathsStateBased[k] + world.deathsNonState[k] + world.deathsOneSided[k];
      total += value;
      rows.push({ year, indicator: 'violence_deaths', country: iso3, value });
    });
    rows.push({ year, indicator: 'violence_deaths', country: 'WLD', value: total });
  }
  return rows;
}
