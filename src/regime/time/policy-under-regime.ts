/**
 * The national policy a country runs under a regime on a date: its own policy document if the
 * regime lists one, otherwise the regime's default for the country's tier; then the regime's
 * adjustments (floors, ceilings, overrides) in force on that date, in the order written.
 */
import type { Library } from '../load/library.ts';
import type { NationalPolicy, PolicyAdjustment, Regime, RegimeDocument } from '../schema/kinds.ts';
import type { Tier } from '../schema/vocabulary.ts';
import { resolve } from './resolve.ts';
import { getPath, setPath } from './paths.ts';

export interface PolicyUnderRegime {
  country: string;
  tier: Tier;
  /** The document the policy started from (the country's own or the tier default). */
  base: string;
  policy: NationalPolicy;
  /** Adjustments of the regime that changed it, by index in the regime's `adjustments`. */
  adjustments: number[];
}

/** The explicit policies of a regime by country, as in force on a date. */
export function explicitPolicies(lib: Library, regime: Regime, date: string): Map<string, string> {
  const byCountry = new Map<string, string>();
  for (const id of regime.national_policies.explicit) {
    const p = resolve(lib, id, date);
    const country = (p.document as NationalPolicy).country;
    if (country && p.in_force) byCountry.set(country, id);
  }
  return byCountry;
}

/** What a caller resolving many policies on one date already has (a regime view): reused, not resolved again. */
export interface ResolvedOnDate {
  /** The regime as in force on the date. */
  regime: Regime;
  /** Its explicit policies by country (`explicitPolicies`). */
  explicit: Map<string, string>;
  /** Any document as in force on the date; the policy is copied before the regime adjusts it. */
  resolved(id: string): RegimeDocument;
}

/** The policy of one country under a regime on a date. */
export function policyUnderRegime(
  lib: Library,
  regimeId: string,
  country: string,
  tier: Tier,
  date: string,
  known?: ResolvedOnDate,
): PolicyUnderRegime {
  const regime =
    known?.regime ?? (resolve(lib, lib.require(regimeId, 'Regime').doc.id, date).document as Regime);
  const byCountry = known?.explicit ?? explicitPolicies(lib, regime, date);
  const own = byCountry.get(country);
  const base = own ?? regime.national_policies.defaults[tier];
  const policy = structuredClone(
    known ? known.resolved(base) : resolve(lib, base, date).document,
  ) as NationalPolicy;
  const applied: number[] = [];
  (regime.adjustments ?? []).forEach((a, i) => {
    if (a.from && a.from > date) return;
    if (!applies(a, country, tier, own !== undefined)) return;
    if (adjust(policy as unknown as Record<string, unknown>, a)) applied.push(i);
  });
  return { country, tier, base, policy, adjustments: applied };
}

function applies(a: PolicyAdjustment, country: string, tier: Tier, hasOwnPolicy: boolean): boolean {
  const { tiers, countries, only } = a.where;
  if (only === 'defaults' && hasOwnPolicy) return false;
  if (only === 'explicit' && !hasOwnPolicy) return false;
  if (!tiers && !countries) return true;
  return Boolean(tiers?.includes(tier) || countries?.includes(country));
}

/** Applies one adjustment in place; true when it changed something. */
export function adjust(policy: Record<string, unknown>, a: PolicyAdjustment): boolean {
  const before = JSON.stringify(policy);
  // a copy: the resolved regime is shared by every policy of its view
  for (const [p, v] of Object.entries(a.set ?? {})) setPath(policy, p, structuredClone(v));
  for (const [p, min] of Object.entries(a.at_least ?? {})) {
    const v = getPath(policy, p);
    // null counts as +∞ ("no cap", "no route") in both floors and ceilings.
    if (v !== null && (typeof v !== 'number' || v < min)) setPath(policy, p, min);
  }
  for (const [p, max] of Object.entries(a.at_most ?? {})) {
    const v = getPath(policy, p);
    if (typeof v !== 'number' || v > max) setPath(policy, p, max);
  }
  for (const [p, items] of Object.entries(a.add ?? {})) {
    const v = getPath(policy, p);
    const list = Array.isArray(v) ? (v as string[]) : [];
    setPath(policy, p, [...list, ...items.filter((x) => !list.includes(x))]);
  }
  return JSON.stringify(policy) !== before;
}
