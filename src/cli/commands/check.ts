/** `regimes check --convention ID --policy ID|FILE`: a national policy checked against a convention. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  loadWithBuiltins,
  requireDate,
  resolve,
  type Convention,
  type NationalPolicy,
} from '../../regime/index.ts';
import { checkCompliance, rankReports, type ComplianceReport } from '../../rules/index.ts';
import { userError } from '../../shared/errors.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';
import { UsageError } from '../usage-error.ts';

interface CheckOptions extends CommonOptions {
  convention: string;
  policy?: string;
  all?: boolean;
  at: string;
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
      'date to resolve the convention and policies at, YYYY-MM-DD',
      new Date().toISOString().slice(0, 10),
    )
    .option('--json', 'print the report(s) as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((opts: CheckOptions) => {
      requireDate(opts.at, '--at');
      if (Boolean(opts.policy) === Boolean(opts.all))
        throw new UsageError('check needs exactly one of --policy ID|FILE or --all');
      const isFile = Boolean(opts.policy && (/\.ya?ml$/.test(opts.policy) || existsSync(opts.policy)));
      const lib = loadWithBuiltins(isFile ? [opts.policy!] : []);
      lib.require(opts.convention, 'Convention');
      const convention = resolve(lib, opts.convention, opts.at).document as Convention;
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
      const reports = ids.map((id) =>
        checkCompliance(convention, resolve(lib, id, opts.at).document as NationalPolicy, opts.at),
      );
      if (opts.all) {
        const ranked = rankReports(reports);
        if (opts.json) return printJson(ranked.map(({ criteria: _c, ...r }) => r));
        printLine(
          `${convention.id} on ${opts.at}: ${convention.binding ? 'binding, checked' : 'non-binding, scored only'}; ${convention.criteria.length} criteria`,
        );
        printLine(
          `${'rank'.padEnd(5)}${'policy'.padEnd(34)}${'score'.padStart(6)}  verdict            met more  not  n/a  n/k`,
        );
        ranked.forEach((r, i) => {
          const c = r.counts;
          printLine(
            `${String(i + 1).padEnd(5)}${r.policy.padEnd(34)}${(r.score === null ? '—' : r.score.toFixed(1)).padStart(6)}  ${r.verdict.padEnd(17)}${[c.met, c.more_favourable, c.not_met, c.not_applicable, c.not_assessable].map((n) => String(n).padStart(5)).join('')}`,
          );
        });
        return;
      }
      if (opts.json) return printJson(reports.length === 1 ? reports[0] : reports);
      reports.forEach((r, i) => {
        if (i) printLine();
        printReport(r);
      });
    });
}

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
    `  score ${r.score === null ? '— (nothing assessable)' : `${r.score.toFixed(1)} / 100`}; verdict: ${r.verdict.replace(/_/g, ' ')}${r.binding ? '' : ' (non-binding: scored, not passed or failed)'}`,
  );
  for (const c of r.components)
    printLine(
      `  component ${c.id}: ${c.score === null ? '—' : c.score.toFixed(1)} (${c.scored} of ${c.criteria} criteria scored)`,
    );
  printLine('');
  for (const c of r.criteria) {
    printLine(`  [${LABEL[c.result]}] ${c.id} — ${c.title}`);
    printLine(`      ${c.reason}`);
    printLine(`      ${c.citation}${c.missing ? `; missing: ${c.missing.join(', ')}` : ''}`);
  }
}
