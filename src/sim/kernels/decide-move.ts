/**
 * Decisions to move (DESIGN §2, Decisions; de Haas 2021 aspirations–capabilities; Beine, Bertoli &
 * Fernández-Huertas Moraga 2016 random-utility foundations).
 *
 * Potential movers each year, from the stayers of origin o (kept in aggregate):
 *   voluntary: working-age[o] × aspirationRate × hump(ppp[o]) × commodification pressure[o] − FDI-substituted
 *     hump(x) = exp(−ln(x / humpPeakPpp)² / (2 humpWidth²))   (Clemens 2014)
 *   forced:    min(forcedPerBattleDeath × 1000 × (deaths[o] / 1000)^flightDeathElasticity,
 *                  forcedMaxShare × population[o]), deaths at least 25 in a year of conflict (UCDP's
 *                  threshold) with no deaths recorded
 * They fall into classes by skill (3), savings band (3) and forced (2). For a class the options are
 * staying and (destination j × channel c) for the origin's candidate destinations (its largest
 * diasporas in the starting stock, and its land neighbours). Utility:
 *   V(stay) = ascStay − betaViolence × forced
 *   V(j, c) = asc[region of j] + betaWage × ln(E[wage at j, c] / E[wage at o]) − betaDistance × ln(0.5 + km / 1000)
 *           + betaNetwork × ln(1 + diaspora[j, o] / 1000) + betaSecurity × security(c)
 *           − betaCost × ln(1 + cost / income[o]) − betaRisk × death risk + ln(success)
 *           + ln(openness[j, o, c] × eligibility(c, class)) + betaBorder × land border × forced
 * Capabilities bound aspirations: an option costing more than savings × (1 + networkCredit if a
 * diaspora of ≥ 1000 exists) is not in the choice set. Choice is multinomial logit (random utility
 * with Gumbel errors): the number of movers of a class is its expected count, stochastically
 * rounded to agents, and each mover agent draws its option from the logit probabilities.
 *
 * Irregular entry and asylum claims behind a visa wall go through the smuggling market
 * (smuggling.ts): the mover pays the price, may die en route or be intercepted and turned back.
 *
 * Caps on the legal channels ration every origin alike. The decisions run twice: first for the
 * expected demand on each (destination, channel) and on each family route, then to draw the mover
 * agents. The family channel of a route admits at most familySponsorRate × its diaspora a year
 * (only residents sponsor kin), and a channel's quota is shared pro rata over the demand that
 * passes those caps: a mover is admitted with P = min(1, places / demand) — so no origin fills a
 * quota before the others because of where it sits in the country list, and the expected
 * admissions are min(demand, places) at any scale. Movers refused stay (irregular entry has no
 * quota: the tables code it closed); only the admitted are drawn as agents.
 */
import { CHANNELS } from '../../regime/schema/vocabulary.ts';
import type { Parameters } from '../parameters.ts';
import type { PolicyTables } from '../policy-tables.ts';
import { CH, PROTECTION_CODE } from '../policy-tables.ts';
import { stochasticRound, uniform, uniform2 } from '../rng.ts';
import type { SlotAllocator } from '../slots.ts';
import { NO_COUNTRY, ST, TRAIT, makeTraits } from '../state.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';
import { CLAIM } from './asylum.ts';
import type { FdiYear } from './fdi.ts';
import { fdiPresence, fdiSubstitutedCandidates } from './fdi.ts';
import type { WageRates } from './labour-market.ts';
import type { RegionalState } from './regional-processes.ts';
import { effectiveEnforcement, isOverland, smugglingRoute } from './smuggling.ts';

const C = CHANNELS.length;

/** Status on arrival through each channel: an agent still in it holds that channel's permit. */
export const ARRIVAL_STATUS: Uint8Array = Uint8Array.from(CHANNELS, (c) => {
  switch (c) {
    case 'labour':
      return ST.permanent_resident;
    case 'temporary_labour':
      return ST.temporary_worker;
    case 'intra_corporate':
      return ST.intra_corporate_transferee;
    case 'service_provider':
      return ST.service_provider;
    case 'establishment':
      return ST.self_employed;
    case 'family':
      return ST.family_member;
    case 'asylum':
      return ST.asylum_seeker;
    case 'irregular':
      return ST.irregular;
    case 'free_movement':
      return ST.free_mover;
  }
});

