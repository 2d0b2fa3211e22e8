/** The JSON Schema of documents, generated from the zod schema (the single source of validation). */
import { z } from 'zod';
import { RegimeDocument } from './schema/kinds.ts';

/** JSON Schema (draft 2020-12) for one regime document of any kind. */
export function documentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RegimeDocument, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://mobility-regimes.invalid/schema/regime-document.schema.json',
    title: 'Mobility Regimes document',
  };
}
