/**
 * A small hand-written world for tests: two rich core countries (AAA, BBB), a poor periphery
 * country at war (WAR) and its peaceful neighbour (NBR), 1990–2000, with migrant stocks in every
 * corridor. Options change one thing at a time.
 */
import type { WorldInput } from '../../../src/sim/world-input.ts';

export interface TinyWorldOptions {
  /** Battle deaths a year in WAR (default 20,000: a war), also its deaths in state-based conflict. */
  battleDeaths?: number;
  /** FDI inflow into WAR and NBR, US$ a year (default 1e8). */
  peripheryFdi?: number;
  /** Multiplies every stock (default 1). */
  stockFactor?: number;
  /** The same world with its countries listed in another order: `order[k]` is the index in `TINY_ISO3` of the k-th. */
  order?: readonly number[];
}

export const TINY_ISO3 = ['AAA', 'BBB', 'NBR', 'WAR'] as const;

export function tinyWorld(opts: TinyWorldOptions = {}): WorldInput {
  const world = tinyWorldInListOrder(opts);
  return opts.order ? reordered(world, opts.order) : world;
}

/** A world with its countries listed in `order` (`order[k]` = old index of the new k-th). */
function reordered(w: WorldInput, order: readonly number[]): WorldInput {
  const n = w.iso3.length;
  const m = n + 2;
  const years = w.span.last - w.span.first + 1;
  const panel = <T extends Float64Array | Uint8Array>(a: T): T =>
    a.map((_, k) => a[Math.floor(k / n) * n + order[k % n]]) as T;
  const square = <T extends Float64Array | Uint8Array>(a: T): T =>
    a.map((_, k) => a[order[Math.floor(k / n)] * n + order[k % n]]) as T;
  const perCountry = <T extends Float64Array | Uint8Array>(a: T): T =>
    a.map((_, k) => (k < n ? a[order[k]] : a[k])) as T;
  const originOf = (o: number) => (o < n ? order[o] : o);
  const stock = w.initialStock.map((_, k) => w.initialStock[order[Math.floor(k / m)] * m + originOf(k % m)]);
  if (w.population.length !== years * n) throw new Error('tiny world: unexpected panel length');
  return {
    ...w,
    iso3: order.map((k) => w.iso3[k]),
    region: order.map((k) => w.region[k]),
    population: panel(w.population),
    workingAgePopulation: panel(w.workingAgePopulation),
    gdpPerCapitaUsd: panel(w.gdpPerCapitaUsd),
    gdpPerCapitaPpp: panel(w.gdpPerCapitaPpp),
    unemploymentRate: panel(w.unemploymentRate),
    fdiInflowsUsd: panel(w.fdiInflowsUsd),
    fdiOutflowsUsd: panel(w.fdiOutflowsUsd),
    odaReceivedUsd: panel(w.odaReceivedUsd),
    conflictIntensity: panel(w.conflictIntensity),
    battleDeaths: panel(w.battleDeaths),
    deathsStateBased: panel(w.deathsStateBased),
    deathsNonState: panel(w.deathsNonState),
    deathsOneSided: panel(w.deathsOneSided),
    interstateShare: panel(w.interstateShare),
    employment: panel(w.employment),
    gdpPpp: panel(w.gdpPpp),
    tier: panel(w.tier),
    distanceKm: square(w.distanceKm),
    landBorder: square(w.landBorder),
    initialStock: stock,
    corridorsOfRecord: w.corridorsOfRecord.map(
      (k) => order.indexOf(Math.floor(k / n)) * n + order.indexOf(k % n),
    ),
    refugeesByAsylum: perCountry(w.refugeesByAsylum),
    refugeesByOrigin: perCountry(w.refugeesByOrigin),
    exSocialist: perCountry(w.exSocialist),
    coEthnic: w.coEthnic.map((e) => ({
      ...e,
      homeland: order.indexOf(e.homeland),
      origin: order.indexOf(e.origin),
    })),
    governmentFalls: w.governmentFalls.map((f) => ({ ...f, origin: order.indexOf(f.origin) })),
    conflictRegions: w.conflictRegions.map((r) => ({
      ...r,
      origin: order.indexOf(r.origin),
      asylum: order.indexOf(r.asylum),
    })),
  };
}

