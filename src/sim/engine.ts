/**
 * One run of the world model, year by year. The order within a year:
 *   1. country level (main thread): policy tables for the year, regional processes, commodification,
 *      FDI, wage rates (from last year's stocks);
 *   2. decisions to move (main thread, fixed order): new mover agents, smuggling market;
 *   3. the agent pass (worker threads over groups of agents): transitions, asylum, removal, return,
 *      labour market, remittances, tally;
 *   4. group tallies reduced in group order; indicator rows.
 */
import type { Institution } from '../regime/index.ts';
import { RIGHTS, STATUSES } from '../regime/schema/vocabulary.ts';
import { ACC, groupSliceLength, reduceGroups } from './accumulators.ts';
import type { BilateralTally } from './bilateral-tally.ts';
import {
  addBilateral,
  bilateralTallyLength,
  bilateralTallyOf,
  newBilateralTally,
} from './bilateral-tally.ts';
import { DEFAULT_GROUP_SIZE, runGroups, runTally } from './agent-pass.ts';
import type { AgentStepContext } from './context.ts';
import {
  commodificationKernel,
  commodificationPressure,
  initialCommodification,
} from './kernels/commodification.ts';
import { CLAIM_NAMES } from './kernels/asylum.ts';
import { decideMoveKernel } from './kernels/decide-move.ts';
import type { DecisionProbe } from './kernels/move/move-year.ts';
import { candidateDestinations, evolvingChoiceSets } from './kernels/move/choice-set.ts';
import { destinationAsc, recognisesFleeingAsGroup } from './kernels/move/options.ts';
import { forcedAtHome, interstateWeightOf } from './kernels/move/origin-pool.ts';
import { labourDemand } from './kernels/labour-demand.ts';
import { regularisationRates } from './kernels/regularisation.ts';
import { resettlement } from './kernels/resettlement.ts';
import { inCountryClaimRates } from './kernels/asylum-in-country.ts';
import { estimateYears, toleratedCounted } from './kernels/counting-rule.ts';
import { coEthnicMovers, coEthnicPools, coEthnicRates, coEthnicReturns } from './kernels/co-ethnic.ts';
import { kinFledByOrigin, kinFlight, kinFlightMovers } from './kernels/kin-flight.ts';
import { regionalFlight, regionalFlightMovers } from './kernels/regional-flight.ts';
import { fallFledByOrigin, fallFlight, fallFlightMovers } from './kernels/fall-flight.ts';
import { retreatReturnTest } from './kernels/retreat-return.ts';
import type { RegisteredCorridor } from './kernels/registered-refugees.ts';
import {
  blockRegisteredReturn,
  registeredCorridors,
  registeredRefugeeBirths,
  settleRegisteredRefugees,
} from './kernels/registered-refugees.ts';
import { newMoveOutcome } from './kernels/move/move-year.ts';
import { fdiKernel } from './kernels/fdi.ts';
import { wageRates } from './kernels/labour-market.ts';
import { protectionFloorOfYear } from './kernels/social-protection.ts';
import type { RegionalState } from './kernels/regional-processes.ts';
import { newRegionalState, regionalProcessesKernel } from './kernels/regional-processes.ts';
import type { IndicatorRow, ReportedCorridor } from './indicators.ts';
import { indicatorRows, reportedCorridors } from './indicators.ts';
import { legitimacyIndex } from './legitimacy.ts';
import type { Membership } from './legitimacy.ts';
import { initialPopulation, expectedInitialAgents } from './init.ts';
import { closedEpisodeRoutes, cohortStarts } from './kernels/settlement-cohorts.ts';
import type { Parameters } from './parameters.ts';
import type { PolicyTables } from './policy-tables.ts';
import { C, CH } from './policy-tables.ts';
import { AgentPool } from './pool.ts';
import type { MechanismSwitches } from './mechanisms.ts';
import { ALL_MECHANISMS } from './mechanisms.ts';
import { exileWeightsByOrigin, repatriationByPair, repatriationRates } from './kernels/repatriation.ts';
import { STREAM, streamKey } from './rng.ts';
import { SlotAllocator } from './slots.ts';
import type { AgentStore } from './state.ts';
import { FREE, MAX_RUN_YEARS, clockOf, storeBuffers } from './state.ts';
import type { WorldInput } from './world-input.ts';
import { at, expelledIn } from './world-input.ts';

