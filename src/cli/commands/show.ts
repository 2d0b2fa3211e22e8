import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadWithBuiltins, resolve } from '../../regime/index.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';

/** `regimes show ID [--at DATE]`: one document as in force on a date, with its sources. */
export function registerShow(program: Command): void {
  program
    .command('show')
    .description('show a document as in force on a date (history and amendments applied), with its sources')
    .argument('<id>', 'document id (see regimes list)')
    .option('--at <date>', 'date to resolve at, YYYY-MM-DD', today())
    .option('--with <files...>', 'also load these YAML files (your own documents)')
    .option('--json', 'print the resolved document as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((id: string, opts: CommonOptions & { at: string; with?: string[] }) => {
      const lib = loadWithBuiltins(opts.with ?? []);
      const r = resolve(lib, id, opts.at);
      if (opts.json) return printJson(r);
      printLine(
        `# ${r.kind} ${r.id} as in force on ${r.date}${r.in_force ? '' : '  (NOT IN FORCE on this date)'}`,
      );
      if (r.applied.length) {
        printLine(`# changes applied: ${r.applied.map((e) => `${e.date} ${e.by}`).join('; ')}`);
      }
      process.stdout.write(stringify(r.document, { lineWidth: 110 }));
    });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
