/**
 * A decision body votes on one standard (a rights floor, 0–1) under its rule (docs/experiments.md, "The institutions layer").
 *
 * **Voters and weights.** The body's seats (Institution `seats`) are shared among constituencies.
 * The states' share is divided among the member states by the voting rule:
 * - `one_state_one_vote`, `multi_stakeholder`: equally (one state, one vote);
 * - `economic_weight`: in proportion to the weight basis (`gdp` and `contributions` by GDP — IMF
 *   quotas and WTO budget shares follow economic size — `population` by population, `equal` equally);
 * - `bilateral_hegemon`: see below.
 * Each other constituency (migrants, civil society, trade unions, employers) votes as a bloc with
 * its seat share and its ideal point (parameters.ts).
 *
 * **Outcome of a vote** (spatial model, status quo = no floor = 0, single-peaked quadratic
 * preferences). A voter with ideal x accepts a standard s over no standard when |s − x| ≤ x, i.e.
 * s ≤ 2x. The proposal is the weighted median ideal point; if fewer than `decision_threshold` of the
 * weighted votes accept it, the most ambitious standard that does pass is adopted instead:
 *   s* = min(weighted median of x, largest s with Σ w·[2x ≥ s] ≥ threshold).
 *
 * **Bilateral bargaining with a dominant party.** The dominant party (the document's
 * `dominant_party`, resolved by the caller to its member countries, else the largest economy)
 * bargains with every other state in turn; each bargain ends at the asymmetric Nash solution, the
 * GDP-weighted mean of the two ideal points (bargaining power ∝ economic size), and the standard is
 * the mean over the bargains.
 *
 * **Legitimacy** (docs/model.md §3.13): *represented share* = 1 − total-variation distance between
 * the distribution of votes and the distribution of the affected people (each state's non-migrant
 * residents, and migrants through migrant seats), so 1 when every person's voice weighs the same;
 * *transparency* = share of public records, open sessions and published reasons.
 */
import type { Institution } from '../regime/index.ts';
import type { InstitutionParameters } from './parameters.ts';
import type { InstitutionWorld } from './members.ts';
import { affectedInterest, constituencyIdealPoint, stateIdealPoints } from './members.ts';

export interface Voter {
  /** ISO3 of a state, or a constituency name. */
  id: string;
  ideal: number;
  weight: number;
}

export interface VoteOutcome {
  institution: string;
  rule: Institution['voting_rule'];
  /** Adopted standard, 0–1. */
  standard: number;
  /** The affected population's interest, 0–1. */
  affected: number;
  /** |standard − affected|, 0–1. */
  distance: number;
  /** Weighted share of votes accepting the adopted standard. */
  support: number;
  representedShare: number;
  transparency: number;
  voters: Voter[];
}

/** Weighted median of ideal points (the lower median on ties). */
export function weightedMedian(voters: readonly Voter[]): number {
  const v = voters.filter((x) => x.weight > 0).sort((a, b) => a.ideal - b.ideal);
  const total = v.reduce((s, x) => s + x.weight, 0);
  if (!(total > 0)) return NaN;
  let acc = 0;
  for (const x of v) {
    acc += x.weight;
    if (acc >= total / 2 - 1e-12) return x.ideal;
  }
  return v[v.length - 1].ideal;
}

/** Weighted share of voters accepting standard s over no standard (2x ≥ s). */
export function acceptance(voters: readonly Voter[], s: number): number {
  let yes = 0;
  let total = 0;
  for (const x of voters) {
    total += x.weight;
    if (2 * x.ideal >= s - 1e-12) yes += x.weight;
  }
  return total > 0 ? yes / total : 0;
}

/** The standard adopted by weighted voters under a threshold (see the module comment). */
export function adoptedStandard(voters: readonly Voter[], threshold: number): number {
  const proposal = weightedMedian(voters);
  if (!Number.isFinite(proposal)) return 0;
  if (acceptance(voters, proposal) >= threshold) return proposal;
  // the largest s passing: candidates are the acceptance limits min(1, 2x)
  const limits = [...new Set(voters.map((x) => Math.min(1, 2 * x.ideal)))].sort((a, b) => b - a);
  for (const s of limits) if (s <= proposal && acceptance(voters, s) >= threshold) return s;
  return 0;
}

function seatShare(inst: Institution, c: string): number {
  return inst.seats.filter((s) => s.constituency === c).reduce((a, s) => a + s.share, 0);
}

function basisWeight(inst: Institution, world: InstitutionWorld, i: number): number {
  switch (inst.weight_basis) {
    case 'gdp':
    case 'contributions':
      return Math.max(0, world.gdpUsd[i]);
    case 'population':
      return Math.max(0, world.population[i]);
    case 'equal':
      return 1;
  }
}

