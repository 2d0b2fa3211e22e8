/**
 * Labour entries bounded by the jobs a destination offers (issue 17, the `job-offers` mechanism;
 * docs/model.md §3.15). A work permit is issued against a job offer: the Cayman Islands, Bermuda,
 * Montserrat and the other small territories admit a foreign worker only for a post an employer
 * has advertised and could not fill locally (the work permits of the Cayman Islands' Immigration
 * Law and of Bermuda's Immigration and Protection Act 1956), the Gulf states only on an employer's
 * sponsorship (kafala).
 * A destination cannot take more labour migrants a year than it has jobs on offer to them, however
 * rich it is: the utility of §3.3 prices a destination by its wage, not by its number of jobs, so
 * without a bound a territory of 5,000 inhabitants drew 1.9 M workers by 2005 (seed-1 diagnostics,
 * docs/model.md §8).
 *
 *   places[j] = jobEntryShare × working-age population[j]   (UN WPP, persons a year)
 *
 * The labour and temporary-labour channels of j share the places: after their own quotas, both
 * channels' admissions at j are scaled by min(1, places / their admitted demand together), pro rata
 * over every origin, as the quotas are (move/demand.ts). Those refused stay at home, as under any
 * cap. The bound binds only where the labour demand is a large share of the working-age
 * population: the small territories, not the large destinations.
 */
import { CH } from '../policy-tables.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';

/**
 * The channels of those who come to work for an employer: permanent and temporary labour, intra-corporate
 * transfer and service provision (a post or a contract), and irregular entry (informal work). The
 * self-employed (establishment) bring their own job; family, asylum and free movement are not
 * admitted for a job.
 */
export const OFFER_CHANNELS: readonly number[] = [
  CH.labour,
  CH.temporary_labour,
  CH.intra_corporate,
  CH.service_provider,
  CH.irregular,
];

/** Places on the labour channels of each destination this year, persons (Infinity where the data have no working-age population). */
export function jobOfferPlaces(world: WorldInput, year: number, jobEntryShare: number): Float64Array {
  const n = world.iso3.length;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const people = world.workingAgePopulation[at(world, year, j)];
    out[j] = people > 0 ? jobEntryShare * people : Infinity;
  }
  return out;
}

/**
 * Scales the admission of the labour channels of every destination so that their admitted demand
 * together stays within the destination's places. `demand` and `admission` are per destination and
 * channel, `[j × channels + c]`; `admission` already holds the quotas' shares.
 */
export function boundByJobOffers(
  demand: Float64Array,
  admission: Float64Array,
  places: Float64Array,
  channels: number,
): void {
  for (let j = 0; j < places.length; j++) {
    let admitted = 0;
    for (const c of OFFER_CHANNELS) admitted += demand[j * channels + c] * admission[j * channels + c];
    if (!(admitted > places[j])) continue;
    const share = places[j] / admitted;
    for (const c of OFFER_CHANNELS) admission[j * channels + c] *= share;
  }
}
