/**
 * Options and utilities: what each option of an origin (destination j × channel c) offers a mover,
 * and the weight exp(V) of each for a mover class (random utility; Beine, Bertoli &
 * Fernández-Huertas Moraga 2016):
 *
 *   V(j, c) = asc[region of j] + betaDestinationSize × ln(population[j] / 10⁶)
 *           + betaWage × ln(E[wage at j, c] / E[wage at o]) − betaDistance × ln(0.5 + km / 1000)
 *           + betaNetwork × ln(1 + diaspora[j, o] / 1000) + betaSecurity × security(c)
 *           − betaCost × ln(1 + cost / income[o]) − betaRisk × death risk + ln(success)
 *   (death risk and success over the journey's attempts: an intercepted migrant tries again, retries.ts)
 *           + ln(openness[j, o, c] × eligibility(c, class)) + betaBorder × land border × forced
 *           + betaLabourDemand × labour demand[j] / 0.01 on the channels that lead to work (labour,
 *             temporary labour, irregular entry; kernels/labour-demand.ts)
 *
 * with cost = the channel's fee + travelCostBase + travelCostPerKm × km (+ the smugglers' price on a
 * smuggled route, lower into low-wage labour markets: smuggling.ts, `wagePriceFactor`). Irregular entry, and asylum claims behind a visa wall not overland, go through
 * the smuggling market (smuggling.ts).
 *
 * Mass influx (UNHCR 2015, Guidelines on International Protection No. 11: prima facie recognition):
 * people fleeing a country in conflict across a land border go on foot — the asylum and irregular
 * options to a land neighbour cost them the channel's fee alone — and where the neighbour does not
 * send them back (it protects victims of war, or applies humanitarian non-return) they are
 * recognised as refugees as a group on arrival, through the asylum channel even where the country
 * has no asylum procedure of its own (UNHCR's mandate: Pakistan, Iran, Thailand). Their utility of
 * the asylum option at j falls with j's refugee load: + ln(max(0.01, 1 − refugees[j] / (hostCapacityShare
 * × population[j]))) (host capacity).
 */
import type { Parameters } from '../../parameters.ts';
import type { PolicyTables } from '../../policy-tables.ts';
import { CH, PROTECTION_CODE } from '../../policy-tables.ts';
import type { WorldInput } from '../../world-input.ts';
import { at } from '../../world-input.ts';
import { CLAIM, recognitionChance, unexposedClaim } from '../asylum.ts';
import { fdiPresence } from '../fdi.ts';
import type { WageRates } from '../labour-market.ts';
import { abscondOption, tiedWage } from '../labour-market.ts';
import { effectiveEnforcement, isOverland, smugglingRoute, wagePriceFactor } from '../smuggling.ts';
import type { DecisionState } from './decision-state.ts';
import { C } from './decision-state.ts';
import { CHANNELS } from '../../../regime/schema/vocabulary.ts';
import type { MoveYear } from './move-year.ts';
import type { OriginPool } from './origin-pool.ts';
import { journeyWithRetries } from './retries.ts';
import { MIN_INCOME_USD } from './origin-pool.ts';

/**
 * Status security of a channel, 0–1 (asylum: the chance of protection, computed per route). An
 * assumption of order: permanent routes (labour, family, free movement) secure, establishment
 * nearly so (a business permit renewed while the business runs), intra-corporate transfers half
 * (tied to the posting), other temporary permits less, irregular entry none (de Haas 2021).
 */
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

/**
 * log eligibility for the labour channel by skill (low, medium, high): points systems and labour
 * certification select the skilled; an assumption of order (1 : 0.3 : 0.05 for high : medium : low).
 */
const LOG_LABOUR_ELIGIBILITY = [Math.log(0.05), Math.log(0.3), 0];

/** log eligibility for asylum of a mover not fleeing violence (few claim without a reason to; assumption). */
const LOG_UNFORCED_ASYLUM = Math.log(0.05);

/** A visa requirement at least this far in force (regional visa state, 0–1) makes asylum seekers who fly in need smugglers. */
const VISA_WALL = 0.5;

/**
 * Distance enters as ln(0.5 + km / 1000): in thousands of km, the offset keeping neighbours whose
 * representative points are close (or the same) finite.
 */
const DISTANCE_UNIT_KM = 1000;
const DISTANCE_OFFSET = 0.5;

/** The network term is ln(1 + diaspora / 1000): a diaspora of a few persons adds about nothing. */
const NETWORK_UNIT = 1000;

/** The least a full country of first asylum keeps of its pull on those fleeing (its capacity term, as a factor). */
const MIN_CAPACITY_FACTOR = 0.01;

