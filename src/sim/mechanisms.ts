/**
 * The mechanisms of the world model that decide who goes where and who flees (issue 17), each of
 * which a run can switch off for an ablation (`regimes fit --without NAME`, docs/results.md). Off,
 * a mechanism falls back to what the engine did before it: the rule named in `off`.
 */
import { userError } from '../shared/errors.ts';

/** Each mechanism, what it does, and what the engine does without it. */
export const MECHANISM_INFO = {
  'choice-sets': {
    does: "each origin's candidate destinations recomputed every year from the simulated diaspora, wages and labour demand (kernels/move/choice-set.ts)",
    off: 'the largest diasporas of the starting stock and the land neighbours, fixed for the run',
  },
  'labour-demand': {
    does: 'jobs growing faster than the native working-age population pull migrants to the channels that lead to work (kernels/labour-demand.ts)',
    off: 'no labour-demand term',
  },
  'co-ethnic': {
    does: 'co-ethnic populations move to the homeland whose law admits them (Aussiedler, the Law of Return, Russians from Central Asia and the Caucasus), as the wage gap pulls them (kernels/co-ethnic.ts)',
    off: 'no co-ethnic movements',
  },
  'kin-flight': {
    does: 'those fleeing a war who belong to a group whose kin state takes them in (Serbs and Croats of Croatia and Bosnia and Herzegovina, 1991–95) flee there and are received as refugees (kernels/kin-flight.ts)',
    off: 'they choose among the destinations like anyone fleeing',
  },
  'registered-refugees': {
    does: 'the Palestine refugees registered with UNRWA in Jordan, Lebanon and Syria, whom UN DESA counts as born in Palestine with their descendants, grow by births and do not return (kernels/registered-refugees.ts)',
    off: 'they are ordinary migrants of the starting stock, who return, are removed or die',
  },
  expulsion: {
    does: 'groups driven out as a whole while the conflict between their state and their kin lasted (the Armenians of Azerbaijan and the Azerbaijanis of Armenia) flee to their kin state at forcedMaxShare a year while there is organised violence at home (kernels/kin-flight.ts)',
    off: 'they flee as their share of those the violence drives out, like the Serbs and Croats',
  },
  regularisation: {
    does: "the policies' dated regularisations give lawful status to as many residents without it as the programme did (kernels/regularisation.ts)",
    off: 'nobody is regularised',
  },
  resettlement: {
    does: "the policies' resettlement programmes (the US admissions ceilings) take refugees from the countries of first asylum to the resettling country (kernels/resettlement.ts)",
    off: 'nobody is resettled',
  },
  'local-integration': {
    does: 'refugees whose status gives them residence security or permanent residence where they live (the core countries) leave as settled migrants do, not at the repatriation rate of the countries of first asylum (kernels/local-integration.ts)',
    off: 'every refugee repatriates at the rate of its origin (kernels/repatriation.ts)',
  },
  'in-country-asylum': {
    does: 'irregular residents claim asylum where they live, the likelier the more its doctrine protects their claim, and a claimant from a country at war claims as a victim of that war, fled or not (kernels/asylum-in-country.ts)',
    off: 'nobody claims asylum after entering, and a claimant who did not flee violence has no protection claim',
  },
  'counting-rule': {
    does: 'refugees counted as UNHCR counts them where it estimates them from recognitions: those recognised or resettled in the last 5 (USA, CAN, AUS, NZL) or 10 years (the other 21 countries of its list; kernels/counting-rule.ts)',
    off: 'every protected person counted, however long ago recognised',
  },
  'tolerated-counted': {
    does: "refugees counted as Germany's register counted them: its tolerated (rejected applicants whose removal is suspended, the Duldung the Bosnians of 1992–95 held) among its refugees (kernels/counting-rule.ts)",
    off: 'the tolerated are counted apart (non_returnable_stock), not as refugees',
  },
  'organised-violence': {
    does: 'flight scaled by all organised violence (UCDP deaths in state-based and non-state conflict and one-sided violence, per inhabitant)',
    off: 'flight from deaths in state-based conflict alone',
  },
  'mass-influx': {
    does: 'people fleeing a conflict across a land border walk (no travel cost) and are recognised as refugees as a group (prima facie) where the country of first asylum does not send them back',
    off: 'they pay the journey like anyone and arrive as asylum seekers where the asylum channel is open',
  },
  'host-capacity': {
    does: 'a country of first asylum draws fewer of those fleeing as its refugees approach hostCapacityShare of its population',
    off: 'no capacity term',
  },
  repatriation: {
    does: 'refugees return as the violence at home falls below the worst of the last years (repatriationMemoryYears), less so the longer their exile',
    off: 'repatriationRate once UCDP counts no conflict at home, repatriationInConflict before',
  },
  'regional-violence': {
    does: 'where a war was fought in one region (conflict/conflict_regions.csv: Darfur 2003–10), flight is read from the deaths per inhabitant of the region, and those fleeing it cross into its neighbour (eastern Chad), refugees where it recognises them as a group (kernels/regional-flight.ts)',
    off: "the whole country's deaths are read over its whole population, and those fleeing choose among its destinations",
  },
  'interstate-fronts': {
    does: "the deaths of interstate war (UCDP GED), which fall among soldiers at a front, count at interstateFlightWeight of a civil war's in the flight function and in the calm that drives repatriation (kernels/move/origin-pool.ts)",
    off: 'every state-based death counts alike',
  },
  'smuggling-price-by-wage': {
    does: "the smugglers' price of a crossing falls with the low-skill wage of the labour market it opens, below that of the US border where the price was observed (kernels/smuggling.ts, wagePriceFactor)",
    off: 'one price schedule for every destination, by enforcement and distance',
  },
  'fall-return': {
    does: 'in the fallReturnYears after the fall of a government its refugees had fled (conflict/government_falls.csv: Afghanistan 1992 and 2001, Ethiopia 1991, Rwanda 1994, Liberia 2003), those who arrived before the fall repatriate at fallReturnShare a year at least, however long their exile (kernels/repatriation.ts)',
    off: 'they repatriate at the rate the calm at home and their years in exile give',
  },
  'fall-flight': {
    does: "in the year a government fell and withdrew with its army into a neighbour (conflict/government_falls.csv, column retreat: Rwanda's into Zaire, July 1994), those of its country's flight who fled after the fall cross with it into that neighbour, refugees where it recognises them as a group (kernels/fall-flight.ts)",
    off: 'those fleeing after the fall choose among the destinations like anyone fleeing',
  },
  'retreat-return': {
    does: 'those who fled with a fallen government into its retreat repatriate at hostWarReturnShare a year at least once the retreat is in armed conflict and more violent per inhabitant than their origin (the camps of eastern Zaire, 1996; kernels/retreat-return.ts)',
    off: 'they repatriate as the calm at home alone gives',
  },
  'settlement-cohorts': {
    does: 'the starting agents of a corridor settled in one closed episode (migrant_stock/settlement_cohorts.csv: the Partition of 1947 between India and Pakistan, the post-war European immigration to Argentina) take the ages of its survivors and their years in the country, and die as old people do; once the episode has ended, the corridor’s residents sponsor no kin on the family channel (kernels/settlement-cohorts.ts)',
    off: 'every corridor of the starting stock has the same age bands (25/35/25/15%) and years of residence (0–29), and its residents sponsor kin like any others',
  },
} as const;

export type Mechanism = keyof typeof MECHANISM_INFO;

/** Every mechanism, in documentation order. */
export const MECHANISMS = Object.keys(MECHANISM_INFO) as Mechanism[];

/** Which mechanisms are on (all by default). */
export type MechanismSwitches = Readonly<Record<Mechanism, boolean>>;

/** Every mechanism on except those named in `off`. @throws `E_SIM_MECHANISM` for an unknown name */
export function mechanismSwitches(off: readonly string[] = []): MechanismSwitches {
  for (const name of off)
    if (!(MECHANISMS as readonly string[]).includes(name))
      throw userError('E_SIM_MECHANISM', `unknown mechanism '${name}' (known: ${MECHANISMS.join(', ')})`);
  return Object.fromEntries(MECHANISMS.map((m) => [m, !off.includes(m)])) as MechanismSwitches;
}

/** Every mechanism on. */
export const ALL_MECHANISMS: MechanismSwitches = mechanismSwitches();
