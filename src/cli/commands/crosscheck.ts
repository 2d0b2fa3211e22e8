/** `regimes crosscheck INDEX`: our compliance scores against a published policy index. */
import type { Command } from 'commander';
import { loadBuiltinLibrary } from '../../regime/index.ts';
import { INDICES, crosscheck } from '../../crosscheck/index.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';
import { UsageError } from '../usage-error.ts';

export function registerCrosscheck(program: Command): void {
  program
    .command('crosscheck')
    .description(
      `compare our policies' scores with a published index on the edition's date: Spearman rank correlation over the countries both cover (${Object.keys(INDICES).join(', ')})`,
    )
    .argument('<index>', `the index: ${Object.keys(INDICES).join(' or ')}`)
    .option('--json', 'print { index, edition, year, n, spearman, pairs, … } as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((name: string, opts: CommonOptions) => {
      const index = INDICES[name];
      if (!index)
        throw new UsageError(`unknown index '${name}': expected ${Object.keys(INDICES).join(' or ')}`);
      const r = crosscheck(loadBuiltinLibrary(), index);
      if (opts.json) return printJson(r);
      printLine(`${index.title}, ${r.edition}`);
      printLine(
        `  our policies on ${r.date}, ${r.n} countries: Spearman ρ = ${r.spearman ?? '—'} (aim ρ ≥ ${r.aim.spearman} with n ≥ ${r.aim.n}: ${r.meets_aim ? 'met' : 'NOT met'})`,
      );
      printLine(
        `  strands scored: ${r.strands.map((s) => s.id).join(', ')}; not scored: ${r.unmapped.join(', ')}`,
      );
      if (r.not_covered.length)
        printLine(`  no policy of their own here (tier defaults, left out): ${r.not_covered.join(', ')}`);
      printLine(`  ${'country'.padEnd(8)}${'ours'.padStart(7)}${'theirs'.padStart(9)}  strands`);
      for (const p of [...r.pairs].sort((a, b) => b.ours - a.ours))
        printLine(
          `  ${p.country.padEnd(8)}${p.ours.toFixed(1).padStart(7)}${String(p.theirs.toFixed(3).replace(/\.?0+$/, '')).padStart(9)}  ${Object.entries(
            p.strands,
          )
            .map(([k, v]) => `${k} ${v === null ? '—' : v.toFixed(0)}`)
            .join(', ')}`,
        );
    });
}
