import type { Command } from 'commander';
import { stringify } from 'yaml';
import {
  loadWithBuiltins,
  pastLastEntry,
  resolve,
  type Library,
  type NationalPolicy,
  type Regime,
} from '../../regime/index.ts';
import { tierInWorld } from '../../rules/index.ts';
import { userError } from '../../shared/errors.ts';
import { loadWorld } from '../../world/index.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';

/** `regimes show ID [--at DATE]`: one document as in force on a date, with its sources. */
export function registerShow(program: Command): void {
  program
    .command('show')
    .description(
      'show a document as in force on a date (history and amendments applied), with its sources; a country code (DEU) shows the national policy that country runs under a regime, saying when it is a tier default',
    )
    .argument('<id>', 'document id (see regimes list), or an ISO3 country code')
    .option('--at <date>', 'date to resolve at, YYYY-MM-DD', today())
    .option('--regime <id>', 'with a country code: the regime whose national policies to read', 'neoliberal')
    .option('--with <files...>', 'also load these YAML files (your own documents)')
    .option('--json', 'print the resolved document as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((arg: string, opts: CommonOptions & { at: string; regime: string; with?: string[] }) => {
      const lib = loadWithBuiltins(opts.with ?? []);
      const id = /^[A-Z]{3}$/.test(arg) ? policyOfCountry(lib, arg, opts) : arg;
      const r = resolve(lib, id, opts.at);
      if (r.kind === 'NationalPolicy') {
        const tier = (r.document as NationalPolicy).tier_default;
        if (tier && !/^[A-Z]{3}$/.test(arg))
          note(
            `${id} is a tier default: the policy of every ${tier} state without a policy of its own`,
            opts,
          );
        for (const w of pastLastEntry(lib, [id], opts.at)) note(`warning: ${w.message}`, opts);
      }
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

/** The policy a country runs under a regime on a date: its own, or its tier's default (said so). */
function policyOfCountry(
  lib: Library,
  iso3: string,
  opts: CommonOptions & { at: string; regime: string },
): string {
  const regime = resolve(lib, lib.require(opts.regime, 'Regime').doc.id, opts.at).document as Regime;
  const own = regime.national_policies.explicit.find(
    (id) => (lib.get(id)?.doc as NationalPolicy | undefined)?.country === iso3,
  );
  if (own) {
    note(`${iso3} runs its own policy under ${regime.id}: ${own}`, opts);
    return own;
  }
  const tier = tierInWorld(loadWorld(), iso3, Number(opts.at.slice(0, 4)));
  if (!tier)
    throw userError('E_UNKNOWN_TIER', `${iso3} has no policy of its own and the world data gives it no tier`);
  const def = regime.national_policies.defaults[tier];
  note(
    `${iso3} has no policy of its own under ${regime.id}: the default of its tier (${tier}, world data ${opts.at.slice(0, 4)}) is used, ${def}`,
    opts,
  );
  return def;
}

function note(text: string, opts: CommonOptions): void {
  if (!opts.quiet) process.stderr.write(`regimes: ${text}\n`);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