/** Status security of a channel (asylum: the chance of protection, computed per route). */
const SECURITY: readonly number[] = CHANNELS.map((c) =>
  c === 'labour' || c === 'family' || c === 'free_movement'
    ? 1
    : c === 'establishment'
      ? 0.8
      : c === 'intra_corporate'
        ? 0.5
        : c === 'irregular'
          ? 0
          : 0.3,
);

/** Shares and savings (× annual income) of the three savings bands. */
export const SAVINGS_BANDS = { share: [0.5, 0.4, 0.1], level: [0.1, 0.6, 3.0] } as const;
/** Age bands of movers (most move young: Rogers & Castro 1981 model schedules). */
const MOVER_AGE_CDF = [0.6, 0.9, 1.0];

/** Share of high-skilled among potential movers by GDP per capita PPP (Barro–Lee tertiary shares, order of magnitude). */
export function highSkillShare(ppp: number): number {
  return Math.min(0.35, Math.max(0.02, 0.02 + 0.1 * Math.log(Math.max(ppp, 1) / 1000)));
}

export function hump(ppp: number, p: Parameters): number {
  const z = Math.log(Math.max(ppp, 1) / p.humpPeakPpp);
  return Math.exp(-(z * z) / (2 * p.humpWidth * p.humpWidth));
}

/** log eligibility for the labour channel by skill (low, medium, high). */
const LOG_LABOUR_ELIGIBILITY = [Math.log(0.05), Math.log(0.3), 0];
/** log eligibility of a mover not fleeing violence for asylum. */
const LOG_UNFORCED_ASYLUM = Math.log(0.05);

/**
 * The option a draw `target` ∈ [0, total) falls in: the first q with cumulative[q] > target, by
 * bisection (`cumulative` is the running sum of `weights`, so it does not decrease); the last
 * option with weight if rounding put the target past the end.
 */
export function pickOption(cumulative: Float64Array, weights: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  if (!(cumulative[hi] > target)) {
    while (hi > 0 && weights[hi] === 0) hi--;
    return hi;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

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
    const nStock = Math.max(D - Math.min(neighbours.length, 4), Math.ceil(D / 2));
    for (const d of byStock) if (chosen.length < nStock) chosen.push(d);
    for (const d of neighbours) if (chosen.length < D && !chosen.includes(d)) chosen.push(d);
    for (const d of byStock) if (chosen.length < D && !chosen.includes(d)) chosen.push(d);
    chosen.forEach((d, k) => (out[o * D + k] = d));
  }
  return out;
}

/** What the move decisions of one year produced (persons and US$, by country). */
export interface MoveOutcome {
  /** By destination: arrivals by channel, `inflow[c * n + j]`. */
  inflow: Float64Array;
  asylumApplications: Float64Array;
  deathsEnRoute: Float64Array;
  intercepted: Float64Array;
  smugglingRevenue: Float64Array;
  smugglingCustomers: Float64Array;
  organisedCrimeRevenue: Float64Array;
  quotaRefused: Float64Array;
  /** By origin. */
  emigration: Float64Array;
  trapped: Float64Array;
  fdiSubstituted: Float64Array;
  potentialMovers: Float64Array;
  /** Mean smuggling price paid by the customers of routes to each destination, US$ (NaN without customers). */
  smugglingPrice: Float64Array;
}

export function newMoveOutcome(n: number): MoveOutcome {
  const z = () => new Float64Array(n);
  return {
    inflow: new Float64Array(C * n),
    asylumApplications: z(),
    deathsEnRoute: z(),
    intercepted: z(),
    smugglingRevenue: z(),
    smugglingCustomers: z(),
    organisedCrimeRevenue: z(),
    quotaRefused: z(),
    emigration: z(),
    trapped: z(),
    fdiSubstituted: z(),
    potentialMovers: z(),
    smugglingPrice: z(),
  };
}

