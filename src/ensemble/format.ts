/** How indicator values print in the CLI's text output (JSON and exports keep full precision). */

/** A value with a unit suited to its indicator: `$1.2 bn` for `_usd`, `0.412` for a share or rate, `49.8` for an index (0–100), `12.3 M` or `950` for counts. */
export function formatValue(indicator: string, value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (indicator.endsWith('_usd')) return `${value < 0 ? '-' : ''}$${scaled(Math.abs(value), true)}`;
  if (indicator.endsWith('_share') || indicator.endsWith('_rate')) return value.toFixed(3);
  if (indicator.endsWith('_index')) return value.toFixed(1);
  return `${value < 0 ? '-' : ''}${scaled(Math.abs(value), false)}`;
}

function scaled(v: number, money: boolean): string {
  if (v >= 1e12) return `${(v / 1e12).toFixed(2)} tn`;
  if (v >= 1e9) return `${(v / 1e9).toFixed(money ? 1 : 2)} bn`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(money ? 1 : 2)} M`;
  if (v >= 1e4) return `${(v / 1e3).toFixed(1)} k`;
  return String(Math.round(v));
}

/** Milliseconds as `850 ms`, `12.3 s` or `3 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
