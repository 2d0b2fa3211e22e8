/**
 * Benchmark of the world model's step (not a test): agent-steps per second at 1 M and 10 M agents,
 * bytes of state per agent, and — in the same run — the time to stream the same arrays through a
 * plain copy (`TypedArray.prototype.set`, one read and one write of every byte), so the report gives
 * the fraction of the memory bound the step reaches, and the tally alone (the pass that counts the
 * stocks and the labour market's expectations) and one draw per agent alone (the least a pass that
 * decides anything per agent does) for the same fraction. Then the 100 M-agent demonstration: allocate
 * the state for 100 M agents, run one step, report the resident set size. The policy tables are the
 * compiled `neoliberal` regime's (the flows of a `regimes run`).
 *
 * The aims of issue 23 come out of the same run, at the largest size: `wholeStepOverDraw` (the whole
 * step on one thread over the one-draw-per-agent floor; aim ≤ 2) and `twoThreadSpeedup` (the whole
 * step on one thread over two; aim ≥ 1.8), with `twoThreadSpeedupFromParts`, its estimate from the
 * one-thread step's parts in CPU time, for a machine too loaded to measure it. `--scale1` adds
 * `regimes run world-1990-2020 --scale 1` (every migrant an agent) in a child process: its wall
 * time, CPU time and peak resident set size (aim ≤ 3 min and ≤ 12 GiB on 2 cores). It takes
 * minutes; `--scale1-to 1995` stops it earlier.
 *
 *   npm run bench -- world [--sizes 1e6,1e7] [--threads 1,2] [--no-100m] [--scale1 [--scale1-to YEAR]]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupSliceLength } from '../src/sim/accumulators.ts';
import { agentYearPass, compileAgentYear, tallyPass } from '../src/sim/agent-year.ts';
import { newBilateralTally } from '../src/sim/bilateral-tally.ts';
import type { Engine } from '../src/sim/engine.ts';
import { BYTES_PER_AGENT, FIELDS, FREE, growStore } from '../src/sim/state.ts';
import type { AgentStore, FieldName } from '../src/sim/state.ts';
import { parameters } from '../src/sim/parameters.ts';
import { uniform } from '../src/sim/rng.ts';
import { cohortKeys } from '../src/sim/cohorts.ts';
import { dueYearCost } from './due-year.ts';
import { keptTallyCost } from './kept-tally.ts';
import { benchWorld } from './world-setup.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('--sizes', '1e6,1e7').split(',').map(Number);
const threadCounts = opt('--threads', `1,${Math.min(2, availableParallelism())}`)
  .split(',')
  .map(Number)
  .filter((t, i, a) => a.indexOf(t) === i);
const demo100m = !args.includes('--no-100m');
const scale1 = args.includes('--scale1');
const scale1To = Number(opt('--scale1-to', '2020'));
if (!Number.isInteger(scale1To) || scale1To < 1990 || scale1To > 2020)
  throw new Error(`--scale1-to must be a year from 1990 to 2020, got ${opt('--scale1-to', '')}`);

// the real world under the compiled neoliberal tables: the flows a `regimes run` has
const { tables, engineFor } = await benchWorld();
const gib = (b: number) => (b / 2 ** 30).toFixed(2);

function live(store: AgentStore): number {
  let n = 0;
  for (let i = 0; i < store.used; i++) if (store.status[i] !== FREE) n++;
  return n;
}

/** Seconds to copy the store's used arrays once (best of 3): wall time, and process CPU time. */
function copySeconds(store: AgentStore): { wall: number; cpu: number } {
  const names = Object.keys(FIELDS) as FieldName[];
  const targets = names.map((k) => new (FIELDS[k] as unknown as new (n: number) => Uint8Array)(store.used));
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    names.forEach((k, i) => targets[i].set((store[k] as unknown as Uint8Array).subarray(0, store.used)));
    best = Math.min(best, (performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  return { wall: best, cpu: bestCpu };
}

/** The per-agent numbers of a year for the engine's agents (wages left at zero), and a tally slice. */
function agentYearOf(engine: Engine, y: number) {
  const n = engine.n;
  const ctx = engine.stepContext(y, tables(y), new Float64Array(n), new Float64Array(n), new Float64Array(n));
  return {
    year: compileAgentYear(ctx),
    acc: new Float64Array(groupSliceLength(n + 2)),
    bilateral: newBilateralTally(n),
  };
}

/**
 * Seconds (best of 3, 1 thread) of the tally alone over the engine's agents — reading status,
 * location, origin, traits, channel and years in the country, summing the stocks and each agent's
 * expected employment, wages, rent and remittances (agent-year.ts).
 */
function tallySeconds(engine: Engine): number {
  const { year, acc, bilateral } = agentYearOf(engine, 1993);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    tallyPass(engine.store, 0, engine.store.used, year, acc, 0, bilateral);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

/**
 * Seconds (best of 3, 1 thread) of the least pass that decides anything per agent: read status,
 * location, origin and traits, draw the agent's one counter-based uniform (rng.ts) and test it
 * against the death probability of its age band, summing deaths by location. Any engine that makes
 * a random draw per agent and year costs at least this. Wall time and process CPU time.
 */
function drawFloorSeconds(engine: Engine): { wall: number; cpu: number } {
  const s = engine.store;
  const used = s.used;
  const { status, location, origin, traits } = s;
  const p = parameters();
  const mortality = Float64Array.of(p.mortality0, p.mortality1, p.mortality2, p.mortality3);
  const deaths = new Float64Array(2 * (engine.n + 2));
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < used; i++) {
      if (status[i] === FREE) continue;
      const u = uniform(0x2545f491, i);
      if (u < mortality[(traits[i] >> 2) & 3]) deaths[location[i]] += 1;
      else deaths[engine.n + 2 + origin[i]] += u;
    }
    best = Math.min(best, (performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  if (!(deaths[0] >= 0)) throw new Error('unreachable: keeps the loop observable');
  return { wall: best, cpu: bestCpu };
}

/**
 * What an engine that visits only the agents something happens to could reach here (the design
 * of docs/model.md §8: entry years, stocks kept as counts, events scheduled ahead), from this
 * engine's own measured parts, leaving out the costs that design adds (counts updated on each
 * change, rescheduling):
 * - the share of agents whose state changes in a year (`changedShare`: a slot whose status,
 *   location, last destination, channel or traits differ after one step, new agents included):
 *   any exact engine writes at least these;
 * - the agent pass's cost per agent over the whole store (`visitSeconds`, 1 thread, on a copy of
 *   the store), taken as the cost of a visit: a visited agent goes through the same mechanisms;
 * - a scan of a one-byte schedule over every slot (`scanSeconds`, 1 thread): how the visits are
 *   found without a list per year;
 * - the year's main-thread part as the engine timed it (country level, decisions, indicators).
 * The projected step is that main-thread part plus (scan + changed agents × visit) over the threads.
 * `keptTally` measures, in CPU time, what keeping the tally as counts by cohort would cost
 * (bench/kept-tally.ts: two counts moved per agent whose cohort changed, one evaluation per cohort)
 * against the recount it would replace. `dueYear` measures the schedule by due year (bench/due-year.ts:
 * the share of agents a year visits under the bounds the kernels allow, over the years to
 * `DUE_YEAR_WINDOW_END`, and the cost per visit), and `dueYearStepCpuSeconds` projects a one-thread
 * step of such an engine in CPU time (1 thread): the main-thread part, the visiting pass, the
 * rescheduling and the kept tally's moves and evaluation (not the comparison of a visited agent's
 * fields before and after, which finds its change).
 */
function eventEngineCeiling(engine: Engine, year: number, threads: number, copy: number) {
  const before = engine.store;
  const used0 = before.used;
  const keysBefore = cohortKeys(before, engine.n + 2);
  const watched = ['status', 'location', 'previous', 'channel', 'traits'] as const;
  const snapshot = watched.map((f) => (before[f] as Uint8Array).slice(0, used0));
  const c0 = process.cpuUsage();
  engine.step(year);
  const stepCpu = process.cpuUsage(c0);
  const { countryLevel, decisions, indicators, agentPassCpu } = engine.lastTimings;
  // the main thread's part in process CPU time (1 thread only: with workers the process time adds theirs)
  const mainThreadCpu = threads === 1 ? (stepCpu.user + stepCpu.system) / 1e6 - agentPassCpu : NaN;
  const s = engine.store;
  let agents = 0;
  let changed = 0;
  for (let i = 0; i < s.used; i++) {
    const was = i < used0 ? snapshot[0][i] : FREE;
    const now = s.status[i];
    if (now !== FREE) agents++;
    if (was === FREE && now === FREE) continue;
    let differs = was !== now;
    for (let k = 1; k < watched.length && !differs; k++)
      differs = i >= used0 || (s[watched[k]] as Uint8Array)[i] !== snapshot[k][i];
    if (differs) changed++;
  }
  const { year: agentYear, acc, bilateral } = agentYearOf(engine, year + 1);
  const kept = keptTallyCost(s, engine.n + 2, keysBefore, agentYear, acc, bilateral);
  const window = [];
  for (let y = year + 1; y <= DUE_YEAR_WINDOW_END; y++) window.push(agentYearOf(engine, y).year);
  const dueYear = dueYearCost(s, year, window);
  let visitSeconds = Infinity;
  for (let r = 0; r < 2; r++) {
    const copyOfStore = growStore(s, s.capacity);
    const t0 = performance.now();
    agentYearPass(copyOfStore, 0, copyOfStore.used, agentYear, acc, 0);
    visitSeconds = Math.min(visitSeconds, (performance.now() - t0) / 1000 / agents);
  }
  const schedule = new Uint8Array(s.used);
  for (let i = 0; i < s.used; i++) schedule[i] = (uniform(0x68e31da4, i) * 16) | 0;
  let scanSeconds = Infinity;
  let due = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    due = 0;
    for (let i = 0; i < schedule.length; i++) if (schedule[i] === 7) due++;
    scanSeconds = Math.min(scanSeconds, (performance.now() - t0) / 1000);
  }
  if (!(due > 0)) throw new Error('unreachable: keeps the scan observable');
  const mainThread = countryLevel + decisions + indicators;
  const agentPart = (scanSeconds + changed * visitSeconds) / threads;
  return {
    keptTally: kept,
    dueYear,
    mainThreadCpuSeconds: mainThreadCpu,
    dueYearStepCpuSeconds:
      mainThreadCpu +
      dueYear.visitPassSeconds +
      dueYear.rescheduleSeconds +
      kept.movesSeconds +
      kept.evaluateSeconds,
    /** The same if the statuses visited every year were thinned too, at the measured cost per visit. */
    dueYearAllThinnedStepCpuSeconds:
      mainThreadCpu +
      dueYear.allThinnedBoundShare *
        dueYear.agents *
        (dueYear.visitNanosecondsPerVisit + dueYear.rescheduleNanosecondsPerVisit) *
        1e-9 +
      kept.movesSeconds +
      kept.evaluateSeconds,
    changedShare: changed / agents,
    visitNanoseconds: visitSeconds * 1e9,
    scanSeconds,
    mainThreadSeconds: mainThread,
    projectedStepSeconds: mainThread + agentPart,
    projectedBoundFraction: copy / (mainThread + agentPart),
    /** The same with the main thread's part taking no time at all. */
    agentPartBoundFraction: copy / agentPart,
  };
}

/** The last year of the bounds of the due-year schedule (the tables bench/world-setup.ts compiles). */
const DUE_YEAR_WINDOW_END = 2005;

/** Years stepped before timing. */
const WARM_UP_YEARS = 4;

interface Row {
  agents: number;
  threads: number;
  stepSeconds: number;
  /** Process CPU seconds of the whole step (1 thread only: with workers it adds their time). */
  stepCpuSeconds: number;
  /** Seconds of the agent pass alone (the part that streams the agent arrays). */
  agentPassSeconds: number;
  agentPassStepsPerSecond: number;
  agentPassBoundFraction: number;
  /** CPU seconds of the agent pass (process CPU time; 1 thread only: with workers it adds their time). */
  agentPassCpuSeconds: number;
  /** Plain copy CPU seconds over agent-pass CPU seconds (1 thread): the fraction without the load of other processes. */
  agentPassCpuBoundFraction: number;
  agentStepsPerSecond: number;
  /** Seconds of the tally alone over the same agents (1 thread): stocks and the labour market's expectations. */
  tallyOnlySeconds: number;
  tallyOnlyBoundFraction: number;
  /** Seconds of one draw per agent and nothing else (1 thread): the least a pass that decides anything costs. */
  drawFloorSeconds: number;
  drawFloorCpuSeconds: number;
  drawFloorBoundFraction: number;
  copySeconds: number;
  copyGBps: number;
  memoryBoundFraction: number;
  /** What an engine that visits only the agents something happens to could reach (`eventEngineCeiling`). */
  eventEngineCeiling: ReturnType<typeof eventEngineCeiling>;
}

const rows: Row[] = [];
console.log(
  `world step benchmark — ${BYTES_PER_AGENT} bytes of state per agent; ${availableParallelism()} CPUs; load average ${loadavg()[0].toFixed(1)}; Node ${process.version}`,
);
for (const target of sizes) {
  for (const threads of threadCounts) {
    const engine = engineFor(target, threads);
    // warm-up: the optimising compiler settles after about three years (measured: the agent pass
    // at 1 M agents takes 240, 290, 160, then 80–100 ms a year), and a run has 16 or more
    for (let y = 1990; y < 1990 + WARM_UP_YEARS; y++) engine.step(y);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const years = 3;
    let agentPassSeconds = 0;
    let agentPassCpuSeconds = 0;
    for (let y = 1990 + WARM_UP_YEARS; y < 1990 + WARM_UP_YEARS + years; y++) {
      engine.step(y);
      agentPassSeconds += engine.lastTimings.agentPass / years;
      agentPassCpuSeconds += engine.lastTimings.agentPassCpu / years;
    }
    const stepSeconds = (performance.now() - t0) / 1000 / years;
    const stepCpu = process.cpuUsage(c0);
    const stepCpuSeconds = threads === 1 ? (stepCpu.user + stepCpu.system) / 1e6 / years : NaN;
    const agents = live(engine.store);
    const copyTimes = copySeconds(engine.store);
    const copy = copyTimes.wall;
    const tallyOnly = tallySeconds(engine);
    const drawFloor = drawFloorSeconds(engine);
    const row: Row = {
      agents,
      threads,
      stepSeconds,
      stepCpuSeconds,
      agentPassSeconds,
      agentPassStepsPerSecond: agents / agentPassSeconds,
      agentPassBoundFraction: copy / agentPassSeconds,
      agentPassCpuSeconds,
      agentPassCpuBoundFraction: threads === 1 ? copyTimes.cpu / agentPassCpuSeconds : NaN,
      agentStepsPerSecond: agents / stepSeconds,
      tallyOnlySeconds: tallyOnly,
      tallyOnlyBoundFraction: copy / tallyOnly,
      drawFloorSeconds: drawFloor.wall,
      drawFloorCpuSeconds: drawFloor.cpu,
      drawFloorBoundFraction: copy / drawFloor.wall,
      copySeconds: copy,
      copyGBps: (2 * engine.store.used * BYTES_PER_AGENT) / copy / 1e9,
      memoryBoundFraction: copy / stepSeconds,
      eventEngineCeiling: eventEngineCeiling(engine, 1990 + WARM_UP_YEARS + years, threads, copy),
    };
    const ceiling = row.eventEngineCeiling;
    rows.push(row);
    engine.close();
    console.log(
      `${(agents / 1e6).toFixed(2)} M agents, ${threads} thread(s): whole step ${(stepSeconds * 1000).toFixed(0)} ms = ${(row.agentStepsPerSecond / 1e6).toFixed(1)} M agent-steps/s ` +
        `(agent pass ${(agentPassSeconds * 1000).toFixed(0)} ms = ${(row.agentPassStepsPerSecond / 1e6).toFixed(1)} M/s); ` +
        `tally alone ${(tallyOnly * 1000).toFixed(0)} ms (${(100 * row.tallyOnlyBoundFraction).toFixed(0)}%); ` +
        `one draw per agent alone ${(drawFloor.wall * 1000).toFixed(0)} ms (${(100 * row.drawFloorBoundFraction).toFixed(0)}%); ` +
        `plain copy ${(copy * 1000).toFixed(1)} ms (${row.copyGBps.toFixed(1)} GB/s read+write) → ${(100 * row.memoryBoundFraction).toFixed(1)}% of the memory bound (agent pass ${(100 * row.agentPassBoundFraction).toFixed(1)}%)` +
        (threads === 1
          ? `; CPU time: agent pass ${(agentPassCpuSeconds * 1000).toFixed(0)} ms, copy ${(copyTimes.cpu * 1000).toFixed(1)} ms → ${(100 * row.agentPassCpuBoundFraction).toFixed(1)}%`
          : ''),
    );
    console.log(
      `  an engine visiting only the agents that change, with visits as costly as now: ${(100 * ceiling.changedShare).toFixed(1)}% of agents changed in the year, ` +
        `${ceiling.visitNanoseconds.toFixed(0)} ns per visit, one-byte schedule scan ${(ceiling.scanSeconds * 1000).toFixed(1)} ms, ` +
        `main thread (country level, decisions, indicators) ${(ceiling.mainThreadSeconds * 1000).toFixed(0)} ms → step ≥ ${(ceiling.projectedStepSeconds * 1000).toFixed(0)} ms, ` +
        `≤ ${(100 * ceiling.projectedBoundFraction).toFixed(1)}% of the memory bound (≤ ${(100 * ceiling.agentPartBoundFraction).toFixed(1)}% with a main thread that took no time)`,
    );
    const kept = ceiling.keptTally;
    console.log(
      `  the tally kept as counts by cohort: ${(kept.cohorts / 1e6).toFixed(2)} M cohorts (${(kept.agents / kept.cohorts).toFixed(1)} agents each), ` +
        `${(100 * kept.keyChangedShare).toFixed(1)}% of agents changed cohort; in CPU time, the year's ${(kept.moves / 1e6).toFixed(2)} M moves ` +
        `${(kept.movesSeconds * 1000).toFixed(1)} ms in the table of cohorts (${(kept.smallTableMovesSeconds * 1000).toFixed(1)} ms in one by location and status), ` +
        `evaluation ${(kept.evaluateSeconds * 1000).toFixed(1)} ms → ${(kept.keptSeconds * 1000).toFixed(0)} ms a year against ${(kept.recountSeconds * 1000).toFixed(0)} ms for the recount`,
    );
    const due = ceiling.dueYear;
    console.log(
      `  a schedule by due year (thinning): ${(100 * due.boundShare).toFixed(1)}% of agents visited a year under the bounds to ${DUE_YEAR_WINDOW_END} ` +
        `(${(100 * due.hazardShare).toFixed(1)}% with bounds equal to the year's chances; every year ${(100 * due.everyYearShare).toFixed(1)}% — ${Object.entries(
          due.everyYearByStatus,
        )
          .map(([k, v]) => `${k} ${(100 * v).toFixed(1)}%`)
          .join(', ')} —, known ahead ${(100 * due.knownAheadShare).toFixed(1)}%; ` +
        `${(100 * due.allThinnedBoundShare).toFixed(1)}% if those visited every year were thinned too, ${(100 * due.everyYearThinnedShare).toFixed(1)}% of them); ` +
        `in CPU time the pass over the ${(100 * due.visitedShare).toFixed(1)}% drawn ${(due.visitPassSeconds * 1000).toFixed(0)} ms (${due.visitNanosecondsPerVisit.toFixed(0)} ns per visit; ${(due.compactPassSeconds * 1000).toFixed(0)} ms, ${due.compactNanosecondsPerVisit.toFixed(0)} ns, with the same agents side by side) ` +
        `against ${(due.fullPassSeconds * 1000).toFixed(0)} ms over all (${due.fullPassNanosecondsPerAgent.toFixed(0)} ns per agent), rescheduling ${(due.rescheduleSeconds * 1000).toFixed(0)} ms ` +
        (threads === 1
          ? `→ with the kept tally and the main thread (${(ceiling.mainThreadCpuSeconds * 1000).toFixed(0)} ms) a step of ${(ceiling.dueYearStepCpuSeconds * 1000).toFixed(0)} ms on one thread ` +
            `(${(ceiling.dueYearAllThinnedStepCpuSeconds * 1000).toFixed(0)} ms with every status thinned) against ${(row.stepCpuSeconds * 1000).toFixed(0)} ms`
          : ''),
    );
  }
}

let demo: { agents: number; rssGiB: number; stepSeconds: number; initSeconds: number } | undefined;
if (demo100m) {
  const threads = Math.max(...threadCounts);
  const t0 = performance.now();
  const engine = engineFor(1e8, threads);
  const initSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  engine.step(1990);
  const stepSeconds = (performance.now() - t1) / 1000;
  const agents = live(engine.store);
  const rss = process.memoryUsage().rss;
  demo = { agents, rssGiB: rss / 2 ** 30, stepSeconds, initSeconds };
  engine.close();
  console.log(
    `100 M demo: ${(agents / 1e6).toFixed(1)} M agents (capacity ${(engine.store.capacity / 1e6).toFixed(1)} M), init ${initSeconds.toFixed(1)} s, one step (${threads} threads) ${stepSeconds.toFixed(1)} s, RSS ${gib(rss)} GiB (limit 24 GiB)`,
  );
}
/**
 * The aims' ratios at one size, from rows measured in this run: the whole step on one thread over
 * the one-draw floor (itself one thread), and the whole step on one thread over two.
 */
function aimsAt(agentsTarget: number) {
  const mine = rows.filter((r) => Math.abs(Math.log(r.agents / agentsTarget)) < 0.5);
  const one = mine.find((r) => r.threads === 1);
  const two = mine.find((r) => r.threads === 2);
  return {
    agents: one?.agents ?? two?.agents ?? NaN,
    wholeStepOverDraw: one ? one.stepSeconds / one.drawFloorSeconds : NaN,
    /** The same in process CPU time: less sensitive to the load of other processes. */
    wholeStepOverDrawCpu: one ? one.stepCpuSeconds / one.drawFloorCpuSeconds : NaN,
    twoThreadSpeedup: one && two ? one.stepSeconds / two.stepSeconds : NaN,
    /**
     * What two threads would give from the parts of the one-thread step in CPU time (Amdahl): the
     * main thread's part (the step less the agent pass) plus the agent pass split evenly over two.
     * An estimate for a loaded machine, where the measured speed-up counts other processes' time.
     */
    twoThreadSpeedupFromParts: one
      ? one.stepCpuSeconds / (one.stepCpuSeconds - one.agentPassCpuSeconds + one.agentPassCpuSeconds / 2)
      : NaN,
  };
}
const aims = sizes.map(aimsAt);
for (const a of aims)
  console.log(
    `aims at ${(a.agents / 1e6).toFixed(2)} M agents: whole step on 1 thread = ${a.wholeStepOverDraw.toFixed(2)} × the one-draw floor (aim ≤ 2; in CPU time ${a.wholeStepOverDrawCpu.toFixed(2)}); ` +
      `2 threads ${a.twoThreadSpeedup.toFixed(2)} × as fast as 1 (aim ≥ 1.8; from the one-thread parts in CPU time ${a.twoThreadSpeedupFromParts.toFixed(2)})`,
  );
const largest = aims[aims.length - 1];

/**
 * `regimes run world-1990-2020 --scale 1 --threads 2` in a child process (bench/world-run.ts), with
 * a store of its own in a temporary folder: wall time of the process, the run's own wall time, its
 * CPU time (all threads), peak resident set size, agents and the headline world totals of the last
 * year (to compare with a run at scale 1000).
 */
function scale1Run(to: number) {
  const dir = mkdtempSync(join(tmpdir(), 'regimes-scale1-'));
  const rssFile = join(dir, 'rss.json');
  const threads = Math.min(2, availableParallelism());
  const cli = fileURLToPath(new URL('./world-run.ts', import.meta.url));
  const argv = ['run', 'world-1990-2020', '--scale', '1', '--to', String(to), '--threads', String(threads)];
  console.log(`scale-1 run: regimes ${argv.join(' ')} (minutes)…`);
  try {
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, ...argv, '--json', '--store', join(dir, 'results.duckdb')],
      {
        env: { ...process.env, REGIMES_STORE: join(dir, 'results.duckdb'), REGIMES_BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 2 ** 20,
      },
    );
    const wallSeconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`the scale-1 run failed (exit ${r.status ?? r.signal})`);
    const summary = JSON.parse(r.stdout.toString()) as {
      agents: number;
      wallMs: number;
      outputDigest: string;
      headline: { year: number; values: Record<string, number> };
    };
    const { peakRssBytes, cpuSeconds } = JSON.parse(readFileSync(rssFile, 'utf8')) as {
      peakRssBytes: number;
      cpuSeconds: number;
    };
    const out = {
      command: `regimes ${argv.join(' ')}`,
      threads,
      wallSeconds,
      runSeconds: summary.wallMs / 1000,
      peakRssGiB: peakRssBytes / 2 ** 30,
      /** CPU seconds of the run, all threads: on a shared machine the wall time also counts the time
       * other processes held the cores; on `threads` idle cores the run takes at least this over them. */
      cpuSeconds,
      agents: summary.agents,
      outputDigest: summary.outputDigest,
      headline: summary.headline,
    };
    console.log(
      `scale-1 run to ${to}: ${(out.agents / 1e6).toFixed(1)} M agents at the end, wall ${wallSeconds.toFixed(0)} s ` +
        `(the run itself ${out.runSeconds.toFixed(0)} s; aim ≤ 180 s for 1990–2020), CPU ${cpuSeconds.toFixed(0)} s on ${threads} threads ` +
        `(≥ ${(cpuSeconds / threads).toFixed(0)} s on ${threads} idle cores), peak resident ${out.peakRssGiB.toFixed(2)} GiB (aim ≤ 12 GiB)`,
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const scale1Result = scale1 ? scale1Run(scale1To) : undefined;

console.log(
  JSON.stringify({
    bench: 'world',
    bytesPerAgent: BYTES_PER_AGENT,
    wholeStepOverDraw: largest.wholeStepOverDraw,
    twoThreadSpeedup: largest.twoThreadSpeedup,
    wholeStepOverDrawCpu: largest.wholeStepOverDrawCpu,
    twoThreadSpeedupFromParts: largest.twoThreadSpeedupFromParts,
    aims,
    rows,
    demo100m: demo,
    scale1: scale1Result,
  }),
);
