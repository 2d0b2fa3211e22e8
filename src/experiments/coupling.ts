/**
 * The institutions layer run alongside the engine, year by year (docs/experiments.md; used by the
 * `representation`, `downward-harmonisation` and `lock-in` experiments, and recorded in every run).
 *
 * After the engine finishes year y (its `onYear` hook), with that year's rows:
 * 1. **Vote.** The regime's decision body votes on a rights floor (src/institutions/vote.ts) over a
 *    world view of year y: population and GDP from the world data, migrant and emigrant stocks and
 *    the states' stakes — remittances received, employer rent earned — from the simulated rows. Rows: `standard_adopted`, `standard_distance` (0–100 points),
 *    `represented_share`, `decision_transparency` (0–1).
 * 2. **Competition.** With `policyCompetition` > 0, core and semi-periphery states update their
 *    rights levels (src/institutions/competition.ts) from their burden of arrivals in year y
 *    (asylum claims + irregular entries); with `conventionFloor` = 1 the standard adopted by a
 *    multilateral body binds as a floor (the regime's body if it is multilateral, else the
 *    one-state-one-vote assembly). The levels apply to the policy tables from year y + 1: a state at
 *    level L keeps, for every status, the first round(L × held) of the rights it holds, in the order
 *    of `KEEP_ORDER` (the least essential go first). Rows: `rights_level`, `rights_floor` (0–100).
 * 3. **Lock-in.** For the dependent (not core) members of the regime's regional processes, what
 *    they receive for policing against what arrivals cost them (src/institutions/lock-in.ts):
 *    `members_transfers_usd`, `members_arrivals`, `members_position_share` (‰ of their GDP),
 *    `process_member_years` (mean years in). The cost of leaving is the difference in the position
 *    between arms that keep and reverse the members' controls (the `lock-in` experiment).
 * 4. **Remittances and aid** of the low- and middle-income countries (remittances.ts), when the
 *    caller names them: `remittances_lmic_usd`, `aid_lmic_usd`, `remittances_aid_ratio`.
 * At the end: `remittances_overtake_aid_year`, the first year in which recorded remittances reach
 * the aid received — of the low- and middle-income countries when named, else of the world (the
 * first year if they already do; no row if never).
 */
import type { Institution, Library, Regime, RegionalProcess } from '../regime/index.ts';
import { RIGHTS, STATUSES } from '../regime/index.ts';
import type { IndicatorRow, PolicyTables, SimulationInput, WorldInput } from '../sim/index.ts';
import { dominantMembership, membersIn } from '../sim/index.ts';
import {
  burdenShares,
  competitionStep,
  institutionParameters,
  membersPosition,
  voteStandard,
} from '../institutions/index.ts';
import type { InstitutionParameters, InstitutionWorld, MemberYear } from '../institutions/index.ts';
import { remittancesAidRows } from './remittances.ts';
import { ROOT_CAUSE_INDICATORS } from '../rootcauses/indicators.ts';

/** Rights in the order they are kept as a state's rights level falls (first kept longest). */
export const KEEP_ORDER: readonly (typeof RIGHTS)[number][] = [
  'work',
  'health_care',
  'education',
  'equal_pay',
  'residence_security',
  'change_employer',
  'family_reunification',
  'social_security',
  'permanent_residence',
  're_immigration_retained',
  'dual_citizenship',
  'vote_local',
];

/**
 * Indicators experiments add beside the engine's, with unit and definition (for docs and reports):
 * the institutions layer's, and the root-cause levers' (src/rootcauses/indicators.ts).
 */
