/**
 * Arms imports and conflict, estimated on the shipped panel (SIPRI TIV imports by recipient,
 * UCDP GED deaths by type of violence, 1989–2024; data/world/SOURCES-conflict-arms.md).
 *
 * Regressor: ln(1 + the mean of a country's arms imports in the three years before), in SIPRI TIV
 * millions — lagged so that this year's fighting does not enter its own regressor. Outcomes, each
 * with country and year fixed effects and errors clustered by country (fixed-effects.ts):
 *   deaths   — deaths in the year by type (PPML: the coefficient is an elasticity);
 *   onset    — a state-based conflict (≥ 25 deaths) in a country at peace the year before (PPML on
 *              a 0/1 outcome: the coefficient is the elasticity of the onset probability);
 *   ending   — no state-based conflict in a country at war the year before (same, for ending; its
 *              negative is the effect on duration).
 * These are associations, not causal effects: arms flow to governments that expect to fight, and
 * the fixed effects and the lag remove only what is constant in a country or common to a year.
 */
import type { CsvTable } from '../world/csv.ts';
import type { CountryYearSeries } from './panel.ts';
import { seriesOf, valueAt } from './panel.ts';
import type { PanelFit, PanelObservation } from './fixed-effects.ts';
import { fitPanelPpml } from './fixed-effects.ts';

/** UCDP's threshold of an active conflict: 25 deaths in a year (Gleditsch et al. 2002). */
export const ACTIVE_CONFLICT_DEATHS = 25;

/** The type columns of the deaths file (UCDP's three types of organised violence, and all). */
export const DEATH_TYPES = {
  stateBased: 'statebased_best',
  nonState: 'nonstate_best',
  oneSided: 'onesided_best',
  all: 'total_best',
} as const;
export type DeathType = keyof typeof DEATH_TYPES;

/** The panel: arms imports and deaths by type, by country and year. */
export interface ArmsConflictPanel {
  imports: CountryYearSeries;
  deaths: Record<DeathType, CountryYearSeries>;
  /** Countries of the deaths file (balanced, zeros included). */
  countries: string[];
}

/** Builds the panel from the two shipped tables. */
export function armsConflictPanel(importsTable: CsvTable, deathsTable: CsvTable): ArmsConflictPanel {
  const deaths = Object.fromEntries(
    Object.entries(DEATH_TYPES).map(([k, col]) => [k, seriesOf(deathsTable, col)]),
  ) as Record<DeathType, CountryYearSeries>;
  return {
    imports: seriesOf(importsTable, 'tiv_imports_musd'),
    deaths,
    countries: [...deaths.all.keys()].sort(),
  };
}

/**
 * The regressor: ln(1 + mean imports over the `lags` years before `year`), TIV millions. A missing
 * row means no recorded deliveries (SIPRI lists only non-zero flows), so it counts as 0.
 */
export function laggedArms(imports: CountryYearSeries, iso3: string, year: number, lags = 3): number {
  let sum = 0;
  for (let l = 1; l <= lags; l++) sum += valueAt(imports, iso3, year - l, 0);
  return Math.log1p(sum / lags);
}

/** Whether a country had an active state-based conflict in a year (undefined: no data). */
export function activeConflict(panel: ArmsConflictPanel, iso3: string, year: number): boolean | undefined {
  const d = panel.deaths.stateBased.get(iso3)?.get(year);
  return d === undefined ? undefined : d >= ACTIVE_CONFLICT_DEATHS;
}

/** The three samples of the estimates, for outcome years `from`…`to`. */
export function armsConflictSamples(
  panel: ArmsConflictPanel,
  { from, to, lags = 3 }: { from: number; to: number; lags?: number },
): { deaths: Record<DeathType, PanelObservation[]>; onset: PanelObservation[]; ending: PanelObservation[] } {
  const deaths = Object.fromEntries(Object.keys(DEATH_TYPES).map((k) => [k, []])) as unknown as Record<
    DeathType,
    PanelObservation[]
  >;
  const onset: PanelObservation[] = [];
  const ending: PanelObservation[] = [];
  for (const iso3 of panel.countries) {
    for (let year = from; year <= to; year++) {
      const x = [laggedArms(panel.imports, iso3, year, lags)];
      for (const type of Object.keys(DEATH_TYPES) as DeathType[]) {
        const y = panel.deaths[type].get(iso3)?.get(year);
        if (y !== undefined) deaths[type].push({ unit: iso3, year, x, y });
      }
      const before = activeConflict(panel, iso3, year - 1);
      const now = activeConflict(panel, iso3, year);
      if (before === undefined || now === undefined) continue;
      if (!before) onset.push({ unit: iso3, year, x, y: now ? 1 : 0 });
      else ending.push({ unit: iso3, year, x, y: now ? 0 : 1 });
    }
  }
  return { deaths, onset, ending };
}

/** The estimated relations, one fit per outcome. */
export interface ArmsConflictEstimates {
  /** Lags averaged in the regressor. */
  lags: number;
  deaths: Record<DeathType, PanelFit>;
  onset: PanelFit;
  ending: PanelFit;
}

const REGRESSOR = 'ln(1 + arms imports, mean of t−1…t−lags, TIV m)';

/** Fits every relation on the panel. */
export function estimateArmsConflict(
  panel: ArmsConflictPanel,
  { from = 1992, to = 2024, lags = 3 }: { from?: number; to?: number; lags?: number } = {},
): ArmsConflictEstimates {
  const s = armsConflictSamples(panel, { from, to, lags });
  const deaths = Object.fromEntries(
    (Object.keys(DEATH_TYPES) as DeathType[]).map((t) => [t, fitPanelPpml(s.deaths[t], [REGRESSOR])]),
  ) as Record<DeathType, PanelFit>;
  return {
    lags,
    deaths,
    onset: fitPanelPpml(s.onset, [REGRESSOR]),
    ending: fitPanelPpml(s.ending, [REGRESSOR]),
  };
}
