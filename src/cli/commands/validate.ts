import type { Command } from 'commander';
import { checkWithBuiltins } from '../../regime/index.ts';
import { UserError } from '../../shared/errors.ts';
import { note, printJson, printLine, type CommonOptions } from '../output.ts';

/** `regimes validate FILE...`: checks documents against the schema and the built-in library. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check regime documents: schema, dates, expressions, references (errors as FILE:LINE:COL)')
    .argument(
      '[files...]',
      'YAML files to check together with the built-in documents (none: the built-ins alone)',
    )
    .option('--json', 'print the result as JSON')
    .option('--quiet', 'print nothing on success')
    .action((files: string[], opts: CommonOptions) => {
      const result = checkWithBuiltins(files);
      if (!result.ok) {
        if (opts.json) printJson({ ok: false, diagnostics: result.diagnostics });
        throw new UserError(result.diagnostics);
      }
      const mine = [...result.library.documents.values()].filter((d) => files.includes(d.file));
      const checked = files.length ? mine : [...result.library.documents.values()];
      if (opts.json) {
        printJson({
          ok: true,
          documents: checked.map((d) => ({ id: d.doc.id, kind: d.doc.kind, file: d.file })),
        });
        return;
      }
      if (!opts.quiet) {
        for (const d of checked) printLine(`ok  ${d.doc.kind.padEnd(16)} ${d.doc.id}  (${d.file})`);
      }
      note(opts, `${checked.length} document(s) valid`);
    });
}
