/**
 * Indicators per year, by country (ISO3) and for the world ('WLD'), from the year's tallies
 * (their meaning: docs/model.md §3). Persons and US$ are scaled up by K. Every name, unit and definition is
 * in `INDICATORS`; rows with no defined value (a rate over zero cases) are left out.
 */
import { createHash } from 'node:crypto';
import { CHANNELS } from '../regime/schema/vocabulary.ts';
import { ACC } from './accumulators.ts';
import type { BilateralTally } from './bilateral-tally.ts';
import type { MoveOutcome } from './kernels/move/move-year.ts';
import type { WageRates } from './kernels/labour-market.ts';
import type { RegionalState } from './kernels/regional-processes.ts';
import type { WorldInput } from './world-input.ts';
import { at } from './world-input.ts';

export interface IndicatorRow {
  year: number;
  indicator: string;
  /** ISO3, or 'WLD' for the world. */
  country: string;
  value: number;
}

/** Orders rows by year, indicator, country (the order of the store, the exports and the digest). */
export function compareRows(a: IndicatorRow, b: IndicatorRow): number {
  return a.year - b.year || cmp(a.indicator, b.indicator) || cmp(a.country, b.country);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SHA-256 of a set of rows, independent of their order: rows sorted by (year, indicator, country),
 * one line `year\tindicator\tcountry\tvalue\n` each, the value in JavaScript's shortest
 * round-trip form (exact for every double). A run's engine digest, and its output digest over the
 * rows as the store holds them.
 * @returns 64 hex digits
 */
export function digestRows(rows: readonly IndicatorRow[]): string {
  const sorted = [...rows].sort(compareRows);
  const hash = createHash('sha256');
  for (const r of sorted) hash.update(`${r.year}\t${r.indicator}\t${r.country}\t${r.value}\n`);
  return hash.digest('hex');
}

/** Indicator names with unit and definition (by: the country a row belongs to). */
export const INDICATORS: Record<string, { unit: string; by: string; definition: string }> = {
  migrant_stock: {
    unit: 'persons',
    by: 'residence',
    definition:
      'people living outside their country of birth (WLD adds migrants in non-model territories, carried at the model’s growth rate)',
  },
  emigrant_stock: { unit: 'persons', by: 'origin', definition: 'people born in the country living abroad' },
  corridor_stock: {
    unit: 'persons',
    by: 'destination',
    definition:
      'written corridor_stock:ORIGIN: people born in ORIGIN living in the country, for the corridors of the starting stock with at least 1 M people and at least the 20 largest',
  },
  refugees: {
    unit: 'persons',
    by: 'asylum country',
    definition:
      "recognised refugees, complementary and temporary protection; where UNHCR estimates a country's refugees from its recognitions of the last 5 or 10 years, those recognised or resettled in those years (kernels/counting-rule.ts)",
  },
  refugees_by_origin: { unit: 'persons', by: 'origin', definition: 'the same, by country of origin' },
  asylum_applications: {
    unit: 'persons',
    by: 'asylum country',
    definition:
      'asylum claims lodged this year, on arrival or by residents without lawful status (kernels/asylum-in-country.ts)',
  },
  asylum_pending: {
    unit: 'persons',
    by: 'asylum country',
    definition: 'claims pending at the end of the year',
  },
  recognition_rate: {
    unit: 'share',
    by: 'asylum country',
    definition: 'positive first decisions / all decisions this year',
  },
  protection_gap: {
    unit: 'persons',
    by: 'origin',
    definition:
      'violence-exposed people without protection: abroad without a protection status, plus those forced to consider flight who could not leave',
  },
  irregular_stock: {
    unit: 'persons',
    by: 'residence',
    definition: 'irregular residents and rejected applicants awaiting removal',
  },
  non_returnable_stock: {
    unit: 'persons',
    by: 'residence',
    definition:
      'rejected applicants who cannot be removed (status rejected-non-returnable, or irregular after a claim from a country at war)',
  },
  smuggling_price_usd: {
    unit: 'US$ per crossing',
    by: 'destination',
    definition: 'mean price paid by smuggled migrants heading there',
  },
  smuggling_revenue_usd: {
    unit: 'US$',
    by: 'destination',
    definition: 'smugglers’ revenue on routes to the country',
  },
  organised_crime_share: {
    unit: 'share',
    by: 'destination',
    definition: 'revenue-weighted share of smuggling run by organised crime',
  },
  deaths_en_route: {
    unit: 'persons',
    by: 'destination',
    definition:
      'deaths on smuggling routes to the country this year (expected value over the smuggled movers)',
  },
  intercepted: {
    unit: 'persons',
    by: 'destination',
    definition:
      'interceptions of smuggled migrants (expected; an intercepted migrant may try again the same year and be counted again, kernels/move/retries.ts)',
  },
  remittances_usd: { unit: 'US$', by: 'origin', definition: 'remittances received (recorded)' },
  remittances_sent_usd: {
    unit: 'US$',
    by: 'residence',
    definition: 'remittances sent by migrants living there',
  },
  aid_usd: {
    unit: 'US$',
    by: 'recipient',
    definition: 'net ODA received (data) plus aid to transit states from externalising destinations',
  },
  employer_rent_usd: {
    unit: 'US$',
    by: 'residence',
    definition: 'formal wage rate minus wage paid, over employed migrants',
  },
  wage_low_skill_usd: {
    unit: 'US$ per year',
    by: 'country',
    definition: 'low-skill formal wage rate (WLD: migrant-weighted mean)',
  },
  mean_migrant_wage_usd: {
    unit: 'US$ per year',
    by: 'residence',
    definition: 'mean wage paid to employed migrants',
  },
  rights_index: {
    unit: '0–100',
    by: 'residence',
    definition: 'migrant-weighted mean of the rights index of their statuses (MIPEX-like)',
  },
  return_migrants: {
    unit: 'persons',
    by: 'origin',
    definition: 'returns this year (voluntary, repatriation, removal)',
  },
  removals: { unit: 'persons', by: 'residence', definition: 'removals this year' },
  naturalisations: { unit: 'persons', by: 'residence', definition: 'naturalisations this year' },
  regularisations: {
    unit: 'persons',
    by: 'residence',
    definition: "residents without lawful status regularised this year (the policies' dated regularisations)",
  },
  resettled_refugees: {
    unit: 'persons',
    by: 'destination',
    definition:
      "refugees resettled there from countries of first asylum this year (the policies' resettlement programmes)",
  },
  re_immigrations: { unit: 'persons', by: 'destination', definition: 'returnees who came back this year' },
  temporary_stock: {
    unit: 'persons',
    by: 'residence',
    definition: 'temporary workers, transferees and service providers',
  },
  emigration: {
    unit: 'persons',
    by: 'origin',
    definition: 'people leaving this year (including those who died or were intercepted en route)',
  },
  potential_movers: {
    unit: 'persons',
    by: 'origin',
    definition: 'people considering a move this year (voluntary and forced)',
  },
  legitimacy_index: {
    unit: '0–100',
    by: 'world only',
    definition:
      'share of the persons affected by the regime’s decisions this year (citizens of every state, migrants by citizenship) whose representatives vote in its decision body, each weighted by the votes its representative holds (legitimacy.ts)',
  },
  commodification_share: {
    unit: 'share',
    by: 'country',
    definition: 'share of the working-age population in wage labour (WLD: working-age weighted)',
  },
  commodification_index: {
    unit: '0–100',
    by: 'residence',
    definition:
      'commodification of migrants’ labour: the mean of the share of migrants whose labour is unfree (no right to work, tied to the employer, or on a temporary permit) and employer rent as a share of the formal rate (indicators.ts commodificationIndex; WLD: over all migrants)',
  },
  emancipation_index: {
    unit: '0–100',
    by: 'residence',
    definition:
      'emancipation of migrants: the mean of the shares with residence security and on a route to membership, the rights index and the share not left violence-exposed without protection (indicators.ts emancipationIndex; WLD: over all migrants)',
  },
  fdi_substituted_emigration: {
    unit: 'persons',
    by: 'origin',
    definition: 'emigration avoided because FDI jobs kept potential movers at home',
  },
  ...Object.fromEntries(
    CHANNELS.map((c) => [
      `inflow_${c}`,
      {
        unit: 'persons',
        by: 'destination',
        definition: `arrivals through the ${c.replace(/_/g, ' ')} channel this year`,
      },
    ]),
  ),
};

/** Corridors with a starting stock of at least this many persons are reported (`corridor_stock`). */
export const CORRIDOR_REPORT_MIN = 1e6;
/** …and at least this many of the largest (the fit reads the 20 largest of 1990, src/fit/targets.ts). */
export const CORRIDOR_REPORT_COUNT = 20;

/** A bilateral corridor. */
export interface ReportedCorridor {
  origin: number;
  destination: number;
}

/**
 * The corridors reported each year: country-to-country corridors of the starting stock with at
 * least CORRIDOR_REPORT_MIN persons, and at least the CORRIDOR_REPORT_COUNT largest, ordered by
 * starting stock, largest first; then the corridors of record (the largest of 1990 and of 2005) not
 * among them, so a run from any year reports what the fit scores.
 */
export function reportedCorridors(world: WorldInput): ReportedCorridor[] {
  const n = world.iso3.length;
  const m = n + 2;
  const all: (ReportedCorridor & { stock: number })[] = [];
  for (let d = 0; d < n; d++) {
    for (let o = 0; o < n; o++) {
      const stock = world.initialStock[d * m + o];
      if (o !== d && stock > 0) all.push({ origin: o, destination: d, stock });
    }
  }
  all.sort((a, b) => b.stock - a.stock || a.destination - b.destination || a.origin - b.origin);
  const reported = all
    .filter((c, i) => i < CORRIDOR_REPORT_COUNT || c.stock >= CORRIDOR_REPORT_MIN)
    .map(({ origin, destination }) => ({ origin, destination }));
  const seen = new Set(reported.map((c) => c.destination * n + c.origin));
  for (const k of world.corridorsOfRecord) {
    if (seen.has(k)) continue;
    seen.add(k);
    reported.push({ origin: k % n, destination: Math.floor(k / n) });
  }
  return reported;
}

export interface YearTotals {
  year: number;
  scale: number;
  /** Reduced accumulator slice (ACC fields × (n + 2) lines). */
  acc: Float64Array;
  moves: MoveOutcome;
  wages: WageRates;
  regional: RegionalState;
  commodification: Float64Array;
  /** Migrants in non-model territories this year. */
  otherTerritories: number;
  /** Corridors reported as `corridor_stock:ORIGIN` at the destination (`reportedCorridors`), from the bilateral tally. */
  corridors?: readonly ReportedCorridor[];
  bilateral?: BilateralTally;
  legitimacy: number;
}

/** The rows of one year. */
export function indicatorRows(world: WorldInput, t: YearTotals): IndicatorRow[] {
  const n = world.iso3.length;
  const lines = n + 2;
  const K = t.scale;
  const a = (field: number, c: number) => t.acc[field * lines + c];
  const rows: IndicatorRow[] = [];
  const year = t.year;
  const put = (indicator: string, c: number, value: number) => {
    if (value === value) rows.push({ year, indicator, country: world.iso3[c], value });
  };
  const world1 = (indicator: string, value: number) => {
    if (value === value) rows.push({ year, indicator, country: 'WLD', value });
  };
  const perCountry = (indicator: string, f: (c: number) => number, wld: 'sum' | number) => {
    let sum = 0;
    for (let c = 0; c < n; c++) {
      const v = f(c);
      put(indicator, c, v);
      if (v === v) sum += v;
    }
    world1(indicator, wld === 'sum' ? sum : wld);
  };
  const sumField = (field: number) => {
    let s = 0;
    for (let c = 0; c < lines; c++) s += a(field, c);
    return s;
  };
  const sumArray = (x: Float64Array) => x.reduce((s, v) => (v === v ? s + v : s), 0);

  const stockTotal = sumField(ACC.stock) * K;
  perCountry('migrant_stock', (c) => a(ACC.stock, c) * K, stockTotal + t.otherTerritories);
  perCountry('emigrant_stock', (c) => a(ACC.emigrants, c) * K, 'sum');
  perCountry('refugees', (c) => a(ACC.refugees, c) * K, 'sum');
  perCountry('refugees_by_origin', (c) => a(ACC.refugeesByOrigin, c) * K, 'sum');
  perCountry(
    'asylum_applications',
    (c) => t.moves.asylumApplications[c] + a(ACC.inCountryClaims, c) * K,
    'sum',
  );
  perCountry('asylum_pending', (c) => a(ACC.asylumPending, c) * K, 'sum');
  const dec = sumField(ACC.decisions);
  perCountry(
    'recognition_rate',
    (c) => (a(ACC.decisions, c) > 0 ? a(ACC.recognised, c) / a(ACC.decisions, c) : NaN),
    dec > 0 ? sumField(ACC.recognised) / dec : NaN,
  );
  perCountry('protection_gap', (c) => a(ACC.unprotectedAbroad, c) * K + t.moves.trapped[c], 'sum');
  perCountry('irregular_stock', (c) => a(ACC.irregular, c) * K, 'sum');
  perCountry('non_returnable_stock', (c) => a(ACC.nonReturnable, c) * K, 'sum');
  const customers = sumArray(t.moves.smugglingCustomers);
  const revenue = sumArray(t.moves.smugglingRevenue);
  perCountry(
    'smuggling_price_usd',
    (c) => t.moves.smugglingPrice[c],
    customers > 0 ? revenue / customers : NaN,
  );
  perCountry('smuggling_revenue_usd', (c) => t.moves.smugglingRevenue[c], 'sum');
  perCountry(
    'organised_crime_share',
    (c) =>
      t.moves.smugglingRevenue[c] > 0 ? t.moves.organisedCrimeRevenue[c] / t.moves.smugglingRevenue[c] : NaN,
    revenue > 0 ? sumArray(t.moves.organisedCrimeRevenue) / revenue : NaN,
  );
  perCountry('deaths_en_route', (c) => t.moves.deathsEnRoute[c], 'sum');
  perCountry('intercepted', (c) => t.moves.intercepted[c], 'sum');
  perCountry('remittances_usd', (c) => a(ACC.remittancesReceived, c) * K, 'sum');
  perCountry('remittances_sent_usd', (c) => a(ACC.remittancesSent, c) * K, 'sum');
  perCountry('aid_usd', (c) => t.regional.aidUsd[c], 'sum');
  perCountry('employer_rent_usd', (c) => a(ACC.employerRent, c) * K, 'sum');
  let wageWeighted = 0;
  let wageWeight = 0;
  for (let c = 0; c < n; c++) {
    wageWeighted += t.wages.low[c] * a(ACC.stock, c);
    wageWeight += a(ACC.stock, c);
  }
  perCountry('wage_low_skill_usd', (c) => t.wages.low[c], wageWeight > 0 ? wageWeighted / wageWeight : NaN);
  const employed = sumField(ACC.employed);
  perCountry(
    'mean_migrant_wage_usd',
    (c) => (a(ACC.employed, c) > 0 ? a(ACC.wagesPaid, c) / a(ACC.employed, c) : NaN),
    employed > 0 ? sumField(ACC.wagesPaid) / employed : NaN,
  );
  const stockAgents = sumField(ACC.stock);
  perCountry(
    'rights_index',
    (c) => (a(ACC.stock, c) > 0 ? (100 * a(ACC.rightsSum, c)) / a(ACC.stock, c) : NaN),
    stockAgents > 0 ? (100 * sumField(ACC.rightsSum)) / stockAgents : NaN,
  );
  perCountry('return_migrants', (c) => a(ACC.returns, c) * K, 'sum');
  perCountry('removals', (c) => a(ACC.removals, c) * K, 'sum');
  perCountry('naturalisations', (c) => a(ACC.naturalisations, c) * K, 'sum');
  perCountry('regularisations', (c) => a(ACC.regularised, c) * K, 'sum');
  perCountry('resettled_refugees', (c) => a(ACC.resettled, c) * K, 'sum');
  perCountry('re_immigrations', (c) => a(ACC.reImmigrations, c) * K, 'sum');
  perCountry('temporary_stock', (c) => a(ACC.temporary, c) * K, 'sum');
  perCountry('emigration', (c) => t.moves.emigration[c], 'sum');
  perCountry('potential_movers', (c) => t.moves.potentialMovers[c], 'sum');
  world1('legitimacy_index', t.legitimacy);
  let mw = 0;
  let w = 0;
  for (let c = 0; c < n; c++) {
    const wap = world.workingAgePopulation[at(world, year, c)];
    mw += t.commodification[c] * wap;
    w += wap;
  }
  perCountry('commodification_share', (c) => t.commodification[c], w > 0 ? mw / w : NaN);
  perCountry('fdi_substituted_emigration', (c) => t.moves.fdiSubstituted[c], 'sum');
  const doubleMovement = (c: number | 'all') => {
    const f = (field: number) => (c === 'all' ? sumField(field) : a(field, c));
    return {
      stock: f(ACC.stock),
      unfree: f(ACC.unfree),
      rent: f(ACC.employerRent),
      wagesPaid: f(ACC.wagesPaid),
      secure: f(ACC.secure),
      membershipRoute: f(ACC.membershipRoute),
      rightsSum: f(ACC.rightsSum),
      unprotected: f(ACC.unprotectedHere),
    };
  };
  perCountry(
    'commodification_index',
    (c) => commodificationIndex(doubleMovement(c)),
    commodificationIndex(doubleMovement('all')),
  );
  perCountry(
    'emancipation_index',
    (c) => emancipationIndex(doubleMovement(c)),
    emancipationIndex(doubleMovement('all')),
  );
  CHANNELS.forEach((ch, k) => perCountry(`inflow_${ch}`, (c) => t.moves.inflow[k * n + c], 'sum'));
  if (t.bilateral)
    for (const k of t.corridors ?? [])
      put(
        `corridor_stock:${world.iso3[k.origin]}`,
        k.destination,
        t.bilateral.stock[k.destination * lines + k.origin] * K,
      );
  return rows;
}

/** What the commodification and emancipation indices read: a place's tallies of migrants (agents or persons alike). */
export interface MigrantTallies {
  stock: number;
  unfree: number;
  /** Employer rent and wages paid, in any one currency unit. */
  rent: number;
  wagesPaid: number;
  secure: number;
  membershipRoute: number;
  /** Sum over migrants of their status's rights index (0–1). */
  rightsSum: number;
  /** Violence-exposed migrants without protection. */
  unprotected: number;
}

/**
 * Commodification of migrants' labour, 0–100 (Overbeek 2002, introduction and §1: labour power
 * drawn into the market as a commodity; Polanyi 1944): 100 × ½ (unfree share + rent share), where
 * unfree share = migrants without the right to work, tied to their employer or on a temporary
 * permit / migrants, and rent share = employer rent / (wages paid + employer rent), the part of the
 * formal rate withheld from them. NaN without migrants.
 */
export function commodificationIndex(t: MigrantTallies): number {
  if (!(t.stock > 0)) return NaN;
  const product = t.wagesPaid + t.rent;
  const rentShare = product > 0 ? Math.max(0, t.rent) / product : 0;
  return 100 * 0.5 * (Math.min(1, t.unfree / t.stock) + rentShare);
}

/**
 * Emancipation of migrants, 0–100 (Overbeek 2002, §4: the counter-movement of rights and
 * protection; Polanyi's double movement): 100 × the mean of four shares over migrants — residence
 * security, a route to membership (the right to permanent residence, or naturalised), the rights
 * index of their statuses, and not being violence-exposed without protection. NaN without migrants.
 */
export function emancipationIndex(t: MigrantTallies): number {
  if (!(t.stock > 0)) return NaN;
  const share = (x: number) => Math.min(1, Math.max(0, x / t.stock));
  return (
    100 *
    0.25 *
    (share(t.secure) + share(t.membershipRoute) + share(t.rightsSum) + (1 - share(t.unprotected)))
  );
}