/** Candidate destinations per origin. */
export const DESTINATIONS_PER_ORIGIN = 14;

export interface EngineOptions {
  world: WorldInput;
  tablesForYear(year: number): PolicyTables;
  seed: number;
  scale: number;
  fromYear: number;
  threads: number;
  params: Parameters;
  institutions?: readonly Institution[];
  /** The members of the first body's dominant party with their years (legitimacy.ts). */
  dominantParty?: readonly Membership[];
  /** Agents per accumulation group (part of the run's definition, like the seed). */
  groupSize?: number;
  /** The mechanisms switched on (default: all; mechanisms.ts). */
  mechanisms?: MechanismSwitches;
  /** Records one origin's decisions in one year (kernels/move/decision-probe.ts); the run is unchanged. */
  decisionProbe?: DecisionProbe;
}

/** Index of each `CLAIM` kind in the tables' claim types (by name; a missing name → the last type). */
export function claimIndexOf(claimTypes: readonly string[]): Int32Array {
  return Int32Array.from(CLAIM_NAMES, (name) => {
    const k = claimTypes.indexOf(name);
    return k >= 0 ? k : claimTypes.length - 1;
  });
}

/** Rights bitmask per (destination, status) from the tables. */
function rightsMasks(t: PolicyTables, n: number): Uint16Array {
  const S = STATUSES.length;
  const R = RIGHTS.length;
  const out = new Uint16Array(n * S);
  for (let d = 0; d < n; d++) {
    for (let s = 0; s < S; s++) {
      let mask = 0;
      for (let r = 0; r < R; r++) if (t.rights[d * S * R + s * R + r]) mask |= 1 << r;
      out[d * S + s] = mask;
    }
  }
  return out;
}

export class Engine {
  readonly world: WorldInput;
  readonly n: number;
  store: AgentStore;
  private readonly slots: SlotAllocator;
  private readonly regional: RegionalState;
  private readonly commodification: Float64Array;
  /** Candidate destinations of each origin this year, `dest[o × D + k]` (kernels/move/choice-set.ts). */
  private readonly dest: Int32Array;
  private readonly reported: readonly ReportedCorridor[];
  /** Agents by (location, origin) at the end of the last year (bilateral-tally.ts). */
  bilateral: BilateralTally;
  /** The co-ethnics born in each co-ethnic origin who have not moved yet, persons (kernels/co-ethnic.ts). */
  coEthnicPool: Float64Array;
  /** The corridors of Palestine refugees registered with UNRWA, none without the mechanism (kernels/registered-refugees.ts). */
  private readonly registered: readonly RegisteredCorridor[];
  /** The run's mechanisms (all on unless the options switch some off). */
  private readonly mechanisms: MechanismSwitches;
  /** [d] years of recognitions UNHCR counts as d's refugees, fixed for the run (kernels/counting-rule.ts). */
  private readonly estimateYears: Uint8Array;
  /** [d] 1 where d's refugee figure counts its tolerated (kernels/counting-rule.ts). */
  private readonly toleratedCounted: Uint8Array;
  private totals: Float64Array;
  private readonly pool?: AgentPool;
  private readonly groupSize: number;
  private readonly initialModelStock: number;
  private accBuffer: SharedArrayBuffer = new SharedArrayBuffer(8);
  /** Each thread's bilateral tally of the agent pass, back to back (bilateral-tally.ts). */
  private readonly threadBilateral: SharedArrayBuffer;
  /** Wall-clock seconds of the parts of the last step (for the benchmark). */
  readonly lastTimings = { countryLevel: 0, decisions: 0, agentPass: 0, agentPassCpu: 0, indicators: 0 };

