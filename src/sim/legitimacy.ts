/**
 * Democratic legitimacy of the regime's decision body in a year, from the simulation (Overbeek
 * 2002, §4: an institutional framework responsive to migrants as well as states; docs/model.md,
 * "Legitimacy"): the share of the persons affected by the body's decisions whose representatives
 * vote, each group weighted by the votes its representative holds —
 *
 *   legitimacy = 100 × Σ_r min(v_r / V, p_r / P)
 *
 * over representatives r, with v_r the votes r holds and p_r the affected persons r speaks for. It
 * is 100 when votes are shared as the affected are (one person, one voice), and falls as votes go
 * to those who speak for few of them, or as the affected have no one voting for them.
 *
 * **The affected and who speaks for them.** Every country's citizens — its residents less its
 * migrants, plus the migrants naturalised there — are spoken for by their state, or by the
 * dominant party when their state is one of its members that year (the EU as one actor, with its
 * members and their dates). Migrants without the citizenship of their country of residence are
 * spoken for only by migrant seats. Civil-society and trade-union seats speak for all the affected
 * alike (their votes are spread over every group in proportion); employers' seats speak for none.
 *
 * **Votes.** The states' seat share is divided by the body's rule: equally (one state, one vote;
 * multi-stakeholder), by GDP or population (economic weight), or, for a bilateral body, as the
 * bargains give it: the dominant party bargains with every other state, with weight GDP_d /
 * (GDP_d + GDP_p) in each bargain. Before the body exists (its `valid_from`), and for a regime
 * without one, the core states decide among themselves, one vote each.
 *
 * It moves when populations, migrant stocks and naturalisations, GDP, tiers or memberships move.
 */
import type { Institution, Library } from '../regime/index.ts';

/** A member of a group with the years it belongs (from, to inclusive). */
export interface Membership {
  country: string;
  from: number;
  to: number;
}

/** The world of one year as legitimacy reads it. Arrays by country index. */
export interface LegitimacyWorld {
  iso3: readonly string[];
  population: ArrayLike<number>;
  gdpUsd: ArrayLike<number>;
  /** 0 core, 1 semi-periphery, 2 periphery. */
  tier: ArrayLike<number>;
  /** Migrants living in each country (simulated). */
  immigrants: ArrayLike<number>;
  /** Of them, citizens of it (naturalised; simulated). */
  citizens: ArrayLike<number>;
}

/** A representative: the votes it holds and the affected persons it speaks for. */
export interface Representative {
  id: string;
  votes: number;
  persons: number;
}

/** The dominant party, as one representative. */
export const DOMINANT = 'dominant_party';

const yearOf = (date: string | undefined, fallback: number) => (date ? Number(date.slice(0, 4)) : fallback);

/**
 * The members of an institution's dominant party with their years: a country code is itself; a
 * group document (an agreement's `parties` or a process's `members`) gives its members' dates.
 */
export function dominantMembership(lib: Library, inst: Institution): Membership[] {
  const p = inst.dominant_party;
  if (!p) return [];
  const doc = lib.get(p)?.doc as
    | {
        members?: { country: string; from?: string; to?: string }[];
        parties?: { country: string; from?: string; to?: string }[];
      }
    | undefined;
  const list = doc?.members ?? doc?.parties;
  if (!list) return /^[A-Z]{3}$/.test(p) ? [{ country: p, from: -Infinity, to: Infinity }] : [];
  return list.map((m) => ({
    country: m.country,
    from: yearOf(m.from, -Infinity),
    to: yearOf(m.to, Infinity),
  }));
}

/** The country indices of the members of a group in a year. */
export function membersIn(members: readonly Membership[], iso3: readonly string[], year: number): number[] {
  const out: number[] = [];
  for (const m of members) {
    if (m.from > year || m.to < year) continue;
    const i = iso3.indexOf(m.country);
    if (i >= 0 && !out.includes(i)) out.push(i);
  }
  return out;
}

/** 100 × the overlap of the votes and the affected persons over representatives. */
export function legitimacyShare(reps: readonly Representative[]): number {
  let V = 0;
  let P = 0;
  for (const r of reps) {
    V += Math.max(0, r.votes);
    P += Math.max(0, r.persons);
  }
  if (!(V > 0) || !(P > 0)) return 0;
  let overlap = 0;
  for (const r of reps) overlap += Math.min(Math.max(0, r.votes) / V, Math.max(0, r.persons) / P);
  return 100 * overlap;
}

