/**
 * Calibration of the free parameters against 1990–2005 data only (held-out years are not in the
 * project's data and are never read here).
 *
 * Targets: UN DESA migrant stock 1990/1995/2000/2005 (bilateral file, current borders) — world
 * and by UN region; UNHCR refugees 1990–2005; WDI personal remittances received 1990–2005 (sum
 * over countries reporting).
 * Method:
 *   stage 1 — Nelder–Mead (nelder-mead.ts) over ascStay, the destination-region constants,
 *     ln forcedPerBattleDeath, logit repatriationRate and logit(flightDeathElasticity / 2), minimising the loss of
 *     `calibrationLoss`, one fixed seed (common random numbers), scale 5,000. The loss is the mean
 *     over two starts: from 1990 (scored 1990–2005) and from the observed state of 1995 (scored
 *     after 1995), so that neither the free run's drift nor the 1995 state alone sets the values
 *     (`regimes fit` runs the model both ways). The return rate is
 *     not calibrated: with the stock alone it trades off against the emigration level (large flows
 *     and large returns fit as well), so it is fixed from the literature;
 *   stage 2 — remittances scale linearly with remittanceShare and geometrically with
 *     remittanceTrend and feed back into nothing else, so both follow in closed form: least squares
 *     of ln(data / model at share 1, trend 0) on (year − 1990).
 * Run: `npx tsx src/sim/calibrate.ts [scale] [max evaluations]`; prints the values to put into
 * parameters.ts and the fit table for docs/model.md.
 */
import { pathToFileURL } from 'node:url';
import type { World } from '../world/index.ts';
import { assembleWorld, buildWorldDataFromCsv, loadWorld } from '../world/index.ts';
import type { IndicatorRow } from './indicators.ts';
import { simulate } from './simulate.ts';
import { nelderMead } from './nelder-mead.ts';
import type { Parameters } from './parameters.ts';
import { parameters } from './parameters.ts';
import type { PolicyTables } from './policy-tables.ts';
import { prepareSimulation } from './prepare.ts';
import type { WorldInput } from './world-input.ts';
import { fromWorld } from './world-input.ts';

export const CALIBRATION_YEARS = { first: 1990, last: 2005 } as const;

/** The second start of stage 1: the observed state of this year, scored on later years only. */
export const SECOND_START = 1995;

export interface Targets {
  stock: Map<number, number>;
  refugees: Map<number, number>;
  remittances: Map<number, number>;
  /** Stock by UN region of residence, per stock year. */
  regionalStock: Map<number, Map<string, number>>;
}

/** The calibration targets from the world data (years ≤ 2005 only). */
export function calibrationTargets(world: World): Targets {
  const n = world.countries.countries.length;
  const stock = new Map<number, number>();
  const regionalStock = new Map<number, Map<string, number>>();
  world.bilateral.years.forEach((y, k) => {
    if (y > CALIBRATION_YEARS.last) return;
    stock.set(y, world.bilateral.worldTotal[k]);
    const byRegion = new Map<string, number>();
    const m = world.bilateral.originCount;
    for (let d = 0; d < n; d++) {
      let s = 0;
      for (let o = 0; o < m; o++) {
        const v = world.bilateral.stock[k][d * m + o];
        if (v === v) s += v;
      }
      const r = world.countries.countries[d].region;
      byRegion.set(r, (byRegion.get(r) ?? 0) + s);
    }
    regionalStock.set(y, byRegion);
  });
  const refugees = new Map<number, number>();
  for (const t of world.refugeeTotals)
    if (t.year >= CALIBRATION_YEARS.first && t.year <= CALIBRATION_YEARS.last)
      refugees.set(t.year, t.refugees);
  const remittances = new Map<number, number>();
  for (let y = CALIBRATION_YEARS.first; y <= CALIBRATION_YEARS.last; y++) {
    const t = y - world.span.first;
    let s = 0;
    for (let c = 0; c < n; c++) {
      const v = world.series.remittancesReceivedUsd[t * n + c];
      if (v === v) s += v;
    }
    remittances.set(y, s);
  }
  return { stock, refugees, remittances, regionalStock };
}

/** The targets of years after `year` only (the score of a run started from that year's observed state). */
export function targetsAfter(t: Targets, year: number): Targets {
  const after = <V>(m: Map<number, V>) => new Map([...m].filter(([y]) => y > year));
  return {
    stock: after(t.stock),
    refugees: after(t.refugees),
    remittances: after(t.remittances),
    regionalStock: after(t.regionalStock),
  };
}