  constructor(private readonly o: EngineOptions) {
    // the worker threads boot while the agents and the first year's tables are built
    if (o.threads > 1) this.pool = new AgentPool(o.threads);
    try {
      const world = o.world;
      this.world = world;
      const n = world.iso3.length;
      this.n = n;
      this.mechanisms = o.mechanisms ?? ALL_MECHANISMS;
      this.estimateYears = estimateYears(world.iso3, this.mechanisms['counting-rule']);
      this.toleratedCounted = toleratedCounted(world.iso3, this.mechanisms['tolerated-counted']);
      this.threadBilateral = new SharedArrayBuffer(8 * bilateralTallyLength(n) * Math.max(1, o.threads));
      this.groupSize = o.groupSize ?? DEFAULT_GROUP_SIZE;
      const expected = expectedInitialAgents(world, o.scale);
      this.store = initialPopulation(
        world,
        o.fromYear,
        o.seed,
        o.scale,
        o.params,
        Math.ceil(expected * 1.3) + 1024,
        this.estimateYears,
        cohortStarts(world, o.fromYear, o.params, this.mechanisms['settlement-cohorts']),
      );
      this.registered = this.mechanisms['registered-refugees'] ? registeredCorridors(world) : [];
      settleRegisteredRefugees(this.store, this.registered);
      this.slots = new SlotAllocator(this.store);
      this.regional = newRegionalState(n);
      this.commodification = initialCommodification(world, o.fromYear, o.params);
      const D = DESTINATIONS_PER_ORIGIN;
      this.dest = candidateDestinations(world, D);
      this.reported = reportedCorridors(world);
      // starting tallies (stocks and corridors) for the first year's decisions
      const first = o.tablesForYear(o.fromYear);
      const ctx = this.stepContext(
        o.fromYear,
        first,
        new Float64Array(n),
        new Float64Array(n),
        new Float64Array(n),
      );
      const acc = new Float64Array(groupSliceLength(n + 2));
      this.bilateral = newBilateralTally(n);
      runTally(this.store, ctx, acc, this.bilateral);
      this.totals = acc;
      this.coEthnicPool = coEthnicPools(world, this.mechanisms.expulsion);
      this.initialModelStock = this.sumLines(acc, ACC.stock) * o.scale;
    } catch (err) {
      this.pool?.close();
      throw err;
    }
  }

  private sumLines(acc: Float64Array, field: number): number {
    const lines = this.n + 2;
    let s = 0;
    for (let c = 0; c < lines; c++) s += acc[field * lines + c];
    return s;
  }

  /** Live agents (persons / K living abroad or recently returned). */
  liveAgents(): number {
    let count = 0;
    const st = this.store.status;
    for (let i = 0; i < this.store.used; i++) if (st[i] !== FREE) count++;
    return count;
  }

