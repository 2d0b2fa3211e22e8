import { Option, type Command } from 'commander';
import { DOCUMENT_KINDS, kindRank, lastEntry, loadBuiltinLibrary } from '../../regime/index.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';

/** `regimes list`: the built-in documents, by kind. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description(
      'list the built-in documents: regimes, instruments, conventions, processes, policies, scenarios…',
    )
    .addOption(new Option('--kind <kind>', 'only documents of this kind').choices(DOCUMENT_KINDS))
    .option('--json', 'print the list as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((opts: CommonOptions & { kind?: string }) => {
      const lib = loadBuiltinLibrary();
      const docs = [...lib.documents.values()].filter((d) => !opts.kind || d.doc.kind === opts.kind);
      const rows = docs.map(({ doc, file }) => ({
        id: doc.id,
        kind: doc.kind,
        title: 'title' in doc ? doc.title : undefined,
        valid_from: 'valid_from' in doc ? doc.valid_from : 'effective' in doc ? doc.effective : undefined,
        valid_to: 'valid_to' in doc ? doc.valid_to : undefined,
        // how far a national policy's dated, cited history reaches (src/regime/time/coverage.ts)
        ...(doc.kind === 'NationalPolicy'
          ? { country: doc.country, tier_default: doc.tier_default, last_entry: lastEntry(lib, doc.id) }
          : {}),
        file,
      }));
      if (opts.json) return printJson(rows);
      const kinds = [...new Set(rows.map((r) => r.kind))].sort((a, b) => kindRank(a) - kindRank(b));
      for (const k of kinds) {
        const of = rows.filter((r) => r.kind === k);
        printLine(`${k} (${of.length})`);
        for (const r of of)
          printLine(`  ${r.id.padEnd(44)} ${r.last_entry ? `${r.last_entry}  ` : ''}${r.title ?? ''}`);
      }
    });
}
