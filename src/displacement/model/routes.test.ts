import { describe, expect, it } from 'vitest';
import { tinyState } from '../../../test/support/displacement/tiny-scenario.ts';
import type { ModelState } from './state.ts';
import { setLink } from './closures.ts';
import { ensureRoutes, openLinkTo } from './routes.ts';

// A(conflict) – B(town) – M(marker) – C(camp), and B – D(town).
const GRAPH = {
  locations: [
    '#name,region,country,latitude,longitude,location_type,conflict_date,population',
    'A,R,Home,0,0,conflict_zone,0,1000',
    'B,R,Home,0,1,town,,1000',
    'M,R,Home,0,2,marker,,0',
    'C,R,Abroad,0,3,camp,,1000',
    'D,R,Home,1,1,town,,1000',
  ].join('\n'),
  routes: ['#name1,name2,distance', 'A,B,10', 'B,M,20', 'M,C,30', 'B,D,40'].join('\n'),
  conflicts: ['#Day,A', ...Array.from({ length: 10 }, (_, d) => `${d},1`)].join('\n'),
  data_layout: 'total,refugees.csv\nC,gamma.csv\n',
};
const names = 'ABMCD';

/** Candidate routes of place p as "path:km". */
function candidates(m: ModelState, p: number): string[] {
  const r = m.routes;
  return Array.from(r.locIdx.subarray(r.locOff[p], r.locOff[p + 1]), (k) => {
    const path = Array.from(r.path.subarray(r.pathOff[k], r.pathOff[k] + r.pathLen[k]), (q) => names[q]);
    return `${path.join('')}:${r.dist[k]}`;
  });
}

describe('candidate routes', () => {
  it('are the neighbours at awareness 1, passing through markers without counting them', () => {
    const m = tinyState(GRAPH);
    expect(candidates(m, 0)).toEqual(['B:10']);
    expect(candidates(m, 1)).toEqual(['A:10', 'MC:50', 'D:40']);
    expect(candidates(m, 2)).toEqual(['B:20', 'C:30']);
  });

  it('reach k link steps at awareness k, never revisiting a place on the path', () => {
    const m = tinyState({ ...GRAPH, settings: 'move_rules:\n  awareness_level: 2\n' });
    expect(candidates(m, 0)).toEqual(['B:10', 'BMC:60', 'BD:50']);
    expect(candidates(m, 3)).toEqual(['MB:50', 'MBA:60', 'MBD:90']);
  });

  it('are rebuilt after a closure while the old route ids stay valid', () => {
    const m = tinyState(GRAPH);
    const before = m.routes.locIdx[m.routes.locOff[1] + 1]; // B → M → C
    const l = openLinkTo(m, 1, 2);
    setLink(m, l, false);
    ensureRoutes(m);
    expect(candidates(m, 1)).toEqual(['A:10', 'D:40']);
    expect(m.routes.dest[before]).toBe(3);
    expect(openLinkTo(m, 1, 2)).toBe(-1);
  });
});
