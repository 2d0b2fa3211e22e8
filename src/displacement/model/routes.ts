/**
 * The open out-links of each place and the candidate routes an agent there chooses from
 * (Flee's moving.py: the awareness search of selectRoute), rebuilt only when closures change the
 * graph.
 */
import type { ModelState } from './state.ts';

/** Rebuilds the CSR table of each place's open out-links, in link order. */
export function rebuildOpenLinks(m: ModelState): void {
  const { links, places } = m;
  const { outOff, outIdx, open, from } = links;
  outOff.fill(0);
  for (let l = 0; l < links.count; l++) if (open[l]) outOff[from[l] + 1]++;
  for (let i = 0; i < places.count; i++) outOff[i + 1] += outOff[i];
  const fill = outOff.slice(0, places.count);
  for (let l = 0; l < links.count; l++) if (open[l]) outIdx[fill[from[l]]++] = l;
}

/**
 * Appends every candidate route of every place to the route table and makes them the current
 * candidates: paths of up to awareness_level link steps that never revisit a place; markers are
 * passed through without being candidates and without using up a step.
 */
export function appendCandidateRoutes(m: ModelState): void {
  const { places, links, routes: r } = m;
  const { outOff, outIdx } = links;
  const awareness = m.settings.awarenessLevel;
  r.tableStart = r.destList.length;
  const perPlace: number[][] = [];
  for (let start = 0; start < places.count; start++) {
    const ids: number[] = [];
    const path: number[] = [];
    const visit = (link: number, prior: number, step: number, origin: number[]) => {
      const to = links.to[link];
      const dist = prior + links.length[link];
      path.push(to);
      if (!places.isMarker[to]) {
        r.pathOffList.push(r.pathList.length);
        r.pathLenList.push(path.length);
        for (const p of path) r.pathList.push(p);
        r.destList.push(to);
        r.distList.push(dist);
        ids.push(r.destList.length - 1);
      } else step -= 1;
      if (awareness > step) {
        for (let k = outOff[to]; k < outOff[to + 1]; k++) {
          const next = outIdx[k];
          if (origin.includes(links.to[next])) continue;
          origin.push(to);
          visit(next, dist, step + 1, origin);
          origin.pop();
        }
      }
      path.pop();
    };
    for (let k = outOff[start]; k < outOff[start + 1]; k++) visit(outIdx[k], 0, 1, [start]);
    perPlace.push(ids);
  }
  r.locOff = new Int32Array(places.count + 1);
  for (let p = 0; p < places.count; p++) r.locOff[p + 1] = r.locOff[p] + perPlace[p].length;
  r.locIdx = Int32Array.from(perPlace.flat());
  r.base = new Float64Array(r.destList.length);
  r.country = Int32Array.from(r.destList, (d) => places.country[d]);
  r.path = Int32Array.from(r.pathList);
  r.pathOff = Int32Array.from(r.pathOffList);
  r.pathLen = Int32Array.from(r.pathLenList);
  r.dest = Int32Array.from(r.destList);
  r.dist = Float64Array.from(r.distList);
  let most = 16;
  for (const ids of perPlace) most = Math.max(most, ids.length);
  if (most > m.weights.length) {
    m.weights = new Float64Array(most);
    m.ids = new Int32Array(most);
  }
}

/** Brings the out-links and candidate routes up to date after closures changed the graph. */
export function ensureRoutes(m: ModelState): void {
  if (!m.routes.dirty) return;
  rebuildOpenLinks(m);
  appendCandidateRoutes(m);
  m.routes.dirty = false;
}

/** Number of candidate routes out of each place. */
export function candidateCounts(m: ModelState): Int32Array {
  const { locOff } = m.routes;
  return Int32Array.from({ length: m.places.count }, (_, p) => locOff[p + 1] - locOff[p]);
}

/** The open link from `from` to `to`, or -1 (the first in link order). */
export function openLinkTo(m: ModelState, from: number, to: number): number {
  const { outOff, outIdx } = m.links;
  for (let k = outOff[from]; k < outOff[from + 1]; k++) if (m.links.to[outIdx[k]] === to) return outIdx[k];
  return -1;
}
