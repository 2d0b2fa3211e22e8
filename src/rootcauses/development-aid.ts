/**
 * Development transfers and growth in the recipients (the regional development funds of Overbeek
 * 2002, §4): the growth of GDP per head (Δ ln, constant 2021 PPP $, WDI) regressed on net ODA
 * received as a share of GDP (current US$, both WDI; data/world/SOURCES.md) of the year before,
 * with country and year fixed effects and errors clustered by country, over the countries outside
 * the World Bank's high-income group. The coefficient is the semi-elasticity of growth to the
 * transfer's size; it is an association (aid flows to countries in crisis, and donors choose
 * recipients), the relation the aid–growth literature finds small and fragile (Rajan &
 * Subramanian 2008; Clemens, Radelet, Bhavnani & Bazzi 2012).
 */
import type { CsvTable } from '../world/csv.ts';
import type { PanelFit, PanelObservation } from './fixed-effects.ts';
import { fitPanelOls } from './fixed-effects.ts';
import type { CountryYearSeries } from './panel.ts';
import { seriesOf } from './panel.ts';
import { nonHighIncome } from './terms-of-trade.ts';

/** The panel: GDP per head (PPP), aid as a share of GDP, and which countries are outside the high-income group. */
export interface DevelopmentAidPanel {
  gdpPerHead: CountryYearSeries;
  aidShare: CountryYearSeries;
  periphery: Set<string>;
}

/** Net ODA received over GDP (both current US$), where both are known and GDP is positive. */
export function aidShareOfGdp(oda: CountryYearSeries, gdp: CountryYearSeries): CountryYearSeries {
  const out: CountryYearSeries = new Map();
  for (const [iso3, byYear] of oda) {
    const m = new Map<number, number>();
    for (const [year, aid] of byYear) {
      const g = gdp.get(iso3)?.get(year);
      if (g !== undefined && g > 0) m.set(year, aid / g);
    }
    if (m.size) out.set(iso3, m);
  }
  return out;
}

/** Builds the panel from the shipped tables (WDI indicators, ODA received, country groups). */
export function developmentAidPanel(
  wdi: CsvTable,
  odaReceived: CsvTable,
  groups: CsvTable,
): DevelopmentAidPanel {
  return {
    gdpPerHead: seriesOf(wdi, 'gdp_pc_ppp_const2021'),
    aidShare: aidShareOfGdp(
      seriesOf(odaReceived, 'oda_received_current_usd_derived'),
      seriesOf(wdi, 'gdp_current_usd'),
    ),
    periphery: nonHighIncome(groups),
  };
}

/** The observations: ln y(year) − ln y(year − 1) against aid / GDP in `year − 1`. */
export function developmentAidSample(p: DevelopmentAidPanel, from: number, to: number): PanelObservation[] {
  const out: PanelObservation[] = [];
  for (const iso3 of [...p.periphery].sort()) {
    const y = p.gdpPerHead.get(iso3);
    for (let year = from; year <= to; year++) {
      const now = y?.get(year);
      const before = y?.get(year - 1);
      const aid = p.aidShare.get(iso3)?.get(year - 1);
      if (now === undefined || before === undefined || aid === undefined || !(now > 0) || !(before > 0))
        continue;
      out.push({ unit: iso3, year, x: [aid], y: Math.log(now / before) });
    }
  }
  return out;
}

/** The semi-elasticity of growth in GDP per head to aid / GDP of the year before, 1991–2019 by default. */
export function estimateDevelopmentAid(p: DevelopmentAidPanel, { from = 1991, to = 2019 } = {}): PanelFit {
  return fitPanelOls(developmentAidSample(p, from, to), ['aid / GDP (t−1)']);
}