  /** What the agent pass reads in `year` (public for tests of the pass). */
  stepContext(
    year: number,
    t: PolicyTables,
    wageHigh: Float64Array,
    wageLow: Float64Array,
    employment: Float64Array,
  ): AgentStepContext {
    const { world, n } = this;
    const p = this.o.params;
    const seed = this.o.seed;
    const atPeace = new Uint8Array(n + 2).fill(1);
    const originConflict = new Uint8Array(n + 2);
    for (let c = 0; c < n; c++) {
      originConflict[c] = Math.min(2, world.conflictIntensity[at(world, year, c)]);
      atPeace[c] = originConflict[c] >= 1 ? 0 : 1;
    }
    const mechanisms = this.mechanisms;
    const interstateWeight = interstateWeightOf(p, mechanisms['interstate-fronts']);
    const rates = repatriationRates(world, year, p, mechanisms.repatriation, atPeace, interstateWeight);
    return {
      n,
      year,
      params: p,
      repatriation: repatriationByPair(
        world,
        rates,
        p,
        mechanisms.expulsion,
        mechanisms['retreat-return'] ? retreatReturnTest(world, year, interstateWeight) : undefined,
      ),
      coEthnicReturn: blockRegisteredReturn(
        coEthnicReturns(world, coEthnicRates(world, year, p, mechanisms['co-ethnic'])),
        n + 2,
        this.registered,
      ),
      // the eligible stock of a regularisation: last year's irregular residents and rejected awaiting removal
      regularisation: regularisationRates(
        t,
        (d) => (this.totals ? this.totals[ACC.irregular * (n + 2) + d] * this.o.scale : 0),
        mechanisms.regularisation,
      ),
      regularisedStatus: t.regularisedStatus,
      regularisedEligible: t.regularisedEligible,
      // the eligible refugees: last year's protected residents of the countries of first asylum
      resettlement: resettlement(
        t.resettlementPersons,
        p.resettlementFill,
        (d) => (this.totals ? this.totals[ACC.refugees * (n + 2) + d] * this.o.scale : 0),
        Uint8Array.from({ length: n }, (_, d) => world.tier[at(world, year, d)]),
        mechanisms.resettlement,
      ),
      localIntegration: mechanisms['local-integration'],
      surPlace: mechanisms['in-country-asylum'],
      inCountryClaim: inCountryClaimRates(
        n,
        p.inCountryClaimRate,
        (d, o) => t.open[(d * n + o) * C + CH.asylum] > 0,
        mechanisms['in-country-asylum'],
      ),
      estimateYears: this.estimateYears,
      toleratedCounted: this.toleratedCounted,
      exileWeight: exileWeightsByOrigin(world, year, p, rates, {
        repatriation: mechanisms.repatriation,
        fallReturn: mechanisms['fall-return'],
      }),
      keys: {
        agentYear: streamKey(seed, year, STREAM.agentYear),
        renewal: streamKey(seed, year, STREAM.renewal),
        transitions: streamKey(seed, year, STREAM.transitions),
        asylum: streamKey(seed, year, STREAM.asylum),
        claim: streamKey(seed, 0, STREAM.asylum),
        removal: streamKey(seed, year, STREAM.removal),
      },
      atPeace,
      originConflict,
      wageHigh,
      wageLow,
      employment,
      protectionFloor: protectionFloorOfYear(world, year),
      protectionFloorIrregular: protectionFloorOfYear(world, year, 'irregular'),
      remittanceShare: p.remittanceShare * Math.pow(1 + p.remittanceTrend, year - 1990),
      enforcementInterior: t.enforcementInterior,
      claimTypeCount: t.claimTypes.length,
      claimIndex: claimIndexOf(t.claimTypes),
      protection: t.protection,
      readmission: t.readmission,
      humanitarianNonReturn: t.humanitarianNonReturn,
      nonReturnableStatus: t.nonReturnableStatus,
      rightsMask: rightsMasks(t, n),
      rightsIndex: t.rightsIndex,
      yearsToLongTermResidence: t.yearsToLongTermResidence,
      yearsToNaturalisation: t.yearsToNaturalisation,
      dualCitizenship: t.dualCitizenship,
      reImmigrationRetained: t.reImmigrationRetained,
      temporaryToPermanent: t.temporaryToPermanent,
      permitYears: t.permitYears,
      permitRenewable: t.permitRenewable,
      employerTied: t.employerTied,
      familyAllowed: t.familyAllowed,
    };
  }