export interface MoveYear {
  world: WorldInput;
  year: number;
  scale: number;
  params: Parameters;
  tables: PolicyTables;
  /** Index in the tables' claim types of each `CLAIM` kind. */
  claimIndex: Int32Array;
  regional: RegionalState;
  wages: WageRates;
  commodificationPressure: Float64Array;
  fdi: FdiYear;
  /** Diaspora on each candidate route, persons, `diaspora[o * D + k]`. */
  diaspora: Float64Array;
  /** Those of the diaspora who may sponsor family (not on a permit with `family_allowed: false`), `sponsors[o * D + k]`. */
  sponsors: Float64Array;
  dest: Int32Array;
  D: number;
  keys: { decide: number; smuggle: number; count: number };
}

/**
 * The log of the wage a mover expects at each destination through each channel, by skill,
 * `[(j * C + c) * 3 + skill]`: informal work at the low-skill wage for the irregular and asylum
 * channels, otherwise the skill's wage, less the discount of permits tied to an employer.
 */
function destinationLogWages(n: number, wages: WageRates, tables: PolicyTables, p: Parameters): Float64Array {
  const out = new Float64Array(n * C * 3);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < C; c++) {
      for (let sk = 0; sk < 3; sk++) {
        let wageThere: number;
        if (c === CH.irregular || c === CH.asylum)
          wageThere = wages.low[j] * (1 - p.informalDiscount) * p.informalEmployment * wages.employment[j];
        else {
          const rate = sk === 2 ? wages.high[j] : sk === 1 ? wages.low[j] * 1.3 : wages.low[j];
          wageThere = rate * wages.employment[j] * (tables.employerTied[j * C + c] ? 1 - p.tiedDiscount : 1);
        }
        out[(j * C + c) * 3 + sk] = Math.log(Math.max(wageThere, 1));
      }
    }
  }
  return out;
}

/** Mover classes of an origin: forced or not × 3 skills × 3 savings bands. */
const CLASSES = 18;

/**
 * Decides this year's moves and creates the mover agents: the demand every origin puts on each
 * option, the admissions the caps allow over all of it, then the mover agents of each origin.
 */
export function decideMoveKernel(y: MoveYear, slots: SlotAllocator, out: MoveOutcome): void {
  const n = y.world.iso3.length;
  const decisions = new Decisions(y);
  const pools = Array.from({ length: n }, (_, o) => originPool(y, o));
  for (let o = 0; o < n; o++) {
    const pool = pools[o];
    if (!pool) continue;
    decisions.options(o, pool);
    decisions.demand(o, pool);
  }
  decisions.admissions();
  for (let o = 0; o < n; o++) {
    const pool = pools[o];
    if (!pool) continue;
    out.potentialMovers[o] += pool.voluntary + pool.forced;
    decisions.draw(o, pool, slots, out);
  }
  // mean price paid per customer
  for (let j = 0; j < n; j++)
    out.smugglingPrice[j] =
      out.smugglingCustomers[j] > 0 ? out.smugglingPrice[j] / out.smugglingCustomers[j] : NaN;
}

/** The potential movers of an origin this year, and what its classes share. */
interface OriginPool {
  /** Persons who would move for work and a better life, net of those FDI jobs keep home. */
  voluntary: number;
  /** Those FDI jobs keep home. */
  substituted: number;
  /** Persons fleeing conflict. */
  forced: number;
  /** Income per head, US$ (at least 100): what savings and costs are measured against. */
  income: number;
  /** UCDP intensity: 0 none, 1 minor, 2 war. */
  conflict: number;
  /** Share of each skill (low, medium, high) among potential movers, and their sum. */
  skillShare: number[];
  skillSum: number;
  /** log of the expected wage at home, by skill. */
  logWageHome: number[];
}

/** The potential movers of origin o (undefined for a country without population this year). */
function originPool(y: MoveYear, o: number): OriginPool | undefined {
  const { world, params: p, wages } = y;
  const po = at(world, y.year, o);
  const pop = world.population[po];
  if (!(pop > 0)) return undefined;
  const ppp = world.gdpPerCapitaPpp[po];
  const conflict = world.conflictIntensity[po];
  let voluntary =
    world.workingAgePopulation[po] * p.aspirationRate * hump(ppp, p) * y.commodificationPressure[o];
  const substituted = fdiSubstitutedCandidates(voluntary, y.fdi.jobs[o], p);
  voluntary -= substituted;
  const deaths = Math.max(world.battleDeaths[po], conflict >= 1 ? 25 : 0);
  const forced = Math.min(
    p.forcedPerBattleDeath * 1000 * Math.pow(deaths / 1000, p.flightDeathElasticity),
    p.forcedMaxShare * pop,
  );
  const hs = highSkillShare(ppp);
  const skillShare = [Math.max(0.3, 1 - hs - 0.35), 0.35, hs];
  const wageO = [wages.low[o], wages.low[o] * 1.3, wages.high[o]];
  const employO = wages.employment[o];
  return {
    voluntary,
    substituted,
    forced,
    income: Math.max(world.gdpPerCapitaUsd[po], 100),
    conflict,
    skillShare,
    skillSum: skillShare[0] + skillShare[1] + skillShare[2],
    logWageHome: wageO.map((w) => Math.log(Math.max(w * employO, 1))),
  };
}

