/**
 * The facts a rule may read about a case: the case's own fields (`person.*`, `claim.*`…), the
 * deciding state's policy under the regime (`policy.*`), and the `derived.*` facts listed in
 * src/regime/check/facts.ts, computed here from the case, the regime and the date:
 *
 * - `years_resident`: years from the first entry into the deciding state to the decision date
 *   (missing when the history has no entry there).
 * - `years_in_status`: years since the event that gave the current status.
 * - `current_status`: the status the history gives before this decision; `citizen` for a national of
 *   the deciding state (missing when the history does not say).
 * - `returned_after_failed_return`: the history shows an exit (removed, left, returned) followed by a
 *   new entry into the deciding state (false when there is a history without one; missing without history).
 * - `readmission_with_origin`: a readmission agreement the deciding state applies (its policy's
 *   `readmission_agreements`, and readmission agreements the regime puts in force) has the deciding
 *   state and one of the person's nationalities, or a transit state from the history, as parties.
 * - `state_bound_by_oau` / `state_bound_by_cartagena`: the deciding state is a party of an
 *   instrument in force providing that protection test (or a member of its group, or the regime puts
 *   it in force there).
 * - `origin_in_africa` / `origin_in_latin_america`: one of the person's nationalities is in the UN
 *   M49 region (src/rules/geography.ts).
 * - `free_movement_with_origin` / `establishment_with_origin` / `services_commitment_with_origin`:
 *   an agreement in force under the regime with a provision opening that channel (free_movement;
 *   establishment; service_provider or intra_corporate) has the deciding state and a nationality as parties.
 * - `is_citizen`: a nationality is the deciding state's.
 * - `family_in_state`: the spouse or a child lives in the deciding state.
 */
import type { Case, Channel, NationalPolicy, Tier } from '../regime/index.ts';
import { lookupPath, type Env, type Lookup, type ParamValue, type Value } from './evaluate.ts';
import { AFRICA, LATIN_AMERICA } from './geography.ts';
import { readHistory, type Residence } from './history.ts';
import type { AgreementInForce, DocumentsOnDate, RegimeView } from './regime-view.ts';

/** Everything a decision reads, in one place. */
export interface CaseContext {
  view: RegimeView;
  case: Case;
  /** The deciding state (person.applying_to, else location). */
  state: string;
  tier: Tier;
  policy: NationalPolicy;
  /** The policy document it started from (the country's own or a tier default). */
  policyId: string;
  /** Indices of the regime adjustments that changed the policy. */
  adjustments: number[];
  residence: Residence;
  /** Fact lookup (case, policy, derived). */
  fact(path: string): Lookup;
  /** Agreements (of a kind, or opening a channel) binding the state and an origin of the person. */
  agreementsWith(filter: (a: AgreementInForce) => boolean): AgreementInForce[];
}

/** The deciding state of a case. */
export const decidingState = (c: Case) => c.person.applying_to ?? c.person.location;