/**
 * The capacity term of each country of first asylum for those fleeing: ln(max(0.01, 1 − refugees /
 * (hostCapacityShare × population))), 0 without the `host-capacity` mechanism.
 */
export function hostCapacityTerms(y: MoveYear): Float64Array {
  const { world, params: p } = y;
  const n = world.iso3.length;
  const out = new Float64Array(n);
  if (!y.mechanisms['host-capacity']) return out;
  for (let j = 0; j < n; j++) {
    const pop = world.population[at(world, y.year, j)];
    const load = pop > 0 ? y.refugeesHosted[j] / (p.hostCapacityShare * pop) : 1;
    out[j] = Math.log(Math.max(MIN_CAPACITY_FACTOR, 1 - load));
  }
  return out;
}

/**
 * Whether a country of first asylum protects people fleeing organised violence as a group: where it
 * protects victims of generalised life-threatening violence (the 1951 Convention read with
 * complementary or temporary protection), or victims of events seriously disturbing public order —
 * the extended definition of the OAU Convention (1969, Art I(2)) and the Cartagena Declaration
 * (1984, III(3)), which cover armed conflict and the violence of a collapsing state (UNHCR 2016,
 * Guidelines on International Protection No. 12, ¶¶ 44–56).
 * `at` is the offset of (destination, origin) in the protection table, `(j × n + o) × claim types`.
 */
export function fleeingViolenceProtected(
  protection: Uint8Array,
  at: number,
  claimIndex: ArrayLike<number>,
): boolean {
  return (
    protection[at + claimIndex[CLAIM.victimWar]] !== PROTECTION_CODE.none ||
    protection[at + claimIndex[CLAIM.victimPublicOrder]] !== PROTECTION_CODE.none
  );
}

/**
 * Whether country `j` recognises those fleeing origin `o` as refugees as a group on arrival: it
 * applies humanitarian non-return, or protects those fleeing violence (`fleeingViolenceProtected`).
 * The mass influx to a land neighbour (`originOptions`) and the flight to a kin state
 * (kin-flight.ts) both ask it.
 */
export function recognisesFleeingAsGroup(
  tables: PolicyTables,
  claimIndex: ArrayLike<number>,
  j: number,
  o: number,
): boolean {
  const n = tables.countries.length;
  return (
    tables.humanitarianNonReturn[j] === 1 ||
    fleeingViolenceProtected(tables.protection, (j * n + o) * tables.claimTypes.length, claimIndex)
  );
}

/** Destination sizes are measured in millions of inhabitants. */
const SIZE_UNIT = 1e6;

/**
 * The class- and channel-independent pull of each destination this year: its region's constant
 * (`ascAfrica` is the reference) and betaDestinationSize × ln(population / 10⁶).
 */
export function destinationAsc(world: WorldInput, p: Parameters, year: number): Float64Array {
  const region = regionConstants(world, p);
  return Float64Array.from(region, (asc, j) => {
    const pop = world.population[at(world, year, j)];
    return asc + p.betaDestinationSize * Math.log(Math.max(pop, 1) / SIZE_UNIT);
  });
}

/** Destination-region constant of each country (UN region of j; `ascAfrica` is the reference). */
function regionConstants(world: WorldInput, p: Parameters): Float64Array {
  const regionAsc: Record<string, number> = {
    Africa: p.ascAfrica,
    Americas: p.ascAmericas,
    Asia: p.ascAsia,
    Europe: p.ascEurope,
    Oceania: p.ascOceania,
  };
  return Float64Array.from(world.region, (r) => regionAsc[r] ?? 0);
}

/**
 * The log of the wage a mover expects at each destination through each channel, by skill,
 * `[(j * C + c) * 3 + skill]`: informal work at the low-skill wage for the irregular and asylum
 * channels, otherwise the skill's wage, less the discount of permits tied to an employer.
 */
export function destinationLogWages(
  n: number,
  wages: WageRates,
  tables: PolicyTables,
  p: Parameters,
  /** A social protection floor reaching irregular migrants, by destination (root-cause lever, social-protection.ts); absent: none. */
  protectionFloor?: Float64Array,
): Float64Array {
  const out = new Float64Array(n * C * 3);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < C; c++) {
      for (let sk = 0; sk < 3; sk++) {
        let wageThere: number;
        if (c === CH.irregular || c === CH.asylum)
          wageThere = wages.low[j] * (1 - p.informalDiscount) * p.informalEmployment * wages.employment[j];
        else {
          const rate =
            sk === 2 ? wages.high[j] : sk === 1 ? wages.low[j] * p.mediumSkillWagePremium : wages.low[j];
          // a permit that ties its holder to the employer pays the bargained wage (labour-market.ts);
          // movers weigh it against absconding at j, their usual outside option there
          const paid = tables.employerTied[j * C + c]
            ? tiedWage(
                rate,
                abscondOption(
                  p,
                  wages.low[j],
                  wages.employment[j],
                  tables.enforcementInterior[j],
                  protectionFloor?.[j] ?? 0,
                ),
                p.workerBargainingPower,
              )
            : rate;
          wageThere = paid * wages.employment[j];
        }
        out[(j * C + c) * 3 + sk] = Math.log(Math.max(wageThere, 1));
      }
    }
  }
  return out;
}