/**
 * One year's decisions, origin by origin. The options of an origin are its candidate destinations
 * × the channels (`q = k × C + c`); the demand pass computes each class's option weights once and
 * keeps them, with what a mover pays and risks on each option, for the draw pass.
 */
class Decisions {
  private readonly p: Parameters;
  private readonly n: number;
  private readonly D: number;
  private readonly optCount: number;
  /** Destination-region constants (UN region of the destination; calibrated on the regional stocks). */
  private readonly destAsc: Float64Array;
  private readonly logWageAbroad: Float64Array;
  // the current origin's options: class-independent utility (NaN: closed), cost, and the parts
  // eligibility and capabilities read
  private readonly optBase: Float64Array;
  private readonly optCost: Float64Array;
  private readonly optDiaspora: Float64Array;
  private readonly optSponsors: Float64Array;
  /** Chance of protection for an asylum option, `[2q]` not forced, `[2q + 1]` forced. */
  private readonly optRecognition: Float64Array;
  private readonly optPresence: Float64Array;
  /** Skills the option's channel admits (bit mask, policy tables) and the capital it asks (establishment). */
  private readonly optSkills: Uint8Array;
  private readonly optCapital: Float64Array;
  private readonly optLogWage: Float64Array;
  private readonly optLogPresence: Float64Array;
  /** The options of the current origin that are open at all (a utility), in option order. */
  private readonly openOptions: Int32Array;
  private openCount = 0;
  // what a mover of each origin pays and risks on each option, `[o × optCount + q]`
  private readonly routeDest: Int32Array;
  private readonly routeSmuggled: Uint8Array;
  private readonly routeDeath: Float64Array;
  private readonly routeIntercept: Float64Array;
  private readonly routePrice: Float64Array;
  private readonly routeOc: Float64Array;
  /** Expected persons of the current origin choosing each option. */
  private readonly originDemand: Float64Array;
  /** Demand on each (destination, channel) after the family caps, and the share of it admitted. */
  private readonly channelDemand: Float64Array;
  private readonly quotaAdmission: Float64Array;
  /** Share admitted on each family route, `[o × D + k]`. */
  private readonly familyAdmission: Float64Array;
  /** Each class's option weights and their sum, `[(o × CLASSES + class) × optCount + q]`. */
  private readonly classWeights: Float64Array;
  private readonly classSums: Float64Array;
  /** One skill's option weights before the savings bands' limits, and whether the option is open to it. */
  private readonly skillWeight: Float64Array;
  private readonly skillOpen: Uint8Array;
  /** A class's weights after rationing, and their running sum (a mover's option is found by bisection). */
  private readonly weights: Float64Array;
  private readonly cumulative: Float64Array;
  /** Mover agents drawn so far this year: the counter of their random draws. */
  private counter = 0;