  /** Runs one year and returns its indicator rows. */
  step(year: number): IndicatorRow[] {
    const { world, n } = this;
    const p = this.o.params;
    const K = this.o.scale;
    const lines = n + 2;
    const t0 = performance.now();
    // the agents' durations are differences of the store's clock, which wrap at 256 years (state.ts)
    if (year - this.o.fromYear > MAX_RUN_YEARS)
      throw new Error(`the engine runs at most ${MAX_RUN_YEARS} years past ${this.o.fromYear}`);
    // new arrivals before the agent pass count their years from last year's clock (state.ts)
    this.store.clock = clockOf(year - 1);
    const tables = this.o.tablesForYear(year);
    if (tables.countries.length !== n)
      throw new Error(`policy tables have ${tables.countries.length} countries, the world ${n}`);
    // 1. country level
    regionalProcessesKernel(this.regional, tables, world, year, p);
    // FDI first: its jobs draw people into wage labour (fdi.ts, uprooting) before they are counted
    const fdi = fdiKernel(world, year, p);
    commodificationKernel(this.commodification, world, year, p, fdi.jobs);
    const pressure = commodificationPressure(this.commodification, world, year, p);
    const immigrants = new Float64Array(n);
    for (let c = 0; c < n; c++) immigrants[c] = this.totals[ACC.stock * lines + c] * K;
    // labour demand: jobs growth against the working-age population's (kernels/labour-demand.ts)
    const mechanisms = this.mechanisms;
    const demand = labourDemand(world, year, p, mechanisms['labour-demand']);
    const wages = wageRates(
      n,
      (c) => world.gdpPerCapitaUsd[at(world, year, c)],
      (c) => world.population[at(world, year, c)],
      (c) => world.workingAgePopulation[at(world, year, c)],
      (c) => world.unemploymentRate[at(world, year, c)],
      immigrants,
      p,
    );
    const t1 = performance.now();
    // 2. decisions to move: this year's choice sets (kernels/move/choice-set.ts), then the moves
    const D = DESTINATIONS_PER_ORIGIN;
    if (mechanisms['choice-sets'])
      evolvingChoiceSets(
        {
          world,
          params: p,
          destAsc: destinationAsc(world, p, year),
          stock: this.bilateral.stock,
          scale: K,
          wageLow: wages.low,
          labourDemand: demand,
        },
        D,
        this.dest,
      );
    const diaspora = new Float64Array(n * D);
    // family sponsors: the diaspora less those still on a permit whose holders may not bring their
    // family; none on a corridor whose settlement episode the states closed (settlement-cohorts.ts)
    const sponsors = new Float64Array(n * D);
    const closed = closedEpisodeRoutes(world, year, this.mechanisms['settlement-cohorts']);
    for (let orig = 0; orig < n; orig++) {
      for (let k = 0; k < D; k++) {
        const j = this.dest[orig * D + k];
        if (j < 0) continue;
        const cell = j * lines + orig;
        diaspora[orig * D + k] = this.bilateral.stock[cell] * K;
        sponsors[orig * D + k] = closed[j * n + orig]
          ? 0
          : diaspora[orig * D + k] - this.bilateral.nonSponsors[cell] * K;
      }
    }
    // refugees hosted: last year's tally of the protected by location (the same count as the
    // bilateral tally's row sums)
    const refugeesHosted = Float64Array.from(
      { length: n },
      (_, j) => this.totals[ACC.refugees * lines + j] * K,
    );
    const moves = newMoveOutcome(n);
    const ctx = this.stepContext(year, tables, wages.high, wages.low, wages.employment);
    const interstateWeight = interstateWeightOf(p, mechanisms['interstate-fronts']);
    const kinFleeing = kinFlight(world, year, p, this.coEthnicPool, {
      on: mechanisms['kin-flight'],
      allViolence: mechanisms['organised-violence'],
      expulsion: mechanisms.expulsion,
      interstateWeight,
    });
    const regional = regionalFlight(
      world,
      year,
      p,
      mechanisms['regional-violence'],
      mechanisms['organised-violence'],
      interstateWeight,
    );
    const kinFled = kinFledByOrigin(world, kinFleeing);
    const fallFleeing = fallFlight(
      world,
      year,
      (o) => forcedAtHome(world, at(world, year, o), p, mechanisms, regional.outside[o], kinFled[o]),
      mechanisms['fall-flight'],
    );
    this.slots.rewind();
    decideMoveKernel(
      {
        world,
        year,
        scale: K,
        params: p,
        tables,
        claimIndex: ctx.claimIndex,
        regional: this.regional,
        wages,
        commodificationPressure: pressure,
        fdi,
        diaspora,
        sponsors,
        dest: this.dest,
        D,
        keys: {
          decide: streamKey(this.o.seed, year, STREAM.decideMove),
          smuggle: streamKey(this.o.seed, year, STREAM.smuggling),
          count: streamKey(this.o.seed, year, STREAM.moverCount),
        },
        mechanisms,
        refugeesHosted,
        labourDemand: demand,
        kinFled,
        fallFled: fallFledByOrigin(world, fallFleeing),
        forcedOutsideRegions: regional.outside,
        probe: this.o.decisionProbe,
      },
      this.slots,
      moves,
    );
    coEthnicMovers(
      world,
      year,
      K,
      coEthnicRates(world, year, p, mechanisms['co-ethnic']),
      this.coEthnicPool,
      streamKey(this.o.seed, year, STREAM.coEthnic),
      this.slots,
      moves,
    );
    kinFlightMovers(
      world,
      year,
      K,
      kinFleeing,
      this.coEthnicPool,
      (e) =>
        expelledIn(e, mechanisms.expulsion) ||
        recognisesFleeingAsGroup(tables, ctx.claimIndex, e.homeland, e.origin),
      streamKey(this.o.seed, year, STREAM.kinFlight),
      this.slots,
      moves,
    );
    regionalFlightMovers(
      world,
      year,
      K,
      regional.fleeing,
      (r) => recognisesFleeingAsGroup(tables, ctx.claimIndex, r.asylum, r.origin),
      streamKey(this.o.seed, year, STREAM.regionalFlight),
      this.slots,
      moves,
    );
    fallFlightMovers(
      {
        world,
        year,
        scale: K,
        key: streamKey(this.o.seed, year, STREAM.fallFlight),
        slots: this.slots,
        out: moves,
      },
      fallFleeing,
      (f) => recognisesFleeingAsGroup(tables, ctx.claimIndex, f.retreat, f.origin),
    );
    registeredRefugeeBirths(
      world,
      year,
      p,
      this.registered,
      this.bilateral.stock,
      streamKey(this.o.seed, year, STREAM.registeredRefugees),
      this.slots,
    );
    this.store = this.slots.store;
    // the clock advances when the agent pass starts: every agent's durations gain a year (state.ts)
    this.store.clock = clockOf(year);
    const t2 = performance.now();
    // CPU time of this thread's process (1 thread: the agent pass alone; on a loaded machine the
    // wall time also counts the time other processes held the core)
    const cpu2 = process.cpuUsage();
    // 3. the agent pass
    const slice = groupSliceLength(lines);
    const groups = Math.max(1, Math.ceil(this.store.used / this.groupSize));
    const bytes = groups * slice * 8;
    if (this.accBuffer.byteLength < bytes) this.accBuffer = new SharedArrayBuffer(bytes);
    const acc = new Float64Array(this.accBuffer, 0, groups * slice);
    acc.fill(0);
    const threads = this.pool ? this.pool.threads : 1;
    const bilaterals = Array.from({ length: threads }, (_, t) =>
      bilateralTallyOf(this.threadBilateral, n, t),
    );
    new Float64Array(this.threadBilateral).fill(0);
    if (this.pool) {
      const T = this.pool.threads;
      const groupsOf = (t: number) => {
        const out: number[] = [];
        for (let g = t; g < groups; g += T) out.push(g);
        return out;
      };
      this.pool.run(
        {
          buffers: storeBuffers(this.store),
          ctx,
          acc: this.accBuffer,
          sliceLength: slice,
          groupSize: this.groupSize,
          bilateral: this.threadBilateral,
        },
        groupsOf,
        (mine) => runGroups(this.store, ctx, acc, slice, this.groupSize, mine, bilaterals[0]),
      );
    } else {
      runGroups(
        this.store,
        ctx,
        acc,
        slice,
        this.groupSize,
        Array.from({ length: groups }, (_, g) => g),
        bilaterals[0],
      );
    }
    // 4. totals and rows
    this.totals = reduceGroups(acc, groups, slice);
    addBilateral(bilaterals, this.bilateral);
    const t3 = performance.now();
    const cpu3 = process.cpuUsage(cpu2);
    const modelStock = this.sumLines(this.totals, ACC.stock) * K;
    const otherTerritories =
      this.initialModelStock > 0 ? world.otherTerritoriesStock * (modelStock / this.initialModelStock) : 0;
    const rows = indicatorRows(world, {
      year,
      scale: K,
      acc: this.totals,
      moves,
      wages,
      regional: this.regional,
      commodification: this.commodification,
      otherTerritories,
      corridors: this.reported,
      bilateral: this.bilateral,
      legitimacy: this.legitimacy(year),
    });
    const t4 = performance.now();
    Object.assign(this.lastTimings, {
      countryLevel: (t1 - t0) / 1000,
      decisions: (t2 - t1) / 1000,
      agentPass: (t3 - t2) / 1000,
      agentPassCpu: (cpu3.user + cpu3.system) / 1e6,
      indicators: (t4 - t3) / 1000,
    });
    return rows;
  }

  /** The legitimacy index of the regime's decision body this year, from the year's tallies (legitimacy.ts). */
  private legitimacy(year: number): number {
    const { world, n } = this;
    const K = this.o.scale;
    const lines = n + 2;
    const population = new Float64Array(n);
    const gdpUsd = new Float64Array(n);
    const tier = new Uint8Array(n);
    const immigrants = new Float64Array(n);
    const citizens = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const k = at(world, year, c);
      population[c] = world.population[k];
      gdpUsd[c] = world.population[k] * world.gdpPerCapitaUsd[k];
      tier[c] = world.tier[k];
      immigrants[c] = this.totals[ACC.stock * lines + c] * K;
      citizens[c] = this.totals[ACC.citizens * lines + c] * K;
    }
    return legitimacyIndex(
      { iso3: world.iso3, population, gdpUsd, tier, immigrants, citizens },
      year,
      this.o.institutions?.[0],
      this.o.dominantParty ?? [],
    );
  }

  close(): void {
    this.pool?.close();
  }
}
