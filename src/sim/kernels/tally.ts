/**
 * The end-of-year tally of stocks by location and origin (indicators.ts turns the totals into rows).
 * Every living agent abroad (not a returnee) counts in the stock of its location, the emigrants of
 * its origin, the rights index of its location and its corridor; some statuses count further
 * (`TALLY_KIND`). Runs inline in the agent pass (agent-year.ts).
 */
import { RIGHTS, STATUSES } from '../../regime/schema/vocabulary.ts';

/** What a status adds to the tally besides the stock. */
export const TALLY = {
  none: 0,
  /** recognised refugee, complementary or temporary protection: refugees (location and origin) */
  protected: 1,
  /** asylum seeker: pending claims; violence-exposed ones count in the protection gap of the origin */
  pending: 2,
  /** rejected non-returnable: non-returnable; protection gap */
  nonReturnable: 3,
  /** irregular, rejected returnable: irregular; non-returnable too after an asylum claim from a
   *  country at war; protection gap */
  irregular: 4,
  /** temporary worker, transferee, service provider: temporary */
  temporary: 5,
} as const;

export const TALLY_KIND: Uint8Array = Uint8Array.from(STATUSES, (name) => {
  switch (name) {
    case 'recognised_refugee':
    case 'complementary_protection':
    case 'temporary_protection':
      return TALLY.protected;
    case 'asylum_seeker':
      return TALLY.pending;
    case 'rejected_non_returnable':
      return TALLY.nonReturnable;
    case 'irregular':
    case 'rejected_returnable':
      return TALLY.irregular;
    case 'temporary_worker':
    case 'intra_corporate_transferee':
    case 'service_provider':
      return TALLY.temporary;
    default:
      return TALLY.none;
  }
});

/** Bits of a (destination, status) cell for the commodification and emancipation indices (indicators.ts). */
export const STATUS_FLAG = {
  /** no right to work, no right to change employer, or a temporary status */
  unfree: 1,
  /** the right to residence security */
  secure: 2,
  /** the right to permanent residence, or naturalised */
  route: 4,
} as const;

const bit = (r: (typeof RIGHTS)[number]) => 1 << RIGHTS.indexOf(r);

/** The status flags of every (destination, status) cell from the rights bitmasks (`rightsMask[d × S + s]`). */
export function statusFlags(rightsMask: Uint16Array): Uint8Array {
  const S = STATUSES.length;
  const naturalised = STATUSES.indexOf('naturalised');
  const citizen = STATUSES.indexOf('citizen');
  return Uint8Array.from(rightsMask, (m, k) => {
    const st = k % S;
    let f = 0;
    if ((m & bit('work')) === 0 || (m & bit('change_employer')) === 0 || TALLY_KIND[st] === TALLY.temporary)
      f |= STATUS_FLAG.unfree;
    if (m & bit('residence_security')) f |= STATUS_FLAG.secure;
    if (m & bit('permanent_residence') || st === naturalised || st === citizen) f |= STATUS_FLAG.route;
    return f;
  });
}
