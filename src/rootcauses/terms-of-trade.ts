/**
 * Terms of trade and wages in the periphery (unequal exchange; Overbeek 2002, §4): the log average
 * labour compensation per worker (PWT 10: labsh × rgdpe / emp — the expenditure side, which counts
 * what better terms of trade buy, where the output side rgdpo of data/world/SOURCES.md's wage proxy
 * does not; Feenstra, Inklaar & Timmer 2015) regressed on the log terms of trade of the year before (PWT 10 pl_x / pl_m,
 * data/world/SOURCES-rootcauses.md), with country and year fixed effects and errors clustered by
 * country, over the countries outside the World Bank's high-income group (Gapminder's grouping, a
 * recent snapshot). The coefficient is the elasticity of wages to the terms of trade; it is an
 * association (a commodity boom raises both the terms of trade and demand for labour at home).
 */
import type { CsvTable } from '../world/csv.ts';
import type { PanelFit, PanelObservation } from './fixed-effects.ts';
import { fitPanelOls } from './fixed-effects.ts';
import type { CountryYearSeries } from './panel.ts';
import { columnIndex, seriesOf } from './panel.ts';

/** The panel: terms of trade, the wage proxy, and which countries are outside the high-income group. */
export interface TermsOfTradePanel {
  termsOfTrade: CountryYearSeries;
  wage: CountryYearSeries;
  periphery: Set<string>;
}

/** Average labour compensation per worker (PPP US$ of 2017, expenditure side): labsh × rgdpe / emp. */
export function wageProxy(pwt: CsvTable): CountryYearSeries {
  const labsh = seriesOf(pwt, 'labsh');
  const rgdpe = seriesOf(pwt, 'rgdpe');
  const emp = seriesOf(pwt, 'emp_millions');
  const out: CountryYearSeries = new Map();
  for (const [iso3, byYear] of labsh) {
    const m = new Map<number, number>();
    for (const [year, share] of byYear) {
      const gdp = rgdpe.get(iso3)?.get(year);
      const workers = emp.get(iso3)?.get(year);
      if (gdp !== undefined && workers !== undefined && workers > 0) m.set(year, (share * gdp) / workers);
    }
    if (m.size) out.set(iso3, m);
  }
  return out;
}

/** Countries whose World Bank income group (Gapminder snapshot) is not high income. */
export function nonHighIncome(groups: CsvTable): Set<string> {
  const ci = columnIndex(groups, 'iso3');
  const gi = columnIndex(groups, 'income_groups');
  const out = new Set<string>();
  for (const row of groups.rows) {
    const iso3 = row[ci].trim().toUpperCase();
    const g = row[gi].trim();
    if (iso3 && g && g !== 'high_income') out.add(iso3);
  }
  return out;
}

/** Builds the panel from the shipped tables. */
export function termsOfTradePanel(tot: CsvTable, pwt: CsvTable, groups: CsvTable): TermsOfTradePanel {
  return {
    termsOfTrade: seriesOf(tot, 'terms_of_trade'),
    wage: wageProxy(pwt),
    periphery: nonHighIncome(groups),
  };
}

/** The observations: ln wage in `year` against ln terms of trade in `year − 1`. */
export function termsOfTradeSample(p: TermsOfTradePanel, from: number, to: number): PanelObservation[] {
  const out: PanelObservation[] = [];
  for (const iso3 of [...p.periphery].sort()) {
    for (let year = from; year <= to; year++) {
      const w = p.wage.get(iso3)?.get(year);
      const t = p.termsOfTrade.get(iso3)?.get(year - 1);
      if (w === undefined || t === undefined || !(w > 0) || !(t > 0)) continue;
      out.push({ unit: iso3, year, x: [Math.log(t)], y: Math.log(w) });
    }
  }
  return out;
}

/** The elasticity of periphery wages to the terms of trade, 1991–2019 by default (PWT ends in 2019). */
export function estimateTermsOfTrade(p: TermsOfTradePanel, { from = 1991, to = 2019 } = {}): PanelFit {
  return fitPanelOls(termsOfTradeSample(p, from, to), ['ln terms of trade (t−1)']);
}
