/** `regimes runs`: the runs and comparisons in the results store. */
import type { Command } from 'commander';
import { formatDuration } from '../../ensemble/format.ts';
import { DEFAULT_STORE_FILE, ResultStore, resolveStoreFile } from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { printJson, printLine } from '../output.ts';

interface RunsOptions extends CommonOptions {
  store?: string;
  members?: boolean;
}

/** Registers `runs`. */
export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list the runs and comparisons in the results store, newest first')
    .option('--members', "also list the comparisons' member runs")
    .option('--store <file>', `results store (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`)
    .option('--json', 'print runs and comparisons as JSON on stdout')
    .option('--quiet', 'no notes on stderr')
    .action(async (opts: RunsOptions) => {
      const file = resolveStoreFile(opts.store);
      const store = await ResultStore.open(file, 'read');
      try {
        const all = await store.listRuns();
        const runs = opts.members ? all : all.filter((r) => r.comparisonId === null);
        const comparisons = await store.listComparisons();
        if (opts.json) return printJson({ store: file, runs, comparisons });
        printLine(
          `${file}: ${runs.length} run${runs.length === 1 ? '' : 's'}, ${comparisons.length} comparison${comparisons.length === 1 ? '' : 's'}`,
        );
        if (runs.length) {
          printLine('runs:');
          for (const r of runs) {
            printLine(
              `  ${r.id}  ${r.createdAt.slice(0, 19).replace('T', ' ')}  ${r.scenario} ${r.regime} seed ${r.seed} scale ${r.scale} ${r.from}–${r.to}  ${r.agents.toLocaleString('en-US')} agents  ${formatDuration(r.wallMs)}${r.comparisonId ? `  (${r.comparisonId})` : ''}`,
            );
          }
        }
        if (comparisons.length) {
          printLine('comparisons:');
          for (const c of comparisons) {
            printLine(
              `  ${c.id}  ${c.createdAt.slice(0, 19).replace('T', ' ')}  ${c.scenario} ${c.regimes.join(' vs ')}  ${c.seeds.length} seeds scale ${c.scale} ${c.from}–${c.to}  ${c.members.length} members  ${formatDuration(c.wallMs)}`,
            );
          }
        }
      } finally {
        store.close();
      }
    });
}
