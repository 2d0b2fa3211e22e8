/**
 * Per-group tallies of the agent pass. Agents are split into groups of a fixed size (independent
 * of the thread count); each group sums into its own slice, and the main thread adds the slices in
 * group order, so the floating-point result is the same with any number of threads.
 *
 * Layout of a group's slice: `ACC_FIELDS × M` country tallies (M = N + 2 lines: countries, other
 * territory, unknown origin). (Until 2026-12-07 two corridor tallies of the candidate routes
 * followed; the bilateral stock is now counted on the main thread, bilateral-tally.ts.)
 */

/** Country tallies, in agents (× scale for persons) or US$ per person (× scale for US$). */
export const ACC = {
  /** By location: migrants living there (status ≠ returnee). */
  stock: 0,
  /** By location: recognised refugees, complementary and temporary protection. */
  refugees: 1,
  /** By location: asylum seekers pending. */
  asylumPending: 2,
  /** By location: irregular residents and rejected applicants awaiting removal. */
  irregular: 3,
  /** By location: rejected applicants who cannot be removed (status, or irregular after an asylum claim from a country at war). */
  nonReturnable: 4,
  /** By location: asylum decisions and positive decisions this year. */
  decisions: 5,
  recognised: 6,
  /** By location: removals this year. */
  removals: 7,
  /** By location: employer rent (formal rate − wage paid), US$. */
  employerRent: 8,
  /** By location: remittances sent, US$. */
  remittancesSent: 9,
  /** By location: sum of the rights index of residents (for the mean). */
  rightsSum: 10,
  /** By location: low-skill workers (labour supply for the wage response). */
  lowSkillWorkers: 11,
  /** By location: naturalisations this year. */
  naturalisations: 12,
  /** By origin: remittances received, US$. */
  remittancesReceived: 13,
  /** By origin: returns (voluntary, repatriation, removal) this year. */
  returns: 14,
  /** By origin: refugees from it. */
  refugeesByOrigin: 15,
  /** By origin: violence-exposed abroad without protection (protection gap abroad). */
  unprotectedAbroad: 16,
  /** By origin: emigrants (migrants born there living abroad). */
  emigrants: 17,
  /** By location: wages paid, US$ (for the mean wage of migrants). */
  wagesPaid: 18,
  /** By location: employed migrants. */
  employed: 19,
  /** By location: temporary workers (all temporary statuses). */
  temporary: 20,
  /** By location: deaths of residents this year. */
  deaths: 21,
  /** By location: re-immigrations this year. */
  reImmigrations: 22,
  /** By location: migrants whose labour is unfree: no right to work, tied to the employer (no right to change employer, or on an employer-tied permit), or on a temporary permit (indicators.ts: commodification index). */
  unfree: 23,
  /** By location: migrants holding residence security (indicators.ts: emancipation index). */
  secure: 24,
  /** By location: migrants on a route to membership: a status with the right to permanent residence, or naturalised. */
  membershipRoute: 25,
  /** By location: violence-exposed residents without protection (asylum pending, rejected, irregular). */
  unprotectedHere: 26,
  /** By location: migrants naturalised there (citizens of it; legitimacy.ts). */
  citizens: 27,
  /** By location: residents regularised this year (kernels/regularisation.ts). */
  regularised: 28,
  /** By location: refugees resettled there this year (kernels/resettlement.ts). */
  resettled: 29,
  /** By location: asylum claims lodged there this year by its irregular residents (kernels/asylum-in-country.ts). */
  inCountryClaims: 30,
} as const;

export const ACC_FIELDS = Object.keys(ACC).length;
export type AccField = keyof typeof ACC;

/** Where each field's line starts in the group slice at `base` (`lines` entries a field). */
export function fieldStarts(base: number, lines: number): Record<AccField, number> {
  const starts = {} as Record<AccField, number>;
  for (const f of Object.keys(ACC) as AccField[]) starts[f] = base + ACC[f] * lines;
  return starts;
}

/** Length of one group's slice. */
export function groupSliceLength(lines: number): number {
  return ACC_FIELDS * lines;
}

/** Sums the group slices in group order into one slice. */
export function reduceGroups(acc: Float64Array, groups: number, sliceLength: number): Float64Array {
  const out = new Float64Array(sliceLength);
  for (let g = 0; g < groups; g++) {
    const base = g * sliceLength;
    for (let k = 0; k < sliceLength; k++) out[k] += acc[base + k];
  }
  return out;
}