  constructor(private readonly y: MoveYear) {
    const { world, params: p, D } = y;
    const n = world.iso3.length;
    const optCount = D * C;
    this.p = p;
    this.n = n;
    this.D = D;
    this.optCount = optCount;
    const regionAsc: Record<string, number> = {
      Africa: p.ascAfrica,
      Americas: p.ascAmericas,
      Asia: p.ascAsia,
      Europe: p.ascEurope,
      Oceania: p.ascOceania,
    };
    this.destAsc = Float64Array.from(world.region, (r) => regionAsc[r] ?? 0);
    this.logWageAbroad = destinationLogWages(n, y.wages, y.tables, p);
    this.optBase = new Float64Array(optCount);
    this.optCost = new Float64Array(optCount);
    this.optDiaspora = new Float64Array(optCount);
    this.optSponsors = new Float64Array(optCount);
    this.optRecognition = new Float64Array(optCount * 2);
    this.optPresence = new Float64Array(optCount);
    this.optSkills = new Uint8Array(optCount);
    this.optCapital = new Float64Array(optCount);
    this.optLogWage = new Float64Array(optCount * 3);
    this.optLogPresence = new Float64Array(optCount);
    this.openOptions = new Int32Array(optCount);
    this.routeDest = new Int32Array(n * optCount);
    this.routeSmuggled = new Uint8Array(n * optCount);
    this.routeDeath = new Float64Array(n * optCount);
    this.routeIntercept = new Float64Array(n * optCount);
    this.routePrice = new Float64Array(n * optCount);
    this.routeOc = new Float64Array(n * optCount);
    this.originDemand = new Float64Array(optCount);
    this.channelDemand = new Float64Array(n * C);
    this.quotaAdmission = new Float64Array(n * C).fill(1);
    this.familyAdmission = new Float64Array(n * D).fill(1);
    this.classWeights = new Float64Array(n * CLASSES * optCount);
    this.classSums = new Float64Array(n * CLASSES);
    this.skillWeight = new Float64Array(optCount);
    this.skillOpen = new Uint8Array(optCount);
    this.weights = new Float64Array(optCount);
    this.cumulative = new Float64Array(optCount);
  }

  /** The class-independent parts of origin o's options, and which of them are open. */
  options(o: number, pool: OriginPool): void {
    const { y, p, n, D } = this;
    const { world, tables, regional, fdi } = y;
    const Kc = tables.claimTypes.length;
    const routes = o * this.optCount;
    const optDest = this.routeDest.subarray(routes, routes + this.optCount);
    const optSmuggled = this.routeSmuggled.subarray(routes, routes + this.optCount);
    const optDeath = this.routeDeath.subarray(routes, routes + this.optCount);
    const optIntercept = this.routeIntercept.subarray(routes, routes + this.optCount);
    const optPrice = this.routePrice.subarray(routes, routes + this.optCount);
    const optOc = this.routeOc.subarray(routes, routes + this.optCount);
    const { optBase, optCost, optDiaspora, optSponsors, optRecognition, optPresence } = this;
    const { optSkills, optCapital, optLogWage, optLogPresence, logWageAbroad } = this;
    const { income, conflict } = pool;
    for (let k = 0; k < D; k++) {
      const j = y.dest[o * D + k];
      for (let c = 0; c < C; c++) {
        optDest[k * C + c] = j;
        optBase[k * C + c] = NaN;
      }
      if (j < 0) continue;
      // the parts every channel to j shares: distance, network, and the smugglers' route
      const km = world.distanceKm[o * n + j];
      const land = isOverland(world.landBorder[o * n + j], world.region[o] === world.region[j], km);
      const diaspora = y.diaspora[o * D + k];
      const routeBase =
        this.destAsc[j] -
        p.betaDistance * Math.log(0.5 + km / 1000) +
        p.betaNetwork * Math.log(1 + diaspora / 1000);
      const smugglers = smugglingRoute(
        p,
        effectiveEnforcement(
          tables.enforcementBorder[j],
          land ? 0 : regional.transitEnforcement[j],
          tables.carrierSanctions[j],
          land,
        ),
        km,
        land,
      );
      for (let c = 0; c < C; c++) {
        const q = k * C + c;
        const open = c === CH.irregular ? 1 : tables.open[j * n * C + o * C + c];
        if (!(open > 0)) continue;
        let cost = tables.fee[j * C + c] + 150 + 0.08 * km;
        const smuggled = c === CH.irregular || (c === CH.asylum && !land && regional.visa[j * n + o] >= 0.5);
        let death = 0;
        let success = 1;
        if (smuggled) {
          cost += smugglers.price;
          death = smugglers.death;
          success = (1 - smugglers.interception) * (1 - smugglers.death);
          optPrice[q] = smugglers.price;
          optOc[q] = smugglers.organisedCrime;
          optIntercept[q] = smugglers.interception;
        }
        optSmuggled[q] = smuggled ? 1 : 0;
        optDeath[q] = death;
        optCost[q] = cost;
        optDiaspora[q] = diaspora;
        optSponsors[q] = y.sponsors[o * D + k];
        optSkills[q] = tables.skills[j * C + c];
        optCapital[q] =
          c === CH.establishment
            ? p.establishmentCapital * Math.max(world.gdpPerCapitaUsd[at(world, y.year, j)], 100)
            : 0;
        optPresence[q] = c === CH.intra_corporate || c === CH.service_provider ? fdiPresence(fdi, j, o) : 1;
        if (c === CH.asylum) {
          const rec = (kind: number) =>
            tables.protection[j * n * Kc + o * Kc + y.claimIndex[kind]] !== PROTECTION_CODE.none
              ? p.credibility
              : p.falsePositive;
          const victim =
            conflict >= 2
              ? CLAIM.victimWar
              : conflict >= 1
                ? CLAIM.victimPublicOrder
                : CLAIM.victimNotLifeThreatening;
          optRecognition[2 * q] = rec(CLAIM.none);
          optRecognition[2 * q + 1] =
            (p.persecutionShare / 2) * (rec(CLAIM.activist) + rec(CLAIM.target)) +
            (1 - p.persecutionShare) * rec(victim);
        }
        optBase[q] =
          routeBase -
          p.betaRisk * death +
          Math.log(success) +
          Math.log(open) -
          p.betaCost * Math.log(1 + cost / income);
        // the wage abroad by skill, and the class-independent part of eligibility, as logs
        for (let sk = 0; sk < 3; sk++) optLogWage[q * 3 + sk] = logWageAbroad[(j * C + c) * 3 + sk];
        optLogPresence[q] =
          c === CH.family
            ? Math.log(optSponsors[q] / (optSponsors[q] + 20000))
            : c === CH.intra_corporate || c === CH.service_provider
              ? Math.log(optPresence[q])
              : 0;
      }
    }
    this.openCount = 0;
    for (let q = 0; q < this.optCount; q++)
      if (optBase[q] === optBase[q]) this.openOptions[this.openCount++] = q;
  }

