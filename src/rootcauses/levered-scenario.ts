/**
 * A scenario with root-cause levers added, as a document of its own: what a run or a comparison
 * asked for through the API with `levers` runs (docs/api.md). The levers join the scenario's own
 * interventions in a derived Scenario whose id names its base and a hash of the levers, carried as
 * a user document in the job (src/ensemble/documents.ts), so every member loads the same
 * document and the stored run names what it ran.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { LeverIntervention, Library, Scenario } from '../regime/index.ts';
import type { UserDocumentFile } from '../ensemble/documents.ts';

/** The id of the scenario `base` with these levers: `BASE-levers-HASH` (10 hex digits of the levers' JSON). */
export function leveredScenarioId(base: string, levers: readonly LeverIntervention[]): string {
  return `${base}-levers-${createHash('sha256').update(JSON.stringify(levers)).digest('hex').slice(0, 10)}`;
}

/** The derived scenario document: the base one with the levers after its own interventions. */
export function leveredScenario(base: Scenario, levers: readonly LeverIntervention[]): Scenario {
  return {
    ...base,
    id: leveredScenarioId(base.id, levers),
    title: `${base.title} — with ${levers.length} root-cause lever${levers.length === 1 ? '' : 's'}`,
    interventions: [...(base.interventions ?? []), ...levers],
  };
}

/**
 * What a request with levers runs instead: the derived scenario's id and the document file to load
 * with the built-ins. No levers: the request as it was. The scenario must exist (`E_UNKNOWN_ID`).
 */
export function withLeveredScenario<R extends { scenario: string; levers?: LeverIntervention[] }>(
  lib: Library,
  request: R,
): Omit<R, 'levers'> & { documents?: UserDocumentFile[] } {
  const { levers, ...rest } = request;
  if (!levers?.length) return rest;
  const base = lib.require(request.scenario, 'Scenario').doc as Scenario;
  const doc = leveredScenario(base, levers);
  const file = `${doc.id}.yaml`;
  return {
    ...rest,
    scenario: doc.id,
    documents: [{ file, base64: Buffer.from(stringify(doc)).toString('base64') }],
  };
}
