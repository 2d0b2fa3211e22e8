/**
 * The rights bundle of each status under a policy: the rights the policy lists for the status
 * (`rights.<status>`), together with the rights its transitions give:
 * - citizens and the naturalised hold every right; `dual_citizenship` only where the policy allows it;
 * - `permanent_residence`: held by permanent and long-term residents, and by every status with a
 *   route to long-term residence (transitions.ts, `settlingStatuses`);
 * - `dual_citizenship`: where the policy allows it, for statuses on the route to naturalisation;
 * - `re_immigration_retained`: where the policy keeps rights on re-immigration, for every lawful stay.
 * Rights a rule grants or denies on the facts of a case are applied by `decide`, not here.
 */
import { RIGHTS, type NationalPolicy, type Right, type Status } from '../regime/index.ts';
import { LAWFUL, settlingStatuses } from './transitions.ts';

/** Rights held by a status under a policy, in RIGHTS order. */
export function statusRights(p: NationalPolicy, status: Status): Right[] {
  const t = p.transitions;
  const held = new Set<Right>(p.rights[status] ?? []);
  if (status === 'citizen' || status === 'naturalised') {
    for (const r of RIGHTS) if (r !== 'dual_citizenship') held.add(r);
    if (t.dual_citizenship) held.add('dual_citizenship');
  } else {
    const settling = settlingStatuses(p).includes(status);
    if (
      status === 'permanent_resident' ||
      status === 'long_term_resident' ||
      (settling && t.years_to_long_term_residence !== null)
    ) {
      held.add('permanent_residence');
    }
    if (
      t.dual_citizenship &&
      t.years_to_naturalisation !== null &&
      (settling || status === 'long_term_resident')
    )
      held.add('dual_citizenship');
    if (t.re_immigration_rights_retained && LAWFUL.has(status)) held.add('re_immigration_retained');
  }
  return RIGHTS.filter((r) => held.has(r));
}

/** Share of RIGHTS a status holds, 0..1 (the rights index of the tables). */
export function rightsIndex(p: NationalPolicy, status: Status): number {
  return statusRights(p, status).length / RIGHTS.length;
}