function tinyWorldInListOrder(opts: TinyWorldOptions): WorldInput {
  const iso3 = [...TINY_ISO3];
  const n = iso3.length;
  const span = { first: 1990, last: 2000 };
  const years = span.last - span.first + 1;
  const panel = (f: (c: number, t: number) => number) => {
    const p = new Float64Array(years * n);
    for (let t = 0; t < years; t++) for (let c = 0; c < n; c++) p[t * n + c] = f(c, t);
    return p;
  };
  const pop = [60e6, 40e6, 30e6, 25e6];
  const gdpUsd = [25000, 22000, 1200, 500];
  const gdpPpp = [35000, 32000, 4000, 1500];
  const deaths = opts.battleDeaths ?? 20000;
  const fdi = opts.peripheryFdi ?? 1e8;
  const km = [
    [0, 800, 3000, 3500],
    [800, 0, 2500, 3000],
    [3000, 2500, 0, 600],
    [3500, 3000, 600, 0],
  ];
  const border = [
    [0, 1, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 1],
    [0, 0, 1, 0],
  ];
  const m = n + 2;
  const stock = new Float64Array(n * m);
  const f = opts.stockFactor ?? 1;
  const set = (d: number, o: number, v: number) => (stock[d * m + o] = v * f);
  set(0, 1, 500e3);
  set(0, 2, 2e6);
  set(0, 3, 1e6);
  set(0, n + 1, 200e3);
  set(1, 0, 400e3);
  set(1, 2, 1e6);
  set(1, 3, 600e3);
  set(2, 3, 1.5e6);
  set(3, 2, 100e3);
  return {
    kind: 'sim-world',
    iso3,
    region: ['Europe', 'Europe', 'Africa', 'Africa'],
    span,
    population: panel((c, t) => pop[c] * (1 + 0.01 * t)),
    workingAgePopulation: panel((c, t) => pop[c] * 0.62 * (1 + 0.01 * t)),
    gdpPerCapitaUsd: panel((c, t) => gdpUsd[c] * (1 + 0.02 * t)),
    gdpPerCapitaPpp: panel((c) => gdpPpp[c]),
    unemploymentRate: panel((c) => (c < 2 ? 7 : 12)),
    fdiInflowsUsd: panel((c) => (c < 2 ? 2e10 : fdi)),
    fdiOutflowsUsd: panel((c) => (c < 2 ? 2e10 : 0)),
    odaReceivedUsd: panel((c) => (c < 2 ? 0 : 5e8)),
    conflictIntensity: panel((c) => (c === 3 && deaths > 0 ? 2 : 0)),
    battleDeaths: panel((c) => (c === 3 ? deaths : 0)),
    deathsStateBased: panel((c) => (c === 3 ? deaths : 0)),
    deathsNonState: panel(() => 0),
    deathsOneSided: panel(() => 0),
    interstateShare: panel(() => 0),
    employment: panel((c, t) => pop[c] * 0.45 * (1 + 0.01 * t)),
    gdpPpp: panel((c, t) => gdpPpp[c] * pop[c] * (1 + 0.01 * t)),
    tier: Uint8Array.from(panel((c) => (c < 2 ? 0 : 2))),
    distanceKm: Float64Array.from(km.flat()),
    landBorder: Uint8Array.from(border.flat()),
    stockYear: 1990,
    initialStock: stock,
    corridorsOfRecord: new Int32Array(0),
    otherTerritoriesStock: 0,
    refugeesByAsylum: Float64Array.from([200e3 * f, 100e3 * f, 1e6 * f, 0]),
    refugeesByOrigin: Float64Array.from([0, 0, 0, 1.3e6 * f]),
    exSocialist: new Uint8Array(n),
    coEthnic: [],
    governmentFalls: [],
    conflictRegions: [],
    settlementCohorts: [],
  };
}
