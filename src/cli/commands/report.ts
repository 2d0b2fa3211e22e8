/** `regimes report RUN|COMPARISON|EXPERIMENT --out FILE.html`: a self-contained report of a stored result. */
import type { Command } from 'commander';
import { writeReport } from '../../report/index.ts';
import { DEFAULT_STORE_FILE, resolveStoreFile } from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { printJson, printLine, FORCE_HELP } from '../output.ts';

interface ReportCliOptions extends CommonOptions {
  out: string;
  store?: string;
}

/** Registers `report`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write a self-contained HTML report (charts inline as SVG, sources, parameters, the command that reproduces it) of a stored run, comparison or experiment',
    )
    .argument(
      '<target>',
      'a run id (run-…), comparison id (cmp-…), experiment id (exp-…) or experiment name (its newest result)',
    )
    .requiredOption('--out <file.html>', 'the HTML file to write')
    .option('--store <file>', `results store (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`)
    .option('--force', FORCE_HELP)
    .option('--json', 'print what was written as JSON')
    .option('--quiet', 'print nothing on success')
    .action(async (target: string, opts: ReportCliOptions) => {
      const written = await writeReport(resolveStoreFile(opts.store), target, opts.out, {
        force: opts.force,
      });
      if (opts.json) printJson(written);
      else if (!opts.quiet)
        printLine(`wrote ${written.out} (${written.kind} ${written.id}, ${written.bytes} bytes)`);
    });
}
