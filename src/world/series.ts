/**
 * Per-country yearly series 1990–2023: what each series is, its unit, source and gap rule, and
 * how the economic and demographic ones are read from WDI, PWT, Gapminder/OECD and ILOSTAT.
 * (Conflict and refugee series are built in conflict.ts and refugees.ts.)
 */
import type { CsvTable } from './csv.ts';
import { columnIndex, numberCell, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';
import type { GapRule } from './gaps.ts';
import { interpolateInterior } from './gaps.ts';
import type { YearSpan } from './panel.ts';
import { newPanel, panelOffset } from './panel.ts';
import type { WorldSources } from './sources.ts';
import { fillWageProxy } from './wage.ts';

/** Years the world data cover (WDI has no data before 1990 except population; 2023 is its last year). */
export const DATA_SPAN: YearSpan = { first: 1990, last: 2023 };

/** What a series is: unit, source and gap rule. The documentation in docs/world-data.md follows this table. */
export interface SeriesInfo {
  unit: string;
  source: string;
  gap: GapRule;
}

/** Every series of the world, in a fixed order. */
export const SERIES = {
  population: {
    unit: 'persons',
    source: 'UN WPP 2024 via WDI file (population_wpp2024)',
    gap: 'interpolate-interior',
  },
  workingAgePopulation: {
    unit: 'persons aged 15–64',
    source: 'population × 100 / (100 + WDI SP.POP.DPND age dependency ratio)',
    gap: 'interpolate-interior',
  },
  gdpCurrentUsd: { unit: 'current US$', source: 'WDI NY.GDP.MKTP.CD', gap: 'none' },
  gdpPerCapitaUsd: {
    unit: 'current US$ per person',
    source: 'WDI NY.GDP.MKTP.CD / population',
    gap: 'interpolate-interior',
  },
  gdpPerCapitaPpp: {
    unit: 'constant 2021 international $',
    source: 'WDI NY.GDP.PCAP.PP.KD',
    gap: 'interpolate-interior',
  },
  wageProxyPpp: {
    unit: '2017 US$ PPP per worker per year',
    source: 'Penn World Table 10: labsh × rgdpo / emp (labour compensation per person engaged), to 2019',
    gap: 'interpolate-interior',
  },
  wageProxyFilledPpp: {
    unit: '2017 US$ PPP per worker per year',
    source:
      'wageProxyPpp where measured; else carried by WDI GDP per capita PPP growth from the nearest measured year; else GDP per capita PPP × pooled median ratio (wage.ts)',
    gap: 'imputed-from-gdp',
  },
  employment: {
    unit: 'persons engaged',
    source: 'Penn World Table 10 emp (persons engaged, millions × 10⁶), to 2019',
    gap: 'interpolate-interior',
  },
  labourForceParticipation: {
    unit: '% of population 15–64',
    source: 'ILOSTAT modelled estimates via Gapminder',
    gap: 'interpolate-interior',
  },
  unemploymentRate: {
    unit: '% of labour force',
    source: 'WDI SL.UEM.TOTL.ZS (ILO modelled, 1991+)',
    gap: 'interpolate-interior',
  },
  fdiInflowsUsd: { unit: 'current US$', source: 'WDI BX.KLT.DINV.CD.WD (net inflows)', gap: 'none' },
  fdiOutflowsUsd: { unit: 'current US$', source: 'WDI BM.KLT.DINV.CD.WD (net outflows)', gap: 'none' },
  remittancesReceivedUsd: {
    unit: 'current US$',
    source: 'WDI BX.TRF.PWKR.CD.DT (personal remittances, BPM6)',
    gap: 'none',
  },
  remittancesPaidUsd: {
    unit: 'current US$',
    source: 'WDI BM.TRF.PWKR.CD.DT (personal remittances, BPM6)',
    gap: 'none',
  },
  odaReceivedUsd: {
    unit: 'current US$ (net, can be negative)',
    source: 'WDI DT.ODA.ODAT.PC.ZS × population (Gapminder; derived, approximates DT.ODA.ODAT.CD)',
    gap: 'none',
  },
  conflictIntensity: {
    unit: '0 none, 1 minor (25–999 battle deaths), 2 war (≥1000)',
    source:
      'UCDP/PRIO ACD: intrastate and internationalized intrastate conflicts with the state as government side',
    gap: 'absent-is-zero',
  },
  interstateConflictIntensity: {
    unit: '0 none, 1 minor, 2 war',
    source: 'UCDP/PRIO ACD: interstate conflicts with the state as a primary party',
    gap: 'absent-is-zero',
  },
  battleDeaths: { unit: 'deaths', source: 'WDI VC.BTL.DETH (UCDP), 1989–2018', gap: 'absent-is-zero' },
  deathsStateBased: {
    unit: 'deaths where they occurred (best estimate)',
    source:
      'UCDP GED v25.1 via OWID: state-based conflict (interstate, intrastate, extrasystemic), 1989–2024',
    gap: 'absent-is-zero',
  },
  deathsNonState: {
    unit: 'deaths where they occurred (best estimate)',
    source: 'UCDP GED v25.1 via OWID: non-state conflict, 1989–2024',
    gap: 'absent-is-zero',
  },
  deathsOneSided: {
    unit: 'deaths where they occurred (best estimate)',
    source: 'UCDP GED v25.1 via OWID: one-sided violence against civilians, 1989–2024',
    gap: 'absent-is-zero',
  },
  interstateShare: {
    unit: 'share of the state-based deaths',
    source:
      'UCDP GED v25.1 via OWID: deaths in interstate conflict over deaths in state-based conflict, 1989–2024',
    gap: 'absent-is-zero',
  },
  refugeesByOrigin: {
    unit: 'persons, end of year',
    source: 'UNHCR refugees incl. refugee-like, by origin, ≤ 2005',
    gap: 'absent-is-zero',
  },
  refugeesByAsylum: {
    unit: 'persons, end of year',
    source: 'UNHCR refugees incl. refugee-like, by asylum country, ≤ 2005',
    gap: 'absent-is-zero',
  },
  asylumSeekersByAsylum: {
    unit: 'persons pending, end of year',
    source: 'UNHCR asylum seekers, by asylum country, ≤ 2005',
    gap: 'absent-is-zero',
  },
} as const satisfies Record<string, SeriesInfo>;

/** Name of a series of the world. */
export type SeriesName = keyof typeof SERIES;

/** Every series name, in the order of `SERIES`. */
export const SERIES_NAMES = Object.keys(SERIES) as SeriesName[];

/** A panel per series, all over the same span and country list. */
export type SeriesPanels = Record<SeriesName, Float64Array>;

/**
 * Reads one column of a long-format (iso3, year, value…) table into a panel.
 * Rows whose code is not a model country (aggregates, territories) or whose year is outside the
 * span are skipped.
 */
export function panelFromColumn(
  table: CsvTable,
  valueColumn: string,
  countries: CountryList,
  span: YearSpan,
  isoColumn = 'iso3',
  yearColumn = 'year',
): Float64Array {
  const n = countries.countries.length;
  const panel = newPanel(span, n);
  const iso = columnIndex(table, isoColumn);
  const yr = columnIndex(table, yearColumn);
  const val = columnIndex(table, valueColumn);
  for (let r = 0; r < table.rows.length; r++) {
    const c = countries.index.get(table.rows[r][iso]);
    if (c === undefined) continue;
    const offset = panelOffset(span, n, yearCell(table, r, yr), c);
    if (offset < 0) continue;
    panel[offset] = numberCell(table, r, val);
  }
  return panel;
}

/** Element-wise a ∘ b into a new panel (NaN propagates). */
function combine(a: Float64Array, b: Float64Array, f: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i], b[i]);
  return out;
}

