/**
 * The facts that rule conditions and convention criteria may read, with their types. Case facts
 * come from the Case schema, policy facts from the NationalPolicy schema; derived facts are computed
 * by the rules engine from the case, the regime and the date (listed here so conditions that read
 * them are type-checked at load time like any other).
 */
import { z } from 'zod';
import { CaseFacts } from '../schema/case.ts';
import { NationalPolicy } from '../schema/kinds.ts';
import { STATUSES } from '../schema/vocabulary.ts';
import { schemaAt, valueTypeOf, type ValueType } from './schema-path.ts';

/** Facts the rules engine derives; each is documented where it is computed (src/rules). */
export const DERIVED_FACTS: Readonly<Record<string, ValueType>> = {
  /** Years since the person's first entry into the deciding state, at the decision date. */
  years_resident: { t: 'number' },
  /** Years since the person's current status began. */
  years_in_status: { t: 'number' },
  /** The status the person holds before this decision. */
  current_status: { t: 'string', values: STATUSES },
  /** The person was removed or returned to the origin and came back. */
  returned_after_failed_return: { t: 'boolean' },
  /** A readmission agreement binds the deciding state and the person's origin (or a transit state). */
  readmission_with_origin: { t: 'boolean' },
  /** The deciding state is bound by the OAU 1969 Convention on the decision date. */
  state_bound_by_oau: { t: 'boolean' },
  /** The deciding state applies the Cartagena 1984 definition on the decision date. */
  state_bound_by_cartagena: { t: 'boolean' },
  /** The person's origin is in Africa / in Latin America (the geography of OAU and Cartagena). */
  origin_in_africa: { t: 'boolean' },
  origin_in_latin_america: { t: 'boolean' },
  /** A free-movement agreement in force covers the origin and the deciding state. */
  free_movement_with_origin: { t: 'boolean' },
  /** An association or accession agreement gives the origin's nationals establishment rights. */
  establishment_with_origin: { t: 'boolean' },
  /** A GATS mode 4 or services commitment of the deciding state covers the person. */
  services_commitment_with_origin: { t: 'boolean' },
  /** The person holds a nationality of the deciding state. */
  is_citizen: { t: 'boolean' },
  /** The person's spouse or a child lives in the deciding state. */
  family_in_state: { t: 'boolean' },
};

const caseRoot = z.strictObject(CaseFacts);

/** Where the facts an expression reads come from. */
export type FactScope = 'case' | 'criterion';

/** Resolves a fact path to its type, or a message saying why it is not a fact. */
export function factType(path: string, scope: FactScope): ValueType | { error: string } {
  const [head, ...rest] = path.split('.');
  if (head === 'policy') return typeFromSchema(NationalPolicy, rest, 'policy');
  if (scope === 'criterion')
    return { error: `criteria read the policy: expected a fact starting with 'policy.', got '${path}'` };
  if (head === 'derived') {
    const key = rest.join('.');
    const t = DERIVED_FACTS[key];
    return (
      t ?? {
        error: `unknown derived fact '${key}'; expected one of ${Object.keys(DERIVED_FACTS).join(', ')}`,
      }
    );
  }
  if (head in CaseFacts) return typeFromSchema(caseRoot, [head, ...rest], 'case');
  return {
    error: `unknown fact '${path}'; facts start with ${[...Object.keys(CaseFacts), 'derived', 'policy'].join(', ')}`,
  };
}

function typeFromSchema(root: z.ZodType, path: string[], label: string): ValueType | { error: string } {
  const found = schemaAt(root, path);
  if ('error' in found) return { error: `${label}: ${found.error}` };
  return valueTypeOf(found.schema);
}
