/**
 * The end-of-year tally of stocks by location and origin (indicators.ts turns the totals into rows).
 * Every living agent abroad (not a returnee) counts in the stock of its location, the emigrants of
 * its origin, the rights index of its location and its corridor; some statuses count further
 * (`TALLY_KIND`). Runs inline in the agent pass (agent-year.ts).
 */
import { STATUSES } from '../../regime/schema/vocabulary.ts';

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