/**
 * The demographic and economic series (everything but conflict and refugees), gap rules applied.
 */
export function buildEconomicSeries(
  sources: WorldSources,
  countries: CountryList,
  span: YearSpan,
): Omit<
  SeriesPanels,
  | 'conflictIntensity'
  | 'interstateConflictIntensity'
  | 'battleDeaths'
  | 'deathsStateBased'
  | 'deathsNonState'
  | 'deathsOneSided'
  | 'interstateShare'
  | 'refugeesByOrigin'
  | 'refugeesByAsylum'
  | 'asylumSeekersByAsylum'
> {
  const n = countries.countries.length;
  const wdi = (col: string) => panelFromColumn(sources.wdi, col, countries, span);
  const pwt = (col: string) => panelFromColumn(sources.pwt, col, countries, span);
  const interpolated = (p: Float64Array) => (interpolateInterior(p, span, n), p);

  const population = interpolated(wdi('population_wpp2024'));
  const dependency = interpolated(wdi('age_dependency_ratio'));
  const gdpCurrentUsd = wdi('gdp_current_usd');

  // Wage proxy (SOURCES.md, PWT): labour share × real GDP (output side) / persons engaged.
  // rgdpo is in million 2017 US$ PPP and emp in millions, so the ratio is US$ per worker.
  const labsh = pwt('labsh');
  const rgdpo = pwt('rgdpo');
  const emp = pwt('emp_millions');
  const wage = new Float64Array(labsh.length);
  for (let i = 0; i < wage.length; i++) wage[i] = emp[i] > 0 ? (labsh[i] * rgdpo[i]) / emp[i] : NaN;

  const gdpPerCapitaPpp = interpolated(wdi('gdp_pc_ppp_const2021'));
  const wageProxyPpp = interpolated(wage);
  return {
    population,
    workingAgePopulation: combine(population, dependency, (p, d) => (p * 100) / (100 + d)),
    gdpCurrentUsd,
    gdpPerCapitaUsd: interpolated(combine(gdpCurrentUsd, population, (g, p) => g / p)),
    gdpPerCapitaPpp,
    wageProxyPpp,
    wageProxyFilledPpp: fillWageProxy(wageProxyPpp, gdpPerCapitaPpp, span, n).filled,
    employment: interpolated(emp.map((v) => v * 1e6)),
    labourForceParticipation: interpolated(
      panelFromColumn(sources.labour, 'aged_15_64_labour_force_participation_rate_percent', countries, span),
    ),
    unemploymentRate: interpolated(wdi('unemployment_rate_pct')),
    fdiInflowsUsd: wdi('fdi_net_inflows_usd'),
    fdiOutflowsUsd: wdi('fdi_net_outflows_usd'),
    remittancesReceivedUsd: wdi('remittances_received_usd'),
    remittancesPaidUsd: wdi('remittances_paid_usd'),
    odaReceivedUsd: panelFromColumn(sources.odaReceived, 'oda_received_current_usd_derived', countries, span),
  };
}