export const LAYER_INDICATORS: Record<string, { unit: string; definition: string }> = {
  ...ROOT_CAUSE_INDICATORS,
  standard_adopted: {
    unit: '0–100',
    definition: 'rights floor adopted by the regime’s decision body this year',
  },
  standard_distance: {
    unit: '0–100',
    definition:
      'distance between the adopted floor and the affected population’s interest (one person, one voice)',
  },
  represented_share: {
    unit: 'share',
    definition: 'share of the affected population represented in the body’s votes',
  },
  decision_transparency: {
    unit: 'share',
    definition: 'public records, open sessions and published reasons of the body',
  },
  rights_level: {
    unit: '0–100',
    definition: 'mean rights level of competing (core and semi-periphery) states',
  },
  rights_floor: {
    unit: '0–100',
    definition: 'floor on rights levels binding this year (0 without a convention floor)',
  },
  members_transfers_usd: {
    unit: 'US$',
    definition:
      'aid the dependent members of the regime’s regional processes receive for policing (aid received − net ODA of the data)',
  },
  members_arrivals: {
    unit: 'persons',
    definition: 'asylum applications and irregular entries into those members this year',
  },
  members_position_share: {
    unit: '‰ of GDP',
    definition:
      'their transfers less the cost of their arrivals (arrivalCostShare × GDP per capita each), per mille of their GDP',
  },
  process_member_years: { unit: 'years', definition: 'mean years in their regional process of its members' },
  remittances_overtake_aid_year: {
    unit: 'year',
    definition:
      'first year in which the recorded remittances of low- and middle-income countries reach the aid they receive',
  },
  remittances_lmic_usd: {
    unit: 'US$',
    definition: 'remittances received by low- and middle-income countries (World Bank income-group snapshot)',
  },
  aid_lmic_usd: { unit: 'US$', definition: 'aid received by low- and middle-income countries' },
  remittances_aid_ratio: {
    unit: 'ratio',
    definition: 'remittances over aid received, low- and middle-income countries',
  },
};

/** The one-state-one-vote body used for a binding floor when the regime's own body is bilateral or absent. */
export const DEFAULT_FLOOR_BODY = 'one-state-one-vote-assembly';

const S = STATUSES.length;
const R = RIGHTS.length;
const CITIZEN = STATUSES.indexOf('citizen');
const KEEP_INDEX = KEEP_ORDER.map((r) => RIGHTS.indexOf(r));

/** Tables with each country's rights cut to its level (a copy; `tables` is not changed). */
export function applyRightsLevels(tables: PolicyTables, levels: ArrayLike<number>): PolicyTables {
  const n = tables.countries.length;
  const rights = tables.rights.slice();
  const rightsIndex = tables.rightsIndex.slice();
  for (let d = 0; d < n; d++) {
    const level = levels[d];
    if (!(level < 1)) continue;
    for (let s = 0; s < S; s++) {
      if (s === CITIZEN) continue;
      const base = d * S * R + s * R;
      const held = KEEP_INDEX.filter((r) => rights[base + r]);
      const keep = Math.round(Math.max(0, level) * held.length);
      for (let j = keep; j < held.length; j++) rights[base + held[j]] = 0;
      let count = 0;
      for (let r = 0; r < R; r++) count += rights[base + r];
      rightsIndex[d * S + s] = count / R;
    }
  }
  return { ...tables, rights, rightsIndex };
}

/** The year's world view for votes, from world data and the year's simulated rows. */
export function institutionWorld(
  world: WorldInput,
  year: number,
  rows: readonly IndicatorRow[],
): InstitutionWorld {
  const n = world.iso3.length;
  const k = (Math.min(Math.max(year, world.span.first), world.span.last) - world.span.first) * n;
  const index = new Map(world.iso3.map((c, i) => [c, i]));
  const migrantStock = new Float64Array(n);
  const emigrantStock = new Float64Array(n);
  const gainsUsd = new Float64Array(n);
  const lossesUsd = new Float64Array(n);
  for (const r of rows) {
    const i = index.get(r.country);
    if (i === undefined || !Number.isFinite(r.value)) continue;
    if (r.indicator === 'migrant_stock') migrantStock[i] = r.value;
    else if (r.indicator === 'emigrant_stock') emigrantStock[i] = r.value;
    else if (r.indicator === 'remittances_usd') gainsUsd[i] = r.value;
    else if (r.indicator === 'employer_rent_usd') lossesUsd[i] = r.value;
  }
  return {
    iso3: world.iso3,
    population: world.population.subarray(k, k + n),
    gdpUsd: Float64Array.from(
      { length: n },
      (_, c) => world.population[k + c] * world.gdpPerCapitaUsd[k + c],
    ),
    migrantStock,
    emigrantStock,
    stakes: { gainsUsd, lossesUsd },
  };
}

