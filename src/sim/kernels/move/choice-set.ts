/**
 * Choice sets: the candidate destinations an origin's movers consider, at most D, `dest[o * D + k]`,
 * −1 padded.
 *
 * **Evolving** (the `choice-sets` mechanism; a consideration set formed before the choice, Manski
 * 1977, Theory and Decision 8:229): every year the D destinations with the highest systematic pull
 * among all countries, recomputed from the simulated diaspora (the bilateral tally, every pair) and
 * the labour demand, so new corridors form as they did in 1995–2005 (Ecuador, Romania, Colombia and
 * Morocco to Spain and Italy; South Asia to the Gulf):
 *
 *   pull[o, j] = asc[region of j] − betaDistance × ln(0.5 + km / 1000) + betaNetwork × ln(1 + diaspora[j, o] / 1000)
 *              + betaWage × ln(low-skill wage[j] / low-skill wage[o]) + betaLabourDemand × demand[j] / 0.01
 *
 * — the class-independent part of the utility of options.ts, for the common channel — with up to
 * four land neighbours always in the set (where those fleeing go first), the most pulling of them
 * first, and then the origin's `choiceSetDiasporas` largest simulated diasporas (where its movers
 * know someone: a network is how a destination comes to be considered, Massey et al. 1993, and the
 * frozen sets kept the largest diasporas too). Without them a few small, rich territories, whose
 * pull grows with the diaspora the model sends them, pushed large destinations out: Saudi Arabia
 * left the sets of India and Egypt in 2004, and its arrivals fell from 144 k to 14 k a year
 * (seed 1, scale 1,000, 1990–2005; docs/model.md §3.15). **Frozen** (without it): the origin's largest diasporas in the starting stock and its land
 * neighbours, fixed for the run (the engine before 2026-12-07).
 */
import type { Parameters } from '../../parameters.ts';
import type { WorldInput } from '../../world-input.ts';
import { DEMAND_UNIT } from '../labour-demand.ts';

/** Land neighbours an origin's choice set keeps at most (the rest of it are its largest diasporas, or the most pulling). */
const MAX_NEIGHBOURS = 4;

/** Candidate destinations of each origin from the starting stock, fixed: up to D, `dest[o * D + k]`, −1 padded. */
export function candidateDestinations(world: WorldInput, D: number): Int32Array {
  const n = world.iso3.length;
  const m = n + 2;
  const out = new Int32Array(n * D).fill(-1);
  for (let o = 0; o < n; o++) {
    const byStock = largestDiasporas(world.initialStock, m, o, n, n);
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

/** What the evolving choice sets read this year. */
export interface PullInputs {
  world: WorldInput;
  params: Parameters;
  /** Destination-region constant of each country (options.ts, `destinationAsc`). */
  destAsc: Float64Array;
  /** Agents by (location, origin line), `[j × (n + 2) + o]` (bilateral-tally.ts), and persons per agent. */
  stock: Float64Array;
  scale: number;
  /** Low-skill wage rate of each country, US$ a year (labour-market.ts). */
  wageLow: Float64Array;
  /** Labour demand of each country, a share a year (labour-demand.ts). */
  labourDemand: Float64Array;
}

/** The evolving choice sets of this year (see above), written into `out` (n × D). */
export function evolvingChoiceSets(x: PullInputs, D: number, out: Int32Array): Int32Array {
  const { world, params: p } = x;
  const n = world.iso3.length;
  const lines = n + 2;
  const pull = new Float64Array(n);
  const order = Array.from({ length: n }, (_, j) => j);
  out.fill(-1);
  for (let o = 0; o < n; o++) {
    const wageHome = Math.log(Math.max(x.wageLow[o], 1));
    for (let j = 0; j < n; j++) {
      if (j === o) {
        pull[j] = -Infinity;
        continue;
      }
      const km = world.distanceKm[o * n + j];
      pull[j] =
        x.destAsc[j] -
        p.betaDistance * Math.log(0.5 + km / 1000) +
        p.betaNetwork * Math.log(1 + (x.stock[j * lines + o] * x.scale) / 1000) +
        p.betaWage * (Math.log(Math.max(x.wageLow[j], 1)) - wageHome) +
        (p.betaLabourDemand * x.labourDemand[j]) / DEMAND_UNIT;
    }
    order.sort((a, b) => pull[b] - pull[a] || a - b);
    const chosen: number[] = [];
    for (const j of order) {
      if (chosen.length >= MAX_NEIGHBOURS) break;
      if (world.landBorder[o * n + j]) chosen.push(j);
    }
    for (const j of largestDiasporas(x.stock, lines, o, n, p.choiceSetDiasporas))
      if (chosen.length < D && !chosen.includes(j)) chosen.push(j);
    for (const j of order) {
      if (chosen.length >= D) break;
      if (j !== o && !chosen.includes(j)) chosen.push(j);
    }
    chosen.forEach((j, k) => (out[o * D + k] = j));
  }
  return out;
}

/**
 * The `k` destinations with the most agents born in `o` (the simulated diaspora,
 * `stock[j × lines + o]`), largest first, the lower index first among equals; none without a
 * diaspora.
 */
export function largestDiasporas(
  stock: Float64Array,
  lines: number,
  o: number,
  n: number,
  k: number,
): number[] {
  const bySize: number[] = [];
  for (let j = 0; j < n; j++) if (j !== o && stock[j * lines + o] > 0) bySize.push(j);
  return bySize.sort((a, b) => stock[b * lines + o] - stock[a * lines + o] || a - b).slice(0, k);
}
