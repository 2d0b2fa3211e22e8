/** `regimes check --convention ID --policy ID|FILE`: a national policy checked against a convention. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  defaultDate,
  loadWithBuiltins,
  pastLastEntry,
  requireDate,
  resolve,
  type Convention,
  type NationalPolicy,
} from '../../regime/index.ts';
import { checkCompliance, documentsOnDate, rankReports, type ComplianceReport } from '../../rules/index.ts';
import { userError } from '../../shared/errors.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';
import { UsageError } from '../usage-error.ts';

interface CheckOptions extends CommonOptions {
  convention: string;
  policy?: string;
  all?: boolean;
  at?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'check a national policy against a convention: per criterion met / not met / more favourable / not applicable / not assessable, and a 0–100 score',
    )
    .requiredOption('--convention <id>', 'the convention (see regimes list --kind Convention)')
    .option(
      '--policy <id-or-file>',
      'a built-in NationalPolicy id, or a YAML file with NationalPolicy documents',
    )
    .option('--all', 'rank every built-in national policy')
    .option(
      '--at <date>',
      'date to resolve the convention and policies at, YYYY-MM-DD (default: the latest date the national policies cover, never beyond today)',
    )
    .option('--json', 'print the report(s) as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((opts: CheckOptions) => {
      if (opts.at !== undefined) requireDate(opts.at, '--at');
      if (Boolean(opts.policy) === Boolean(opts.all))
        throw new UsageError('check needs exactly one of --policy ID|FILE or --all');
      const isFile = Boolean(opts.policy && (/\.ya?ml$/.test(opts.policy) || existsSync(opts.policy)));
      const lib = loadWithBuiltins(isFile ? [opts.policy!] : []);
      lib.require(opts.convention, 'Convention');
      const at = opts.at ?? defaultDate(lib).date;
      if (opts.at === undefined) printNote(`check on ${defaultDate(lib).note}; --at to choose`, opts);
      const convention = resolve(lib, opts.convention, at).document as Convention;
      let ids: string[];
      if (opts.all) ids = lib.ofKind('NationalPolicy').map((d) => d.doc.id);
      else if (isFile) {
        ids = lib
          .ofKind('NationalPolicy')
          .filter((d) => d.file === opts.policy)
          .map((d) => d.doc.id);
        if (!ids.length)
          throw userError('E_NO_POLICY', 'the file holds no document of kind NationalPolicy', {
            file: opts.policy,
          });
      } else ids = [lib.require(opts.policy!, 'NationalPolicy').doc.id];
      const documents = documentsOnDate(lib, at);
      const reports = ids.map((id) =>
        checkCompliance(convention, resolve(lib, id, at).document as NationalPolicy, at, documents),
      );
      if (!opts.all)
        for (const id of ids) {
          const tier = (lib.get(id)?.doc as NationalPolicy | undefined)?.tier_default;
          if (tier)
            printNote(
              `${id} is a tier default: the policy of every ${tier} state without one of its own`,
              opts,
            );
        }
      const stale = pastLastEntry(lib, ids, at);
      warnPastLastEntry(stale, opts);
      if (opts.all) {
        const ranked = rankReports(reports);
        const lastEntryOf = new Map(stale.map((s) => [s.policy, s.last_entry]));
        if (opts.json)
          return printJson(
            ranked.map(({ criteria: _c, ...r }) => ({
              ...r,
              past_last_entry: lastEntryOf.get(r.policy) ?? null,
            })),
          );
        printLine(
          `${convention.id} on ${at}: ${convention.binding ? 'binding, checked' : 'non-binding, scored only'}; ${convention.criteria.length} criteria`,
        );
        printLine(
          `${'rank'.padEnd(5)}${'policy'.padEnd(34)}${'score'.padStart(6)}${'upper'.padStart(7)}${'cover'.padStart(7)}  verdict            met more  not  n/a  n/k`,
        );
        ranked.forEach((r, i) => {
          const c = r.counts;
          printLine(
            `${String(i + 1).padEnd(5)}${r.policy.padEnd(34)}${fixed(r.score, 1).padStart(6)}${fixed(r.upper, 1).padStart(7)}${fixed(r.coverage === null ? null : 100 * r.coverage, 0, '%').padStart(7)}  ${r.verdict.padEnd(17)}${[c.met, c.more_favourable, c.not_met, c.not_applicable, c.not_assessable].map((n) => String(n).padStart(5)).join('')}`,
          );
        });
        return;
      }
      if (opts.json) {
        const withWarnings = reports.map((r) => ({
          ...r,
          past_last_entry: stale.find((s) => s.policy === r.policy)?.last_entry ?? null,
        }));
        return printJson(withWarnings.length === 1 ? withWarnings[0] : withWarnings);
      }
      reports.forEach((r, i) => {
        if (i) printLine();
        printReport(r);
      });
    });
}

function printNote(text: string, opts: CommonOptions): void {
  if (!opts.quiet) process.stderr.write(`regimes: ${text}\n`);
}

/** One warning per policy asked about past its last dated entry (many: a count and the first few). */
function warnPastLastEntry(stale: ReturnType<typeof pastLastEntry>, opts: CommonOptions): void {
  if (opts.quiet || !stale.length) return;
  if (stale.length <= 3) {
    for (const s of stale) process.stderr.write(`regimes: warning: ${s.message}\n`);
    return;
  }
  const listed = stale
    .slice(0, 8)
    .map((s) => `${s.policy} (${s.last_entry})`)
    .join(', ');
  process.stderr.write(
    `regimes: warning: ${stale.length} policies record no change after their last entry and are given as last recorded on ${stale[0].date}: ${listed}${stale.length > 8 ? ', …' : ''} (--json: past_last_entry)\n`,
  );
}

const fixed = (x: number | null, digits: number, unit = '') =>
  x === null ? '—' : `${x.toFixed(digits)}${unit}`;

const LABEL: Record<string, string> = {
  met: 'met',
  more_favourable: 'more favourable',
  not_met: 'NOT MET',
  not_applicable: 'not applicable',
  not_assessable: 'not assessable',
};

function printReport(r: ComplianceReport): void {
  printLine(`${r.policy}${r.country ? ` (${r.country})` : ''} against ${r.convention} on ${r.date}`);
  printLine(
    `  score ${r.score === null ? '— (no criterion applies)' : `${r.score.toFixed(1)} / 100 (${fixed(r.upper, 1)} if every not-assessable criterion were met; coverage ${fixed(r.coverage === null ? null : 100 * r.coverage, 0, '%')})`}; verdict: ${r.verdict.replace(/_/g, ' ')}${r.binding ? '' : ' (non-binding: scored, not passed or failed)'}`,
  );
  for (const c of r.components)
    printLine(
      `  component ${c.id}: ${fixed(c.score, 1)} (${c.scored} of ${c.criteria} criteria scored; coverage ${fixed(c.coverage === null ? null : 100 * c.coverage, 0, '%')})`,
    );
  printLine('');
  for (const c of r.criteria) {
    printLine(`  [${LABEL[c.result]}] ${c.id} — ${c.title}`);
    printLine(`      ${c.reason}`);
    printLine(`      ${c.citation}${c.missing ? `; missing: ${c.missing.join(', ')}` : ''}`);
  }
}