/** Builds the context of a case under a regime view. */
export function caseContext(view: RegimeView, c: Case, tier: Tier): CaseContext {
  const state = decidingState(c);
  const p = view.policy(state, tier);
  const policy = p.policy;
  const residence = readHistory(c, state, policy);
  const origins = c.person.nationalities.filter((n) => n !== state);
  const derivedCache = new Map<string, Lookup>();

  const agreementsWith = (
    filter: (a: AgreementInForce) => boolean,
    extra: readonly string[] = [],
  ): AgreementInForce[] =>
    view.agreements.filter(
      (a) =>
        filter(a) &&
        a.parties.has(state) &&
        (!a.where || a.where.has(state)) &&
        [...origins, ...extra].some((o) => a.parties.has(o)),
    );

  const ctx: CaseContext = {
    view,
    case: c,
    state,
    tier,
    policy,
    policyId: p.base,
    adjustments: p.adjustments,
    residence,
    fact: (path) => {
      if (path.startsWith('policy.')) return lookupPath(policy, path.slice(7), path);
      if (path.startsWith('derived.')) {
        const key = path.slice(8);
        let hit = derivedCache.get(key);
        if (!hit) derivedCache.set(key, (hit = derived(key)));
        return hit;
      }
      return lookupPath(c, path);
    },
    agreementsWith: (f) => agreementsWith(f),
  };

  const known = (value: Value): Lookup => ({ known: true, value });
  const missing = (...m: string[]): Lookup => ({ known: false, missing: m });
  const opening =
    (...channels: Channel[]) =>
    (a: AgreementInForce) =>
      channels.some((ch) => a.channels.has(ch));

  function derived(key: string): Lookup {
    switch (key) {
      case 'is_citizen':
        return known(c.person.nationalities.includes(state));
      case 'years_resident':
        return residence.years_resident !== undefined ? known(residence.years_resident) : missing('history');
      case 'years_in_status':
        return residence.years_in_status !== undefined
          ? known(residence.years_in_status)
          : missing('history');
      case 'current_status':
        if (c.person.nationalities.includes(state))
          return known(residence.naturalised ? 'naturalised' : 'citizen');
        if (residence.status) return known(residence.status);
        return missing(...(residence.missing.length ? residence.missing : ['history']));
      case 'returned_after_failed_return':
        return c.history ? known(residence.failed_return !== undefined) : missing('history');
      case 'readmission_with_origin':
        return known(
          readmissionAgreements(view, policy, state, [...origins, ...residence.transit]).length > 0,
        );
      case 'state_bound_by_oau':
        return known(view.boundBy('oau-1969', state));
      case 'state_bound_by_cartagena':
        return known(view.boundBy('cartagena-1984', state));
      case 'origin_in_africa':
        return known(origins.some((o) => AFRICA.has(o)));
      case 'origin_in_latin_america':
        return known(origins.some((o) => LATIN_AMERICA.has(o)));
      case 'free_movement_with_origin':
        return known(agreementsWith(opening('free_movement')).length > 0);
      case 'establishment_with_origin':
        return known(agreementsWith(opening('establishment')).length > 0);
      case 'services_commitment_with_origin':
        return known(
          agreementsWith(
            (a) =>
              a.doc.agreement_type === 'services_commitments' ||
              opening('service_provider', 'intra_corporate')(a),
          ).length > 0,
        );
      case 'family_in_state': {
        const f = c.family;
        if (!f) return missing('family');
        if (f.spouse_in === state || (f.children_in ?? []).includes(state)) return known(true);
        if (f.spouse_in === undefined && f.children_in === undefined)
          return missing('family.spouse_in', 'family.children_in');
        return known(false);
      }
      default:
        return missing(`derived.${key}`);
    }
  }
  return ctx;
}

const readmissionCache = new WeakMap<NationalPolicy, AgreementInForce[]>();

/**
 * Readmission agreements binding a state and any of the given countries: those the state's policy
 * applies and those the regime puts in force, of type `readmission`.
 */
export function readmissionAgreements(
  view: RegimeView,
  policy: NationalPolicy,
  state: string,
  others: readonly string[],
): AgreementInForce[] {
  let candidates = readmissionCache.get(policy);
  if (!candidates) {
    const byId = new Map<string, AgreementInForce>();
    for (const a of [
      ...(policy.readmission_agreements ?? []).map((id) => view.agreement(id)),
      ...view.agreements.filter((a) => a.doc.agreement_type === 'readmission'),
    ]) {
      if (a && !byId.has(a.id) && a.parties.has(state) && (!a.where || a.where.has(state))) byId.set(a.id, a);
    }
    candidates = [...byId.values()];
    readmissionCache.set(policy, candidates);
  }
  return candidates.filter((a) => others.some((o) => o !== state && a.parties.has(o)));
}

/** A parameter lookup for rules of a document: `name` in the document itself, `doc#name` elsewhere. */
export function paramLookup(view: DocumentsOnDate, docId: string): (name: string) => ParamValue {
  return (name) => {
    const [doc, pname] = name.includes('#') ? name.split('#') : [docId, name];
    const d = view.lib.get(doc) ? paramsOf(view, doc) : undefined;
    const p = d?.[pname];
    return { value: (p?.value ?? null) as Value, ref: `${doc}#${pname}` };
  };
}

function paramsOf(view: DocumentsOnDate, id: string) {
  const d = view.lib.get(id)?.doc;
  if (!d || !('parameters' in d)) return undefined;
  // Parameters as in force on the view's date (history and amendments applied).
  return (view.resolved(id) as { parameters?: Record<string, { value: unknown }> }).parameters;
}

/** An evaluation environment for a rule of document `docId` in a case context. */
export function caseEnv(ctx: CaseContext, docId: string): Env {
  return { fact: ctx.fact, param: paramLookup(ctx.view, docId) };
}
