/** The headline indicators: world totals (`WLD`) that runs and comparisons print first, in this order. */
import type { IndicatorRow } from '../store/index.ts';

/** Headline indicators in print order; other indicators follow in name order. */
export const HEADLINE_INDICATORS = [
  'migrant_stock',
  'refugees',
  'irregular_stock',
  'non_returnable_stock',
  'smuggling_price_usd',
  'deaths_en_route',
  'remittances_usd',
  'aid_usd',
  'employer_rent_usd',
  'rights_index',
  'protection_gap',
  'legitimacy_index',
] as const;

/** Orders indicator names: headline ones first in their order, then the rest by name. */
export function indicatorOrder(a: string, b: string): number {
  const ia = (HEADLINE_INDICATORS as readonly string[]).indexOf(a);
  const ib = (HEADLINE_INDICATORS as readonly string[]).indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The world rows (`WLD`) of one year as { indicator: value }, headline indicators first. */
export function worldValues(rows: readonly IndicatorRow[], year: number): Record<string, number> {
  const picked = rows
    .filter((r) => r.year === year && r.country === 'WLD')
    .sort((a, b) => indicatorOrder(a.indicator, b.indicator));
  return Object.fromEntries(picked.map((r) => [r.indicator, r.value]));
}
