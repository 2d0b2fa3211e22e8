/** `regimes export RUN|COMPARISON --out DIR`: writes a stored result again as CSV, Parquet and JSON. */
import type { Command } from 'commander';
import {
  DEFAULT_STORE_FILE,
  ResultStore,
  exportComparison,
  exportRun,
  resolveStoreFile,
} from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { printJson, printLine, FORCE_HELP } from '../output.ts';

interface ExportOptions extends CommonOptions {
  out: string;
  store?: string;
}

/** Registers `export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write a stored run (indicators.csv, indicators.parquet, run.json) or comparison (comparison.csv, .parquet, .json) to a folder',
    )
    .argument('<id>', 'a run id (run-…), a comparison id (cmp-…), or `latest` for the newest run')
    .requiredOption('--out <dir>', 'folder to write into (made if missing)')
    .option('--store <file>', `results store (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`)
    .option('--force', FORCE_HELP)
    .option('--json', 'print what was written as JSON on stdout')
    .option('--quiet', 'no notes on stderr')
    .action(async (id: string, opts: ExportOptions) => {
      const store = await ResultStore.open(resolveStoreFile(opts.store), 'read');
      try {
        const files = id.startsWith('cmp-')
          ? await exportComparison(store, await store.getComparison(id), opts.out, { force: opts.force })
          : await exportRun(store, await store.getRun(id), opts.out, { force: opts.force });
        if (opts.json) printJson({ id, files });
        else printLine(`wrote ${files.join(', ')}`);
      } finally {
        store.close();
      }
    });
}
