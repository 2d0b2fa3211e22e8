/**
 * Our policies' scores checked against a published index (issue 20): for every country both cover,
 * our score on the index's strands — the mapped criteria gathered into one convention whose
 * components are the strands, scored by the public compliance function `checkCompliance` — beside
 * the index's value, and the Spearman rank correlation of the two (mid-ranks for ties, from
 * simple-statistics). Only countries with a policy of their own count: a tier default is no
 * country's policy. An index where a higher value means more restrictive (IMPIC) is compared with
 * its sign turned, so a positive ρ always means agreement.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sampleRankCorrelation } from 'simple-statistics';
import {
  resolve,
  type Convention,
  type Criterion,
  type Library,
  type NationalPolicy,
} from '../regime/index.ts';
import { checkCompliance, documentsOnDate } from '../rules/index.ts';
import { userError } from '../shared/errors.ts';
import { columnIndex, numberCell, parseCsv, yearCell } from '../world/index.ts';
import type { PolicyIndex } from './indices.ts';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The aim the issue sets: a rank correlation of at least 0.7 over at least 20 countries. */
export const AIM = { spearman: 0.7, n: 20 } as const;

export interface CrosscheckPair {
  country: string;
  policy: string;
  ours: number;
  theirs: number;
  /** Our score per strand (null: no criterion of the strand could be scored). */
  strands: Record<string, number | null>;
}

export interface CrosscheckResult {
  index: string;
  edition: string;
  year: number;
  date: string;
  n: number;
  spearman: number | null;
  aim: typeof AIM;
  meets_aim: boolean;
  higher_is_open: boolean;
  strands: { id: string; title: string; criteria: string[] }[];
  unmapped: string[];
  /** Countries the index covers that have no policy of their own here. */
  not_covered: string[];
  pairs: CrosscheckPair[];
}

/** The index's values for its year, by ISO3 (read from its CSV under data/policy/). */
export function indexValues(index: PolicyIndex, root = PACKAGE_ROOT): Map<string, number> {
  const file = index.file;
  const table = parseCsv(readFileSync(`${root}${file}`, 'utf8'), file);
  const iso3 = columnIndex(table, 'iso3');
  const value = columnIndex(table, index.column);
  const year = table.columns.includes('year') ? columnIndex(table, 'year') : -1;
  const out = new Map<string, number>();
  table.rows.forEach((r, i) => {
    if (year >= 0 && yearCell(table, i, year) !== index.year) return;
    const v = numberCell(table, i, value);
    if (v === v) out.set(r[iso3], v);
  });
  return out;
}

/** The mapped criteria gathered into one convention whose components are the index's strands. */
export function strandConvention(lib: Library, index: PolicyIndex): Convention {
  const parameters: NonNullable<Convention['parameters']> = {};
  const criteria: Criterion[] = [];
  for (const strand of index.strands)
    for (const ref of strand.criteria) {
      const [conventionId, criterionId] = ref.split('#');
      const source = resolve(lib, lib.require(conventionId, 'Convention').doc.id, index.date)
        .document as Convention;
      const criterion = source.criteria.find((c) => c.id === criterionId);
      if (!criterion)
        throw userError('E_UNKNOWN_ID', `${ref}: ${conventionId} has no criterion ${criterionId}`);
      for (const [name, p] of Object.entries(source.parameters ?? {})) {
        if (name in parameters && JSON.stringify(parameters[name].value) !== JSON.stringify(p.value))
          throw userError('E_INVALID', `${ref}: parameter ${name} differs between the mapped conventions`);
        parameters[name] = p;
      }
      criteria.push({ ...criterion, id: `${conventionId}--${criterion.id}`, component: strand.id });
    }
  return {
    kind: 'Convention',
    id: `crosscheck-${index.id}`,
    title: `Our criteria on the strands of ${index.title}`,
    sources: [{ note: index.citation }],
    valid_from: '1900-01-01',
    binding: false,
    components: index.strands.map((s) => ({ id: s.id, title: s.title, source: { note: index.citation } })),
    integral: false,
    parameters,
    criteria,
  };
}

/** Compares our scores with the index's values on the edition's date. */
export function crosscheck(lib: Library, index: PolicyIndex, values = indexValues(index)): CrosscheckResult {
  const convention = strandConvention(lib, index);
  const documents = documentsOnDate(lib, index.date);
  const policyOf = new Map<string, string>();
  for (const d of lib.ofKind('NationalPolicy')) {
    const country = (d.doc as NationalPolicy).country;
    if (country) policyOf.set(country, d.doc.id);
  }
  const pairs: CrosscheckPair[] = [];
  const notCovered: string[] = [];
  for (const [country, theirs] of [...values].sort(([a], [b]) => a.localeCompare(b))) {
    const policy = policyOf.get(country);
    if (!policy) {
      notCovered.push(country);
      continue;
    }
    const report = checkCompliance(
      convention,
      resolve(lib, policy, index.date).document as NationalPolicy,
      index.date,
      documents,
    );
    if (report.score === null) continue;
    pairs.push({
      country,
      policy,
      ours: report.score,
      theirs,
      strands: Object.fromEntries(report.components.map((c) => [c.id, c.score])),
    });
  }
  const n = pairs.length;
  const spearman =
    n >= 3
      ? round(
          sampleRankCorrelation(
            pairs.map((p) => p.ours),
            pairs.map((p) => (index.higherIsOpen ? p.theirs : -p.theirs)),
          ),
        )
      : null;
  return {
    index: index.id,
    edition: index.edition,
    year: index.year,
    date: index.date,
    n,
    spearman: spearman !== null && Number.isFinite(spearman) ? spearman : null,
    aim: AIM,
    meets_aim: n >= AIM.n && spearman !== null && spearman >= AIM.spearman,
    higher_is_open: index.higherIsOpen,
    strands: index.strands,
    unmapped: index.unmapped,
    not_covered: notCovered,
    pairs,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
