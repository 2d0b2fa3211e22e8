/**
 * Removability of a person without protection or a lawful stay (a rejected applicant, an irregular
 * migrant), and the status that follows:
 * - a person protected from refoulement cannot be removed (legal bar);
 * - otherwise a person is returnable when a readmission agreement binds the deciding state and the
 *   person's origin or a transit state, or when the origin will take them back
 *   (`claim.return_possible`); without either fact the answer is undetermined;
 * - returnable: removable; a rejected applicant is `rejected_returnable`, anyone else `irregular`;
 * - not returnable: not removable (`removable` means the state may and can remove). A rejected
 *   applicant gets the policy's `non_returnable_status` where the policy has
 *   `humanitarian_non_return`; where it has not, the person is left `irregular` — the seed's (§3)
 *   asylum practice that turns non-returnable rejected applicants into irregular migrants.
 */
import type { Status } from '../regime/index.ts';
import type { CaseContext } from './derived-facts.ts';
import { readmissionAgreements } from './derived-facts.ts';
import { reason, type Reason } from './explanation.ts';
import type { Decided } from './protection.ts';

export interface RemovalOut {
  removable: Decided<boolean>;
  status: Decided<Status>;
  /** Whether the person can be returned (null when undetermined). */
  returnable: boolean | null;
}

/** Decides removal for a person with no protection and no lawful stay. */
export function decideRemoval(
  ctx: CaseContext,
  claimant: boolean,
  nonRefoulement: boolean,
  reasons: Reason[],
): RemovalOut {
  const p = ctx.policy;
  const field = (f: string) => `${ctx.policyId}#${f}`;
  let returnable: boolean;
  if (nonRefoulement) {
    returnable = false;
    reasons.push(
      reason(
        'removable',
        field('asylum'),
        p.sources[0],
        'protected from refoulement: the person cannot be returned',
      ),
    );
  } else {
    const origins = ctx.case.person.nationalities.filter((n) => n !== ctx.state);
    const agreements = readmissionAgreements(ctx.view, p, ctx.state, [...origins, ...ctx.residence.transit]);
    if (agreements.length) {
      const a = agreements[0];
      const with_ = [...origins, ...ctx.residence.transit].filter((o) => a.parties.has(o));
      reasons.push(
        reason(
          'removable',
          a.id,
          a.doc.sources[0],
          `readmission agreement ${a.id} binds ${ctx.state} and ${with_.join(', ')}: the person can be returned`,
        ),
      );
      returnable = true;
    } else {
      const l = ctx.fact('claim.return_possible');
      if (!l.known) {
        const missing = ['claim.return_possible'];
        reasons.push(
          reason(
            'removable',
            field('readmission_agreements'),
            p.sources[0],
            `no readmission agreement binds ${ctx.state} and the origin; whether the origin takes the person back is not known`,
          ),
        );
        return {
          removable: { undetermined: true, missing },
          status: { undetermined: true, missing },
          returnable: null,
        };
      }
      returnable = l.value === true;
      reasons.push(
        reason(
          'removable',
          field('readmission_agreements'),
          p.sources[0],
          `no readmission agreement binds ${ctx.state} and the origin; the origin ${returnable ? 'takes' : 'does not take'} the person back`,
          { 'claim.return_possible': l.value },
        ),
      );
    }
  }
  if (returnable) {
    const status: Status = claimant ? 'rejected_returnable' : 'irregular';
    reasons.push(
      reason(
        'status',
        field('enforcement'),
        p.sources[0],
        `${claimant ? 'a rejected applicant' : 'a person without a lawful stay'} who can be returned is removable (${status})`,
      ),
    );
    return { removable: { value: true }, status: { value: status }, returnable };
  }
  if (claimant && p.asylum.humanitarian_non_return) {
    const status = p.asylum.non_returnable_status;
    reasons.push(
      reason(
        'status',
        field('asylum.humanitarian_non_return'),
        p.sources[0],
        `rejected but not returnable: humanitarian non-return gives the status ${status}`,
        { 'policy.asylum.humanitarian_non_return': true, 'policy.asylum.non_returnable_status': status },
      ),
    );
    return { removable: { value: false }, status: { value: status }, returnable };
  }
  reasons.push(
    reason(
      'status',
      field('asylum.humanitarian_non_return'),
      p.sources[0],
      claimant
        ? 'rejected but not returnable, and the policy has no humanitarian non-return: the person stays without status (irregular)'
        : 'not returnable and without a lawful stay: the person stays irregular',
      claimant ? { 'policy.asylum.humanitarian_non_return': false } : undefined,
    ),
  );
  return { removable: { value: false }, status: { value: 'irregular' }, returnable };
}
