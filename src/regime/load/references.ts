/**
 * The references a document makes to other documents, each with where it is written and which
 * kinds it may point at. The library checks them all once every document is known.
 */
import type { DocumentKind, RegimeDocument } from '../schema/kinds.ts';
import type { Expr, Operand } from '../schema/expression.ts';
import { isLever } from '../schema/levers.ts';

export interface Reference {
  path: (string | number)[];
  /** The document id referred to. */
  id: string;
  /** Kinds the target may have; any kind when absent. */
  kinds?: DocumentKind[];
  /** For `doc#name` references: the parameter or rule named inside the target. */
  member?: { kind: 'parameter' | 'rule_or_label'; name: string };
}

const GROUP_KINDS: DocumentKind[] = ['RegionalProcess', 'Agreement', 'Instrument'];
const isId = (s: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);

/** Lists the references of a document. */
export function referencesOf(doc: RegimeDocument): Reference[] {
  const refs: Reference[] = [];
  const add = (path: (string | number)[], id: string, kinds?: DocumentKind[]) =>
    refs.push({ path, id, kinds });
  const partyRefs = (list: string[] | undefined, at: (string | number)[]) =>
    list?.forEach((p, i) => isId(p) && add([...at, i], p, GROUP_KINDS));

  switch (doc.kind) {
    case 'Instrument':
      if (doc.group) add(['group'], doc.group, GROUP_KINDS);
      rulesRefs(doc.rules, ['rules'], refs);
      break;
    case 'Convention':
      doc.incorporates?.forEach((r, i) =>
        add(['incorporates', i], r, ['Instrument', 'Convention', 'Agreement']),
      );
      if (doc.implements) add(['implements'], doc.implements, ['Convention']);
      if (doc.institution) add(['institution'], doc.institution, ['Institution']);
      doc.criteria.forEach((c, i) => {
        for (const f of ['test', 'more_favourable_if', 'applies_if'] as const)
          exprRefs(c[f], ['criteria', i, f], refs);
      });
      break;
    case 'NationalPolicy':
      doc.readmission_agreements?.forEach((r, i) => add(['readmission_agreements', i], r, ['Agreement']));
      if (Array.isArray(doc.visa.required_for)) partyRefs(doc.visa.required_for, ['visa', 'required_for']);
      partyRefs(doc.visa.exempt, ['visa', 'exempt']);
      for (const [ch, cp] of Object.entries(doc.channels))
        partyRefs(cp?.origins, ['channels', ch, 'origins']);
      rulesRefs(doc.rules, ['rules'], refs);
      break;
    case 'RegionalProcess':
      doc.instruments.forEach((ins, i) => ins.refs?.forEach((r, j) => add(['instruments', i, 'refs', j], r)));
      if (doc.institution) add(['institution'], doc.institution, ['Institution']);
      break;
    case 'Institution':
      if (doc.dominant_party && isId(doc.dominant_party))
        add(['dominant_party'], doc.dominant_party, GROUP_KINDS);
      break;
    case 'Agreement':
      doc.party_groups?.forEach((g, i) => add(['party_groups', i], g, GROUP_KINDS));
      break;
    case 'Regime':
      doc.components.forEach((c, i) =>
        add(['components', i, 'ref'], c.ref, [
          'Instrument',
          'Convention',
          'RegionalProcess',
          'Agreement',
          'Institution',
          'Regime',
        ]),
      );
      if (doc.institution) add(['institution'], doc.institution, ['Institution']);
      doc.national_policies.explicit.forEach((p, i) =>
        add(['national_policies', 'explicit', i], p, ['NationalPolicy']),
      );
      for (const tier of ['core', 'semi_periphery', 'periphery'] as const) {
        add(['national_policies', 'defaults', tier], doc.national_policies.defaults[tier], [
          'NationalPolicy',
        ]);
      }
      break;
    case 'Scenario':
      add(['regime'], doc.regime, ['Regime']);
      doc.interventions?.forEach((iv, i) => {
        if (!isLever(iv)) add(['interventions', i, 'target'], iv.target);
      });
      break;
    case 'Experiment':
      add(['scenario'], doc.scenario, ['Scenario']);
      doc.arms.forEach((a, i) => add(['arms', i, 'regime'], a.regime, ['Regime']));
      break;
    case 'Amendment':
      add(['amends'], doc.amends);
      doc.changes.forEach((c, i) => {
        if (c.add_rule) rulesRefs([c.add_rule], ['changes', i, 'add_rule'], refs, true);
        if (c.replace_rule) rulesRefs([c.replace_rule], ['changes', i, 'replace_rule'], refs, true);
      });
      break;
    default:
      break;
  }
  return refs;
}

function rulesRefs(
  rules: { when: Expr; exception_of?: string }[] | undefined,
  at: (string | number)[],
  refs: Reference[],
  single = false,
): void {
  rules?.forEach((r, i) => {
    const p = single ? at : [...at, i];
    exprRefs(r.when, [...p, 'when'], refs);
    if (r.exception_of?.includes('#')) {
      const [id, name] = r.exception_of.split('#');
      refs.push({ path: [...p, 'exception_of'], id, member: { kind: 'rule_or_label', name } });
    }
  });
}

/** Cross-document parameter references (`doc-id#name`) inside an expression. */
function exprRefs(e: Expr | Operand | undefined, at: (string | number)[], refs: Reference[]): void {
  if (e === undefined || e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    e.forEach((x, i) => exprRefs(x as Operand, [...at, i], refs));
    return;
  }
  for (const [k, v] of Object.entries(e)) {
    if (k === 'param' && typeof v === 'string' && v.includes('#')) {
      const [id, name] = v.split('#');
      refs.push({ path: [...at, 'param'], id, member: { kind: 'parameter', name } });
    } else if (typeof v === 'object') exprRefs(v as Operand, [...at, k], refs);
  }
}
