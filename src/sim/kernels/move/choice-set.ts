/**
 * Choice sets: the candidate destinations of each origin, its largest diasporas in the starting
 * stock and its land neighbours (up to four), at most D, `dest[o * D + k]`, −1 padded.
 */
import type { WorldInput } from '../../world-input.ts';

/** Land neighbours an origin's choice set keeps at most (the rest of it are its largest diasporas). */
const MAX_NEIGHBOURS = 4;

/** Candidate destinations of each origin: up to D, `dest[o * D + k]`, −1 padded. */
export function candidateDestinations(world: WorldInput, D: number): Int32Array {
  const n = world.iso3.length;
  const m = n + 2;
  const out = new Int32Array(n * D).fill(-1);
  for (let o = 0; o < n; o++) {
    const byStock: number[] = [];
    for (let d = 0; d < n; d++) if (d !== o && world.initialStock[d * m + o] > 0) byStock.push(d);
    byStock.sort((a, b) => world.initialStock[b * m + o] - world.initialStock[a * m + o] || a - b);
    const neighbours: number[] = [];
    for (let d = 0; d < n; d++) if (d !== o && world.landBorder[o * n + d]) neighbours.push(d);
    const chosen: number[] = [];
    const nStock = Math.max(D - Math.min(neighbours.length, MAX_NEIGHBOURS), Math.ceil(D / 2));
    for (const d of byStock) if (chosen.length < nStock) chosen.push(d);
    for (const d of neighbours) if (chosen.length < D && !chosen.includes(d)) chosen.push(d);
    for (const d of byStock) if (chosen.length < D && !chosen.includes(d)) chosen.push(d);
    chosen.forEach((d, k) => (out[o * D + k] = d));
  }
  return out;
}