/** The voters of a body with their weights (states' weights sum to the states' seat share). */
export function votersOf(inst: Institution, world: InstitutionWorld, params: InstitutionParameters): Voter[] {
  const x = stateIdealPoints(world, params);
  const n = world.iso3.length;
  const states = seatShare(inst, 'states');
  const raw = Array.from({ length: n }, (_, i) =>
    inst.voting_rule === 'economic_weight' ? basisWeight(inst, world, i) : 1,
  );
  const total = raw.reduce((a, b) => a + b, 0);
  const voters: Voter[] = [];
  for (let i = 0; i < n; i++)
    voters.push({ id: world.iso3[i], ideal: x[i], weight: total > 0 ? (states * raw[i]) / total : 0 });
  for (const c of ['migrants', 'civil_society', 'trade_unions', 'employers'] as const) {
    const share = seatShare(inst, c);
    if (share > 0) voters.push({ id: c, ideal: constituencyIdealPoint(c, params), weight: share });
  }
  return voters;
}

/** Bilateral bargains of the dominant party with every other state; returns the standard and effective weights. */
function bilateral(
  world: InstitutionWorld,
  params: InstitutionParameters,
  dominant: readonly number[],
): { standard: number; voters: Voter[] } {
  const x = stateIdealPoints(world, params);
  const n = world.iso3.length;
  let dom = dominant.filter((i) => i >= 0 && i < n);
  if (dom.length === 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (world.gdpUsd[i] > world.gdpUsd[best]) best = i;
    dom = [best];
  }
  const inDom = new Set(dom);
  let gd = 0;
  let xd = 0;
  for (const i of dom) gd += Math.max(0, world.gdpUsd[i]);
  for (const i of dom) xd += gd > 0 ? (Math.max(0, world.gdpUsd[i]) * x[i]) / gd : x[i] / dom.length;
  const partners = Array.from({ length: n }, (_, i) => i).filter((i) => !inDom.has(i));
  const weight = new Float64Array(n);
  let standard = 0;
  for (const pIdx of partners) {
    const gp = Math.max(0, world.gdpUsd[pIdx]);
    const wd = gd + gp > 0 ? gd / (gd + gp) : 0.5;
    standard += (wd * xd + (1 - wd) * x[pIdx]) / partners.length;
    weight[pIdx] += (1 - wd) / partners.length;
    for (const i of dom)
      weight[i] += (wd * (gd > 0 ? Math.max(0, world.gdpUsd[i]) / gd : 1 / dom.length)) / partners.length;
  }
  if (partners.length === 0) standard = xd;
  const voters = Array.from({ length: n }, (_, i) => ({ id: world.iso3[i], ideal: x[i], weight: weight[i] }));
  return { standard, voters };
}

/** Represented share: 1 − total-variation distance between votes and affected people. */
export function representedShare(voters: readonly Voter[], world: InstitutionWorld): number {
  const n = world.iso3.length;
  const people = new Map<string, number>();
  let total = 0;
  let migrants = 0;
  for (let i = 0; i < n; i++) {
    const natives = Math.max(0, world.population[i] - world.migrantStock[i]);
    people.set(world.iso3[i], natives);
    total += natives;
    migrants += Math.max(0, world.migrantStock[i]);
  }
  people.set('migrants', migrants);
  total += migrants;
  const votes = voters.reduce((a, v) => a + v.weight, 0);
  if (!(total > 0) || !(votes > 0)) return 0;
  let overlap = 0;
  const seen = new Set<string>();
  for (const v of voters) {
    seen.add(v.id);
    overlap += Math.min(v.weight / votes, (people.get(v.id) ?? 0) / total);
  }
  return overlap;
}

/** Transparency of a body, 0–1. */
export function transparency(inst: Institution): number {
  const t = inst.transparency;
  return (Number(t.public_records) + Number(t.open_sessions) + Number(t.published_reasons)) / 3;
}

/**
 * The vote of `inst` on a rights floor in a world.
 * @param dominant country indices of the dominant party (bilateral bodies; empty: the largest economy)
 */
export function voteStandard(
  inst: Institution,
  world: InstitutionWorld,
  params: InstitutionParameters,
  dominant: readonly number[] = [],
): VoteOutcome {
  let standard: number;
  let voters: Voter[];
  if (inst.voting_rule === 'bilateral_hegemon') {
    ({ standard, voters } = bilateral(world, params, dominant));
  } else {
    voters = votersOf(inst, world, params);
    standard = adoptedStandard(voters, inst.decision_threshold);
  }
  const affected = affectedInterest(world, params);
  return {
    institution: inst.id,
    rule: inst.voting_rule,
    standard,
    affected,
    distance: Math.abs(standard - affected),
    support: inst.voting_rule === 'bilateral_hegemon' ? 1 : acceptance(voters, standard),
    representedShare: representedShare(voters, world),
    transparency: transparency(inst),
    voters,
  };
}
