import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { documentJsonSchema } from '../../regime/json-schema.ts';
import { note, printJson, type CommonOptions } from '../output.ts';

/** `regimes schema`: the JSON Schema of documents, for editors' autocompletion. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print (or write) the JSON Schema of regime documents, for editor autocompletion')
    .option('--out <file>', 'write it to this file instead of stdout')
    .option('--quiet', 'no chatter on stderr')
    .action((opts: CommonOptions & { out?: string }) => {
      const schema = documentJsonSchema();
      if (!opts.out) return printJson(schema);
      writeFileSync(opts.out, JSON.stringify(schema, null, 2) + '\n');
      note(opts, `wrote ${opts.out}`);
    });
}
