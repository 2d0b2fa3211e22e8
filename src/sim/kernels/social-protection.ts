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

/**
 * The elasticity of the poorest's emigration to the floor (distress migration, docs/model.md §9.4):
 * an ASSUMPTION, not an estimate. The evidence has both signs: Mexico's PROGRESA transfers lowered
 * migration to the United States in its randomised evaluation (Stecklov, Winters, Stampini & Davis
 * 2005, Demography 42:4, 769–790: migration as insurance against missing social security, Stark &
 * Levhari 1982), but raised international migration where they loosened credit constraints
 * (Angelucci 2015, Rev. Econ. Stat. 97:1; South Africa's old-age pension: Ardington, Case &
 * Hosegood 2009, AEJ: Applied 1:1). None gives an elasticity the model can take over: 0.5 (a floor
 * worth 10% of what the poorest expect to earn keeps ≈ 5% of them home), range −0.5…1 for the
 * sensitivity analysis, the negative end the liquidity effect.
 */
export const DISTRESS_EMIGRATION_ELASTICITY = { value: 0.5, range: [-0.5, 1] as [number, number] };

/** What the floor adds to going home, US$ per year: (1 − employment) × floor share × low-skill wage. */
export function protectionIncome(employment: number, floorShare: number, wageLow: number): number {
  return (1 - employment) * floorShare * wageLow;
}

/**
 * The share of the poorest's emigration aspirations a floor at home leaves (distress migration):
 * (1 + (1 − employment) × floor share)^(−elasticity), the floor's expected benefit measured against
 * the low-skill wage; 1 where no floor adds anything (history).
 */
export function distressEmigrationFactor(employment: number, floorShare: number, elasticity: number): number {
  if (!(floorShare > 0) || elasticity === 0) return 1;
  return Math.pow(1 + protectionIncome(employment, floorShare, 1), -elasticity);
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
