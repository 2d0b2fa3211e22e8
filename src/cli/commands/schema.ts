import type { Command } from 'commander';
import { writeOutputFile } from '../../shared/output-files.ts';
import { documentJsonSchema } from '../../regime/json-schema.ts';
import { note, printJson, type CommonOptions, FORCE_HELP } from '../output.ts';

/** `regimes schema`: the JSON Schema of documents, for editors' autocompletion. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print (or write) the JSON Schema of regime documents, for editor autocompletion')
    .option('--out <file>', 'write it to this file instead of stdout')
    .option('--force', FORCE_HELP)
    .option('--quiet', 'no chatter on stderr')
    .action((opts: CommonOptions & { out?: string }) => {
      const schema = documentJsonSchema();
      if (!opts.out) return printJson(schema);
      writeOutputFile(opts.out, JSON.stringify(schema, null, 2) + '\n', { force: opts.force });
      note(opts, `wrote ${opts.out}`);
    });
}