/** The class-independent parts of origin o's options, and which of them are open. */
export function originOptions(s: DecisionState, o: number, pool: OriginPool): void {
  const { y, p, n, D, optCount, option, logWageAbroad } = s;
  const { world, tables, regional, fdi } = y;
  const massInflux = y.mechanisms['mass-influx'];
  const Kc = tables.claimTypes.length;
  const routes = o * optCount;
  const dest = s.route.dest.subarray(routes, routes + optCount);
  const smuggledOf = s.route.smuggled.subarray(routes, routes + optCount);
  const deathOf = s.route.death.subarray(routes, routes + optCount);
  const interceptionOf = s.route.interception.subarray(routes, routes + optCount);
  const priceOf = s.route.price.subarray(routes, routes + optCount);
  const organisedCrimeOf = s.route.organisedCrime.subarray(routes, routes + optCount);
  const groupRecognitionOf = s.route.groupRecognition.subarray(routes, routes + optCount);
  const { base, cost: costOf, diaspora: diasporaOf, sponsors, recognition, presence } = option;
  const {
    skills,
    capital,
    logWage,
    logPresence,
    costTerm,
    flightCost,
    flightCostTerm,
    flightTerm,
    flightOnly,
  } = option;
  const { income, conflict } = pool;
  for (let k = 0; k < D; k++) {
    const j = y.dest[o * D + k];
    for (let c = 0; c < C; c++) {
      dest[k * C + c] = j;
      base[k * C + c] = NaN;
    }
    if (j < 0) continue;
    // the parts every channel to j shares: distance, network, and the smugglers' route
    const km = world.distanceKm[o * n + j];
    const land = isOverland(world.landBorder[o * n + j], world.region[o] === world.region[j], km);
    // those fleeing a conflict across a land border walk, and are recognised as a group where the
    // neighbour does not send them back (mass influx)
    const onFoot = massInflux && world.landBorder[o * n + j] === 1 && pool.forced > 0;
    const groupRecognition = onFoot && recognisesFleeingAsGroup(tables, y.claimIndex, j, o);
    const diaspora = y.diaspora[o * D + k];
    const routeBase =
      s.destAsc[j] -
      p.betaDistance * Math.log(DISTANCE_OFFSET + km / DISTANCE_UNIT_KM) +
      p.betaNetwork * Math.log(1 + diaspora / NETWORK_UNIT);
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
      y.mechanisms['smuggling-price-by-wage'] ? wagePriceFactor(p, y.wages.low[j]) : 1,
    );
    for (let c = 0; c < C; c++) {
      const q = k * C + c;
      let open = c === CH.irregular ? 1 : tables.open[j * n * C + o * C + c];
      flightOnly[q] = 0;
      if (!(open > 0) && c === CH.asylum && groupRecognition) {
        open = 1;
        flightOnly[q] = 1;
      }
      if (!(open > 0)) continue;
      const travel = p.travelCostBase + p.travelCostPerKm * km;
      let cost = tables.fee[j * C + c] + travel;
      const smuggled =
        c === CH.irregular || (c === CH.asylum && !land && regional.visa[j * n + o] >= VISA_WALL);
      let death = 0;
      let risk = 0;
      let success = 1;
      if (smuggled) {
        cost += smugglers.price;
        death = smugglers.death;
        // intercepted migrants try again (retries.ts): the journey's risks over all its attempts
        const journey = journeyWithRetries(smugglers.interception, smugglers.death, p.retryProbability);
        risk = journey.died;
        success = journey.across;
        priceOf[q] = smugglers.price;
        organisedCrimeOf[q] = smugglers.organisedCrime;
        interceptionOf[q] = smugglers.interception;
      }
      smuggledOf[q] = smuggled ? 1 : 0;
      deathOf[q] = death;
      costOf[q] = cost;
      costTerm[q] = p.betaCost * Math.log(1 + cost / income);
      const walks = onFoot && (c === CH.asylum || c === CH.irregular);
      flightCost[q] = walks ? cost - travel : cost;
      flightCostTerm[q] = walks ? p.betaCost * Math.log(1 + flightCost[q] / income) : costTerm[q];
      flightTerm[q] = c === CH.asylum ? s.capacityTerm[j] : 0;
      groupRecognitionOf[q] = c === CH.asylum && groupRecognition ? 1 : 0;
      diasporaOf[q] = diaspora;
      sponsors[q] = y.sponsors[o * D + k];
      skills[q] = tables.skills[j * C + c];
      capital[q] =
        c === CH.establishment
          ? p.establishmentCapital * Math.max(world.gdpPerCapitaUsd[at(world, y.year, j)], MIN_INCOME_USD)
          : 0;
      presence[q] = c === CH.intra_corporate || c === CH.service_provider ? fdiPresence(fdi, j, o) : 1;
      if (c === CH.asylum) {
        const rec = (kind: number) =>
          recognitionChance(
            tables.protection[j * n * Kc + o * Kc + y.claimIndex[kind]] !== PROTECTION_CODE.none,
            p.credibility,
            p.falsePositive,
          );
        // a war both threatens life and disturbs public order: its victims claim what protects them
        const victim =
          conflict >= 2
            ? Math.max(rec(CLAIM.victimWar), rec(CLAIM.victimPublicOrder))
            : rec(conflict >= 1 ? CLAIM.victimPublicOrder : CLAIM.victimNotLifeThreatening);
        // one who did not flee violence claims sur place where its origin is at war (asylum-in-country.ts)
        recognition[2 * q] = rec(unexposedClaim(conflict, y.mechanisms['in-country-asylum']));
        recognition[2 * q + 1] =
          (p.persecutionShare / 2) * (rec(CLAIM.activist) + rec(CLAIM.target)) +
          (1 - p.persecutionShare) * victim;
      }
      base[q] =
        routeBase -
        p.betaRisk * risk +
        Math.log(success) +
        Math.log(open) +
        (c === CH.labour || c === CH.temporary_labour || c === CH.irregular ? s.demandTerm[j] : 0);
      // the wage abroad by skill, and the class-independent part of eligibility, as logs
      for (let sk = 0; sk < 3; sk++) logWage[q * 3 + sk] = logWageAbroad[(j * C + c) * 3 + sk];
      logPresence[q] =
        c === CH.family
          ? Math.log(sponsors[q] / (sponsors[q] + p.familySponsorSaturation))
          : c === CH.intra_corporate || c === CH.service_provider
            ? Math.log(presence[q])
            : 0;
    }
  }
  s.openCount = 0;
  for (let q = 0; q < optCount; q++) if (base[q] === base[q]) option.open[s.openCount++] = q;
}

