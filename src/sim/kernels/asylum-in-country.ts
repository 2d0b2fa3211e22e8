/**
 * Asylum claims lodged inside the country, and claims sur place (the `in-country-asylum` mechanism;
 * docs/model.md §3.15).
 *
 * Most asylum seekers in Western Europe did not apply at the border: they entered, or stayed,
 * without a visa and claimed asylum once inside — in the United Kingdom about two claims in three
 * were made in-country, not at a port (Home Office, Asylum Statistics United Kingdom 2000–2005,
 * table 1) — and those who claimed were a part of the mixed flows that also fill the irregular
 * stock (UNHCR 2007, Refugee Protection and Mixed Migration: A 10-Point Plan of Action). Their
 * claims follow what the destination's doctrine gives them: applications go to where recognition is
 * likelier (Neumayer 2004, European Union Politics 5:155; Hatton 2009, Economic Journal 119:F183).
 *
 * Each year an irregular resident of d from origin o who has never claimed asylum lodges a claim
 * with P = min(1, inCountryClaimRate × its chance of recognition at d), where that chance is the
 * one its claim kind has under d's protection tables (`credibility` where d protects it,
 * `falsePositive` where not; kernels/asylum.ts), and only where d's asylum channel is open to
 * nationals of o. It becomes an asylum seeker, decided like any other (kernels/asylum.ts).
 *
 * A claim sur place: a claimant whose origin is at war now faces its generalised life-threatening
 * violence on return, whether or not it fled it (UNHCR 1979/2019, Handbook on Procedures and
 * Criteria for Determining Refugee Status, ¶¶ 94–96; Council Directive 2004/83/EC, Art. 15(c)); with
 * the mechanism, such a claimant claims as a victim of the war (`claimKind`).
 *
 * Without the mechanism nobody claims in-country and a claimant who did not flee violence has no
 * protection claim, as before.
 */
import type { AgentStepContext } from '../context.ts';
import { PROTECTION_CODE } from '../policy-tables.ts';
import type { AgentStore } from '../state.ts';
import { claimProtection, recognitionChance } from './asylum.ts';

/** P that an irregular resident whose claim has recognition chance `chance` lodges it this year. */
export function inCountryClaimProbability(rate: number, chance: number): number {
  return Math.min(1, rate * chance);
}

/** P that irregular resident i lodges a claim this year at the in-country claim rate `rate` of its cell: its claim's recognition chance where it is (kernels/asylum.ts). */
export function inCountryClaimChance(s: AgentStore, i: number, ctx: AgentStepContext, rate: number): number {
  const p = ctx.params;
  const protectedClaim = claimProtection(s, i, ctx) !== PROTECTION_CODE.none;
  return inCountryClaimProbability(rate, recognitionChance(protectedClaim, p.credibility, p.falsePositive));
}

/**
 * The rate of in-country claims by (location d, origin line o), `[d × (N + 2) + o]`:
 * `inCountryClaimRate` where d's asylum channel is open to nationals of o (`asylumOpen(d, o)`),
 * 0 for the pseudo-origins (other territory, unknown: no country to be returned to) and everywhere
 * without the mechanism.
 */
export function inCountryClaimRates(
  n: number,
  rate: number,
  asylumOpen: (d: number, o: number) => boolean,
  on: boolean,
): Float64Array {
  const lines = n + 2;
  const out = new Float64Array(n * lines);
  if (!on || !(rate > 0)) return out;
  for (let d = 0; d < n; d++) for (let o = 0; o < n; o++) if (asylumOpen(d, o)) out[d * lines + o] = rate;
  return out;
}
