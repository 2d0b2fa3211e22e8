/** `regimes decide --regime ID --case FILE`: a case decided under a regime, with cited reasons. */
import { Option, type Command } from 'commander';
import {
  TIERS,
  loadWithBuiltins,
  requireDate,
  type Case,
  type Library,
  type Tier,
} from '../../regime/index.ts';
import {
  decide,
  decidingState,
  numberedReasons,
  regimeFromPath,
  tierInWorld,
  type Decision,
} from '../../rules/index.ts';
import { userError } from '../../shared/errors.ts';
import { loadWorld, type World } from '../../world/index.ts';
import { printJson, printLine, type CommonOptions } from '../output.ts';
import { UsageError } from '../usage-error.ts';

interface DecideOptions extends CommonOptions {
  regime?: string;
  case: string;
  at?: string;
  tier?: Tier;
  explain?: boolean;
}

export function registerDecide(program: Command): void {
  program
    .command('decide')
    .description(
      'decide a case under a regime: protection, status, removability, channels, rights, with the reasons that decided them',
    )
    .requiredOption('--case <file>', 'a YAML file with one or more Case documents')
    .option('--regime <id>', 'the regime (default: the folder the case file is in, cases/<regime-id>/…)')
    .option('--at <date>', "decision date, YYYY-MM-DD (default: the case's date)")
    .addOption(
      new Option(
        '--tier <tier>',
        "tier of the deciding state (default: from the world data in the decision's year)",
      ).choices(TIERS),
    )
    .option('--explain', 'print the reasons as numbered steps with their citations')
    .option('--json', 'print the decision(s) as JSON')
    .option('--quiet', 'no chatter on stderr')
    .action((opts: DecideOptions) => {
      if (opts.at) requireDate(opts.at, '--at');
      const lib = loadWithBuiltins([opts.case]);
      const cases = lib.ofKind('Case').filter((d) => d.file === opts.case);
      if (!cases.length)
        throw userError('E_NO_CASE', 'the file holds no document of kind Case', { file: opts.case });
      const regime = opts.regime ?? regimeFromPath(lib, opts.case);
      if (!regime)
        throw new UsageError(
          'decide needs --regime ID (or a case file under a folder named after a regime, cases/<regime-id>/…)',
        );
      lib.require(regime, 'Regime');
      let world: World | undefined;
      const decisions = cases.map(({ doc }) => {
        const tier = opts.tier ?? tierOf(doc, opts.at ?? doc.date, () => (world ??= loadWorld()));
        return decide(lib, regime, doc, { tier, date: opts.at });
      });
      if (opts.json) return printJson(decisions.length === 1 ? decisions[0] : decisions);
      decisions.forEach((d, i) => {
        if (i) printLine();
        printDecision(d, Boolean(opts.explain), lib);
      });
    });
}

/** The tier of the deciding state of a case, from the world data. */
export function tierOf(c: Case, date: string, world: () => World): Tier {
  const state = decidingState(c);
  const tier = tierInWorld(world(), state, Number(date.slice(0, 4)));
  if (!tier)
    throw userError(
      'E_UNKNOWN_TIER',
      `the world data gives no tier for ${state} in ${date.slice(0, 4)}; pass --tier core|semi_periphery|periphery`,
    );
  return tier;
}

const yesNo = (v: boolean | 'undetermined') => (v === 'undetermined' ? v : v ? 'yes' : 'no');

function printDecision(d: Decision, explain: boolean, lib: Library): void {
  const title = lib.get(d.regime)?.doc;
  printLine(`Case ${d.case} under ${d.regime}${title && 'title' in title ? ` (${title.title})` : ''}`);
  printLine(
    `  deciding state  ${d.country} (${d.tier.replace('_', '-')}), policy ${d.policy.id}, on ${d.date}`,
  );
  printLine(`  outcome         ${d.outcome}`);
  printLine(`  protection      ${d.protection}`);
  printLine(`  status          ${d.status ?? 'none in this state'}`);
  printLine(`  removable       ${yesNo(d.removable)}`);
  printLine(`  non-refoulement ${yesNo(d.non_refoulement)}`);
  printLine(`  channels        ${d.channels.join(', ') || 'none'}`);
  printLine(`  rights          ${Array.isArray(d.rights) ? d.rights.join(', ') || 'none' : d.rights}`);
  const t = d.transitions;
  const route = (r: { route: boolean; years_required: number | null }) =>
    r.route ? `after ${r.years_required} years` : 'no route';
  printLine(
    `  transitions     long-term residence ${t.long_term_residence.reached ? 'held' : route(t.long_term_residence)}; naturalisation ${t.naturalisation.eligible ? 'eligible now' : route(t.naturalisation)}${t.years_counted !== null ? ` (${t.years_counted} years counted)` : ''}; dual citizenship ${yesNo(t.dual_citizenship)}`,
  );
  if (d.missing.length) printLine(`  missing facts   ${d.missing.join(', ')}`);
  for (const c of d.conflicts)
    printLine(
      `  CONFLICT on ${c.field}: ${c.rules.map((r) => `${r.rule} (${r.citation}) → ${String(r.concludes)}`).join(' vs ')}`,
    );
  if (explain) {
    printLine('');
    printLine('Reasons:');
    for (const l of numberedReasons(d.explanation)) printLine(l);
  } else {
    printLine(`  (${d.explanation.length} reasons; --explain prints them)`);
  }
}