/**
 * The weight of each open option of origin o for skill `skill`, forced or not, the same for every
 * savings band: a band only removes the options it cannot pay for.
 */
export function skillWeights(
  s: DecisionState,
  o: number,
  mover: { forced: number; skill: number; logWageHome: number },
): void {
  const { p, n, option, optCount } = s;
  const { base, skills, presence, logPresence, sponsors, recognition, logWage, skillWeight, skillOpen } =
    option;
  const { costTerm, flightCostTerm, flightTerm, flightOnly } = option;
  const { forced, skill, logWageHome } = mover;
  const landBorder = s.y.world.landBorder;
  const dest = s.route.dest.subarray(o * optCount, (o + 1) * optCount);
  const logLabourEligibility = LOG_LABOUR_ELIGIBILITY[skill];
  const logAsylumEligibility = forced ? 0 : LOG_UNFORCED_ASYLUM;
  skillOpen.fill(0);
  for (let x = 0; x < s.openCount; x++) {
    const q = option.open[x];
    const b = base[q];
    // the channel's skills (policy tables)
    if (!(skills[q] & (1 << skill))) continue;
    if (flightOnly[q] && !forced) continue;
    const j = dest[q];
    const c = q % C;
    // log of eligibility(c, class): 0 where the channel takes anyone
    let logElig = 0;
    if (c === CH.labour) logElig = logLabourEligibility;
    else if (c === CH.intra_corporate || c === CH.service_provider) {
      if (skill !== 2 || !(presence[q] > 0)) continue;
      logElig = logPresence[q];
    } else if (c === CH.family) {
      if (!(sponsors[q] > 0)) continue;
      logElig = logPresence[q];
    } else if (c === CH.asylum) logElig = logAsylumEligibility;
    const security = c === CH.asylum ? recognition[2 * q + forced] : SECURITY[c];
    const v =
      b -
      (forced ? flightCostTerm[q] : costTerm[q]) +
      logElig +
      p.betaWage * (logWage[q * 3 + skill] - logWageHome) +
      p.betaSecurity * security +
      (forced ? p.betaBorder * landBorder[o * n + j] + flightTerm[q] : 0);
    skillWeight[q] = Math.exp(v);
    skillOpen[q] = 1;
  }
}
