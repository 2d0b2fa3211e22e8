/**
 * A scenario's interventions as dated amendments: intervention i of scenario S becomes the
 * amendment `S~intervention-i` of its target, effective on 1 January of its year, so the documents
 * as in force on any later date (resolve.ts) — and the policy tables compiled from them — carry it.
 */
import type { Library, LoadedDocument } from '../load/library.ts';
import { overlayLibrary } from '../load/library.ts';
import { perLibrary } from '../load/per-library.ts';
import type { Amendment, Scenario } from '../schema/kinds.ts';
import { isLever } from '../schema/levers.ts';

/** The amendments that stand for a scenario's interventions (none when it has none). */
export function interventionAmendments(scenario: LoadedDocument<Scenario>): LoadedDocument<Amendment>[] {
  const s = scenario.doc;
  // Levers act on the world, not on a document (docs/model.md §9.4); the others keep their index.
  return (s.interventions ?? [])
    .flatMap((iv, i) => (isLever(iv) ? [] : [{ iv, i }]))
    .map(({ iv, i }) => ({
      doc: {
        kind: 'Amendment',
        id: `${s.id}~intervention-${i}`,
        title: iv.note ?? `intervention ${i} of scenario ${s.id}`,
        sources: [iv.source],
        amends: iv.target,
        effective: `${String(iv.year).padStart(4, '0')}-01-01`,
        changes: [{ set: iv.set, ...(iv.note ? { note: iv.note } : {}) }],
      },
      file: scenario.file,
      index: scenario.index,
      // positions point into the scenario, at the intervention
      locate: (path) => scenario.locate(['interventions', i, ...scenarioPath(path)]),
    }));
}

/** Where a path of the amendment lies in its intervention. */
function scenarioPath(path: readonly (string | number)[]): (string | number)[] {
  if (path[0] === 'changes') return path.slice(2);
  if (path[0] === 'amends') return ['target'];
  if (path[0] === 'effective') return ['year'];
  return [];
}

// One overlay per library and scenario: the compiled policy tables are cached per library object.
const overlays = perLibrary<Library>();

/** The library with the scenario's interventions in force from their years (the library itself if none). */
export function withInterventions(lib: Library, scenarioId: string): Library {
  return overlays(lib, scenarioId, () => {
    const amendments = interventionAmendments(lib.require(scenarioId, 'Scenario'));
    return amendments.length ? overlayLibrary(lib, amendments) : lib;
  });
}