/** World rows of one indicator, by year. */
export function worldSeries(rows: readonly IndicatorRow[], indicator: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) if (r.country === 'WLD' && r.indicator === indicator) out.set(r.year, r.value);
  return out;
}

function meanSquaredLogError(model: Map<number, number>, data: Map<number, number>): number {
  let s = 0;
  let k = 0;
  for (const [y, v] of data) {
    const m = model.get(y);
    if (m === undefined || !(m > 0) || !(v > 0)) {
      s += 10;
    } else {
      s += Math.log(m / v) ** 2;
    }
    k++;
  }
  return k ? s / k : 0;
}

/** Stock by UN region of residence from the model rows, per year. */
export function regionalSeries(
  world: World,
  rows: readonly IndicatorRow[],
): Map<number, Map<string, number>> {
  const regions = new Map<string, string>();
  for (const c of world.countries.countries) regions.set(c.iso3, c.region);
  const out = new Map<number, Map<string, number>>();
  for (const r of rows) {
    if (r.indicator !== 'migrant_stock' || r.country === 'WLD') continue;
    const region = regions.get(r.country);
    if (!region) continue;
    let m = out.get(r.year);
    if (!m) out.set(r.year, (m = new Map()));
    m.set(region, (m.get(region) ?? 0) + r.value);
  }
  return out;
}

/** The free parameters of stage 1, in the order of the search vector. */
export const STAGE1 = [
  'ascStay',
  'ascAmericas',
  'ascAsia',
  'ascEurope',
  'ascOceania',
  'forcedPerBattleDeath',
  'repatriationRate',
  'flightDeathElasticity',
] as const;

export interface CalibrationResult {
  values: Pick<Parameters, (typeof STAGE1)[number] | 'remittanceShare' | 'remittanceTrend'>;
  loss: number;
  evaluations: number;
  rows: IndicatorRow[];
}

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Stage-1 loss: mean squared log error of the world stock (4 years), of the refugees (16 years)
 * and of each UN region's stock (4 years, averaged over the 5 regions). The corridors are not in
 * it: they are the check of the model's structure (`regimes fit`), and squared log errors of a few
 * emptied refugee corridors would outweigh everything else.
 */
export function calibrationLoss(world: World, targets: Targets, rows: readonly IndicatorRow[]): number {
  const regional = regionalSeries(world, rows);
  const regions = [...(targets.regionalStock.values().next().value?.keys() ?? [])];
  let reg = 0;
  for (const region of regions) {
    const data = new Map<number, number>();
    const model = new Map<number, number>();
    for (const [y, m] of targets.regionalStock) data.set(y, m.get(region) ?? NaN);
    for (const [y, m] of regional) model.set(y, m.get(region) ?? NaN);
    reg += meanSquaredLogError(model, data);
  }
  return (
    meanSquaredLogError(worldSeries(rows, 'migrant_stock'), targets.stock) +
    meanSquaredLogError(worldSeries(rows, 'refugees'), targets.refugees) +
    (regions.length ? reg / regions.length : 0)
  );
}

/**
 * @param tablesForYear the historical regime's compiled tables (`prepareSimulation({ regime:
 *   'neoliberal' })`)
 */