  /**
   * The demand pass for origin o: each class's option weights (kept for the draw pass), the persons
   * expected on each option, and the family caps of its routes, whose passing demand joins every
   * origin's on each (destination, channel).
   */
  demand(o: number, pool: OriginPool): void {
    const { p, D } = this;
    const { originDemand, optSponsors, familyAdmission, channelDemand } = this;
    const optDest = this.routeDest.subarray(o * this.optCount, (o + 1) * this.optCount);
    originDemand.fill(0);
    for (let f = 0; f < 2; f++) {
      const persons = f ? pool.forced : pool.voluntary;
      if (!(persons > 0)) continue;
      for (let s = 0; s < 3; s++) {
        this.skillWeights(o, f, s, pool.logWageHome[s]);
        for (let b = 0; b < 3; b++) this.classDemand(o, pool, persons, f, s, b);
      }
    }
    for (let q = 0; q < this.optCount; q++) {
      const wanted = originDemand[q];
      if (!(wanted > 0)) continue;
      const c = q % C;
      let passing = wanted;
      if (c === CH.family) {
        const places = p.familySponsorRate * optSponsors[q];
        const a = wanted > places ? places / wanted : 1;
        familyAdmission[o * D + ((q / C) | 0)] = a;
        passing = wanted * a;
      }
      channelDemand[optDest[q] * C + c] += passing;
    }
  }