const yearOf = (date: string | undefined) => (date ? Number(date.slice(0, 4)) : -Infinity);

/** Members of the regime's regional processes with the year each joined (null where it left). */
export function processMembers(lib: Library, regime: Regime): Map<string, { joined: number; left: number }> {
  const out = new Map<string, { joined: number; left: number }>();
  for (const comp of regime.components) {
    const d = lib.get(comp.ref);
    if (!d || d.doc.kind !== 'RegionalProcess') continue;
    const proc = d.doc as RegionalProcess;
    for (const m of proc.members) {
      if (m.role === 'observer') continue;
      const joined = Math.max(yearOf(m.from), yearOf(comp.from), yearOf(proc.valid_from));
      const left = Math.min(m.to ? yearOf(m.to) : Infinity, comp.to ? yearOf(comp.to) : Infinity);
      const prev = out.get(m.country);
      if (!prev || joined < prev.joined) out.set(m.country, { joined, left });
    }
  }
  return out;
}

/**
 * The countries of a dominant party in a year: a country code, or the members of a group document
 * (an agreement's parties, such as the EU's, or a process's members) with their dates.
 */
export function dominantIndices(lib: Library, inst: Institution, world: WorldInput, year: number): number[] {
  return membersIn(dominantMembership(lib, inst), world.iso3, year);
}

/**
 * The dependent (not core that year) members of the regime's processes in a year, with their GDP
 * from the data and their transfers and arrivals from the year's simulated rows.
 */
export function lockInYear(
  world: WorldInput,
  year: number,
  rows: readonly IndicatorRow[],
  members: ReadonlyMap<string, { joined: number; left: number }>,
): { members: MemberYear[]; meanYears: number } {
  const n = world.iso3.length;
  const k = (Math.min(Math.max(year, world.span.first), world.span.last) - world.span.first) * n;
  const aid = new Map<string, number>();
  const arrivals = new Map<string, number>();
  for (const r of rows) {
    if (!Number.isFinite(r.value)) continue;
    if (r.indicator === 'aid_usd') aid.set(r.country, r.value);
    else if (r.indicator === 'asylum_applications' || r.indicator === 'inflow_irregular')
      arrivals.set(r.country, (arrivals.get(r.country) ?? 0) + r.value);
  }
  const out: MemberYear[] = [];
  let years = 0;
  for (const [iso, m] of members) {
    const c = world.iso3.indexOf(iso);
    if (c < 0 || year < m.joined || year > m.left || world.tier[k + c] === 0) continue;
    const perCapita = world.gdpPerCapitaUsd[k + c];
    out.push({
      gdpUsd: world.population[k + c] * perCapita,
      gdpPerCapitaUsd: perCapita,
      transfersUsd: Math.max(0, (aid.get(iso) ?? 0) - world.odaReceivedUsd[k + c]),
      arrivals: arrivals.get(iso) ?? 0,
    });
    years += year - m.joined + 1;
  }
  return { members: out, meanYears: out.length ? years / out.length : NaN };
}

export interface Coupling {
  /** The input to simulate (tables follow the rights levels). */
  input: SimulationInput;
  /** Call after the engine's year (its `onYear` hook). */
  onYear(year: number, rows: readonly IndicatorRow[]): void;
  /** The layer's rows, every year so far, and the final-year summary rows. */
  rows(): IndicatorRow[];
}