export function calibrate(
  world: World,
  tablesForYear: (year: number) => PolicyTables,
  opts: { scale?: number; seed?: number; maxEvaluations?: number; log?: (s: string) => void } = {},
): CalibrationResult {
  const scale = opts.scale ?? 5000;
  const seed = opts.seed ?? 1;
  const input: WorldInput = fromWorld(world, CALIBRATION_YEARS.first);
  const secondInput: WorldInput = fromWorld(world, SECOND_START);
  const targets = calibrationTargets(world);
  const secondTargets = targetsAfter(targets, SECOND_START);
  const runFrom = (from: WorldInput, fromYear: number, over: Partial<Parameters>) =>
    simulate({
      world: from,
      tablesForYear,
      regimeId: 'neoliberal',
      seed,
      scale,
      fromYear,
      toYear: CALIBRATION_YEARS.last,
      parameters: over,
    }).rows;
  const run = (over: Partial<Parameters>) => runFrom(input, CALIBRATION_YEARS.first, over);
  const twoStartLoss = (over: Partial<Parameters>) =>
    (calibrationLoss(world, targets, run(over)) +
      calibrationLoss(world, secondTargets, runFrom(secondInput, SECOND_START, over))) /
    2;
  const decode = (x: number[]) => ({
    ascStay: x[0],
    ascAmericas: x[1],
    ascAsia: x[2],
    ascEurope: x[3],
    ascOceania: x[4],
    forcedPerBattleDeath: Math.exp(x[5]),
    repatriationRate: logistic(x[6]),
    // bounded to the values the model is defined for (0…2)
    flightDeathElasticity: 2 * logistic(x[7]),
  });
  const p0 = parameters();
  const x0 = [
    p0.ascStay,
    p0.ascAmericas,
    p0.ascAsia,
    p0.ascEurope,
    p0.ascOceania,
    Math.log(p0.forcedPerBattleDeath),
    logit(p0.repatriationRate),
    logit(p0.flightDeathElasticity / 2),
  ];
  const result = nelderMead(
    (x) => {
      const loss = twoStartLoss(decode(x));
      opts.log?.(`${JSON.stringify(decode(x))} → ${loss.toFixed(5)}`);
      return loss;
    },
    x0,
    { step: [1, 1, 1, 1, 1, 0.7, 0.7, 0.4], maxEvaluations: opts.maxEvaluations ?? 80, tolerance: 1e-5 },
  );
  const stage1 = decode(result.x);
  // stage 2: remittances in closed form
  const base = run({ ...stage1, remittanceShare: 1, remittanceTrend: 0 });
  const b = worldSeries(base, 'remittances_usd');
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let k = 0;
  for (const [y, v] of targets.remittances) {
    const m = b.get(y);
    if (!(m && m > 0 && v > 0)) continue;
    const xv = y - 1990;
    const yv = Math.log(v / m);
    sx += xv;
    sy += yv;
    sxx += xv * xv;
    sxy += xv * yv;
    k++;
  }
  const slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  const intercept = (sy - slope * sx) / k;
  const values = { ...stage1, remittanceShare: Math.exp(intercept), remittanceTrend: Math.exp(slope) - 1 };
  const rows = run(values);
  return { values, loss: result.value, evaluations: result.evaluations + 2, rows };
}

/** The fit table: model vs data per target series and year, relative error. */
export function fitTable(world: World, rows: readonly IndicatorRow[]): string {
  const t = calibrationTargets(world);
  const lines = ['| series | year | data | model | error |', '|---|---|---|---|---|'];
  const add = (
    name: string,
    data: Map<number, number>,
    model: Map<number, number>,
    unit: number,
    digits = 1,
  ) => {
    for (const [y, v] of data) {
      const m = model.get(y) ?? NaN;
      lines.push(
        `| ${name} | ${y} | ${(v / unit).toFixed(digits)} | ${(m / unit).toFixed(digits)} | ${(((m - v) / v) * 100).toFixed(1)}% |`,
      );
    }
  };
  add('world migrant stock (M)', t.stock, worldSeries(rows, 'migrant_stock'), 1e6);
  add('refugees (M)', t.refugees, worldSeries(rows, 'refugees'), 1e6);
  add('remittances (US$ bn)', t.remittances, worldSeries(rows, 'remittances_usd'), 1e9, 0);
  const regional = regionalSeries(world, rows);
  for (const [y, byRegion] of t.regionalStock) {
    const model = regional.get(y) ?? new Map<string, number>();
    for (const [region, v] of [...byRegion].sort()) {
      const m = model.get(region) ?? NaN;
      lines.push(
        `| stock in ${region} (M) | ${y} | ${(v / 1e6).toFixed(1)} | ${(m / 1e6).toFixed(1)} | ${(((m - v) / v) * 100).toFixed(1)}% |`,
      );
    }
  }
  return lines.join('\n');
}

function loadAnyWorld(): World {
  try {
    return loadWorld();
  } catch {
    return assembleWorld(buildWorldDataFromCsv());
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = Number(process.argv[2] ?? 5000);
  const maxEvaluations = Number(process.argv[3] ?? 80);
  const world = loadAnyWorld();
  const t0 = performance.now();
  const prepared = await prepareSimulation({
    regime: 'neoliberal',
    world,
    scale,
    fromYear: CALIBRATION_YEARS.first,
    toYear: CALIBRATION_YEARS.last,
  });
  const r = calibrate(world, prepared.tablesForYear, {
    scale,
    maxEvaluations,
    log: (s) => process.stderr.write(`${s}\n`),
  });
  console.log(
    JSON.stringify(
      {
        values: r.values,
        loss: r.loss,
        evaluations: r.evaluations,
        seconds: (performance.now() - t0) / 1000,
      },
      null,
      2,
    ),
  );
  console.log(fitTable(world, r.rows));
}
