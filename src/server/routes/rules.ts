/**
 * Cases and compliance: decide a case under a regime (decision, status, rights and the numbered
 * reasons with their citations), and check national policies against a convention (one posted or
 * built-in policy, or every built-in policy as a countries × criteria table with a ranking).
 */
import type { TaskTable } from '../tasks/task-table.ts';
import { stringify } from 'yaml';
import { TIERS, defaultDate, pastLastEntry, requireDate, resolve } from '../../regime/index.ts';
import type { Case, Convention, Library, NationalPolicy, Tier } from '../../regime/index.ts';
import {
  checkCompliance,
  decide,
  documentsOnDate,
  decidingState,
  numberedReasons,
  rankReports,
  tierInWorld,
} from '../../rules/index.ts';
import type { ComplianceReport } from '../../rules/index.ts';
import { loadWorld } from '../../world/index.ts';
import type { World } from '../../world/index.ts';
import { apiError } from '../http-error.ts';
import { library, libraryWithPosted } from '../library.ts';
import { CheckBody, DecideBody, parseBody, queryString } from '../request.ts';

let world: World | undefined;
const today = () => new Date().toISOString().slice(0, 10);

/** The handlers of the routes, by `METHOD /path` (they run in the task workers: tasks/task-pool.ts). */
export const rulesTasks: TaskTable = {
  'POST /api/decide': (req) => {
    const body = parseBody(DecideBody, req.body);
    if (body.at) requireDate(body.at, 'at');
    if (body.tier !== undefined && !(TIERS as readonly string[]).includes(body.tier))
      throw apiError('E_BAD_REQUEST', `tier: expected one of ${TIERS.join(', ')}`);
    const yaml = body.yaml ?? stringify(body.case);
    const lib = libraryWithPosted(yaml, 'case.yaml');
    const cases = lib.ofKind('Case').filter((d) => d.file === 'case.yaml');
    if (!cases.length) throw apiError('E_NO_CASE', 'the posted document is not of kind Case');
    lib.require(body.regime, 'Regime');
    const c = cases[0].doc as Case;
    const date = body.at ?? c.date;
    const tier = (body.tier as Tier | undefined) ?? tierOf(c, date);
    const decision = decide(lib, body.regime, c, { tier, date: body.at });
    return { ...decision, reasons: numberedReasons(decision.explanation) };
  },

  'POST /api/check': (req) => {
    const body = parseBody(CheckBody, req.body);
    if (body.at !== undefined) requireDate(body.at, 'at');
    if ((body.policy === undefined) === (body.yaml === undefined))
      throw apiError('E_BAD_REQUEST', 'send either policy (an id) or yaml (a NationalPolicy document)');
    const lib = body.yaml !== undefined ? libraryWithPosted(body.yaml, 'policy.yaml') : library();
    const at = body.at ?? defaultDate(lib, today()).date;
    const convention = conventionAt(lib, body.convention, at);
    const ids =
      body.yaml !== undefined
        ? lib
            .ofKind('NationalPolicy')
            .filter((d) => d.file === 'policy.yaml')
            .map((d) => d.doc.id)
        : [lib.require(body.policy!, 'NationalPolicy').doc.id];
    if (!ids.length) throw apiError('E_NO_POLICY', 'the posted document is not of kind NationalPolicy');
    const documents = documentsOnDate(lib, at);
    const reports = ids.map((id) =>
      checkCompliance(convention, resolve(lib, id, at).document as NationalPolicy, at, documents),
    );
    return { reports, warnings: pastLastEntry(lib, ids, at).map((w) => w.message) };
  },

  'GET /api/compliance': (req) => {
    const q = req.query as Record<string, unknown>;
    const id = queryString(q, 'convention');
    if (!id) throw apiError('E_BAD_REQUEST', 'query parameter convention (a Convention id) is required');
    const asked = queryString(q, 'at');
    const lib = library();
    const fallback = defaultDate(lib, today());
    const at = asked === undefined ? fallback.date : requireDate(asked, 'at');
    const convention = conventionAt(lib, id, at);
    const documents = documentsOnDate(lib, at);
    const ids = lib.ofKind('NationalPolicy').map((d) => d.doc.id);
    const reports = rankReports(
      ids.map((pid) =>
        checkCompliance(convention, resolve(lib, pid, at).document as NationalPolicy, at, documents),
      ),
    );
    const lastEntry = new Map(pastLastEntry(lib, ids, at).map((w) => [w.policy, w.last_entry]));
    return {
      ...complianceTable(convention, at, reports),
      date_note: asked === undefined ? fallback.note : `${at}: the date asked`,
      past_last_entry: Object.fromEntries(lastEntry),
    };
  },
};

function conventionAt(lib: Library, id: string, at: string): Convention {
  lib.require(id, 'Convention');
  return resolve(lib, id, at).document as Convention;
}

/** The tier of the deciding state in the decision's year, from the world data. */
function tierOf(c: Case, date: string): Tier {
  const state = decidingState(c);
  world ??= loadWorld();
  const tier = tierInWorld(world, state, Number(date.slice(0, 4)));
  if (!tier)
    throw apiError(
      'E_UNKNOWN_TIER',
      `the world data gives no tier for ${state} in ${date.slice(0, 4)}; send tier: core, semi_periphery or periphery`,
    );
  return tier;
}

/** Reports as a countries × criteria table, ranked by score. */
export function complianceTable(convention: Convention, date: string, reports: ComplianceReport[]) {
  return {
    convention: convention.id,
    title: convention.title,
    binding: convention.binding,
    date,
    criteria: convention.criteria.map((c) => ({ id: c.id, title: c.title, component: c.component })),
    scoring:
      'Per component, the weight of the criteria met (or more favourable) over the weight of those that apply; not-assessable criteria apply but are not credited (coverage: the share of the applicable weight assessed; upper: the score if they were met); not applicable ones are left out. The score averages the components (0–100).',
    rows: reports.map((r) => ({
      country: r.country ?? '—',
      policy: r.policy,
      score: r.score,
      upper: r.upper,
      coverage: r.coverage,
      verdict: r.verdict,
      results: r.criteria.map((c) => ({
        criterion: c.id,
        result: c.result,
        reason: c.reason,
        citation: c.citation,
      })),
    })),
  };
}
