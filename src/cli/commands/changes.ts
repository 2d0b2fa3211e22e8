import type { Command } from 'commander';
import { changesBetween, loadWithBuiltins } from '../../regime/index.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';

/** `regimes changes ID --from DATE --to DATE`: coded policy changes (DEMIG-style). */
export function registerChanges(program: Command): void {
  program
    .command('changes')
    .description(
      'list the coded policy changes of a document between two dates (DEMIG-style: area, tool, target, direction)',
    )
    .argument('<id>', 'document id')
    .requiredOption('--from <date>', 'start date (exclusive), YYYY-MM-DD')
    .requiredOption('--to <date>', 'end date (inclusive), YYYY-MM-DD')
    .option('--with <files...>', 'also load these YAML files (your own documents)')
    .option('--json', 'print the changes as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((id: string, opts: CommonOptions & { from: string; to: string; with?: string[] }) => {
      const changes = changesBetween(loadWithBuiltins(opts.with ?? []), id, opts.from, opts.to);
      if (opts.json) return printJson(changes);
      if (!changes.length) return printLine(`no changes to ${id} after ${opts.from} up to ${opts.to}`);
      for (const c of changes) {
        const dir = {
          more_restrictive: '+1 more restrictive',
          less_restrictive: '-1 less restrictive',
          neutral: ' 0 neutral',
        }[c.demig.direction];
        const what =
          c.added || c.removed
            ? [
                c.added?.length ? `+ ${c.added.join(', ')}` : '',
                c.removed?.length ? `− ${c.removed.join(', ')}` : '',
              ]
                .filter(Boolean)
                .join('; ')
            : `${fmt(c.before)} → ${fmt(c.after)}`;
        printLine(`${c.date}  ${c.path}: ${what}`);
        printLine(
          `            ${dir} | area ${c.demig.area} | tool ${c.demig.tool} | target ${c.demig.target}${c.demig.magnitude ? ` | ${c.demig.magnitude}` : ''} | by ${c.by}`,
        );
      }
    });
}

const fmt = (v: unknown) => (v === undefined ? '(unset)' : JSON.stringify(v));
