/**
 * Local integration of refugees where their status makes them settled residents.
 *
 * Repatriation (kernels/repatriation.ts) is calibrated on the great returns from the countries of
 * first asylum of the 1990s (Mozambicans from Malawi, Rwandans from Zaire, Afghans from Pakistan
 * and Iran), where refugees held no more than a temporary stay. Where a refugee's status gives it
 * residence security (the `residence_security` right; a route to permanent residence alone is not
 * security) — the recognised refugees of the core states' policies (Germany's, the United States',
 * France's, Sweden's…) — refugees settle: UNHCR counts local integration and resettlement, not
 * repatriation, as their durable solution (UNHCR 2000, The State of the World's Refugees, ch. 7;
 * Black & Koser 1999, The End of the Refugee Cycle?, ch. 1: the return of refugees from Western
 * Europe was rare except where temporary protection ended). Such a refugee returns at the rate of a long-term resident of its
 * country (kernels/return.ts: `returnBase`, falling with the stay), not at its origin's
 * repatriation rate; temporary protection and the statuses of the countries of first asylum keep
 * the repatriation rate. Without the `local-integration` mechanism every refugee repatriates at
 * its origin's rate.
 */
import { RIGHTS, STATUSES } from '../../regime/schema/vocabulary.ts';
import { REPATRIATING } from './return.ts';

const RESIDENCE_SECURITY = 1 << RIGHTS.indexOf('residence_security');

/**
 * `[d × S + s]` 1 where the refugees of status s at d have integrated: a repatriating status
 * (recognised, complementary or temporary protection, non-returnable) that carries residence
 * security there (`rightsMask[d × S + s]`); the right to permanent residence alone does not count.
 */
export function integratedRefugees(rightsMask: Uint16Array, on: boolean): Uint8Array {
  const S = STATUSES.length;
  return Uint8Array.from(rightsMask, (m, k) =>
    on && REPATRIATING[k % S] === 1 && (m & RESIDENCE_SECURITY) !== 0 ? 1 : 0,
  );
}