const seat = (inst: Institution, c: string) =>
  inst.seats.filter((s) => s.constituency === c).reduce((a, s) => a + s.share, 0);

/** The representatives of a body (or of the core states, without one) in a year. */
export function representatives(
  w: LegitimacyWorld,
  inst: Institution | null,
  dominant: readonly number[],
): Representative[] {
  const n = w.iso3.length;
  const inDominant = new Uint8Array(n);
  for (const i of dominant) inDominant[i] = 1;
  const bilateral = inst?.voting_rule === 'bilateral_hegemon' && dominant.length > 0;
  // persons: citizens by state (or by the dominant party), non-citizen migrants by migrant seats
  const stateVotes = new Float64Array(n);
  let dominantVotes = 0;
  let migrants = 0;
  const statePersons = new Float64Array(n);
  let dominantPersons = 0;
  for (let c = 0; c < n; c++) {
    const citizens = Math.max(0, w.population[c] - w.immigrants[c]) + Math.max(0, w.citizens[c]);
    migrants += Math.max(0, w.immigrants[c] - w.citizens[c]);
    if (bilateral && inDominant[c]) dominantPersons += citizens;
    else statePersons[c] = citizens;
  }
  if (!inst) {
    for (let c = 0; c < n; c++) if (w.tier[c] === 0) stateVotes[c] = 1;
  } else if (bilateral) {
    let gd = 0;
    for (const i of dominant) gd += Math.max(0, w.gdpUsd[i]);
    const partners = n - dominant.length;
    const share = seat(inst, 'states');
    for (let c = 0; c < n; c++) {
      if (inDominant[c]) continue;
      const gp = Math.max(0, w.gdpUsd[c]);
      const wd = gd + gp > 0 ? gd / (gd + gp) : 0.5;
      dominantVotes += (share * wd) / partners;
      stateVotes[c] = (share * (1 - wd)) / partners;
    }
  } else {
    const share = seat(inst, 'states');
    let total = 0;
    for (let c = 0; c < n; c++) {
      const basis =
        inst.voting_rule !== 'economic_weight' || inst.weight_basis === 'equal'
          ? 1
          : inst.weight_basis === 'population'
            ? Math.max(0, w.population[c])
            : Math.max(0, w.gdpUsd[c]);
      stateVotes[c] = basis;
      total += basis;
    }
    for (let c = 0; c < n; c++) stateVotes[c] = total > 0 ? (share * stateVotes[c]) / total : 0;
  }
  const reps: Representative[] = [];
  for (let c = 0; c < n; c++) reps.push({ id: w.iso3[c], votes: stateVotes[c], persons: statePersons[c] });
  if (bilateral) reps.push({ id: DOMINANT, votes: dominantVotes, persons: dominantPersons });
  reps.push({ id: 'migrants', votes: inst ? seat(inst, 'migrants') : 0, persons: migrants });
  // civil society and trade unions speak for every group alike: their votes spread in proportion
  const broad = inst ? seat(inst, 'civil_society') + seat(inst, 'trade_unions') : 0;
  if (broad > 0) {
    const P = reps.reduce((a, r) => a + r.persons, 0);
    if (P > 0) for (const r of reps) r.votes += (broad * r.persons) / P;
  }
  if (inst && seat(inst, 'employers') > 0)
    reps.push({ id: 'employers', votes: seat(inst, 'employers'), persons: 0 });
  return reps;
}

/** The legitimacy index of a regime's decision body in a year, 0–100 (see the module comment). */
export function legitimacyIndex(
  w: LegitimacyWorld,
  year: number,
  inst: Institution | undefined,
  dominant: readonly Membership[],
): number {
  const body = inst && yearOf(inst.valid_from, -Infinity) <= year ? inst : null;
  let members = body ? membersIn(dominant, w.iso3, year) : [];
  if (body?.voting_rule === 'bilateral_hegemon' && members.length === 0) {
    // no member of the dominant party in the model that year: the largest economy dominates (src/institutions/vote.ts)
    let best = 0;
    for (let c = 1; c < w.iso3.length; c++) if (w.gdpUsd[c] > w.gdpUsd[best]) best = c;
    members = [best];
  }
  return legitimacyShare(representatives(w, body, members));
}
