/**
 * A social protection floor at home (docs/model.md §9.4; ILO Recommendation 202, 2012): the benefit
 * a worker without a job can count on at home raises what going home is worth, so the outside
 * option against which an employer-tied migrant bargains (labour-market.ts, `tiedWage`) rises and
 * the employer's rent falls — the double movement's counter to commodification (Overbeek 2002, §4,
 * after Polanyi). The floor is a root-cause lever's input series (src/rootcauses/world-levers.ts):
 * the expected benefit beyond history of a person without a job, as a share of the country's
 * low-skill wage; 0 (or absent) is history. A floor reaches the residents of a country (going home);
 * migrants in an irregular situation only where the lever says so (`protectionFloorIrregularShare`:
 * ILO R202 §6 asks for a floor for "at least all residents" as national law defines them, which
 * leaves them out).
 */
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';

/** What the floor adds to going home, US$ per year: (1 − employment) × floor share × low-skill wage. */
export function protectionIncome(employment: number, floorShare: number, wageLow: number): number {
  return (1 - employment) * floorShare * wageLow;
}

/**
 * The floor share of each country in a year for its residents, or for migrants in an irregular
 * situation there (undefined where the world has none: history).
 */
export function protectionFloorOfYear(
  world: WorldInput,
  year: number,
  reach: 'residents' | 'irregular' = 'residents',
): Float64Array | undefined {
  const panel = reach === 'residents' ? world.protectionFloorShare : world.protectionFloorIrregularShare;
  if (!panel) return undefined;
  const n = world.iso3.length;
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) out[c] = panel[at(world, year, c)];
  return out;
}
