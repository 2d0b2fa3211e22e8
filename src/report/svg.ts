/**
 * Charts as inline SVG strings (no DOM, no network): a line chart with interval bands, a forest
 * plot of effects against their thresholds, and a bar chart of Morris μ* with σ whiskers. Every
 * chart carries `role="img"`, a `<title>` and a `data-chart` attribute naming its kind.
 */

export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#17becf',
  '#7f7f7f',
];

/** Escapes text for HTML and SVG. */
export function esc(s: unknown): string {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A short human number (k, M, bn, trn). */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1e12) return `${(v / 1e12).toPrecision(3)} trn`;
  if (a >= 1e9) return `${(v / 1e9).toPrecision(3)} bn`;
  if (a >= 1e6) return `${(v / 1e6).toPrecision(3)} M`;
  if (a >= 1e4) return `${(v / 1e3).toPrecision(3)} k`;
  if (a !== 0 && a < 1e-3) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

function extent(values: number[]): [number, number] {
  const v = values.filter(Number.isFinite);
  if (!v.length) return [0, 1];
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

export interface LineSeries {
  label: string;
  points: { x: number; y: number; lo?: number; hi?: number }[];
}

/** A line chart with one line (and interval band) per series. */
export function lineChart(o: {
  title: string;
  series: LineSeries[];
  yLabel?: string;
  width?: number;
  height?: number;
}): string {
  const W = o.width ?? 640;
  const H = o.height ?? 280;
  const m = { l: 70, r: 150, t: 28, b: 34 };
  const pts = o.series.flatMap((s) => s.points);
  const [x0, x1] = extent(pts.map((p) => p.x));
  const [y0raw, y1raw] = extent(pts.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]));
  const yt = ticks(Math.min(0, y0raw) < 0 || y0raw > 0.3 * y1raw ? y0raw : 0, y1raw);
  const y0 = Math.min(yt[0], y0raw);
  const y1 = Math.max(yt[yt.length - 1], y1raw);
  const X = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const Y = (y: number) => H - m.b - ((y - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(`<text x="${m.l}" y="16" font-weight="600">${esc(o.title)}</text>`);
  for (const t of yt) {
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#e5e5e5"/>`,
    );
    parts.push(`<text x="${m.l - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(t))}</text>`);
  }
  for (const t of ticks(x0, x1, 6).filter((t) => Number.isInteger(t)))
    parts.push(`<text x="${X(t).toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle">${t}</text>`);
  parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#999"/>`);
  if (o.yLabel)
    parts.push(
      `<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
    );
  o.series.forEach((s, i) => {
    const c = PALETTE[i % PALETTE.length];
    const p = s.points.filter((q) => Number.isFinite(q.y)).sort((a, b) => a.x - b.x);
    const band = p.filter((q) => Number.isFinite(q.lo) && Number.isFinite(q.hi));
    if (band.length > 1) {
      const d = [
        ...band.map((q, j) => `${j ? 'L' : 'M'}${X(q.x).toFixed(1)},${Y(q.hi!).toFixed(1)}`),
        ...[...band].reverse().map((q) => `L${X(q.x).toFixed(1)},${Y(q.lo!).toFixed(1)}`),
        'Z',
      ].join('');
      parts.push(`<path d="${d}" fill="${c}" fill-opacity="0.15" stroke="none"/>`);
    }
    if (p.length) {
      const d = p.map((q, j) => `${j ? 'L' : 'M'}${X(q.x).toFixed(1)},${Y(q.y).toFixed(1)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="2"/>`);
      if (p.length === 1)
        parts.push(`<circle cx="${X(p[0].x).toFixed(1)}" cy="${Y(p[0].y).toFixed(1)}" r="3" fill="${c}"/>`);
    }
    parts.push(`<rect x="${W - m.r + 10}" y="${m.t + i * 18}" width="12" height="3" fill="${c}"/>`);
    parts.push(`<text x="${W - m.r + 26}" y="${m.t + i * 18 + 5}">${esc(s.label)}</text>`);
  });
  return svg(W, H, 'line', o.title, parts);
}

export interface ForestRow {
  label: string;
  estimate: number;
  low: number;
  high: number;
  threshold: number;
  op: 'gt' | 'lt';
  verdict: string;
}

const VERDICT_COLOUR: Record<string, string> = {
  holds: '#2ca02c',
  does_not_hold: '#d62728',
  inconclusive: '#7f7f7f',
};

/** Effects with intervals, one row each, on its own scale, with the threshold marked. */
export function forestPlot(o: { title: string; rows: ForestRow[]; width?: number }): string {
  const W = o.width ?? 640;
  const rowH = 46;
  const H = 30 + rowH * o.rows.length;
  const l = 20;
  const r = W - 20;
  const parts = [`<text x="${l}" y="16" font-weight="600">${esc(o.title)}</text>`];
  o.rows.forEach((row, i) => {
    const top = 30 + i * rowH;
    const [lo, hi] = extent([row.low, row.high, row.estimate, row.threshold]);
    const pad = (hi - lo) * 0.1;
    const X = (v: number) => l + ((v - (lo - pad)) / (hi - lo + 2 * pad)) * (r - l);
    const c = VERDICT_COLOUR[row.verdict] ?? '#333';
    const y = top + 26;
    parts.push(
      `<text x="${l}" y="${top + 10}">${esc(row.label)} — ${esc(row.verdict.replace(/_/g, ' '))}</text>`,
    );
    parts.push(`<line x1="${l}" x2="${r}" y1="${y}" y2="${y}" stroke="#eee"/>`);
    const tx = X(row.threshold).toFixed(1);
    parts.push(
      `<line x1="${tx}" x2="${tx}" y1="${y - 10}" y2="${y + 10}" stroke="#333" stroke-dasharray="3,2"/>`,
    );
    parts.push(
      `<text x="${tx}" y="${y + 20}" text-anchor="middle" font-size="10">${row.op === 'gt' ? '&gt;' : '&lt;'} ${esc(fmt(row.threshold))}</text>`,
    );
    if (Number.isFinite(row.low) && Number.isFinite(row.high))
      parts.push(
        `<line x1="${X(row.low).toFixed(1)}" x2="${X(row.high).toFixed(1)}" y1="${y}" y2="${y}" stroke="${c}" stroke-width="3"/>`,
      );
    if (Number.isFinite(row.estimate))
      parts.push(
        `<circle cx="${X(row.estimate).toFixed(1)}" cy="${y}" r="5" fill="${c}"><title>${esc(`${fmt(row.estimate)} [${fmt(row.low)}, ${fmt(row.high)}]`)}</title></circle>`,
      );
  });
  return svg(W, H, 'forest', o.title, parts);
}

/** Morris μ* per parameter as bars with σ as a whisker. */
export function morrisChart(o: {
  title: string;
  bars: { label: string; muStar: number; sigma: number }[];
  width?: number;
}): string {
  const W = o.width ?? 640;
  const barH = 22;
  const H = 40 + barH * o.bars.length;
  const l = 200;
  const r = W - 80;
  const max = Math.max(1e-12, ...o.bars.flatMap((b) => [b.muStar, b.sigma]).filter(Number.isFinite));
  const X = (v: number) => l + (Math.max(0, v) / max) * (r - l);
  const parts = [`<text x="10" y="16" font-weight="600">${esc(o.title)}</text>`];
  o.bars.forEach((b, i) => {
    const y = 30 + i * barH;
    parts.push(`<text x="${l - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`);
    if (Number.isFinite(b.muStar))
      parts.push(
        `<rect x="${l}" y="${y + 3}" width="${(X(b.muStar) - l).toFixed(1)}" height="${barH - 8}" fill="${PALETTE[0]}"/>`,
      );
    if (Number.isFinite(b.sigma))
      parts.push(
        `<line x1="${l}" x2="${X(b.sigma).toFixed(1)}" y1="${y + barH / 2 - 1}" y2="${y + barH / 2 - 1}" stroke="#d62728" stroke-width="2"/>`,
      );
    parts.push(
      `<text x="${(Number.isFinite(b.muStar) ? X(b.muStar) : l) + 4}" y="${y + 14}" font-size="10">μ* ${esc(fmt(b.muStar))}, σ ${esc(fmt(b.sigma))}</text>`,
    );
  });
  return svg(W, H, 'morris', o.title, parts);
}

function svg(W: number, H: number, kind: string, title: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" data-chart="${kind}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}
