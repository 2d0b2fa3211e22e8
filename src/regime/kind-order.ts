/**
 * The order in which listings show document kinds (`regimes list`, `GET /api/documents`): regimes
 * and scenarios first, then what a regime is made of, national policies and their amendments,
 * cases last. A kind not named here (an experiment) comes after all of them.
 */
export const KIND_LISTING_ORDER = [
  'Regime',
  'Scenario',
  'Instrument',
  'Convention',
  'RegionalProcess',
  'Agreement',
  'Institution',
  'NationalPolicy',
  'Amendment',
  'Case',
] as const;

/** A kind's place in `KIND_LISTING_ORDER`; kinds not in it share the last place. */
export function kindRank(kind: string): number {
  const i = (KIND_LISTING_ORDER as readonly string[]).indexOf(kind);
  return i < 0 ? KIND_LISTING_ORDER.length : i;
}