  /**
   * The weight of each open option for skill s (forced or not: f), the same for every savings
   * band: a band only removes the options it cannot pay for.
   */
  private skillWeights(o: number, f: number, s: number, logWageHome: number): void {
    const { p, n, optBase, optSkills, optPresence, optLogPresence, optSponsors, optRecognition } = this;
    const { optLogWage, skillWeight, skillOpen, openOptions } = this;
    const landBorder = this.y.world.landBorder;
    const optDest = this.routeDest.subarray(o * this.optCount, (o + 1) * this.optCount);
    const logLabourEligibility = LOG_LABOUR_ELIGIBILITY[s];
    const logAsylumEligibility = f ? 0 : LOG_UNFORCED_ASYLUM;
    skillOpen.fill(0);
    for (let x = 0; x < this.openCount; x++) {
      const q = openOptions[x];
      const base = optBase[q];
      // the channel's skills (policy tables)
      if (!(optSkills[q] & (1 << s))) continue;
      const j = optDest[q];
      const c = q % C;
      // log of eligibility(c, class): 0 where the channel takes anyone
      let logElig = 0;
      if (c === CH.labour) logElig = logLabourEligibility;
      else if (c === CH.intra_corporate || c === CH.service_provider) {
        if (s !== 2 || !(optPresence[q] > 0)) continue;
        logElig = optLogPresence[q];
      } else if (c === CH.family) {
        if (!(optSponsors[q] > 0)) continue;
        logElig = optLogPresence[q];
      } else if (c === CH.asylum) logElig = logAsylumEligibility;
      const security = c === CH.asylum ? optRecognition[2 * q + f] : SECURITY[c];
      const v =
        base +
        logElig +
        p.betaWage * (optLogWage[q * 3 + s] - logWageHome) +
        p.betaSecurity * security +
        (f ? p.betaBorder * landBorder[o * n + j] : 0);
      skillWeight[q] = Math.exp(v);
      skillOpen[q] = 1;
    }
  }

  /** Class (f, s, b) of origin o: its option weights within its capabilities, and its expected demand. */
  private classDemand(o: number, pool: OriginPool, persons: number, f: number, s: number, b: number): void {
    const { p, optCount, weights, openOptions, skillOpen, optDiaspora, optCost, optCapital, skillWeight } =
      this;
    const cls = (f * 3 + s) * 3 + b;
    const classPersons = personsOfClass(pool, persons, s, b);
    const savings = SAVINGS_BANDS.level[b] * pool.income;
    let sum = 0;
    weights.fill(0);
    for (let x = 0; x < this.openCount; x++) {
      const q = openOptions[x];
      if (!skillOpen[q]) continue;
      // capabilities: the cost within savings (and the network's credit); for establishment,
      // capital of one's own
      const budget = savings * (1 + (optDiaspora[q] >= 1000 ? p.networkCredit : 0));
      if (optCost[q] > budget) continue;
      if (savings < optCapital[q]) continue;
      const w = skillWeight[q];
      weights[q] = w;
      sum += w;
    }
    this.classWeights.set(weights, (o * CLASSES + cls) * optCount);
    this.classSums[o * CLASSES + cls] = sum;
    const movers = moversOfClass(p, f, classPersons, sum);
    if (sum > 0)
      for (let x = 0; x < this.openCount; x++) {
        const q = openOptions[x];
        this.originDemand[q] += (movers * weights[q]) / sum;
      }
  }

  /** The share of each (destination, channel)'s demand its quota admits, pro rata over every origin. */
  admissions(): void {
    const { quota } = this.y.tables;
    for (let qi = 0; qi < this.n * C; qi++) {
      const places = quota[qi];
      this.quotaAdmission[qi] = this.channelDemand[qi] > places ? places / this.channelDemand[qi] : 1;
    }
  }

  /** The draw pass for origin o: each class's movers, rationed by the caps, drawn as agents. */
  draw(o: number, pool: OriginPool, slots: SlotAllocator, out: MoveOutcome): void {
    for (let f = 0; f < 2; f++) {
      const persons = f ? pool.forced : pool.voluntary;
      if (!(persons > 0)) continue;
      let moved = 0;
      let stayedWeight = 0;
      for (let s = 0; s < 3; s++) {
        for (let b = 0; b < 3; b++) {
          const cls = (f * 3 + s) * 3 + b;
          const classPersons = personsOfClass(pool, persons, s, b);
          const sum = this.classSums[o * CLASSES + cls];
          const movers = moversOfClass(this.p, f, classPersons, sum);
          if (f) stayedWeight += classPersons - movers;
          if (!f) moved += movers;
          if (sum === 0) continue;
          this.drawClass(o, f, s, cls, movers, sum, slots, out);
        }
      }
      if (f) out.trapped[o] += stayedWeight;
      else if (pool.voluntary > 0) out.fdiSubstituted[o] += pool.substituted * (moved / pool.voluntary);
    }
  }

