/**
 * The coded policy changes of a document between two dates: every value that changed, when, by
 * which history entry or amendment, with its citation and a DEMIG-style coding.
 */
import type { Library } from '../load/library.ts';
import type { DemigCoding } from '../schema/vocabulary.ts';
import type { Source } from '../schema/common.ts';
import { userError } from '../../shared/errors.ts';
import { applyEvent, eventsOf, requireDate, resolve } from './resolve.ts';
import { getPath, leafPaths } from './paths.ts';
import { codeField, directionOf } from './demig.ts';

export interface PolicyChange {
  date: string;
  document: string;
  /** Dotted path of the value that changed, or `rules.ID` for a rule. */
  path: string;
  before: unknown;
  after: unknown;
  /** The history entry (`DOC#history.N`) or amendment id that made the change. */
  by: string;
  source: Source;
  demig: DemigCoding;
  /** For list values: the items added and removed. */
  added?: string[];
  removed?: string[];
  note?: string;
}

/** Every change of `id` effective after `from` and up to and including `to`. */
export function changesBetween(lib: Library, id: string, from: string, to: string): PolicyChange[] {
  requireDate(from, '--from');
  requireDate(to, '--to');
  if (to < from) throw userError('E_BAD_DATE', `--to ${to} is before --from ${from}`);
  const state = structuredClone(resolve(lib, id, from).document) as unknown as Record<string, unknown>;
  const changes: PolicyChange[] = [];
  for (const e of eventsOf(lib, id).filter((x) => x.date > from && x.date <= to)) {
    const touched = new Set<string>();
    for (const [p, v] of Object.entries(e.set ?? {})) {
      for (const leaf of leafPaths(v, p)) touched.add(leaf);
      for (const leaf of leafPaths(getPath(state, p), p)) touched.add(leaf);
    }
    const before = new Map([...touched].map((p) => [p, structuredClone(getPath(state, p))]));
    applyEvent(state, e);
    for (const p of touched) {
      const after = getPath(state, p);
      if (JSON.stringify(before.get(p)) === JSON.stringify(after)) continue;
      const was = before.get(p);
      changes.push({
        date: e.date,
        document: id,
        path: p,
        before: was,
        after,
        by: e.by,
        source: e.source,
        demig: e.demig ?? derived(p, was, after),
        ...listDelta(was, after),
        note: e.note,
      });
    }
    for (const [op, ruleId] of [
      ['add_rule', e.add_rule?.id],
      ['replace_rule', e.replace_rule?.id],
      ['repeal_rule', e.repeal_rule],
    ] as const) {
      if (!ruleId) continue;
      changes.push({
        date: e.date,
        document: id,
        path: `rules.${ruleId}`,
        before: op === 'add_rule' ? null : 'in force',
        after: op === 'repeal_rule' ? null : op === 'add_rule' ? 'added' : 'replaced',
        by: e.by,
        source: e.source,
        demig: e.demig ?? {
          area: 'legal_entry_stay',
          tool: 'rule',
          target: 'all_migrants',
          direction: 'neutral',
        },
        note: e.note,
      });
    }
  }
  return changes;
}

function listDelta(before: unknown, after: unknown): { added?: string[]; removed?: string[] } {
  if (!Array.isArray(before) && !Array.isArray(after)) return {};
  const b = (Array.isArray(before) ? before : []).map(String);
  const a = (Array.isArray(after) ? after : []).map(String);
  return { added: a.filter((x) => !b.includes(x)), removed: b.filter((x) => !a.includes(x)) };
}

function derived(path: string, before: unknown, after: unknown): DemigCoding {
  const field = codeField(path);
  if (!field)
    return { area: 'legal_entry_stay', tool: 'other', target: 'all_migrants', direction: 'neutral' };
  return {
    area: field.area,
    tool: field.tool,
    target: field.target,
    direction: directionOf(path, field.openness, before, after),
  };
}