/** Couples the institutions layer to a prepared simulation input. */
export function coupleInstitutions(
  input: SimulationInput,
  lib: Library,
  regime: Regime,
  overrides: Partial<InstitutionParameters>,
  options: { lowMiddleIncome?: ReadonlySet<string> } = {},
): Coupling {
  const params = institutionParameters(overrides);
  const world = input.world as WorldInput;
  const n = world.iso3.length;
  const body = input.institutions?.[0];
  const floorBody =
    body && body.voting_rule !== 'bilateral_hegemon'
      ? body
      : (lib.get(DEFAULT_FLOOR_BODY)?.doc as Institution | undefined);
  const competing = params.policyCompetition > 0;
  const levels = new Float64Array(n).fill(1);
  const levelsFor = new Map<number, Float64Array>();
  levelsFor.set(input.fromYear, levels.slice());
  const members = processMembers(lib, regime);
  const out: IndicatorRow[] = [];
  const remittances: { year: number; r: number; a: number }[] = [];
  const put = (year: number, indicator: string, value: number) => {
    if (Number.isFinite(value)) out.push({ year, indicator, country: 'WLD', value });
  };

  const tablesForYear = (year: number): PolicyTables => {
    const t = input.tablesForYear(year);
    if (!competing) return t;
    const l = levelsFor.get(year) ?? levels;
    return applyRightsLevels(t, l);
  };

  const onYear = (year: number, rows: readonly IndicatorRow[]) => {
    const view = institutionWorld(world, year, rows);
    const k = (Math.min(Math.max(year, world.span.first), world.span.last) - world.span.first) * n;
    // 1. vote
    if (body) {
      const v = voteStandard(body, view, params, dominantIndices(lib, body, world, year));
      put(year, 'standard_adopted', 100 * v.standard);
      put(year, 'standard_distance', 100 * v.distance);
      put(year, 'represented_share', v.representedShare);
      put(year, 'decision_transparency', v.transparency);
    }
    // 2. competition
    if (competing) {
      let floor = 0;
      if (params.conventionFloor > 0 && floorBody)
        floor = voteStandard(floorBody, view, params, dominantIndices(lib, floorBody, world, year)).standard;
      const comp: number[] = [];
      for (let c = 0; c < n; c++) if (world.tier[k + c] <= 1) comp.push(c);
      const arrivals = new Float64Array(n);
      const index = new Map(world.iso3.map((c, i) => [c, i]));
      for (const r of rows) {
        if (r.indicator !== 'asylum_applications' && r.indicator !== 'inflow_irregular') continue;
        const i = index.get(r.country);
        if (i !== undefined && Number.isFinite(r.value)) arrivals[i] += r.value;
      }
      const burden = burdenShares(
        comp.map((c) => arrivals[c]),
        comp.map((c) => world.population[k + c]),
      );
      const next = competitionStep(
        comp.map((c) => levels[c]),
        burden,
        floor,
        params,
      );
      comp.forEach((c, j) => (levels[c] = next[j]));
      levelsFor.set(year + 1, levels.slice());
      put(
        year,
        'rights_level',
        comp.length ? (100 * comp.reduce((a, c) => a + levels[c], 0)) / comp.length : NaN,
      );
      put(year, 'rights_floor', 100 * floor);
    }
    // 3. lock-in
    if (members.size) {
      const lockIn = lockInYear(world, year, rows, members);
      if (lockIn.members.length) {
        const pos = membersPosition(lockIn.members, params);
        put(year, 'members_transfers_usd', pos.transfersUsd);
        put(
          year,
          'members_arrivals',
          lockIn.members.reduce((a, m) => a + m.arrivals, 0),
        );
        put(year, 'members_position_share', pos.positionShare);
        put(year, 'process_member_years', lockIn.meanYears);
      }
    }
    // 4. remittances and aid
    if (options.lowMiddleIncome) {
      const ra = remittancesAidRows(year, rows, options.lowMiddleIncome);
      out.push(...ra);
      const r = ra.find((x) => x.indicator === 'remittances_lmic_usd')!.value;
      const a = ra.find((x) => x.indicator === 'aid_lmic_usd')!.value;
      remittances.push({ year, r, a });
    } else {
      const r = rows.find((x) => x.indicator === 'remittances_usd' && x.country === 'WLD')?.value;
      const a = rows.find((x) => x.indicator === 'aid_usd' && x.country === 'WLD')?.value;
      if (r !== undefined && a !== undefined) remittances.push({ year, r, a });
    }
  };

  const finalRows = (): IndicatorRow[] => {
    const extra: IndicatorRow[] = [];
    const crossing = remittances.find((x) => x.r >= x.a);
    const last = remittances[remittances.length - 1];
    if (crossing && last)
      extra.push({
        year: last.year,
        indicator: 'remittances_overtake_aid_year',
        country: 'WLD',
        value: crossing.year,
      });
    return [...out, ...extra];
  };

  return { input: { ...input, tablesForYear }, onYear, rows: finalRows };
}