  /**
   * The movers of one class: the caps' rationing, pro rata over every origin's demand — each
   * option's weight thinned by its admission probability, the refused counted in expectation. The
   * expected admissions are min(demand, places) at any scale, and no agent is drawn only to be
   * refused (an agent is K persons, so a hard stop at the places would admit less at coarse scales
   * than at fine ones). Then the admitted, stochastically rounded to agents, each drawing its option.
   */
  private drawClass(
    o: number,
    f: number,
    s: number,
    cls: number,
    movers: number,
    sum: number,
    slots: SlotAllocator,
    out: MoveOutcome,
  ): void {
    const { y, D, optCount, weights, cumulative, quotaAdmission, familyAdmission } = this;
    const K = y.scale;
    const routes = o * optCount;
    const cached = (o * CLASSES + cls) * optCount;
    weights.set(this.classWeights.subarray(cached, cached + optCount));
    let admittedSum = 0;
    for (let q = 0; q < optCount; q++) {
      const w = weights[q];
      if (w > 0) {
        const c = q % C;
        if (c !== CH.irregular) {
          const j = this.routeDest[routes + q];
          const admission =
            quotaAdmission[j * C + c] * (c === CH.family ? familyAdmission[o * D + ((q / C) | 0)] : 1);
          if (admission < 1) {
            out.quotaRefused[j] += (movers * w * (1 - admission)) / sum;
            weights[q] = w * admission;
          }
        }
      }
      admittedSum += weights[q];
      cumulative[q] = admittedSum;
    }
    if (admittedSum === 0) return;
    const admitted = (movers * admittedSum) / sum;
    const agents = stochasticRound(admitted / K, uniform(y.keys.count, o * CLASSES + cls));
    for (let a = 0; a < agents; a++) {
      const id = this.counter++;
      const q = pickOption(cumulative, weights, uniform(y.keys.decide, id) * admittedSum);
      this.move(o, f, s, routes + q, q % C, id, slots, out);
    }
  }

  /** One mover agent of origin o on route r (channel c): its journey, and the agent if it arrives. */
  private move(
    o: number,
    f: number,
    s: number,
    r: number,
    c: number,
    id: number,
    slots: SlotAllocator,
    out: MoveOutcome,
  ): void {
    const { y, n } = this;
    const K = y.scale;
    const j = this.routeDest[r];
    const smuggled = this.routeSmuggled[r];
    out.emigration[o] += K;
    if (smuggled) {
      const price = this.routePrice[r];
      const death = this.routeDeath[r];
      const interception = this.routeIntercept[r];
      out.smugglingRevenue[j] += price * K;
      out.organisedCrimeRevenue[j] += price * this.routeOc[r] * K;
      out.smugglingCustomers[j] += K;
      out.smugglingPrice[j] += price * K;
      // counted in expectation (precise at any scale); the agent's own fate is drawn
      out.deathsEnRoute[j] += K * death;
      out.intercepted[j] += K * interception * (1 - death);
      if (uniform2(y.keys.smuggle, id) < death + interception * (1 - death)) return;
    }
    out.inflow[c * n + j] += K;
    if (c === CH.asylum) out.asylumApplications[j] += K;
    const u = uniform(y.keys.smuggle, id);
    const age = u < MOVER_AGE_CDF[0] ? 0 : u < MOVER_AGE_CDF[1] ? 1 : 2;
    const i = slots.next();
    const st = slots.store;
    st.origin[i] = o;
    st.location[i] = j;
    st.previous[i] = NO_COUNTRY;
    st.status[i] = ARRIVAL_STATUS[c];
    st.channel[i] = c;
    st.traits[i] = makeTraits(s, age, f === 1) | (smuggled ? TRAIT.smuggled : 0);
    st.yearsInStatus[i] = 0;
    st.yearsInCountry[i] = 0;
  }
}

/** Potential movers of class (skill s, savings band b) among `persons` of an origin. */
const personsOfClass = (pool: OriginPool, persons: number, s: number, b: number): number =>
  (persons * pool.skillShare[s] * SAVINGS_BANDS.share[b]) / pool.skillSum;

/**
 * Those of a class's persons who choose to move, by the logit against staying (forced movers, f = 1,
 * weigh the violence they flee); `sum` is the class's total option weight.
 */
const moversOfClass = (p: Parameters, f: number, classPersons: number, sum: number): number =>
  classPersons * (sum / (sum + Math.exp(p.ascStay - (f ? p.betaViolence : 0))));
