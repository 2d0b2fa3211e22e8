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
