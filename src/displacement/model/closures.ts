/**
 * Closures (closures.csv rows and lever border closures) firing on their start and end days, with
 * Flee's interpretation of each closure type (InputGeography.py, flee.py).
 */
import { candidateCounts, ensureRoutes } from './routes.ts';
import { reschedule, setMoveChance } from './schedule.ts';
import { F_BOUNCE } from './state.ts';
import type { Closure, ModelState } from './state.ts';

/** Opens or closes link l; returns whether it closed now. */
export function setLink(m: ModelState, l: number, open: boolean): boolean {
  const links = m.links;
  if (links.open[l] === (open ? 1 : 0)) return false;
  links.open[l] = open ? 1 : 0;
  m.routes.dirty = true;
  if (open) return false;
  links.justClosed[l] = 1;
  return true;
}

/** One closure row closing (open = false) or reopening on day t; returns whether a link closed. */
export function enactClosure(m: ModelState, c: Closure, open: boolean, t: number): boolean {
  const { links, places } = m;
  const locations = m.scenario.locations;
  let closed = false;
  switch (c.type) {
    case 'country':
      for (let l = 0; l < links.count; l++) {
        const a = locations[links.from[l]].country;
        const b = locations[links.to[l]].country;
        if ((a === c.name1 && b === c.name2) || (a === c.name2 && b === c.name1))
          closed = setLink(m, l, open) || closed;
      }
      break;
    case 'location': {
      // Flee uses name1 only: every link of that place closes.
      const x = places.index.get(c.name1)!;
      for (let l = 0; l < links.count; l++)
        if (links.from[l] === x || links.to[l] === x) closed = setLink(m, l, open) || closed;
      break;
    }
    case 'link':
      // Flee compares names by identity here, so rows read from closures.csv close nothing.
      break;
    case 'camp':
    case 'idpcamp': {
      const x = places.index.get(c.name1)!;
      places.conflict[x] = -1;
      places.isCamp[x] = open ? 1 : 0;
      places.isTown[x] = open ? 0 : 1;
      const st = m.settings;
      const p = !open
        ? st.defaultMoveChance
        : c.type === 'idpcamp'
          ? st.idpcampMoveChance
          : st.campMoveChance;
      setMoveChance(m, x, p, t);
      break;
    }
    case 'remove_forced_redirection':
      break; // the flag is not consulted by the movement rules
  }
  return closed;
}

/**
 * Day t's closures: rows starting today close, rows ending today reopen. People already on a link
 * that closes keep going, then are put back at its start.
 */
export function enactClosures(m: ModelState, t: number): void {
  m.links.justClosed.fill(0);
  let anyClosed = false;
  for (const c of m.closures) {
    if (t === c.start) anyClosed = enactClosure(m, c, false, t) || anyClosed;
    if (t === c.end) anyClosed = enactClosure(m, c, true, t) || anyClosed;
  }
  if (!anyClosed) return;
  const a = m.agents;
  for (let k = 0; k < a.travellingCount; k++) {
    const i = a.travelling[k];
    if (a.link[i] >= 0 && m.links.justClosed[a.link[i]]) a.flags[i] |= F_BOUNCE;
  }
}

/** After closures changed the graph on day t: new candidate routes, and places that got a way out reschedule. */
export function refreshRoutes(m: ModelState, t: number): void {
  if (!m.routes.dirty) return;
  const before = candidateCounts(m);
  ensureRoutes(m);
  for (let p = 0; p < m.places.count; p++)
    if (before[p] === 0 && m.routes.locOff[p + 1] > m.routes.locOff[p]) reschedule(m, p, t);
}
