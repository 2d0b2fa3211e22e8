/** Number formats for axes and tables. */
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return Math.abs(v) >= 10_000 ? compact.format(v) : plain.format(v);
}

/** `migrant_stock` → `migrant stock`. */
export function label(name: string): string {
  return name.replace(/[_.]/g, ' ');
}

/** Whole-year ticks: every year of a short series, else about six evenly spaced. */
export function yearTicks(rows: readonly { year: number }[]): number[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length <= 8) return years;
  const step = Math.ceil((years[years.length - 1] - years[0]) / 6);
  return years.filter((y) => (y - years[0]) % step === 0);
}
